//===- HeaderReuse.cpp - precompiled header prefixes, built once per run --===//
#include "HeaderReuse.h"
#include "BuildPaths.h"
#include "DebugHooks.h"
#include "InputFiles.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Sema/IdentifierResolver.h"
#include "clang/Sema/Sema.h"
#include "clang/Serialization/ASTWriter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace clang;
using namespace llvm;

namespace resdll {

//===----------------------------------------------------------------------===//
// The prefix of a source file
//===----------------------------------------------------------------------===//

HeaderPrefix scanHeaderPrefix(StringRef Source) {
  LangOptions LO;
  LO.LineComment = true;
  // A fake file location at offset 1, so that token locations are offsets.
  const SourceLocation::UIntTy Base = 1;
  Lexer L(SourceLocation::getFromRawEncoding(Base), LO, Source.begin(),
          Source.begin(), Source.end());
  auto Offset = [&](const Token &T) {
    return T.getLocation().getRawEncoding() - Base;
  };

  std::string Text;
  size_t Committed = 0;
  unsigned Includes = 0;
  std::vector<std::string> Names; // the headers the includes name, in order
  Token T;
  L.LexFromRawLexer(T);
  while (T.is(tok::hash) && T.isAtStartOfLine()) {
    size_t Begin = Offset(T);
    L.LexFromRawLexer(T);
    if (T.isAtStartOfLine() || T.isNot(tok::raw_identifier))
      break; // a null or unknown directive: the prefix ends here
    StringRef Keyword = T.getRawIdentifier();
    size_t End = Offset(T) + T.getLength();
    SmallVector<Token, 8> Rest;
    for (L.LexFromRawLexer(T); T.isNot(tok::eof) && !T.isAtStartOfLine();
         L.LexFromRawLexer(T)) {
      Rest.push_back(T);
      End = Offset(T) + T.getLength();
    }
    StringRef Directive = Source.slice(Begin, End);
    if (Keyword == "include") {
      // Only the angled form names a header outside the source's directory.
      if (Rest.size() < 2 || Rest.front().isNot(tok::less) ||
          Rest.back().isNot(tok::greater))
        break;
      Names.push_back(
          Source.slice(Offset(Rest.front()) + 1, Offset(Rest.back())).str());
      Text += Directive;
      Text += '\n';
      Committed = Text.size();
      ++Includes;
      continue;
    }
    if (Keyword == "define" || Keyword == "undef") {
      Text += Directive;
      Text += '\n';
      continue;
    }
    break;
  }
  HeaderPrefix P;
  if (!Includes)
    return P;
  // Clang stops skipping the source's prefix at the first include of the
  // last header: that must be the prefix's last line.
  for (size_t I = 0; I + 1 < Names.size(); ++I)
    if (Names[I] == Names.back())
      return P;
  Text.resize(Committed);
  P.Text = std::move(Text);
  P.Includes = Includes;
  return P;
}

std::string headerReuseKey(const tooling::CompileCommand &Command,
                           StringRef SourceOnDisk, const HeaderPrefix &Prefix) {
  SmallString<256> Source(SourceOnDisk);
  sys::fs::make_absolute(Command.Directory, Source);
  std::string Key = Command.Directory;
  Key += '\0';
  for (const std::string &Arg : Command.CommandLine) {
    SmallString<256> Abs(Arg);
    if (Arg == Command.Filename ||
        (!Arg.empty() && Arg[0] != '-' &&
         (sys::fs::make_absolute(Command.Directory, Abs), Abs == Source)))
      Key += "<source>";
    else
      Key += Arg;
    Key += '\0';
  }
  Key += sys::path::extension(SourceOnDisk);
  Key += '\0';
  Key += Prefix.Text;
  return Key;
}

//===----------------------------------------------------------------------===//
// Building a precompiled prefix
//===----------------------------------------------------------------------===//

namespace {

/// What building the prefix showed about the files it includes.
struct PrefixFacts {
  std::vector<const FileEntry *> Direct; ///< the prefix's own includes
  std::vector<std::string> Read;         ///< every header entered
  std::string LastRealPath;
  std::string NonSystemFile; ///< a file that is not a system header
  unsigned Errors = 0;
};

class PrefixCallbacks : public PPCallbacks {
public:
  PrefixCallbacks(const SourceManager &SM, PrefixFacts &Facts)
      : SM(SM), Facts(Facts) {}

  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind FileType,
                   FileID PrevFID) override {
    if (Reason != EnterFile)
      return;
    FileID F = SM.getFileID(Loc);
    if (F == SM.getMainFileID())
      return;
    OptionalFileEntryRef FE = SM.getFileEntryRefForID(F);
    if (!FE)
      return; // the predefines and the command line
    SmallString<256> Path(FE->getName());
    SM.getFileManager().makeAbsolutePath(Path);
    Facts.Read.push_back(Path.str().str());
    if (!SrcMgr::isSystem(FileType) && Facts.NonSystemFile.empty())
      Facts.NonSystemFile = FE->getName().str();
  }

  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef,
                          bool, CharSourceRange, OptionalFileEntryRef File,
                          StringRef, StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    if (SM.getFileID(HashLoc) != SM.getMainFileID())
      return;
    Facts.Direct.push_back(File ? &File->getFileEntry() : nullptr);
    Facts.LastRealPath.clear();
    if (File) {
      SmallString<256> Path(File->getFileEntry().tryGetRealPathName());
      if (Path.empty()) {
        Path = File->getName();
        SM.getFileManager().makeAbsolutePath(Path);
      }
      Facts.LastRealPath = Path.str().str();
    }
  }

private:
  const SourceManager &SM;
  PrefixFacts &Facts;
};

