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
// Each process of the run (Isolation.h) builds the prefixes it needs
// itself, when the first of its files needs one, and keeps it for its later
// files; the parent hands out the files that share a prefix one after
// another (Runner::analysisOrder).
//
// A prefix is reused only when that cannot change the analysis: every file
// it pulls in is a system header, its last include names a header that no
// earlier include of the prefix names, and it precompiled without errors.
// Otherwise the files parse the plain way.
//
// Precompiled prefixes can also be kept on disk between runs (an editor or
// a pre-commit hook checks a few files at a time): one file per prefix and
// compile command, written atomically (concurrent runs at worst build the
// same one twice), used only when the compile command, the tool and clang
// versions and the size and time stamp of every header it read are the
// same; the directory keeps the most recent few.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_HEADERREUSE_H
#define RESDLL_CHECKER_HEADERREUSE_H

#include "Results.h"
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
/// threads of a process.
struct PrecompiledPrefix {
  bool Usable = false;
  bool FromDisk = false;     ///< loaded from the disk cache
  std::string Why;           ///< when not usable: the reason, for --stats
  std::string HeaderPath;    ///< virtual path of the prefix header
  std::string PchPath;       ///< virtual path of its precompiled form
  std::string ThroughHeader; ///< absolute path of the prefix's last include
  std::string HeaderText;
  llvm::SmallVector<char, 0> Pch;           ///< built: the bytes, then a NUL
  std::unique_ptr<llvm::MemoryBuffer> File; ///< loaded: the cache file
  llvm::StringRef PchBytes;                 ///< either, without the NUL
  /// The headers it read: path, size, modification time (nanoseconds).
  struct Input {
    std::string Path;
    uint64_t Size = 0;
    int64_t MTime = 0;
  };
  std::vector<Input> Inputs;
  double BuildSeconds = 0; ///< to build it, or to load it from disk

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

/// The directory of the disk cache: $RESDLL_CHECK_CACHE_DIR, else
/// $XDG_CACHE_HOME/resdll-check, else ~/.cache/resdll-check; empty when
/// RESDLL_CHECK_NO_HEADER_CACHE is set or no directory is known.
std::string defaultHeaderCacheDir();

/// The cached precompiled prefix for Key in Dir, if there is one and every
/// header it read is unchanged; null otherwise.
std::unique_ptr<PrecompiledPrefix> loadCachedPrefix(llvm::StringRef Dir,
                                                    llvm::StringRef Key);
/// Writes P (usable) to Dir atomically and trims the directory to the most
/// recent entries. Failures are ignored: the cache is an optimisation.
void storeCachedPrefix(llvm::StringRef Dir, llvm::StringRef Key,
                       const PrecompiledPrefix &P);

/// A run's header reuse, summed over its files (--stats).
struct HeaderReuseStats {
  unsigned Hits = 0;      ///< files parsed against a precompiled prefix
  unsigned Misses = 0;    ///< files parsed the plain way while reuse was on
  unsigned Fallbacks = 0; ///< of the misses: reuse tried, then parsed plainly
  unsigned Built = 0;     ///< precompiled prefixes built or loaded
  unsigned Loaded = 0;    ///< of those: loaded from the disk cache
  unsigned Unusable = 0;  ///< of those: not usable (see PrecompiledPrefix::Why)
  double BuildSeconds = 0;
  std::vector<std::string> UnusableWhy; ///< each reason once
};
HeaderReuseStats summariseHeaderReuse(const std::vector<FileResult> &Results);

/// One process's precompiled prefixes by key: each is built once, by the
/// first thread that needs it, while the others that need it wait. It keeps
/// the most recently used few (files that share a prefix are analysed one
/// after another); a prefix stays alive while a parse holds it. Thread safe.
class HeaderCache {
public:
  using Builder = llvm::function_ref<std::unique_ptr<PrecompiledPrefix>()>;
  /// Key's prefix, built with Build when it is not at hand (then Built is
  /// set).
  std::shared_ptr<const PrecompiledPrefix> get(llvm::StringRef Key,
                                               Builder Build, bool &Built);

  /// How many prefixes it keeps.
  static constexpr unsigned Kept = 2;

private:
  struct Slot {
    bool Ready = false;
    uint64_t LastUse = 0;
    std::shared_ptr<const PrecompiledPrefix> Value;
  };
  std::mutex Mu;
  std::condition_variable Done;
  llvm::StringMap<std::shared_ptr<Slot>> Slots;
  uint64_t Uses = 0;
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
