//===- Analyzer.h - run the enabled rules over one AST ----------*- C++ -*-===//
//
// The one place where rules are run, shared by the CLI and the clang-tidy
// module: given an ASTContext and the settings in force, it returns the
// findings (sorted, fingerprinted) and the run's notifications.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_ANALYZER_H
#define RESDLL_CHECKER_ANALYZER_H

#include "Analysis.h"
#include "Config.h"
#include "Finding.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include <vector>

namespace clang {
class ASTContext;
}

namespace resdll {

struct AnalyzerOutput {
  std::vector<Finding> Findings;
  std::vector<Notification> Notifications;
  AnalysisStats Stats;
};

/// Runs the enabled rules on one AST. ErrorLocs: where clang reported
/// errors (the CLI collects them); with errors, functions they touch are not
/// analysed (PartialParse.h). With ModelDump, also prints the model of the
/// translation unit there (--debug-dump-model).
AnalyzerOutput analyzeAST(clang::ASTContext &Ctx,
                          const std::vector<std::string> &EnabledRules,
                          const RuleOptions &Options, const ApiModel &Api,
                          llvm::ArrayRef<clang::SourceLocation> ErrorLocs = {},
                          std::string *ModelDump = nullptr);

} // namespace resdll

#endif
