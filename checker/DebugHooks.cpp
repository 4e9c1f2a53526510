//===- DebugHooks.cpp - test-only faults: crashes, hangs, stalls ----------===//
#include "DebugHooks.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

using namespace llvm;

namespace resdll {

static DebugHookSettings Hooks;

Error parseCrashSpec(StringRef Spec, DebugHookSettings &S) {
  StringRef Name = Spec, Kind = "segv";
  if (size_t Colon = Spec.rfind(':'); Colon != StringRef::npos) {
    Name = Spec.take_front(Colon);
    Kind = Spec.drop_front(Colon + 1);
  }
  if (Kind != "segv" && Kind != "abort" && Kind != "stack" && Kind != "fatal" &&
      Kind != "exit" && Kind != "precompile")
    return createStringError(inconvertibleErrorCode(),
                             "--debug-crash-on: unknown crash kind '%s' "
                             "(segv, abort, stack, fatal, exit, precompile)",
                             Kind.str().c_str());
  if (Name.empty())
    return createStringError(inconvertibleErrorCode(),
                             "--debug-crash-on: no file name");
  S.CrashOn = Name.str();
  S.CrashKind = Kind.str();
  return Error::success();
}

void setDebugHooks(const DebugHookSettings &S) { Hooks = S; }
const DebugHookSettings &debugHooks() { return Hooks; }

// Kept out of line and opaque to the optimiser so that the faults happen
// for real instead of being folded away as undefined behaviour.
static volatile int *volatile NullPointer = nullptr;
static std::atomic<unsigned> Sink{0};
static volatile unsigned DepthLimit = ~0u;

[[gnu::noinline]] static unsigned recurseForever(unsigned Depth) {
  volatile char Frame[512];
  Frame[Depth % sizeof(Frame)] = char(Depth);
  if (Depth >= DepthLimit)
    return Frame[0];
  unsigned R = recurseForever(Depth + 1) + Frame[0];
  Sink.fetch_add(R, std::memory_order_relaxed);
  return R;
}

void debugHookWhilePrecompiling(StringRef MainFile) {
  if (Hooks.CrashKind == "precompile" && !Hooks.CrashOn.empty() &&
      sys::path::filename(MainFile) == Hooks.CrashOn)
    *NullPointer = 1;
}

void debugHookBeforeAnalysis(StringRef MainFile) {
  StringRef Name = sys::path::filename(MainFile);
  if (!Hooks.CrashOn.empty() && Name == Hooks.CrashOn &&
      Hooks.CrashKind != "precompile") {
    if (Hooks.CrashKind == "abort")
      std::abort();
    if (Hooks.CrashKind == "stack")
      Sink += recurseForever(0);
    if (Hooks.CrashKind == "fatal")
      report_fatal_error("debug: --debug-crash-on asked for a fatal error");
    if (Hooks.CrashKind == "exit") {
      // The file is analysed; the process fails only when it exits, as
      // with a sanitizer's leak report.
      std::atexit([] { std::_Exit(23); });
      return;
    }
    *NullPointer = 1;
  }
  if (!Hooks.HangOn.empty() && Name == Hooks.HangOn) {
    errs() << "debug: hanging while analysing " << Name << "\n";
    errs().flush();
    while (true) // as stuck as a busy loop, without using a core
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

bool debugHookWhileWriting(StringRef Text, raw_ostream &OS) {
  if (!Hooks.StallOutput)
    return false;
  OS << Text.take_front(Text.size() / 2);
  OS.flush();
  errs() << "debug: output stalled\n";
  errs().flush();
  while (true)
    std::this_thread::sleep_for(std::chrono::seconds(1));
}

} // namespace resdll
