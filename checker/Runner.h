//===- Runner.h - analyse translation units, in parallel --------*- C++ -*-===//
//
// Parses each source with its compile command (LibTooling), runs the rules
// on the AST, and returns one FileResult per source, in input order whatever
// the parallelism. Bad input becomes a notification and an input error;
// a crash is caught and reported; the other files are still analysed.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_RUNNER_H
#define RESDLL_CHECKER_RUNNER_H

#include "Config.h"
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
};

class Runner {
public:
  Runner(const clang::tooling::CompilationDatabase &DB, ConfigResolver &Configs,
         RunnerOptions Opts);
  std::vector<FileResult> run(const std::vector<std::string> &Files);
  FileResult analyseOne(const std::string &File);

private:
  const clang::tooling::CompilationDatabase &DB;
  ConfigResolver &Configs;
  RunnerOptions Opts;
};

} // namespace resdll

#endif
