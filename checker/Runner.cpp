//===- Runner.cpp - analyse translation units, in parallel ----------------===//
#include "Runner.h"
#include "Analyzer.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Sema/SemaConsumer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <deque>
#include <mutex>

using namespace clang;
using namespace llvm;

namespace resdll {

std::optional<std::string> checkSourceFile(StringRef Path) {
  sys::fs::file_status St;
  if (std::error_code EC = sys::fs::status(Path, St))
    return EC == std::errc::no_such_file_or_directory
               ? std::string("no such file or directory")
               : "cannot access the file: " + EC.message();
  if (sys::fs::is_directory(St))
    return std::string("is a directory, not a source file");
  if (!sys::fs::is_regular_file(St))
    return std::string("is not a regular file");
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(
      Path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!Buf)
    return "cannot read the file: " + Buf.getError().message();
  if (St.getSize() == 0)
    return std::string("the file is empty: there is nothing to analyse");
  StringRef Head = (*Buf)->getBuffer().take_front(65536);
  if (Head.contains('\0'))
    return std::string("is not a text source file (it contains NUL bytes)");
  return std::nullopt;
}

namespace {

Notification inputError(StringRef File, std::string Message, StringRef Kind) {
  Notification N;
  N.Lvl = Notification::Error;
  N.Kind = Kind.str();
  N.Loc.File = File.str();
  N.Message = std::move(Message);
  return N;
}

/// Keeps the compiler's errors (warnings are not ours to report).
class ErrorCollector : public DiagnosticConsumer {
public:
  std::vector<Notification> Errors;
  unsigned Count = 0;
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    ++Count;
    if (Errors.size() >= 20)
      return;
    Notification N;
    N.Lvl = Notification::Error;
    N.Kind = "compiler-error";
    SmallString<256> Msg;
    Info.FormatDiagnostic(Msg);
    N.Message = (Level == DiagnosticsEngine::Fatal ? "fatal error: " : "") +
                Msg.str().str();
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Info.getLocation()));
      if (P.isValid()) {
        N.Loc.File = P.getFilename();
        N.Loc.Line = P.getLine();
        N.Loc.Column = P.getColumn();
        N.Loc.EndLine = P.getLine();
        N.Loc.EndColumn = P.getColumn() + 1;
      }
    }
    Errors.push_back(std::move(N));
  }
};

class AnalysisConsumer : public SemaConsumer {
public:
  AnalysisConsumer(const EffectiveConfig &Config, FileResult &Result,
                   std::chrono::steady_clock::time_point Start)
      : Config(Config), Result(Result), Start(Start) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    auto Parsed = std::chrono::steady_clock::now();
    Result.ParseSeconds =
        std::chrono::duration<double>(Parsed - Start).count();
    limitToThisFile(Ctx);
    std::optional<TopLevelLookupScope> Lookups;
    if (S)
      Lookups.emplace(Ctx, *S);
    AnalyzerOutput Out =
        analyzeAST(Ctx, Config.EnabledRules, Config.Options, *Config.Api);
    Result.Findings = std::move(Out.Findings);
    for (Notification &N : Out.Notifications)
      Result.Notifications.push_back(std::move(N));
    Result.Stats = Out.Stats;
    Result.AnalysisSeconds = std::chrono::duration<double>(
                                 std::chrono::steady_clock::now() - Parsed)
                                 .count();
  }

  void InitializeSema(Sema &Sema) override { S = &Sema; }
  void ForgetSema() override { S = nullptr; }

private:
  /// With a precompiled header prefix, the AST's top-level declarations of
  /// the headers live in the precompiled form and are read on demand: the
  /// traversals see the file's own declarations only (those of the headers
  /// are system headers' and the model skips them anyway), so that nothing
  /// loads every declaration of windows.h.
  static void limitToThisFile(ASTContext &Ctx) {
    if (!Ctx.getExternalSource())
      return;
    std::vector<Decl *> Own;
    for (Decl *D : Ctx.getTranslationUnitDecl()->noload_decls())
      if (!D->isFromASTFile())
        Own.push_back(D);
    Ctx.setTraversalScope(Own);
  }

  const EffectiveConfig &Config;
  FileResult &Result;
  std::chrono::steady_clock::time_point Start;
  Sema *S = nullptr;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const EffectiveConfig &Config, FileResult &Result)
      : Config(Config), Result(Result) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<AnalysisConsumer>(Config, Result, Start);
  }
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    Start = std::chrono::steady_clock::now();
    return true;
  }