/// GeneratePCHAction keeping the precompiled header in memory, watching the
/// includes.
class InMemoryPchAction : public GeneratePCHAction {
public:
  explicit InMemoryPchAction(PrefixFacts &Facts)
      : Buffer(std::make_shared<PCHBuffer>()), Facts(Facts) {
    // Address space only: the pages the writer does not touch cost nothing,
    // and the buffer never doubles (and copies) while it is written.
    Buffer->Data.reserve(64 << 20);
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef InFile) override {
    std::string Sysroot;
    if (!ComputeASTConsumerArguments(CI, Sysroot))
      return nullptr;
    Sysroot.clear(); // not relocatable
    const FrontendOptions &FO = CI.getFrontendOpts();
    // The raw container is the serialized AST itself: no copy to a stream.
    return std::make_unique<PCHGenerator>(
        CI.getPreprocessor(), CI.getModuleCache(), FO.OutputFile, Sysroot,
        Buffer, FO.ModuleFileExtensions, /*AllowASTWithErrors=*/false,
        FO.IncludeTimestamps);
  }

  bool BeginSourceFileAction(CompilerInstance &CI) override {
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<PrefixCallbacks>(CI.getSourceManager(), Facts));
    return GeneratePCHAction::BeginSourceFileAction(CI);
  }

  /// The precompiled header, once the action ran (empty on failure).
  SmallVector<char, 0> take() {
    return Buffer->IsComplete ? std::move(Buffer->Data)
                              : SmallVector<char, 0>();
  }

private:
  std::shared_ptr<PCHBuffer> Buffer;
  PrefixFacts &Facts;
};

/// Counts the errors of the build; nothing is printed.
class CountingConsumer : public DiagnosticConsumer {
public:
  explicit CountingConsumer(PrefixFacts &Facts) : Facts(Facts) {}
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    if (Level >= DiagnosticsEngine::Error)
      ++Facts.Errors;
  }

private:
  PrefixFacts &Facts;
};

/// Turns the source file's invocation into one that precompiles the prefix
/// header, with the same options.
class PrefixBuildAction : public tooling::ToolAction {
public:
  PrefixBuildAction(PrecompiledPrefix &P, PrefixFacts &Facts)
      : P(P), Facts(Facts) {}

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    FrontendOptions &FO = Invocation->getFrontendOpts();
    if (FO.Inputs.size() != 1) {
      P.Why = "the command has more than one input";
      return false;
    }
    PreprocessorOptions &PPO = Invocation->getPreprocessorOpts();
    if (!PPO.ImplicitPCHInclude.empty() || !PPO.PCHThroughHeader.empty()) {
      P.Why = "the command uses a precompiled header of its own";
      return false;
    }
    InputKind Kind = FO.Inputs[0].getKind().getHeader();
    FO.Inputs.clear();
    FO.Inputs.emplace_back(P.HeaderPath, Kind);
    FO.ProgramAction = frontend::GeneratePCH;
    FO.OutputFile = P.PchPath;
    // Instantiate the headers' pending templates once, here, rather than at
    // the end of every file (clang's -fpch-instantiate-templates; a benign
    // option: the files need not be parsed with it).
    Invocation->getLangOpts().PCHInstantiateTemplates = true;

