//===- Runner.cpp - analyse translation units, in parallel ----------------===//
#include "Runner.h"
#include "Analyzer.h"
#include "DebugHooks.h"
#include "InputFiles.h"

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
#include <mutex>

using namespace clang;
using namespace llvm;

namespace resdll {

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
  std::vector<SourceLocation> Locations; ///< of every error
  unsigned Count = 0;
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    ++Count;
    if (Info.hasSourceManager() && Info.getLocation().isValid())
      Locations.push_back(Info.getLocation());
    if (Errors.size() >= 20)
      return;
    Notification N;
    N.Lvl = Notification::Error;
    N.Kind = "compiler-error";
    SmallString<256> Msg;
    Info.FormatDiagnostic(Msg);
    // Printed as "error: <message>": a fatal error (a missing header) is
    // an error like the others, and the file's analysis stops there.
    N.Message = Msg.str().str();
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
                   std::chrono::steady_clock::time_point Start,
                   const std::vector<SourceLocation> &ErrorLocs, bool DumpModel)
      : Config(Config), Result(Result), Start(Start), ErrorLocs(ErrorLocs),
        DumpModel(DumpModel) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    auto Parsed = std::chrono::steady_clock::now();
    Result.ParseSeconds =
        std::chrono::duration<double>(Parsed - Start).count();
    debugHookBeforeAnalysis(Result.File);
    limitToThisFile(Ctx);
    std::optional<TopLevelLookupScope> Lookups;
    if (S)
      Lookups.emplace(Ctx, *S);
    AnalyzerOutput Out =
        analyzeAST(Ctx, Config.EnabledRules, Config.Options, *Config.Api,
                   ErrorLocs, DumpModel ? &Result.ModelDump : nullptr);
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
  const std::vector<SourceLocation> &ErrorLocs;
  bool DumpModel;
  Sema *S = nullptr;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const EffectiveConfig &Config, FileResult &Result,
                 const std::vector<SourceLocation> &ErrorLocs, bool DumpModel)
      : Config(Config), Result(Result), ErrorLocs(ErrorLocs),
        DumpModel(DumpModel) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<AnalysisConsumer>(Config, Result, Start,
                                              ErrorLocs, DumpModel);
  }
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    Start = std::chrono::steady_clock::now();
    // A missing header must not end the parse: the functions that do not
    // need it are still analysed (PartialParse.h).
    CI.getDiagnostics().setFatalsAsError(true);
    return true;
  }

private:
  const EffectiveConfig &Config;
  FileResult &Result;
  const std::vector<SourceLocation> &ErrorLocs;
  std::chrono::steady_clock::time_point Start = std::chrono::steady_clock::now();
  bool DumpModel;
};

class AnalysisActionFactory : public tooling::FrontendActionFactory {
public:
  AnalysisActionFactory(const EffectiveConfig &Config, FileResult &Result,
                        const std::vector<SourceLocation> &ErrorLocs,
                        bool DumpModel, const PrecompiledPrefix *Prefix)
      : Config(Config), Result(Result), ErrorLocs(ErrorLocs),
        DumpModel(DumpModel), Prefix(Prefix) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Config, Result, ErrorLocs,
                                            DumpModel);
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
  const std::vector<SourceLocation> &ErrorLocs;
  bool DumpModel;
  const PrecompiledPrefix *Prefix;
};

