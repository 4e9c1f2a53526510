//===- HeaderReuse.h - parse the Windows headers once per run ---*- C++ -*-===//
//
// Resource DLL sources spend almost all of their parse in the system headers
// they include first (windows.h, clusapi.h, resapi.h, ...). The header
// prefix of a file is that leading run of `#include <...>` lines (with the
// `#define`/`#undef` lines among them). This file precompiles a prefix once
// per distinct prefix and compile command, in memory, and lets every file
// of the run that starts with it parse against the precompiled form: clang
// loads it (-include-pch) and skips the file's own prefix lines up to its
// last include (-pch-through-header), then parses the rest of the file as
// usual, so the file's locations, macro expansions and text are its own.
//
// A prefix is reused only when that cannot change the analysis: every file
// it pulls in is a system header, its last include names a header that no
// earlier include of the prefix names, and it precompiled without errors.
// Otherwise the files parse the plain way.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_HEADERREUSE_H
#define RESDLL_CHECKER_HEADERREUSE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CompilerInvocation;
class NamedDecl;
class Sema;
} // namespace clang

namespace resdll {

/// The leading directives of a source file that a precompiled header can
/// stand for.
struct HeaderPrefix {
  /// The prefix header's text: the directives, one a line, ending with the
  /// last `#include <...>` of the run. Empty when the file has none.
  std::string Text;
  unsigned Includes = 0;
};

/// Scans the start of a source file (raw lexing: comments are skipped) for
/// `#include <...>`, `#define` and `#undef` lines, up to the first other
/// token. A prefix whose last include also appears earlier in it is empty.
HeaderPrefix scanHeaderPrefix(llvm::StringRef Source);

/// A precompiled header prefix, immutable once built and shared by the
/// threads of the run.
struct PrecompiledPrefix {
  bool Usable = false;
  std::string Why;           ///< when not usable: the reason, for --stats
  std::string HeaderPath;    ///< virtual path of the prefix header
  std::string PchPath;       ///< virtual path of its precompiled form
  std::string ThroughHeader; ///< absolute path of the prefix's last include
  std::string HeaderText;
  llvm::SmallVector<char, 0> Pch;
  double BuildSeconds = 0;

  /// Base with the prefix header and its precompiled form added (in
  /// memory, not copied).
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
  overlay(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base) const;
  /// Makes an invocation parse against it.
  void apply(clang::CompilerInvocation &CI) const;
};

/// Precompiles Prefix with the compile command of a source file (already
/// adjusted: syntax-only, target, resource dir...). Id names it (unique in
/// the run).
std::unique_ptr<PrecompiledPrefix>
buildPrecompiledPrefix(const clang::tooling::CompileCommand &Command,
                       const HeaderPrefix &Prefix, llvm::StringRef Id);

/// The key under which files share a precompiled prefix: the working
/// directory, the adjusted command line without the source file itself, the
/// source's extension (its language) and the prefix text.
std::string headerReuseKey(const clang::tooling::CompileCommand &Command,
                           llvm::StringRef SourceOnDisk,
                           const HeaderPrefix &Prefix);

struct HeaderReuseStats {
  unsigned Hits = 0;      ///< files parsed against a precompiled prefix
  unsigned Misses = 0;    ///< files parsed the plain way while reuse was on
  unsigned Fallbacks = 0; ///< of the misses: reuse tried, then parsed plainly
  unsigned Built = 0;     ///< precompiled prefixes built
  unsigned Unusable = 0;  ///< of those: not usable (see PrecompiledPrefix::Why)
  double BuildSeconds = 0;
  std::vector<std::string> UnusableWhy;
};

/// The run's precompiled prefixes by key: each is built once, by the first
/// thread that needs it, while the others that need it wait. Thread safe.
class HeaderCache {
public:
  using Builder = llvm::function_ref<std::unique_ptr<PrecompiledPrefix>()>;
  const PrecompiledPrefix &get(llvm::StringRef Key, Builder Build);

  void countHit();
  void countMiss(bool Fallback);
  HeaderReuseStats stats() const;

private:
  struct Slot {
    bool Ready = false;
    std::unique_ptr<PrecompiledPrefix> Value;
  };
  mutable std::mutex Mu;
  std::condition_variable Done;
  llvm::StringMap<std::unique_ptr<Slot>> Slots;
  HeaderReuseStats Stats;
};

/// The translation unit's declarations named Name. In C, clang keeps no
/// name table for the translation unit in a precompiled header and builds
/// one by reading every declaration of the headers (a tenth of a second for
/// windows.h); while a TopLevelLookupScope is active for the context, the
/// declarations come from the identifier's chain in Sema instead.
llvm::SmallVector<clang::NamedDecl *, 2> lookupTopLevel(clang::ASTContext &Ctx,
                                                        llvm::StringRef Name);

/// Makes lookupTopLevel use S for Ctx on this thread while it lives.
class TopLevelLookupScope {
public:
  TopLevelLookupScope(clang::ASTContext &Ctx, clang::Sema &S);
  ~TopLevelLookupScope();
  TopLevelLookupScope(const TopLevelLookupScope &) = delete;
  TopLevelLookupScope &operator=(const TopLevelLookupScope &) = delete;

private:
  const clang::ASTContext *PrevCtx;
  clang::Sema *PrevSema;
};

} // namespace resdll

#endif
