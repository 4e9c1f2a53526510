//===- Analyzer.cpp - run the enabled rules over one AST ------------------===//
#include "Analyzer.h"
#include "Rule.h"

#include "clang/Basic/SourceManager.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>

namespace resdll {

/// Whether a body holds __try/__finally (an explicit stack: bodies can be
/// nested very deeply).
static bool usesSEHFinally(const clang::Stmt *Body) {
  llvm::SmallVector<const clang::Stmt *, 32> Work = {Body};
  while (!Work.empty()) {
    const clang::Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (llvm::isa<clang::SEHFinallyStmt>(S))
      return true;
    for (const clang::Stmt *C : S->children())
      Work.push_back(C);
  }
  return false;
}

AnalyzerOutput analyzeAST(clang::ASTContext &Ctx,
                          const std::vector<std::string> &EnabledRules,
                          const RuleOptions &Options, const ApiModel &Api,
                          llvm::ArrayRef<clang::SourceLocation> ErrorLocs,
                          std::string *ModelDump) {
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
  if (ModelDump) {
    llvm::raw_string_ostream OS(*ModelDump);
    const clang::SourceManager &SM = Ctx.getSourceManager();
    llvm::StringRef File;
    if (auto Entry = SM.getFileEntryRefForID(SM.getMainFileID()))
      File = Entry->getName();
    printModel(AC.model(), AC.locations(), File, OS);
  }
  for (const RuleInfo &Info : allRules()) {
    if (std::find(EnabledRules.begin(), EnabledRules.end(), Info.Id.str()) ==
        EnabledRules.end())
      continue;
    std::unique_ptr<Rule> R = Info.Create();
    R->check(AC, Out.Findings);
  }
  // Entry points clang cannot build a CFG for were not checked: say so.
  llvm::DenseSet<const clang::FunctionDecl *> NoCfg;
  for (const EntryPoint &EP : AC.model().entryPoints()) {
    const clang::FunctionDecl *FD = definitionOf(EP.Function);
    if (!FD || !FD->hasBody() || !AC.isDllFunction(FD) ||
        AC.unanalysableReason(FD) || AC.cfgFor(FD) ||
        !NoCfg.insert(FD->getCanonicalDecl()).second)
      continue;
    Notification N;
    N.Lvl = Notification::Warning;
    N.Kind = "unsupported";
    N.Loc = AC.locations().of(static_cast<const clang::Decl *>(FD));
    N.Message = "'" + displayName(FD) + "' is not checked: " +
                (usesSEHFinally(FD->getBody())
                     ? "clang's control-flow graphs do not support "
                       "__try/__finally"
                     : "clang could not build its control-flow graph");
    AC.notifications().push_back(std::move(N));
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
