//===- CompileCommands.h - compile databases, MSVC ones too ----*- C++ -*-===//
//
// Resource DLLs are built with MSVC, so their compile_commands.json often
// holds cl.exe or clang-cl commands (/DWIN32 /I..\inc /Zc:wchar_t /EHsc).
// There is no MSVC SDK on a Linux CI machine, so such a command is
// translated to the GNU-style command line of the default parse (the
// x86_64-w64-mingw32 target against the mingw-w64 headers, Toolchain.h):
// /D /U /I /FI /external:I /imsvc /std: /TC /TP /Tc /Tp /J keep their
// meaning (read with clang's own option table); code generation,
// optimisation, warning and output options (/O2 /W4 /EHsc /MD /Zc: /Fo ...)
// do not change what the checker sees and are dropped. _MSC_VER is not
// defined: the mingw-w64 headers take their GNU path.
//
// A database whose commands start with cl.exe or clang-cl is tokenised with
// the Windows command-line rules (backslashes in paths are not escapes).
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_COMPILECOMMANDS_H
#define RESDLL_CHECKER_COMPILECOMMANDS_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace resdll {

/// Whether a command runs cl.exe or clang-cl (or names --driver-mode=cl).
bool isClCommand(const clang::tooling::CommandLineArguments &Args);

/// The GNU-style equivalent of a cl command (argv[0] becomes "clang");
/// other commands are returned unchanged.
clang::tooling::CommandLineArguments
translateClCommand(const clang::tooling::CommandLineArguments &Args);

/// Loads a compile_commands.json file; on failure returns null and sets
/// Error to a one-line cause (no such file, malformed JSON, ...).
std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompilationDatabase(llvm::StringRef File, std::string &Error);

} // namespace resdll

#endif