    CompilerInstance CI(std::move(PCHContainerOps));
    CI.setInvocation(std::move(Invocation));
    CI.setFileManager(Files);
    CI.createDiagnostics(DiagConsumer, /*ShouldOwnClient=*/false);
    if (!CI.hasDiagnostics())
      return false;
    CI.createSourceManager(*Files);
    InMemoryPchAction Action(Facts);
    bool Ok = CI.ExecuteAction(Action);
    P.Pch = Action.take();
    return Ok;
  }

private:
  PrecompiledPrefix &P;
  PrefixFacts &Facts;
};

} // namespace

std::unique_ptr<PrecompiledPrefix>
buildPrecompiledPrefix(const tooling::CompileCommand &Command,
                       const HeaderPrefix &Prefix, StringRef Id) {
  auto Start = std::chrono::steady_clock::now();
  auto P = std::make_unique<PrecompiledPrefix>();
  P->HeaderPath = ("/resdll-check-header-prefix/" + Id + ".h").str();
  P->PchPath = ("/resdll-check-header-prefix/" + Id + ".pch").str();
  P->HeaderText = Prefix.Text;

  IntrusiveRefCntPtr<vfs::FileSystem> FS = P->overlay(makeWindowsFileSystem());
  FS->setCurrentWorkingDirectory(Command.Directory);
  auto Files = makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  PrefixFacts Facts;
  CountingConsumer Diags(Facts);
  PrefixBuildAction Action(*P, Facts);
  tooling::ToolInvocation Invocation(Command.CommandLine, &Action, Files.get(),
                                     std::make_shared<PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Diags);
  bool Ok = false;
  CrashRecoveryContext CRC;
  if (!CRC.RunSafely([&] {
        debugHookWhilePrecompiling(Command.Filename);
        Ok = Invocation.run();
      }))
    P->Why = "clang crashed while precompiling the headers";
  P->BuildSeconds = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - Start)
                        .count();

  if (P->Why.empty()) {
    if (!Ok || Facts.Errors || P->Pch.empty())
      P->Why = "the headers do not compile on their own";
    else if (!Facts.NonSystemFile.empty())
      P->Why = "'" + Facts.NonSystemFile + "' is not a system header";
    else if (Facts.Direct.size() != Prefix.Includes ||
             llvm::is_contained(Facts.Direct, nullptr) ||
             Facts.LastRealPath.empty())
      P->Why = "an include of the prefix was not found";
    else if (llvm::is_contained(ArrayRef(Facts.Direct).drop_back(),
                                Facts.Direct.back()))
      P->Why = "the prefix includes its last header twice";
  }
  if (!P->Why.empty()) {
    P->Pch = SmallVector<char, 0>();
    return P;
  }
  P->ThroughHeader = Facts.LastRealPath;
  // The reader wants a NUL after the buffer; it is not part of the file.
  P->PchBytes = StringRef(P->Pch.data(), P->Pch.size());
  P->Pch.push_back('\0');
  llvm::sort(Facts.Read);
  Facts.Read.erase(std::unique(Facts.Read.begin(), Facts.Read.end()),
                   Facts.Read.end());
  for (const std::string &Path : Facts.Read) {
    sys::fs::file_status St;
    if (sys::fs::status(Path, St))
      continue;
    P->Inputs.push_back(
        {Path, St.getSize(),
         std::chrono::duration_cast<std::chrono::nanoseconds>(
             St.getLastModificationTime().time_since_epoch())
             .count()});
  }
  P->Usable = true;
  return P;
}

