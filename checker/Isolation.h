//===- Isolation.h - each translation unit in a worker process --*- C++ -*-===//
//
// A crash (a clang assertion, a segfault in clang or in our code, a stack
// overflow on deeply nested code, heap corruption) or a hang while one
// translation unit is analysed must not lose the other files' results. In
// one process that cannot be guaranteed: crash recovery cannot run a signal
// handler after a stack overflow on a worker thread, cannot undo heap
// corruption or locks held by the crashed thread, and a parse in progress
// cannot be stopped. So the CLI analyses every file in a pool of worker
// processes (this program started again with a hidden switch) that live for
// the whole run, each analysing one file at a time:
//
//  - the parent sends a file name, the worker answers with the FileResult as
//    one line of JSON (ResultsJSON.h);
//  - a worker that dies (signal, sanitizer report, exit) is reported as a
//    crash of the file it was analysing (exit status 3) and replaced;
//  - a replacement worker is told which files failed so far, so that it
//    does not build again what may have failed (a precompiled header
//    prefix: Runner::avoidHeaderReuseWith);
//  - files are handed out in Runner::analysisOrder;
//  - a worker still busy when the per-file --timeout expires is killed and
//    replaced; the file is an input error (exit status 2);
//  - workers die with the parent (SIGKILL on parent death, EOF on their
//    input), so a killed run leaves no process behind.
//
// Where processes cannot be used (not a POSIX system, or the worker cannot
// be started) the files are analysed in this process with crash recovery.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_ISOLATION_H
#define RESDLL_CHECKER_ISOLATION_H

#include "Results.h"
#include "Runner.h"
#include <functional>
#include <string>
#include <vector>

namespace resdll {

/// The hidden switch that makes this program a worker; its value is the
/// parent's process id.
constexpr const char *WorkerSwitch = "--internal-worker";

/// Given once per file whose worker died or was killed, after WorkerSwitch.
constexpr const char *AfterFailureSwitch = "--internal-after-failure-of";

/// Stack of the thread a worker analyses on: deeply nested code recurses
/// deeply in clang's parser and in the CFG builder.
constexpr unsigned WorkerStackSize = 512u << 20;

struct IsolationOptions {
  unsigned Jobs = 1;
  double TimeoutSeconds = 0; ///< per translation unit, wall clock; 0: none
  std::string Executable;    ///< this program
  /// The worker's arguments (after the program name and WorkerSwitch): the
  /// parent's own, so that it sees the same database and settings.
  std::vector<std::string> Arguments;
  /// Called after each file, from the calling thread.
  std::function<void(size_t Done, size_t Total, llvm::StringRef File)> Progress;
};

/// Analyses Files in worker processes; results in input order. InProcess is
/// used where workers cannot run.
std::vector<FileResult> runIsolated(Runner &InProcess,
                                    const std::vector<std::string> &Files,
                                    const IsolationOptions &Opts);

/// The worker's side: reads requests on stdin and answers on stdout until
/// its input ends. Returns the process exit status.
int serveAsWorker(Runner &R, long ParentPid);

/// R.analyseOne(File) on a thread with WorkerStackSize of stack.
FileResult analyseOnLargeStack(Runner &R, const std::string &File);

} // namespace resdll

#endif
