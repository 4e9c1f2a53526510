//===- Analyzer.cpp - run the enabled rules over one AST ------------------===//
#include "Analyzer.h"
#include "Rule.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>

namespace resdll {

AnalyzerOutput analyzeAST(clang::ASTContext &Ctx,
                          const std::vector<std::string> &EnabledRules,
                          const RuleOptions &Options, const ApiModel &Api,
                          llvm::ArrayRef<clang::SourceLocation> ErrorLocs) {
  AnalyzerOutput Out;
  AnalysisContext AC(Ctx, Api, Options);
  if (!ErrorLocs.empty() || Ctx.getDiagnostics().hasErrorOccurred()) {
    AC.setUnanalysable(findUnanalysableFunctions(Ctx, ErrorLocs));
    // Say which entry points were left out, once each.
    llvm::DenseSet<const clang::FunctionDecl *> Told;
    for (const EntryPoint &EP : AC.model().entryPoints()) {
      const clang::FunctionDecl *FD = definitionOf(EP.Function);
      const std::string *Why = AC.unanalysableReason(FD);
      if (!Why || !Told.insert(FD->getCanonicalDecl()).second)
        continue;
      Notification N;
      N.Lvl = Notification::Warning;
      N.Kind = "partial";
      N.Loc = AC.locations().of(static_cast<const clang::Decl *>(FD));
      N.Message = "'" + displayName(FD) + "' is not checked: " + *Why;
      AC.notifications().push_back(std::move(N));
    }
  }
  for (const RuleInfo &Info : allRules()) {
    if (std::find(EnabledRules.begin(), EnabledRules.end(), Info.Id.str()) ==
        EnabledRules.end())
      continue;
    std::unique_ptr<Rule> R = Info.Create();
    R->check(AC, Out.Findings);
  }
  std::stable_sort(Out.Findings.begin(), Out.Findings.end(), findingLess);
  // The same finding can be reached twice (e.g. an entry point registered
  // under two kinds): report it once.
  Out.Findings.erase(
      std::unique(Out.Findings.begin(), Out.Findings.end(),
                  [](const Finding &A, const Finding &B) {
                    return A.RuleId == B.RuleId && A.Message == B.Message &&
                           A.Primary.File == B.Primary.File &&
                           A.Primary.Line == B.Primary.Line &&
                           A.Primary.Column == B.Primary.Column;
                  }),
      Out.Findings.end());
  assignFingerprints(Out.Findings);
  Out.Notifications = std::move(AC.notifications());
  Out.Stats = AC.stats();
  return Out;
}

} // namespace resdll