IntrusiveRefCntPtr<vfs::FileSystem> PrecompiledPrefix::overlay(
    IntrusiveRefCntPtr<vfs::FileSystem> Base) const {
  auto Overlay = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(std::move(Base));
  auto Memory = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
  Memory->addFileNoOwn(HeaderPath, /*ModificationTime=*/0,
                       MemoryBufferRef(HeaderText, HeaderPath));
  if (!PchBytes.empty())
    Memory->addFileNoOwn(PchPath, /*ModificationTime=*/0,
                         MemoryBufferRef(PchBytes, PchPath));
  Overlay->pushOverlay(std::move(Memory));
  return Overlay;
}

void PrecompiledPrefix::apply(CompilerInvocation &CI) const {
  PreprocessorOptions &PPO = CI.getPreprocessorOpts();
  PPO.ImplicitPCHInclude = PchPath;
  PPO.PCHThroughHeader = ThroughHeader;
}

//===----------------------------------------------------------------------===//
// The disk cache
//===----------------------------------------------------------------------===//
//
// One file per prefix and compile command, named by a hash of the key:
//   resdll-check header prefix <version>\n
//   key <n>\n<n bytes>  header <n>\n<n bytes>  through <n>\n<n bytes>
//   inputs <count>\n then per header: <size> <mtime-ns> <n>\n<n bytes>
//   pch <n>\n<n bytes>\0
// The version line names the tool and clang versions: another build never
// reads it.

static constexpr unsigned KeptCacheEntries = 16;

static std::string cacheMagic() {
  return "resdll-check header prefix v1, " RESDLL_VERSION ", " +
         getClangFullVersion() + "\n";
}

std::string defaultHeaderCacheDir() {
  if (std::optional<std::string> Off =
          sys::Process::GetEnv("RESDLL_CHECK_NO_HEADER_CACHE"))
    if (!Off->empty() && *Off != "0")
      return "";
  if (std::optional<std::string> Dir =
          sys::Process::GetEnv("RESDLL_CHECK_CACHE_DIR"))
    return *Dir;
  SmallString<256> Path;
  if (std::optional<std::string> Xdg = sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && !Xdg->empty() && sys::path::is_absolute(*Xdg))
    Path = *Xdg;
  else if (sys::path::home_directory(Path))
    sys::path::append(Path, ".cache");
  else
    return "";
  sys::path::append(Path, "resdll-check");
  return Path.str().str();
}

static std::string cacheFile(StringRef Dir, StringRef Key) {
  SmallString<256> Path(Dir);
  sys::path::append(Path, "prefix-" + utohexstr(xxh3_64bits(Key), true, 16) +
                              ".pch");
  return Path.str().str();
}

namespace {
/// Reads the fields of a cache file in order.
class CacheReader {
public:
  explicit CacheReader(StringRef Data) : Rest(Data) {}
  bool line(StringRef &Out) {
    auto [L, R] = Rest.split('\n');
    if (L.size() == Rest.size())
      return false;
    Out = L;
    Rest = R;
    return true;
  }
  bool bytes(uint64_t N, StringRef &Out) {
    if (N > Rest.size())
      return false;
    Out = Rest.take_front(N);
    Rest = Rest.drop_front(N);
    return true;
  }
  /// "<name> <n>\n" then n bytes.
  bool blob(StringRef Name, StringRef &Out) {
    StringRef L;
    uint64_t N;
    if (!line(L) || !L.consume_front(Name) || !L.consume_front(" ") ||
        L.getAsInteger(10, N) || N > Rest.size())
      return false;
    Out = Rest.take_front(N);
    Rest = Rest.drop_front(N);
    return true;
  }

private:
  StringRef Rest;
};
} // namespace

