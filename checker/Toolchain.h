//===- Toolchain.h - parsing Windows code wherever the tool runs -*- C++ -*-===//
//
// Where the clang resource directory and the checker's Windows header
// compatibility directory are, and how compile commands are adjusted:
// syntax-only, no warnings, the resource directory, and - when the command
// names no target and the host is not Windows - the x86_64-w64-mingw32
// target with the mingw-w64 headers and the clusapi.h compatibility wrapper.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_TOOLCHAIN_H
#define RESDLL_CHECKER_TOOLCHAIN_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace resdll {

struct ToolPaths {
  std::string ResourceDir;      ///< clang's builtin headers
  std::string CompatIncludeDir; ///< share/resdll-check/include
};

/// Finds both directories relative to the running executable first, then at
/// the paths configured at build time.
ToolPaths findToolPaths(const char *Argv0, void *MainAddr);
/// The same, for a binary at the given path (<prefix>/bin/<tool> or
/// <prefix>/lib/<plugin>.so): the clang-tidy module locates itself.
ToolPaths findToolPathsNear(llvm::StringRef Binary);

/// The default target on this host when a command names none.
constexpr const char *DefaultWindowsTarget = "x86_64-w64-mingw32";

clang::tooling::ArgumentsAdjuster makeArgumentsAdjuster(const ToolPaths &P);

} // namespace resdll

#endif
