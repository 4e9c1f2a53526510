//===- Runner.h - analyse translation units, in parallel --------*- C++ -*-===//
//
// Parses each source with its compile command (LibTooling), runs the rules
// on the AST, and returns one FileResult per source, in input order whatever
// the parallelism. Bad input becomes a notification and an input error;
// a crash is caught and reported; the other files are still analysed.
//
// Header reuse (HeaderReuse.h): before the files are parsed, each process
// of the run finds the header prefix of every file of the run
// (planHeaderReuse); a prefix that several files share under the same
// compile command is precompiled by a process when the first of its files
// needs it, and its later files parse against it. A file whose reused parse
// reports a compiler error, or whose results point into the prefix header,
// is parsed again the plain way, so the output is the same with reuse on or
// off.
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
  /// Print each file's model into FileResult::ModelDump (debugging).
  bool DumpModel = false;
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
  ~Runner();
  /// Analyses Files on Opts.Jobs threads of this process.
  std::vector<FileResult> run(const std::vector<std::string> &Files);
  FileResult analyseOne(const std::string &File);

  /// Finds the header prefixes of the run's files and those worth
  /// precompiling (nothing when reuse is off). Without it, every file is
  /// parsed the plain way. Every process of a run plans the same files.
  void planHeaderReuse(const std::vector<std::string> &Files);
  /// No precompiled prefix for the files that share one with these (files
  /// whose analysis a worker process did not survive: the precompile may
  /// be what failed).
  void avoidHeaderReuseWith(const std::vector<std::string> &Files);
  /// Indices of Files in the order to analyse them: input order, except that
  /// the files sharing a planned prefix follow its first one.
  std::vector<size_t>
  analysisOrder(const std::vector<std::string> &Files) const;
  /// The key of File's planned header prefix (empty: none).
  llvm::StringRef headerPrefixKey(const std::string &File) const;
  /// Precompiled prefixes are kept on disk: a process that needs one that
  /// another has built loads it.
  bool keepsHeadersOnDisk() const { return !Opts.HeaderCacheDir.empty(); }

private:
  struct ReusePlan;
  const clang::tooling::CompilationDatabase &DB;
  ConfigResolver &Configs;
  RunnerOptions Opts;
  llvm::StringMap<std::unique_ptr<ReusePlan>> Plans; ///< by file, as given
  HeaderCache Headers;
};

} // namespace resdll

#endif