/// Parses and analyses one file into R (with Prefix: against it). False
/// when the parse was not clean: a crash, a compiler error or a failure.
bool parseAndAnalyse(const std::string &File, const std::string &OnDisk,
                     bool Windows1252, const tooling::CompileCommand &Command,
                     const EffectiveConfig &Config, const RunnerOptions &Opts,
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
    // change the process's, which the other threads share. It reads UTF-16
    // sources and resolves includes as Windows does (InputFiles.h).
    IntrusiveRefCntPtr<vfs::FileSystem> FS =
        makeWindowsFileSystem(Windows1252 ? StringRef(OnDisk) : "");
    if (Prefix)
      FS = Prefix->overlay(std::move(FS));
    tooling::ClangTool Tool(DBOne, {OnDisk},
                            std::make_shared<PCHContainerOperations>(),
                            std::move(FS));
    Tool.clearArgumentsAdjusters();
    Tool.appendArgumentsAdjuster(makeArgumentsAdjuster(Opts.Paths));
    Tool.setDiagnosticConsumer(&Diags);
    Tool.setPrintErrorMessage(false);
    AnalysisActionFactory Factory(Config, R, Diags.Locations, Opts.DumpModel,
                                  Prefix);
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
  // The compiler's errors first, then what the analysis made of them.
  R.Notifications.insert(R.Notifications.begin(),
                         std::make_move_iterator(Diags.Errors.begin()),
                         std::make_move_iterator(Diags.Errors.end()));
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

/// The database's commands for File, and the file on disk.
std::string locate(const tooling::CompilationDatabase &DB,
                   const std::string &File,
                   std::vector<tooling::CompileCommand> &Commands) {
  // The database may name the file relative to its directory.
  Commands = DB.getCompileCommands(File);
  if (Commands.empty() && sys::path::is_relative(File)) {
    // A compilation database finds files by absolute path (as clang-tidy
    // looks them up); the file keeps the name it was given.
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

} // namespace

struct Runner::ReusePlan {
  std::string Key;
  HeaderPrefix Prefix;
};

Runner::Runner(const tooling::CompilationDatabase &DB, ConfigResolver &Configs,
               RunnerOptions Opts)
    : DB(DB), Configs(Configs), Opts(std::move(Opts)) {}

Runner::~Runner() = default;

FileResult Runner::analyseOne(const std::string &File) {
  FileResult R;
  R.File = File;
  std::vector<tooling::CompileCommand> Commands;
  std::string OnDisk = locate(DB, File, Commands);
  SourceFileCheck Check = inspectSourceFile(OnDisk);
  if (Check.Error) {
    R.InputError = true;
    R.Notifications.push_back(inputError(File, *Check.Error, "input"));
    return R;
  }
  if (Check.Warning) {
    Notification N = inputError(File, *Check.Warning, "encoding");
    N.Lvl = Notification::Warning;
    N.Loc = Check.WarningLoc;
    N.Loc.File = File;
    R.Notifications.push_back(std::move(N));
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

  auto Plan = Plans.find(File);
  if (Plan != Plans.end()) {
    const ReusePlan &P = *Plan->second;
    bool Built = false;
    std::shared_ptr<const PrecompiledPrefix> Prefix = Headers.get(
        P.Key,
        [&] {
          if (!Opts.HeaderCacheDir.empty())
            if (std::unique_ptr<PrecompiledPrefix> Cached =
                    loadCachedPrefix(Opts.HeaderCacheDir, P.Key))
              return Cached;
          tooling::CompileCommand Adjusted = Commands.front();
          Adjusted.CommandLine = makeArgumentsAdjuster(Opts.Paths)(
              Adjusted.CommandLine, Adjusted.Filename);
          std::unique_ptr<PrecompiledPrefix> New = buildPrecompiledPrefix(
              Adjusted, P.Prefix, utohexstr(xxh3_64bits(P.Key)));
          if (!Opts.HeaderCacheDir.empty())
            storeCachedPrefix(Opts.HeaderCacheDir, P.Key, *New);
          return New;
        },
        Built);
    if (Built) {
      R.Headers.Built = true;
      R.Headers.FromDisk = Prefix->FromDisk;
      R.Headers.BuildSeconds = Prefix->BuildSeconds;
      R.Headers.Unusable = Prefix->Usable ? "" : Prefix->Why;
    }
    if (Prefix->Usable) {
      FileResult Reused = R;
      if (parseAndAnalyse(File, OnDisk, Check.Windows1252, Commands.front(),
                          **Config, Opts, Prefix.get(), Reused) &&
          !mentions(Reused, Prefix->HeaderPath)) {
        Reused.Headers.Outcome = HeaderReuseOutcome::Reused;
        return Reused;
      }
      R.Headers.Outcome = HeaderReuseOutcome::Fallback;
    } else {
      R.Headers.Outcome = HeaderReuseOutcome::Plain;
    }
  } else if (Opts.HeaderReuse) {
    R.Headers.Outcome = HeaderReuseOutcome::Plain;
  }
  parseAndAnalyse(File, OnDisk, Check.Windows1252, Commands.front(), **Config,
                  Opts, nullptr, R);
  return R;
}

void Runner::planHeaderReuse(const std::vector<std::string> &Files) {
  Plans.clear();
  if (!Opts.HeaderReuse)
    return;
  StringMap<unsigned> Sharing;
  tooling::ArgumentsAdjuster Adjust = makeArgumentsAdjuster(Opts.Paths);
  for (const std::string &File : Files) {
    std::vector<tooling::CompileCommand> Commands;
    std::string OnDisk = locate(DB, File, Commands);
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
    Plans[File] = std::move(Plan);
  }
  // Precompiling a prefix costs one and a half to two plain parses of it:
  // within a run, two files sharing it about break even and more gain; a
  // prefix kept on disk is worth building for one file (the next run of it).
  unsigned Enough =
      Opts.HeaderReuseAlways || !Opts.HeaderCacheDir.empty() ? 1 : 2;
  for (auto It = Plans.begin(); It != Plans.end();) {
    auto This = It++;
    if (Sharing[This->second->Key] < Enough)
      Plans.erase(This);
  }
}

void Runner::avoidHeaderReuseWith(const std::vector<std::string> &Files) {
  StringSet<> Keys;
  for (const std::string &File : Files)
    if (auto It = Plans.find(File); It != Plans.end())
      Keys.insert(It->second->Key);
  for (auto It = Plans.begin(); It != Plans.end();) {
    auto This = It++;
    if (Keys.contains(This->second->Key))
      Plans.erase(This);
  }
}

std::vector<size_t>
Runner::analysisOrder(const std::vector<std::string> &Files) const {
  // Files that share a prefix are analysed one after another, so that a
  // process keeps few precompiled prefixes at a time.
  std::vector<size_t> Order;
  StringMap<std::vector<size_t>> Groups;
  for (size_t I = 0; I < Files.size(); ++I)
    if (auto It = Plans.find(Files[I]); It != Plans.end())
      Groups[It->second->Key].push_back(I);
  for (size_t I = 0; I < Files.size(); ++I) {
    auto It = Plans.find(Files[I]);
    if (It == Plans.end()) {
      Order.push_back(I);
      continue;
    }
    std::vector<size_t> &Group = Groups[It->second->Key];
    Order.insert(Order.end(), Group.begin(), Group.end());
    Group.clear(); // the group is in line
  }
  return Order;
}

StringRef Runner::headerPrefixKey(const std::string &File) const {
  auto It = Plans.find(File);
  return It == Plans.end() ? StringRef() : StringRef(It->second->Key);
}

std::vector<FileResult> Runner::run(const std::vector<std::string> &Files) {
  std::vector<FileResult> Results(Files.size());
  std::vector<size_t> Order = analysisOrder(Files);
  std::mutex Mu;
  size_t Done = 0;
  auto Work = [&](size_t I) {
    Results[I] = analyseOne(Files[I]);
    if (Opts.Progress) {
      std::lock_guard<std::mutex> Lock(Mu);
      Opts.Progress(++Done, Files.size(), Files[I]);
    }
  };
  if (Opts.Jobs <= 1 || Files.size() <= 1) {
    for (size_t I : Order)
      Work(I);
    return Results;
  }
  DefaultThreadPool Pool(hardware_concurrency(Opts.Jobs));
  for (size_t I : Order)
    Pool.async([&Work, I] { Work(I); });
  Pool.wait();
  return Results;
}

} // namespace resdll