std::unique_ptr<PrecompiledPrefix> loadCachedPrefix(StringRef Dir,
                                                    StringRef Key) {
  auto Start = std::chrono::steady_clock::now();
  std::string Path = cacheFile(Dir, Key);
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(
      Path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!Buf)
    return nullptr;
  StringRef Data = (*Buf)->getBuffer();
  std::string Magic = cacheMagic();
  if (!Data.consume_front(Magic))
    return nullptr;
  CacheReader R(Data);
  auto P = std::make_unique<PrecompiledPrefix>();
  StringRef StoredKey, Header, Through, Count;
  if (!R.blob("key", StoredKey) || StoredKey != Key ||
      !R.blob("header", Header) || !R.blob("through", Through) ||
      !R.line(Count) || !Count.consume_front("inputs "))
    return nullptr;
  unsigned N;
  if (Count.getAsInteger(10, N))
    return nullptr;
  for (unsigned I = 0; I < N; ++I) {
    StringRef L, Size, MTime, Name;
    // "<size> <mtime-ns> <n>\n" then the path's n bytes.
    if (!R.line(L))
      return nullptr;
    std::tie(Size, L) = L.split(' ');
    std::tie(MTime, L) = L.split(' ');
    PrecompiledPrefix::Input In;
    if (Size.getAsInteger(10, In.Size) || MTime.getAsInteger(10, In.MTime))
      return nullptr;
    uint64_t Len;
    if (L.getAsInteger(10, Len))
      return nullptr;
    if (!R.bytes(Len, Name))
      return nullptr;
    In.Path = Name.str();
    P->Inputs.push_back(std::move(In));
  }
  StringRef Pch;
  if (!R.blob("pch", Pch) || Pch.empty() || Pch.end() == Data.end() ||
      *Pch.end() != '\0')
    return nullptr;
  // Every header the prefix read must be as it was.
  for (const PrecompiledPrefix::Input &In : P->Inputs) {
    sys::fs::file_status St;
    if (sys::fs::status(In.Path, St) || St.getSize() != In.Size ||
        std::chrono::duration_cast<std::chrono::nanoseconds>(
            St.getLastModificationTime().time_since_epoch())
                .count() != In.MTime)
      return nullptr;
  }
  std::string Id = utohexstr(xxh3_64bits(Key));
  P->HeaderPath = "/resdll-check-header-prefix/" + Id + ".h";
  P->PchPath = "/resdll-check-header-prefix/" + Id + ".pch";
  P->HeaderText = Header.str();
  P->ThroughHeader = Through.str();
  P->PchBytes = Pch;
  P->File = std::move(*Buf);
  P->FromDisk = true;
  P->Usable = true;
  P->BuildSeconds = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - Start)
                        .count();
  return P;
}

void storeCachedPrefix(StringRef Dir, StringRef Key,
                       const PrecompiledPrefix &P) {
  if (!P.Usable || P.PchBytes.empty() ||
      sys::fs::create_directories(Dir))
    return;
  std::string Path = cacheFile(Dir, Key);
  // writeToOutput writes a temporary file next to Path and renames it:
  // readers see the old file or the new one, never half of one.
  Error E = writeToOutput(Path, [&](raw_ostream &OS) {
    auto Blob = [&](StringRef Name, StringRef Bytes) {
      OS << Name << (Name.empty() ? "" : " ") << Bytes.size() << "\n" << Bytes;
    };
    OS << cacheMagic();
    Blob("key", Key);
    Blob("header", P.HeaderText);
    Blob("through", P.ThroughHeader);
    OS << "inputs " << P.Inputs.size() << "\n";
    for (const PrecompiledPrefix::Input &In : P.Inputs) {
      OS << In.Size << " " << In.MTime << " ";
      Blob("", In.Path);
    }
    Blob("pch", P.PchBytes);
    OS << '\0';
    return Error::success();
  });
  if (E) {
    consumeError(std::move(E));
    return;
  }
  // Keep the most recent entries.
  std::vector<std::pair<sys::TimePoint<>, std::string>> Entries;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    if (!Name.starts_with("prefix-") || !Name.ends_with(".pch"))
      continue;
    sys::fs::file_status St;
    if (!sys::fs::status(It->path(), St))
      Entries.push_back({St.getLastModificationTime(), It->path()});
  }
  if (Entries.size() <= KeptCacheEntries)
    return;
  llvm::sort(Entries, [](const auto &A, const auto &B) { return A > B; });
  for (size_t I = KeptCacheEntries; I < Entries.size(); ++I)
    sys::fs::remove(Entries[I].second);
}

