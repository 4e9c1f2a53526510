//===- DebugHooks.h - test-only faults: crashes, hangs, stalls --*- C++ -*-===//
//
// The robustness tests need a translation unit that crashes or hangs, and an
// output file that is half written when a signal arrives. Real inputs that
// do this are rare and change with every clang release, so the CLI has
// hidden switches (not in --help) that inject these faults at fixed points:
//
//   --debug-crash-on=<file name>[:segv|abort|stack|fatal|exit|precompile]
//       while analysing a source whose file name is <file name> (after the
//       parse, with the AST alive): a null-pointer write (segv, the
//       default), abort() (what a failed assertion does), unbounded
//       recursion (stack), llvm::report_fatal_error (fatal), or nothing
//       until the process exits, then exit status 23 (exit: what a
//       sanitizer's leak report does); precompile: a null-pointer write
//       while precompiling the header prefix (HeaderReuse.h) for that
//       source, and nothing afterwards;
//   --debug-hang-on=<file name>
//       say "debug: hanging while analysing <file name>" on stderr, then
//       never finish analysing that source (it sleeps, to spare the CPU);
//   --debug-stall-output
//       write the first half of the output file, say so on stderr
//       ("debug: output stalled"), and sleep forever.
//
// The hooks are process-wide settings, set once by the driver before any
// analysis starts (a worker process gets the same command line).
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_DEBUGHOOKS_H
#define RESDLL_CHECKER_DEBUGHOOKS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace llvm {
class raw_ostream;
}

namespace resdll {

struct DebugHookSettings {
  std::string CrashOn;            ///< file name (no directory)
  std::string CrashKind = "segv"; ///< segv, abort, stack, fatal, exit,
                                  ///< precompile
  std::string HangOn;             ///< file name (no directory)
  bool StallOutput = false;
};

/// Parses "<file name>[:<kind>]" of --debug-crash-on.
llvm::Error parseCrashSpec(llvm::StringRef Spec, DebugHookSettings &S);

void setDebugHooks(const DebugHookSettings &S);
const DebugHookSettings &debugHooks();

/// Called while a header prefix is precompiled for MainFile.
void debugHookWhilePrecompiling(llvm::StringRef MainFile);

/// Called once per translation unit after its parse, before the rules run.
void debugHookBeforeAnalysis(llvm::StringRef MainFile);

/// Called by the driver while it writes an output file; Text is the whole
/// output. Returns false when no hook is active (the caller writes Text).
bool debugHookWhileWriting(llvm::StringRef Text, llvm::raw_ostream &OS);

} // namespace resdll

#endif
