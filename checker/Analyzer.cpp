//===- Analyzer.cpp - run the enabled rules over one AST ------------------===//
#include "Analyzer.h"
#include "Rule.h"

#include "clang/Basic/SourceManager.h"

#include <algorithm>

namespace resdll {

AnalyzerOutput analyzeAST(clang::ASTContext &Ctx,
                          const std::vector<std::string> &EnabledRules,
                          const RuleOptions &Options, const ApiModel &Api,
                          std::string *ModelDump) {
  AnalyzerOutput Out;
  AnalysisContext AC(Ctx, Api, Options);
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
