//===- Runner.h - analyse translation units, in parallel --------*- C++ -*-===//
//
// Parses each source with its compile command (LibTooling), runs the rules
// on the AST, and returns one FileResult per source, in input order whatever
// the parallelism. Bad input becomes a notification and an input error;
// a crash is caught and reported; the other files are still analysed.
//
// Header reuse (HeaderReuse.h): before the files are parsed, the run finds
// each file's header prefix; a prefix that several files share under the
// same compile command is precompiled once, by the first thread that needs
// it, and those files parse against it. A file whose reused parse reports a
// compiler error, or whose results point into the prefix header, is parsed
// again the plain way, so the output is the same with reuse on or off.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_RUNNER_H
#define RESDLL_CHECKER_RUNNER_H

#include "Config.h"
#include "HeaderReuse.h"
#include "Results.h"
#include "Toolchain.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <string>
#include <vector>

namespace resdll {

struct RunnerOptions {
  unsigned Jobs = 1;
  ToolPaths Paths;
  /// Called after each file (for progress), from worker threads, serialised.
  std::function<void(size_t Done, size_t Total, llvm::StringRef File)> Progress;
  /// Parse the shared system-header prefixes once (off: every file parses
  /// all of its headers).
  bool HeaderReuse = true;
  /// Precompile a prefix even when only one file of the run has it (tests;
  /// without it or a disk cache, a prefix must be shared by two files of the
  /// run to pay off).
  bool HeaderReuseAlways = false;
  /// Keep precompiled prefixes here between runs (empty: in memory only).
  std::string HeaderCacheDir;
};

class Runner {
public:
  Runner(const clang::tooling::CompilationDatabase &DB, ConfigResolver &Configs,
         RunnerOptions Opts);
  std::vector<FileResult> run(const std::vector<std::string> &Files);
  FileResult analyseOne(const std::string &File);
  /// Header reuse figures of the runs so far.
  HeaderReuseStats headerReuseStats() const { return Headers.stats(); }

private:
  struct ReusePlan;
  FileResult analyse(const std::string &File, const ReusePlan *Plan);
  std::vector<std::unique_ptr<ReusePlan>>
  planHeaderReuse(const std::vector<std::string> &Files);

  const clang::tooling::CompilationDatabase &DB;
  ConfigResolver &Configs;
  RunnerOptions Opts;
  HeaderCache Headers;
};

/// Checks that a path names a non-empty text file; the message names the
/// cause ("no such file or directory", "is a directory", "the file is
/// empty", "binary content").
std::optional<std::string> checkSourceFile(llvm::StringRef Path);

} // namespace resdll

#endif
