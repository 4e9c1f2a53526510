//===- Rule.cpp - shared helpers for building findings --------------------===//
#include "Rule.h"
#include "Model.h"

#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace resdll {

Rule::~Rule() = default;

FindingBuilder::FindingBuilder(AnalysisContext &AC, llvm::StringRef RuleId,
                               const FunctionDecl *EntryPoint)
    : AC(AC), Function(EntryPoint) {
  F.RuleId = RuleId.str();
  F.EntryPoint = displayName(EntryPoint);
}

FindingBuilder &FindingBuilder::message(std::string M) {
  F.Message = std::move(M);
  return *this;
}

FindingBuilder &FindingBuilder::at(const Stmt *S) {
  F.Primary = AC.locations().of(S);
  F.NormalizedStatement =
      AC.locations().normalizedTokens(S ? S->getSourceRange() : SourceRange());
  F.NormalizedContext.clear();
  if (S && Function && Function->hasBody())
    F.NormalizedContext =
        AC.locations().normalizedContext(S, AC.parentsOf(Function));
  return *this;
}

FindingBuilder &FindingBuilder::related(const Location &L, std::string M,
                                        std::string LinkText) {
  if (L.valid())
    F.Related.push_back({L, std::move(M), std::move(LinkText), ""});
  return *this;
}

FindingBuilder &FindingBuilder::related(const Stmt *S, std::string M,
                                        std::string LinkText) {
  return related(AC.locations().of(S), std::move(M), std::move(LinkText));
}

FindingBuilder &FindingBuilder::step(const Stmt *S, std::string M) {
  Location L = AC.locations().of(S);
  if (L.valid())
    F.Path.push_back({L, std::move(M)});
  return *this;
}

std::string describeBranch(AnalysisContext &AC, const TrailNode &N) {
  const LocationFactory &LF = AC.locations();
  if (N.K == TrailNode::Case) {
    if (const auto *CS = dyn_cast_or_null<CaseStmt>(N.S))
      return "'case " + LF.text(CS->getLHS()) + ":' is taken";
    if (isa_and_nonnull<DefaultStmt>(N.S))
      return "'default:' is taken";
    return "no case of the switch matches";
  }
  return "'" + LF.text(N.S) + "' is " + (N.Taken ? "true" : "false");
}

FindingBuilder &FindingBuilder::path(const Trail &T) {
  std::vector<const TrailNode *> Nodes;
  for (const TrailNode *N = T.get(); N; N = N->Parent.get())
    Nodes.push_back(N);
  for (auto It = Nodes.rbegin(); It != Nodes.rend(); ++It) {
    const TrailNode &N = **It;
    if (N.K == TrailNode::Event) {
      step(N.S, N.Message);
    } else {
      size_t Before = F.Path.size();
      step(N.S, describeBranch(AC, N));
      if (F.Path.size() > Before)
        F.Path.back().Kind = "branch";
    }
  }
  return *this;
}

FindingBuilder &FindingBuilder::registrations(const EntryPoint &EP) {
  std::string Name = displayName(EP.Function);
  std::string Kind = entryKindName(EP.Kind).str();
  size_t First = F.Related.size();
  for (const Registration &R : EP.Registrations) {
    switch (R.Form) {
    case RegistrationForm::MemberAssignment:
      related(R.Site, "'" + Name + "' is registered as the " + Kind +
                          " entry point by the assignment to '" + R.Target +
                          "'");
      break;
    case RegistrationForm::AggregateInit:
      related(R.Site, "'" + Name + "' is registered as the " + Kind +
                          " entry point in the initialiser of '" + R.Target +
                          "'");
      break;
    case RegistrationForm::Conversion:
      related(R.Site, "'" + Name + "' is registered as the " + Kind +
                          " entry point by its conversion to " +
                          entryKindTypedef(EP.Kind).str() + " (" + R.Target +
                          ")");
      break;
    case RegistrationForm::ExplicitCast:
      related(R.Site, "'" + Name + "' is registered as the " + Kind +
                          " entry point by its cast to " +
                          entryKindTypedef(EP.Kind).str());
      break;
    case RegistrationForm::SignatureFallback:
      related(AC.locations().of(static_cast<const Decl *>(EP.Function)),
              "'" + Name + "' is checked as the " + Kind +
                  " entry point because of its name and signature: no "
                  "function table in this translation unit registers one");
      break;
    }
  }
  // In SARIF the entry point's name in the message links to its
  // registration.
  for (size_t I = First; I < F.Related.size(); ++I)
    F.Related[I].LinkText = Name;
  return *this;
}

} // namespace resdll
