//===- ResdllTidyModule.cpp - the clang-tidy module "resdll" --------------===//
//
// Registers one check per rule of the registry, under the rule's id, and
// gives every compile command the defaults resdll-check's CLI gives it,
// before the command's own arguments (so that a --target the command names,
// or one clang-tidy infers from a cross compiler's name, wins):
//   - on hosts other than Windows, the x86_64-w64-mingw32 target and
//     -isystem <prefix>/share/resdll-check/include, the clusapi.h wrapper
//     (it only forwards to the real header unless the mingw-w64 headers are
//     in use). On Windows, where Visual Studio's commands are clang-cl's
//     (no -isystem there), projects using mingw-w64 pass these themselves;
//   - -resource-dir, for resdll-tidy outside LLVM's own bin directory.
// Built into the clang-tidy-19 plugin (libresdllTidyPlugin.so) and into
// resdll-tidy; see integrations/README.md.
//
//===----------------------------------------------------------------------===//
#include "RuleCheck.h"
#include "Toolchain.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#if __has_include(<dlfcn.h>)
#include <dlfcn.h>
#define RESDLL_HAVE_DLADDR 1
#endif

using namespace clang::tidy;

namespace resdll {
namespace tidy {

namespace {

/// The file this code was loaded from: the plugin's .so, or the executable.
std::string selfPath() {
  static int Anchor;
#ifdef RESDLL_HAVE_DLADDR
  Dl_info Info;
  if (dladdr(&Anchor, &Info) && Info.dli_fname &&
      llvm::sys::path::is_absolute(Info.dli_fname) &&
      llvm::sys::fs::exists(Info.dli_fname))
    return Info.dli_fname;
#endif
  return llvm::sys::fs::getMainExecutable(nullptr, &Anchor);
}

class ResdllModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    for (const RuleInfo &R : allRules()) {
      const RuleInfo *Info = &R;
      Factories.registerCheckFactory(
          R.Id, [Info](llvm::StringRef Name, ClangTidyContext *Context) {
            return std::make_unique<RuleCheck>(Name, Context, *Info);
          });
    }
  }

  ClangTidyOptions getModuleOptions() override {
    // clang-tidy asks for every file: compute the arguments once.
    static const std::vector<std::string> Args = [] {
      ToolPaths P = findToolPathsNear(selfPath());
      std::vector<std::string> A;
      if (!llvm::Triple(llvm::sys::getProcessTriple()).isOSWindows())
        A.insert(A.end(), {std::string("--target=") + DefaultWindowsTarget,
                           "-isystem", P.CompatIncludeDir});
      A.push_back("-resource-dir=" + P.ResourceDir);
      return A;
    }();
    ClangTidyOptions Options;
    Options.ExtraArgsBefore = Args;
    return Options;
  }
};

} // namespace

} // namespace tidy
} // namespace resdll

static ClangTidyModuleRegistry::Add<resdll::tidy::ResdllModule>
    X("resdll-module",
      "resdll-check's rules for failover-cluster resource DLLs.");
