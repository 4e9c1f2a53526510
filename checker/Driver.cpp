//===- Driver.cpp - resdll-check, the command-line front door -------------===//
//
// resdll-check [options] <source>... [-- <compiler arguments>]
//
// Exit status: 0 no findings; 1 findings; 2 a usage error or a file that
// could not be analysed (wins over 1); 3 an internal error caught by crash
// recovery. See README.md and the project's command-line reference.
//
//===----------------------------------------------------------------------===//
#include "BuildPaths.h"
#include "CompileCommands.h"
#include "Config.h"
#include "DebugHooks.h"
#include "Isolation.h"
#include "Rule.h"
#include "Runner.h"
#include "SarifEmitter.h"
#include "TextEmitter.h"
#include "Toolchain.h"

#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>
#include <algorithm>

using namespace llvm;
using namespace resdll;

namespace {
enum ExitStatus { ExitClean = 0, ExitFindings = 1, ExitInput = 2, ExitCrash = 3 };

int usageError(const Twine &Msg) {
  errs() << "resdll-check: error: " << Msg << "\n";
  errs() << "Run 'resdll-check --help' for the options.\n";
  return ExitInput;
}

std::string plural(size_t N, StringRef One, StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM Init(argc, argv);

  // Everything after "--" goes to the compiler, as with clang-tidy.
  std::vector<std::string> Args, CompilerArgs;
  bool SeenDashDash = false;
  // A worker process (Isolation.h) is this program with a hidden first
  // argument; the rest is the parent's command line.
  long WorkerOf = -1;
  int First = 1;
  if (StringRef A = argc > 1 ? argv[1] : ""; A.consume_front(WorkerSwitch)) {
    A.consume_front("=");
    if (A.getAsInteger(10, WorkerOf))
      WorkerOf = 0;
    First = 2;
  }
  // In a worker a crash ends the process and the parent reports it; in one
  // process, crash recovery is the only protection there is.
  if (WorkerOf < 0)
    CrashRecoveryContext::Enable();
  for (int I = First; I < argc; ++I) {
    if (!SeenDashDash && StringRef(argv[I]) == "--") {
      SeenDashDash = true;
      continue;
    }
    (SeenDashDash ? CompilerArgs : Args).push_back(argv[I]);
  }

  CLI::App App{"resdll-check: conformance checker for failover-cluster "
               "resource DLLs",
               "resdll-check"};
  App.set_help_flag("-h,--help", "Print this help and exit");
  App.footer("Usage: resdll-check [options] <source>... [-- <compiler "
             "arguments>]\nExit status: 0 no findings, 1 findings, 2 usage "
             "error or a file that could not be analysed, 3 internal error.");
  std::vector<std::string> Sources;
  std::string BuildPath, ChecksArg, ConfigFile, Format = "text", Output;
  bool ListChecks = false, Strict = false, Stats = false, Version = false;
  unsigned Jobs = 0;
  App.add_option("sources", Sources, "Source files to check");
  App.add_option("-p", BuildPath,
                 "Directory holding compile_commands.json; without sources, "
                 "every file of the database is checked");
  auto *ChecksOpt = App.add_option(
      "--checks", ChecksArg,
      "Enabled rules, clang-tidy glob syntax (e.g. '-*,resdll-status-*')");
  App.add_flag("--list-checks", ListChecks, "List the enabled rules and exit");
  App.add_option("--config-file", ConfigFile,
                 "Settings file (default: the nearest .resdll-check.yaml "
                 "from each source upward)");
  App.add_flag("--strict", Strict,
               "Rule 1 accepts only an explicit SetLastError");
  App.add_option("--format", Format, "Output format: text or sarif")
      ->check(CLI::IsMember({"text", "sarif"}));
  App.add_option("-o,--output", Output,
                 "Write findings to this file (atomically) instead of stdout");
  App.add_option("-j", Jobs,
                 "Translation units analysed in parallel (default: cores)");
  App.add_flag("--stats", Stats,
               "Per-file time, functions analysed and budget hits, to stderr");
  App.add_flag("--version", Version, "Print the version and exit");
  double Timeout = 600;
  App.add_option("--timeout", Timeout,
                 "Seconds allowed per translation unit (default 600, 0: no "
                 "limit); a file past it is reported and the rest go on")
      ->check(
          [](const std::string &S) -> std::string {
            double D;
            if (StringRef(S).getAsDouble(D) || D < 0)
              return "'" + S + "' is not a number of seconds (0 or more)";
            return "";
          },
          "SECONDS");
  // Test-only switches (DebugHooks.h), not in --help.
  std::string DebugCrashOn;
  DebugHookSettings Debug;
  bool DebugInProcess = false;
  App.add_option("--debug-crash-on", DebugCrashOn)->group("");
  App.add_option("--debug-hang-on", Debug.HangOn)->group("");
  App.add_flag("--debug-stall-output", Debug.StallOutput)->group("");
  App.add_flag("--debug-in-process", DebugInProcess)->group("");
  try {
    std::vector<std::string> Reversed(Args.rbegin(), Args.rend());
    App.parse(Reversed);
  } catch (const CLI::CallForHelp &) {
    outs() << App.help();
    return ExitClean;
  } catch (const CLI::ParseError &E) {
    return usageError(E.what());
  }
  if (!DebugCrashOn.empty())
    if (Error E = parseCrashSpec(DebugCrashOn, Debug))
      return usageError(toString(std::move(E)));
  setDebugHooks(Debug);
  if (Version) {
    outs() << "resdll-check " << RESDLL_VERSION << " (LLVM "
           << RESDLL_LLVM_VERSION << ")\n";
    return ExitClean;
  }

  CommandLineSettings CL;
  if (ChecksOpt->count()) {
    if (Expected<CheckGlobs> G = CheckGlobs::parse(ChecksArg); !G)
      return usageError("--checks: " + toString(G.takeError()));
    CL.Checks = ChecksArg;
  }
  CL.Strict = Strict;
  if (!ConfigFile.empty()) {
    if (!sys::fs::is_regular_file(ConfigFile))
      return usageError("--config-file: '" + ConfigFile +
                        "': no such settings file");
    CL.ConfigFile = ConfigFile;
  }
  ConfigResolver Configs(CL);

  if (ListChecks) {
    Expected<std::shared_ptr<const EffectiveConfig>> C =
        Configs.forCurrentDirectory();
    if (!C)
      return usageError(toString(C.takeError()));
    for (const std::string &Id : (*C)->EnabledRules)
      outs() << Id << "\n";
    return ExitClean;
  }

  // The compilation database.
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (!BuildPath.empty()) {
    SmallString<256> DBFile(BuildPath);
    sys::path::append(DBFile, "compile_commands.json");
    std::string Err;
    DB = loadCompilationDatabase(BuildPath, Err);
    if (!DB)
      return usageError("-p: " + Err);
    if (SeenDashDash) {
      auto Adjusting =
          std::make_unique<clang::tooling::ArgumentsAdjustingCompilations>(
              std::move(DB));
      Adjusting->appendArgumentsAdjuster(
          clang::tooling::getInsertArgumentAdjuster(
              CompilerArgs, clang::tooling::ArgumentInsertPosition::END));
      DB = std::move(Adjusting);
    }
    if (Sources.empty()) {
      Sources = DB->getAllFiles();
      if (Sources.empty())
        return usageError("-p: '" + DBFile.str() +
                          "' lists no source files");
    }
  } else {
    DB = std::make_unique<clang::tooling::FixedCompilationDatabase>(
        ".", CompilerArgs);
  }
  if (Sources.empty())
    return usageError("no source files given");

  RunnerOptions Opts;
  Opts.Jobs = Jobs ? Jobs : std::max(1u, hardware_concurrency().compute_thread_count());
  Opts.Paths = findToolPaths(argv[0], reinterpret_cast<void *>(&main));
  bool ShowProgress = WorkerOf < 0 && sys::Process::StandardErrIsDisplayed();
  if (ShowProgress)
    Opts.Progress = [](size_t Done, size_t Total, StringRef File) {
      errs() << "\r[" << Done << "/" << Total << "] " << File << "\x1b[K";
      if (Done == Total)
        errs() << "\r\x1b[K";
      errs().flush();
    };

  Runner R(*DB, Configs, Opts);
  if (WorkerOf >= 0)
    return serveAsWorker(R, WorkerOf);
  std::vector<FileResult> Results;
  if (DebugInProcess) {
    Results = R.run(Sources);
  } else {
    IsolationOptions Iso;
    Iso.Jobs = Opts.Jobs;
    Iso.TimeoutSeconds = Timeout;
    Iso.Executable = sys::fs::getMainExecutable(
        argv[0], reinterpret_cast<void *>(&main));
    Iso.Arguments.assign(argv + First, argv + argc);
    Iso.Progress = Opts.Progress;
    Results = runIsolated(R, Sources, Iso);
  }

  bool AnyInputError = false, AnyCrash = false;
  size_t NumFindings = 0;
  for (const FileResult &FR : Results) {
    AnyInputError |= FR.InputError;
    AnyCrash |= FR.Crashed;
    NumFindings += FR.Findings.size();
    for (const Notification &N : FR.Notifications)
      emitNotification(N, FR.File, errs());
    if (Stats)
      errs() << "stats: " << FR.File << ": parse "
             << format("%.3f", FR.ParseSeconds) << " s, analysis "
             << format("%.3f", FR.AnalysisSeconds) << " s, functions "
             << FR.Stats.FunctionsAnalysed << ", states "
             << FR.Stats.StatesExplored << ", budget hits "
             << FR.Stats.BudgetHits << "\n";
  }

  RunInfo Info;
  Info.CommandLine.assign(argv, argv + argc);
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  Info.WorkingDirectory = Cwd.str().str();
  Info.SourceRoot = Info.WorkingDirectory;
  Info.Success = !AnyInputError && !AnyCrash;
  if (Expected<std::shared_ptr<const EffectiveConfig>> C =
          Configs.forCurrentDirectory())
    Info.EnabledRules = (*C)->EnabledRules;
  else
    consumeError(C.takeError());

  auto Write = [&](raw_ostream &OS) -> Error {
    std::string Text;
    raw_string_ostream TOS(Text);
    if (Format == "sarif")
      emitSarif(Results, Info, TOS);
    else
      emitText(Results, TOS);
    if (!debugHookWhileWriting(Text, OS))
      OS << Text;
    return Error::success();
  };
  if (Output.empty() || Output == "-") {
    cantFail(Write(outs()));
    outs().flush();
  } else if (Error E = writeToOutput(Output, Write)) {
    errs() << "resdll-check: error: cannot write '" << Output
           << "': " << toString(std::move(E)) << "\n";
    return ExitInput;
  }

  errs() << plural(NumFindings, "finding", "findings") << " in "
         << plural(Results.size(), "file", "files") << "\n";
  if (AnyCrash)
    return ExitCrash;
  if (AnyInputError)
    return ExitInput;
  return NumFindings ? ExitFindings : ExitClean;
}
