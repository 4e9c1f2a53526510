//===- Baseline.h - findings compared with an earlier SARIF log -*- C++ -*-===//
//
// --baseline=<sarif> (or Baseline: in .resdll-check.yaml): a finding whose
// rule and fingerprint are in the baseline is "unchanged" (not reported in
// text, not counted for the exit status), any other is "new", and a baseline
// result that the run no longer finds in a file it analysed is "absent"
// (SARIF baselineState). Matching counts: a baseline with one finding of a
// fingerprint absorbs one finding of it, not two.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_BASELINE_H
#define RESDLL_CHECKER_BASELINE_H

#include "Results.h"
#include "SarifEmitter.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <memory>
#include <set>

namespace resdll {

/// The results of one baseline log.
class Baseline {
public:
  static llvm::Expected<std::unique_ptr<Baseline>> load(llvm::StringRef Path);
  const std::string &path() const { return Path; }
  size_t size() const { return Entries.size(); }
  /// Whether an unmatched baseline result has this rule and fingerprint;
  /// if so, that result is matched from now on.
  bool match(llvm::StringRef RuleId, llvm::StringRef Fingerprint);
  /// Sets BaselineState of each finding: "unchanged" when match() finds
  /// it, else "new".
  void classify(std::vector<Finding> &Findings);
  /// The baseline results not matched whose primary file is one of Files,
  /// in the baseline's order, artifact locations detached.
  std::vector<llvm::json::Object>
  absent(const std::set<SarifUri> &Files) const;

private:
  struct Entry {
    SarifUri File;
    llvm::json::Object Result;
    bool Matched = false;
  };
  std::string Path;
  std::vector<Entry> Entries;
  std::map<std::string, std::vector<size_t>> ByKey; // rule+fingerprint
};

struct BaselineOutcome {
  bool Used = false; ///< some file had a baseline
  size_t New = 0, Unchanged = 0;
  std::vector<llvm::json::Object> Absent;
};

/// Classifies the findings of every file against its baseline: the
/// command line's (CommandLinePath, if not empty) or else the one its
/// settings file names (relative to that file's directory). Files without
/// one count as new. Absent results are looked for in the files that were
/// analysed without an input error. A baseline that cannot be read is an
/// error naming it.
llvm::Expected<BaselineOutcome>
applyBaselines(std::vector<FileResult> &Results,
               llvm::StringRef CommandLinePath,
               llvm::StringRef WorkingDirectory, llvm::StringRef SourceRoot);

/// Sets the baselineState of every result of a SARIF log (a merged log, or
/// any log resdll-check wrote) against a baseline, as a run given
/// --baseline would: results the log marked absent are dropped, then the
/// baseline's absent results are added for the log's analysis targets that
/// have no error notification. Returns the number of new results.
size_t applyBaselineToLog(llvm::json::Value &Log, Baseline &B);

} // namespace resdll

#endif