private:
  const EffectiveConfig &Config;
  FileResult &Result;
  std::chrono::steady_clock::time_point Start = std::chrono::steady_clock::now();
};

class AnalysisActionFactory : public tooling::FrontendActionFactory {
public:
  AnalysisActionFactory(const EffectiveConfig &Config, FileResult &Result,
                        const PrecompiledPrefix *Prefix)
      : Config(Config), Result(Result), Prefix(Prefix) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Config, Result);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    if (Prefix) {
      Prefix->apply(*Invocation);
      // A failed reused parse is parsed again the plain way: only that one
      // may print clang's "N errors generated." summary.
      Invocation->getDiagnosticOpts().ShowCarets = false;
    }
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), Files, std::move(PCHContainerOps), DiagConsumer);
  }

private:
  const EffectiveConfig &Config;
  FileResult &Result;
  const PrecompiledPrefix *Prefix;
};

/// Parses and analyses one file into R (with Prefix: against it). False
/// when the parse was not clean: a crash, a compiler error or a failure.
bool parseAndAnalyse(const std::string &File, const std::string &OnDisk,
                     const tooling::CompileCommand &Command,
                     const EffectiveConfig &Config, const ToolPaths &Paths,
                     const PrecompiledPrefix *Prefix, FileResult &R) {
  ErrorCollector Diags;
  bool Ok = false;
  CrashRecoveryContext CRC;
  bool Survived = CRC.RunSafely([&] {
    // One database entry per run: the first command for the file.
    struct OneCommand : tooling::CompilationDatabase {
      tooling::CompileCommand C;
      std::vector<tooling::CompileCommand>
      getCompileCommands(StringRef) const override {
        return {C};
      }
    } DBOne;
    DBOne.C = Command;
    // A private file system view: the working directory of one tool must not
    // change the process's, which the other threads share.
    IntrusiveRefCntPtr<vfs::FileSystem> FS = vfs::createPhysicalFileSystem();
    if (Prefix)
      FS = Prefix->overlay(std::move(FS));
    tooling::ClangTool Tool(DBOne, {OnDisk},
                            std::make_shared<PCHContainerOperations>(),
                            std::move(FS));
    Tool.clearArgumentsAdjusters();
    Tool.appendArgumentsAdjuster(makeArgumentsAdjuster(Paths));
    Tool.setDiagnosticConsumer(&Diags);
    Tool.setPrintErrorMessage(false);
    AnalysisActionFactory Factory(Config, R, Prefix);
    Ok = Tool.run(&Factory) == 0;
  });
  if (!Survived) {
    R.Crashed = true;
    R.Notifications.push_back(inputError(
        File, "internal error: the analysis of this file crashed; its findings "
              "are missing",
        "crash"));
    return false;
  }
  for (Notification &N : Diags.Errors)
    R.Notifications.push_back(std::move(N));
  if (!Ok || Diags.Count) {
    R.InputError = true;
    std::string Msg =
        Diags.Count
            ? "could not be parsed completely (" + std::to_string(Diags.Count) +
                  (Diags.Count == 1 ? " compiler error" : " compiler errors") +
                  "); findings in it may be missing"
            : std::string("could not be parsed");
    R.Notifications.push_back(inputError(File, Msg, "parse"));
    return false;
  }
  return true;
}

/// Whether any location of R is in the file Path.
bool mentions(const FileResult &R, StringRef Path) {
  for (const Finding &F : R.Findings) {
    if (F.Primary.File == Path || F.FixFile == Path)
      return true;
    for (const std::vector<Note> *Notes : {&F.Path, &F.Related})
      for (const Note &N : *Notes)
        if (N.Loc.File == Path)
          return true;
  }
  for (const Notification &N : R.Notifications)
    if (N.Loc.File == Path)
      return true;
  return false;
}

} // namespace

struct Runner::ReusePlan {
  std::string Key;
  HeaderPrefix Prefix;
};

Runner::Runner(const tooling::CompilationDatabase &DB, ConfigResolver &Configs,
               RunnerOptions Opts)
    : DB(DB), Configs(Configs), Opts(std::move(Opts)) {}