//===----------------------------------------------------------------------===//
// Name lookup in the translation unit
//===----------------------------------------------------------------------===//

namespace {
thread_local const ASTContext *LookupContext = nullptr;
thread_local Sema *LookupSema = nullptr;
} // namespace

TopLevelLookupScope::TopLevelLookupScope(ASTContext &Ctx, Sema &S)
    : PrevCtx(LookupContext), PrevSema(LookupSema) {
  LookupContext = &Ctx;
  LookupSema = &S;
}

TopLevelLookupScope::~TopLevelLookupScope() {
  LookupContext = PrevCtx;
  LookupSema = PrevSema;
}

SmallVector<NamedDecl *, 2> lookupTopLevel(ASTContext &Ctx, StringRef Name) {
  IdentifierInfo &II = Ctx.Idents.get(Name);
  SmallVector<NamedDecl *, 2> Out;
  if (LookupContext == &Ctx && LookupSema && Ctx.getExternalSource() &&
      !Ctx.getLangOpts().CPlusPlus) {
    IdentifierResolver &IR = LookupSema->IdResolver;
    for (auto It = IR.begin(&II), End = IR.end(); It != End; ++It)
      if ((*It)->getDeclContext()->getRedeclContext()->isTranslationUnit())
        Out.push_back(*It);
    return Out;
  }
  for (NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(&II))
    Out.push_back(ND);
  return Out;
}

//===----------------------------------------------------------------------===//
// The process's cache
//===----------------------------------------------------------------------===//

/// Gives the memory a precompile freed back to the system: the next one
/// (another prefix) then starts from the same footprint instead of adding
/// the allocator's fragmentation to it.
static void returnFreedMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

std::shared_ptr<const PrecompiledPrefix>
HeaderCache::get(StringRef Key, Builder Build, bool &Built) {
  Built = false;
  std::unique_lock<std::mutex> Lock(Mu);
  std::shared_ptr<Slot> &S = Slots[Key];
  if (S) {
    std::shared_ptr<Slot> Theirs = S;
    Done.wait(Lock, [&] { return Theirs->Ready; });
    Theirs->LastUse = ++Uses;
    return Theirs->Value;
  }
  S = std::make_shared<Slot>();
  std::shared_ptr<Slot> Mine = S;
  Lock.unlock();
  std::unique_ptr<PrecompiledPrefix> Value = Build();
  returnFreedMemory();
  Lock.lock();
  Mine->Value = std::move(Value);
  Mine->Ready = true;
  Mine->LastUse = ++Uses;
  Built = true;
  // Forget the least recently used prefixes beyond the few kept (a parse
  // that holds one keeps it alive until it ends).
  while (true) {
    unsigned ReadyCount = 0;
    StringMap<std::shared_ptr<Slot>>::iterator Oldest = Slots.end();
    for (auto It = Slots.begin(); It != Slots.end(); ++It) {
      if (!It->second->Ready)
        continue;
      ++ReadyCount;
      if (Oldest == Slots.end() ||
          It->second->LastUse < Oldest->second->LastUse)
        Oldest = It;
    }
    if (ReadyCount <= Kept)
      break;
    Slots.erase(Oldest);
  }
  Done.notify_all();
  return Mine->Value;
}

HeaderReuseStats summariseHeaderReuse(const std::vector<FileResult> &Results) {
  HeaderReuseStats S;
  for (const FileResult &R : Results) {
    const HeaderReuseOutcome &H = R.Headers;
    S.Hits += H.Outcome == HeaderReuseOutcome::Reused;
    S.Misses += H.Outcome == HeaderReuseOutcome::Plain ||
                H.Outcome == HeaderReuseOutcome::Fallback;
    S.Fallbacks += H.Outcome == HeaderReuseOutcome::Fallback;
    if (!H.Built)
      continue;
    ++S.Built;
    S.Loaded += H.FromDisk;
    S.BuildSeconds += H.BuildSeconds;
    if (H.Unusable.empty())
      continue;
    ++S.Unusable;
    if (!llvm::is_contained(S.UnusableWhy, H.Unusable))
      S.UnusableWhy.push_back(H.Unusable);
  }
  return S;
}

} // namespace resdll
