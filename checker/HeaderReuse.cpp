//===- HeaderReuse.cpp - precompiled header prefixes, built once per run --===//
#include "HeaderReuse.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
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
#include "llvm/Support/Path.h"
#include <chrono>

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

  IntrusiveRefCntPtr<vfs::FileSystem> FS =
      P->overlay(vfs::createPhysicalFileSystem());
  FS->setCurrentWorkingDirectory(Command.Directory);
  auto Files = makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  PrefixFacts Facts;
  CountingConsumer Diags(Facts);
  PrefixBuildAction Action(*P, Facts);
  tooling::ToolInvocation Invocation(Command.CommandLine, &Action, Files.get(),
                                     std::make_shared<PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Diags);
  bool Ok = Invocation.run();
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
    P->Pch.clear();
    return P;
  }
  P->ThroughHeader = Facts.LastRealPath;
  // The reader wants a NUL after the buffer; it is not part of the file.
  P->Pch.push_back('\0');
  P->Usable = true;
  return P;
}

IntrusiveRefCntPtr<vfs::FileSystem> PrecompiledPrefix::overlay(
    IntrusiveRefCntPtr<vfs::FileSystem> Base) const {
  auto Overlay = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(std::move(Base));
  auto Memory = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
  Memory->addFileNoOwn(HeaderPath, /*ModificationTime=*/0,
                       MemoryBufferRef(HeaderText, HeaderPath));
  if (!Pch.empty())
    Memory->addFileNoOwn(
        PchPath, /*ModificationTime=*/0,
        MemoryBufferRef(StringRef(Pch.data(), Pch.size() - 1), PchPath));
  Overlay->pushOverlay(std::move(Memory));
  return Overlay;
}

void PrecompiledPrefix::apply(CompilerInvocation &CI) const {
  PreprocessorOptions &PPO = CI.getPreprocessorOpts();
  PPO.ImplicitPCHInclude = PchPath;
  PPO.PCHThroughHeader = ThroughHeader;
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
// The run's cache
//===----------------------------------------------------------------------===//

const PrecompiledPrefix &HeaderCache::get(StringRef Key, Builder Build) {
  std::unique_lock<std::mutex> Lock(Mu);
  std::unique_ptr<Slot> &S = Slots[Key];
  if (S) {
    Slot *Theirs = S.get();
    Done.wait(Lock, [Theirs] { return Theirs->Ready; });
    return *Theirs->Value;
  }
  S = std::make_unique<Slot>();
  Slot *Mine = S.get();
  Lock.unlock();
  std::unique_ptr<PrecompiledPrefix> Value = Build();
  Lock.lock();
  Mine->Value = std::move(Value);
  Mine->Ready = true;
  ++Stats.Built;
  Stats.BuildSeconds += Mine->Value->BuildSeconds;
  if (!Mine->Value->Usable) {
    ++Stats.Unusable;
    Stats.UnusableWhy.push_back(Mine->Value->Why);
  }
  Done.notify_all();
  return *Mine->Value;
}

void HeaderCache::countHit() {
  std::lock_guard<std::mutex> Lock(Mu);
  ++Stats.Hits;
}

void HeaderCache::countMiss(bool Fallback) {
  std::lock_guard<std::mutex> Lock(Mu);
  ++Stats.Misses;
  if (Fallback)
    ++Stats.Fallbacks;
}

HeaderReuseStats HeaderCache::stats() const {
  std::lock_guard<std::mutex> Lock(Mu);
  return Stats;
}

} // namespace resdll