/// Where the database's command for File is, and the file on disk.
static std::string locate(const tooling::CompilationDatabase &DB,
                          const std::string &File,
                          std::vector<tooling::CompileCommand> &Commands) {
  // The database may name the file relative to its directory, and a JSON
  // database knows files by their absolute paths (as clang-tidy, a source
  // given relative to the working directory is looked up absolute too).
  Commands = DB.getCompileCommands(File);
  if (Commands.empty() && !sys::path::is_absolute(File)) {
    SmallString<256> Abs(File);
    if (!sys::fs::make_absolute(Abs))
      Commands = DB.getCompileCommands(Abs);
  }
  std::string OnDisk = File;
  if (!Commands.empty() && !sys::path::is_absolute(File)) {
    SmallString<256> P(Commands.front().Directory);
    sys::path::append(P, File);
    if (!sys::fs::exists(File) && sys::fs::exists(P))
      OnDisk = P.str().str();
  }
  return OnDisk;
}

FileResult Runner::analyseOne(const std::string &File) {
  return analyse(File, nullptr);
}

FileResult Runner::analyse(const std::string &File, const ReusePlan *Plan) {
  FileResult R;
  R.File = File;
  std::vector<tooling::CompileCommand> Commands;
  std::string OnDisk = locate(DB, File, Commands);
  if (std::optional<std::string> Problem = checkSourceFile(OnDisk)) {
    R.InputError = true;
    R.Notifications.push_back(inputError(File, *Problem, "input"));
    return R;
  }
  Expected<std::shared_ptr<const EffectiveConfig>> Config =
      Configs.forSource(OnDisk);
  if (!Config) {
    R.InputError = true;
    R.Notifications.push_back(
        inputError(File, toString(Config.takeError()), "config"));
    return R;
  }
  R.Config = *Config;
  if (Commands.empty()) {
    R.InputError = true;
    R.Notifications.push_back(inputError(
        File, "no compile command for this file in the compilation database",
        "compile-database"));
    return R;
  }

  if (Plan) {
    const PrecompiledPrefix &Prefix = Headers.get(Plan->Key, [&] {
      if (!Opts.HeaderCacheDir.empty())
        if (std::unique_ptr<PrecompiledPrefix> Cached =
                loadCachedPrefix(Opts.HeaderCacheDir, Plan->Key))
          return Cached;
      tooling::CompileCommand Adjusted = Commands.front();
      Adjusted.CommandLine = makeArgumentsAdjuster(Opts.Paths)(
          Adjusted.CommandLine, Adjusted.Filename);
      std::unique_ptr<PrecompiledPrefix> Built = buildPrecompiledPrefix(
          Adjusted, Plan->Prefix, utohexstr(xxh3_64bits(Plan->Key)));
      if (!Opts.HeaderCacheDir.empty())
        storeCachedPrefix(Opts.HeaderCacheDir, Plan->Key, *Built);
      return Built;
    });
    if (Prefix.Usable) {
      FileResult Reused = R;
      if (parseAndAnalyse(File, OnDisk, Commands.front(), **Config,
                          Opts.Paths, &Prefix, Reused) &&
          !mentions(Reused, Prefix.HeaderPath)) {
        Headers.countHit();
        Reused.HeadersReused = true;
        return Reused;
      }
    }
    Headers.countMiss(/*Fallback=*/Prefix.Usable);
  } else if (Opts.HeaderReuse) {
    Headers.countMiss(/*Fallback=*/false);
  }
  parseAndAnalyse(File, OnDisk, Commands.front(), **Config, Opts.Paths,
                  nullptr, R);
  return R;
}

