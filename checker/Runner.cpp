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
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <chrono>
#include <mutex>

using namespace clang;
using namespace llvm;

namespace resdll {

namespace {

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

class AnalysisConsumer : public ASTConsumer {
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

private:
  const EffectiveConfig &Config;
  FileResult &Result;
  std::chrono::steady_clock::time_point Start;
  const std::vector<SourceLocation> &ErrorLocs;
  bool DumpModel;
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
                        bool DumpModel)
      : Config(Config), Result(Result), ErrorLocs(ErrorLocs),
        DumpModel(DumpModel) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Config, Result, ErrorLocs,
                                            DumpModel);
  }

private:
  const EffectiveConfig &Config;
  FileResult &Result;
  const std::vector<SourceLocation> &ErrorLocs;
  bool DumpModel;
};

} // namespace

Runner::Runner(const tooling::CompilationDatabase &DB, ConfigResolver &Configs,
               RunnerOptions Opts)
    : DB(DB), Configs(Configs), Opts(std::move(Opts)) {}

static Notification inputError(StringRef File, std::string Message,
                               StringRef Kind) {
  Notification N;
  N.Lvl = Notification::Error;
  N.Kind = Kind.str();
  N.Loc.File = File.str();
  N.Message = std::move(Message);
  return N;
}

FileResult Runner::analyseOne(const std::string &File) {
  FileResult R;
  R.File = File;
  // The database may name the file relative to its directory.
  std::vector<tooling::CompileCommand> Commands = DB.getCompileCommands(File);
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
    DBOne.C = Commands.front();
    // A private file system view: the working directory of one tool must not
    // change the process's, which the other threads share. It reads UTF-16
    // sources and resolves includes as Windows does (InputFiles.h).
    tooling::ClangTool Tool(DBOne, {OnDisk},
                            std::make_shared<PCHContainerOperations>(),
                            makeWindowsFileSystem(
                                Check.Windows1252 ? StringRef(OnDisk) : ""));
    Tool.clearArgumentsAdjusters();
    Tool.appendArgumentsAdjuster(makeArgumentsAdjuster(Opts.Paths));
    Tool.setDiagnosticConsumer(&Diags);
    Tool.setPrintErrorMessage(false);
    AnalysisActionFactory Factory(**Config, R, Diags.Locations,
                                  Opts.DumpModel);
    Ok = Tool.run(&Factory) == 0;
  });
  if (!Survived) {
    R.Crashed = true;
    R.Notifications.push_back(inputError(
        File, "internal error: the analysis of this file crashed; its findings "
              "are missing",
        "crash"));
    return R;
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
  }
  return R;
}

std::vector<FileResult> Runner::run(const std::vector<std::string> &Files) {
  std::vector<FileResult> Results(Files.size());
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
    for (size_t I = 0; I < Files.size(); ++I)
      Work(I);
    return Results;
  }
  DefaultThreadPool Pool(hardware_concurrency(Opts.Jobs));
  for (size_t I = 0; I < Files.size(); ++I)
    Pool.async([&Work, I] { Work(I); });
  Pool.wait();
  return Results;
}

} // namespace resdll
