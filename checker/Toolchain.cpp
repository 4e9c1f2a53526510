//===- Toolchain.cpp - resource dir, target defaults, argument adjusting --===//
#include "Toolchain.h"
#include "BuildPaths.h"
#include "CompileCommands.h"

#include "clang/Driver/ToolChain.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;

namespace resdll {

ToolPaths findToolPaths(const char *Argv0, void *MainAddr) {
  return findToolPathsNear(sys::fs::getMainExecutable(Argv0, MainAddr));
}

ToolPaths findToolPathsNear(StringRef Binary) {
  ToolPaths P;
  SmallString<256> Prefix(
      sys::path::parent_path(sys::path::parent_path(Binary)));
  // Installed or build-tree layout: <prefix>/bin/resdll-check with
  // <prefix>/lib/clang/<major> and <prefix>/share/resdll-check/include.
  SmallString<256> Res(Prefix);
  sys::path::append(Res, "lib", "clang", RESDLL_LLVM_VERSION_MAJOR);
  SmallString<256> Probe(Res);
  sys::path::append(Probe, "include", "stddef.h");
  P.ResourceDir = sys::fs::exists(Probe) ? std::string(Res)
                                         : std::string(RESDLL_CLANG_RESOURCE_DIR);
  SmallString<256> Compat(Prefix);
  sys::path::append(Compat, "share", "resdll-check", "include");
  P.CompatIncludeDir = sys::fs::is_directory(Compat)
                           ? std::string(Compat)
                           : std::string(RESDLL_COMPAT_INCLUDE_DIR);
  return P;
}

static bool namesTarget(const clang::tooling::CommandLineArguments &Args) {
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A.starts_with("--target=") || A == "-target" || A == "--target" ||
        A.starts_with("-target="))
      return true;
  }
  return false;
}

/// The target a cross compiler's name gives (x86_64-w64-mingw32-gcc), as
/// clang's driver parses program names; "" if none. LibTooling does not
/// apply it by itself, so the adjuster passes it as --target.
static std::string programTarget(const clang::tooling::CommandLineArguments &Args) {
  if (Args.empty())
    return "";
  clang::driver::ParsedClangName P =
      clang::driver::ToolChain::getTargetAndModeFromProgramName(
          sys::path::filename(Args[0]));
  Triple T(P.TargetPrefix);
  if (P.TargetPrefix.empty() || T.getArch() == Triple::UnknownArch ||
      T.getOS() == Triple::UnknownOS)
    return "";
  return P.TargetPrefix;
}

static bool targetsMinGW(const clang::tooling::CommandLineArguments &Args,
                         bool AddedDefault) {
  if (AddedDefault)
    return true;
  for (const std::string &A : Args)
    if (StringRef(A).contains("mingw"))
      return true;
  return false;
}

clang::tooling::ArgumentsAdjuster makeArgumentsAdjuster(const ToolPaths &P) {
  using namespace clang::tooling;
  // MSVC commands first become GNU-style ones (CompileCommands.h).
  ArgumentsAdjuster Base = combineAdjusters(
      [](const CommandLineArguments &In, StringRef) {
        return translateClCommand(In);
      },
      combineAdjusters(
          getClangStripOutputAdjuster(),
          combineAdjusters(getClangStripDependencyFileAdjuster(),
                           getClangSyntaxOnlyAdjuster())));
  return combineAdjusters(
      Base, [P](const CommandLineArguments &In, StringRef File) {
        CommandLineArguments Args = In;
        CommandLineArguments Extra;
        bool HostIsWindows = Triple(sys::getProcessTriple()).isOSWindows();
        bool Named = namesTarget(Args);
        std::string FromProgram = Named ? "" : programTarget(Args);
        bool AddDefault = !HostIsWindows && !Named && FromProgram.empty();
        if (!FromProgram.empty())
          Extra.push_back("--target=" + FromProgram);
        if (AddDefault)
          Extra.push_back(std::string("--target=") + DefaultWindowsTarget);
        if (targetsMinGW(Args, AddDefault)) {
          Extra.insert(Extra.end(), {"-isystem", P.CompatIncludeDir});
          // MSVC code uses __try/__except/__finally; the mingw-w64 headers
          // accept -fms-extensions (not -fms-compatibility).
          Extra.push_back("-fms-extensions");
        }
        bool HasResourceDir = false;
        for (const std::string &A : Args)
          if (StringRef(A).starts_with("-resource-dir"))
            HasResourceDir = true;
        if (!HasResourceDir)
          Extra.push_back("-resource-dir=" + P.ResourceDir);
        // Compiler warnings are not ours to report; errors are reported by
        // the runner, without clang's own "N errors generated." line.
        Extra.push_back("-w");
        // Every error counts: a function with an error is not analysed
        // (PartialParse.h), and errors past clang's default limit of 20
        // would go unseen.
        Extra.push_back("-ferror-limit=0");
        // Errors are reported by the checker, one line each; this also
        // keeps clang from printing "N errors generated." on stderr.
        Extra.push_back("-fno-caret-diagnostics");
        Args.insert(Args.empty() ? Args.end() : Args.begin() + 1, Extra.begin(),
                    Extra.end());
        return Args;
      });
}

} // namespace resdll