std::vector<std::unique_ptr<Runner::ReusePlan>>
Runner::planHeaderReuse(const std::vector<std::string> &Files) {
  std::vector<std::unique_ptr<ReusePlan>> Plans(Files.size());
  if (!Opts.HeaderReuse)
    return Plans;
  StringMap<unsigned> Sharing;
  tooling::ArgumentsAdjuster Adjust = makeArgumentsAdjuster(Opts.Paths);
  for (size_t I = 0; I < Files.size(); ++I) {
    std::vector<tooling::CompileCommand> Commands;
    std::string OnDisk = locate(DB, Files[I], Commands);
    if (Commands.empty())
      continue;
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(
        OnDisk, /*IsText=*/false, /*RequiresNullTerminator=*/false);
    if (!Buf)
      continue;
    auto Plan = std::make_unique<ReusePlan>();
    Plan->Prefix = scanHeaderPrefix((*Buf)->getBuffer());
    if (!Plan->Prefix.Includes)
      continue;
    tooling::CompileCommand Adjusted = Commands.front();
    Adjusted.CommandLine = Adjust(Adjusted.CommandLine, Adjusted.Filename);
    Plan->Key = headerReuseKey(Adjusted, OnDisk, Plan->Prefix);
    ++Sharing[Plan->Key];
    Plans[I] = std::move(Plan);
  }
  // Precompiling a prefix costs one and a half to two plain parses of it:
  // within a run, two files sharing it about break even and more gain; a
  // prefix kept on disk is worth building for one file (the next run of it).
  unsigned Enough =
      Opts.HeaderReuseAlways || !Opts.HeaderCacheDir.empty() ? 1 : 2;
  for (std::unique_ptr<ReusePlan> &Plan : Plans)
    if (Plan && Sharing[Plan->Key] < Enough)
      Plan.reset();
  return Plans;
}

std::vector<FileResult> Runner::run(const std::vector<std::string> &Files) {
  std::vector<FileResult> Results(Files.size());
  std::vector<std::unique_ptr<ReusePlan>> Plans = planHeaderReuse(Files);

  // Files that share a prefix are analysed one after another, and a prefix
  // is freed when its last file is done: the run holds few precompiled
  // prefixes at a time. (Results keep the input order.)
  std::vector<size_t> Order;
  StringMap<std::vector<size_t>> Groups;
  for (size_t I = 0; I < Files.size(); ++I)
    if (Plans[I])
      Groups[Plans[I]->Key].push_back(I);
  StringMap<unsigned> Remaining;
  for (size_t I = 0; I < Files.size(); ++I) {
    if (!Plans[I]) {
      Order.push_back(I);
      continue;
    }
    unsigned &Left = Remaining[Plans[I]->Key];
    if (Left)
      continue; // the group is already in line
    const std::vector<size_t> &Group = Groups[Plans[I]->Key];
    Left = Group.size();
    Order.insert(Order.end(), Group.begin(), Group.end());
  }

  std::mutex Mu;
  size_t Done = 0;
  auto Work = [&](size_t I) {
    Results[I] = analyse(Files[I], Plans[I].get());
    std::lock_guard<std::mutex> Lock(Mu);
    if (Plans[I] && --Remaining[Plans[I]->Key] == 0)
      Headers.release(Plans[I]->Key);
    if (Opts.Progress)
      Opts.Progress(++Done, Files.size(), Files[I]);
  };
  if (Opts.Jobs <= 1 || Files.size() <= 1) {
    for (size_t I : Order)
      Work(I);
    return Results;
  }
  // Each worker takes the next file, except one whose header prefix another
  // worker is precompiling: that one waits at the end of the line, so that
  // nobody sits idle while a prefix is built.
  std::mutex QueueMu;
  size_t Next = 0;
  std::deque<size_t> Later;
  StringSet<> Claimed; // prefixes a worker went to build (or load)
  auto Take = [&]() -> std::optional<size_t> {
    std::lock_guard<std::mutex> Lock(QueueMu);
    while (Next < Order.size()) {
      size_t I = Order[Next++];
      if (Plans[I]) {
        StringRef Key = Plans[I]->Key;
        if (!Claimed.insert(Key).second && !Headers.ready(Key)) {
          Later.push_back(I);
          continue;
        }
      }
      return I;
    }
    if (Later.empty())
      return std::nullopt;
    size_t I = Later.front();
    Later.pop_front();
    return I;
  };
  unsigned Threads = std::min<size_t>(
      hardware_concurrency(Opts.Jobs).compute_thread_count(), Files.size());
  DefaultThreadPool Pool(hardware_concurrency(Threads));
  for (unsigned T = 0; T < Threads; ++T)
    Pool.async([&] {
      while (std::optional<size_t> I = Take())
        Work(*I);
    });
  Pool.wait();
  return Results;
}

} // namespace resdll
