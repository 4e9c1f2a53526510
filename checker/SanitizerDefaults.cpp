//===- SanitizerDefaults.cpp - settings of RESDLL_SANITIZE builds ---------===//
//
// Linked only into sanitizer builds (CMake option RESDLL_SANITIZE). The
// defaults make the instrumented tool behave like the release one where the
// tests look (a crash in a worker is still reported by its signal, as the
// tool's own crash handling is what they test) and make every finding of a
// sanitizer fatal and visible:
//  - ASan and UBSan stop at the first error (UBSan: -fno-sanitize-recover);
//  - signals are left to the program (LLVM's crash handler, the parent's
//    report) instead of ASan's SEGV/abort handlers; ASan still reports
//    every bad access it instruments;
//  - leaks are detected (LeakSanitizer, at the exit of every process,
//    workers included: the main process reports a worker that ends badly);
//  - "user poisoning" is off: LLVM's BumpPtrAllocator poisons the unused
//    part of its slabs when it is compiled with ASan - which our code is and
//    Debian's libclang-cpp is not - so a slab started by an inline
//    allocation in our code and then filled by clang (lazily deserialised
//    declarations, identifiers) is a false "use-after-poison".
// ASAN_OPTIONS / UBSAN_OPTIONS / LSAN_OPTIONS in the environment override
// them.
//
//===----------------------------------------------------------------------===//

extern "C" {

__attribute__((used, visibility("default"))) const char *
__asan_default_options() {
  return "detect_leaks=1:allow_user_poisoning=0:handle_segv=0:handle_abort=0:"
         "handle_sigbus=0:"
         "handle_sigfpe=0:handle_sigill=0:allow_user_segv_handler=1:"
         "detect_stack_use_after_return=0:strict_string_checks=1:"
         "check_initialization_order=1";
}

__attribute__((used, visibility("default"))) const char *
__ubsan_default_options() {
  return "print_stacktrace=1:halt_on_error=1";
}

} // extern "C"
