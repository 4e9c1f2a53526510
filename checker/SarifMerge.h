//===- SarifMerge.h - one log from several runs' SARIF logs -----*- C++ -*-===//
//
// `resdll-check merge a.sarif b.sarif -o out.sarif`: CI often checks a
// project in shards; this combines their logs into one run. Rules are
// deduplicated (registry order), artifacts deduplicated (sorted by uri),
// results sorted by file, line, column, rule and message with exact
// duplicates dropped, invocations (with their notifications) kept one per
// input run; every index is recomputed. The output does not depend on the
// order of the inputs. The merged log also prints as text.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_SARIFMERGE_H
#define RESDLL_CHECKER_SARIFMERGE_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace resdll {

/// Merges logs that readSarifLog accepted.
llvm::json::Value mergeSarifLogs(const std::vector<llvm::json::Value> &Logs);

/// Prints a log's results as the text format prints findings (paths
/// relative to WorkingDirectory when under it), leaving out those a
/// baseline had (unchanged, absent); its notifications go to Diag. Returns
/// the number of findings printed.
size_t emitSarifAsText(const llvm::json::Value &Log,
                       llvm::StringRef WorkingDirectory, llvm::raw_ostream &OS,
                       llvm::raw_ostream &Diag);

/// The exit status that the runs behind a log would have had together:
/// 3 if one crashed, else 2 if one could not analyse a file, else 1 if a
/// result is new (or has no baseline state), else 0.
int sarifExitStatus(const llvm::json::Value &Log);

} // namespace resdll

#endif
