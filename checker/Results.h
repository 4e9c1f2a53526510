//===- Results.h - what one run produced, per input file --------*- C++ -*-===//
#ifndef RESDLL_CHECKER_RESULTS_H
#define RESDLL_CHECKER_RESULTS_H

#include "Analysis.h"
#include "Finding.h"
#include "llvm/Support/JSON.h"
#include <memory>
#include <string>
#include <vector>

namespace resdll {

struct EffectiveConfig;

/// What header reuse (HeaderReuse.h) did for one translation unit.
struct HeaderReuseOutcome {
  enum Kind : uint8_t {
    Off,      ///< not parsed, or reuse off for the run
    Plain,    ///< parsed the plain way (no precompiled prefix for it)
    Reused,   ///< parsed against a precompiled header prefix
    Fallback, ///< tried against one, then parsed the plain way
  };
  Kind Outcome = Off;
  bool Built = false;    ///< its analysis precompiled (or loaded) the prefix
  bool FromDisk = false; ///< of that: loaded from the disk cache
  double BuildSeconds = 0;
  std::string Unusable; ///< the prefix it built cannot be used: why
};

/// The outcome of analysing one translation unit.
struct FileResult {
  std::string File; ///< as given (command line or compile database)
  std::vector<Finding> Findings;
  std::vector<Notification> Notifications;
  bool InputError = false; ///< could not be (fully) analysed: exit status 2
  bool Crashed = false;    ///< crash caught by crash recovery: exit status 3
  double ParseSeconds = 0, AnalysisSeconds = 0;
  HeaderReuseOutcome Headers;
  AnalysisStats Stats;
  /// The settings the file was analysed with (null if they could not be
  /// read): the baseline of its settings file, for one.
  std::shared_ptr<const EffectiveConfig> Config;
  std::string ModelDump; ///< --debug-dump-model only
};

/// What the emitters need to know about the run itself.
struct RunInfo {
  std::vector<std::string> CommandLine;
  std::string WorkingDirectory;
  std::string SourceRoot; ///< absolute; SARIF uris are relative to it
  std::vector<std::string> EnabledRules;
  bool Success = true; ///< no input error and no crash
  int ExitCode = 0;    ///< the exit status of the run
  /// A baseline was given: every result carries its baselineState.
  bool HasBaseline = false;
  /// Baseline results that this run no longer finds (baselineState absent):
  /// SARIF results as the baseline has them, artifact locations detached
  /// ({uri, uriBaseId}, no index).
  std::vector<llvm::json::Object> Absent;
};

} // namespace resdll

#endif
