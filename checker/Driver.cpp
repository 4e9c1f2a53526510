//===- Driver.cpp - resdll-check, the command-line front door -------------===//
//
// resdll-check [options] <source>... [-- <compiler arguments>]
// resdll-check merge <log.sarif>... [-o <out>] [--format=sarif|text]
//
// Exit status: 0 no findings; 1 findings; 2 a usage error or a file that
// could not be analysed (wins over 1); 3 an internal error caught by crash
// recovery. See README.md and the project's command-line reference.
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"
#include "BuildPaths.h"
#include "CompileCommands.h"
#include "Config.h"
#include "MergeCommand.h"
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
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/MemoryBuffer.h"
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

/// The command line as the SARIF log records it: without -j, which changes
/// nothing in the output, so that the log is byte-identical whatever -j.
std::vector<std::string> recordedCommandLine(int argc, char **argv) {
  std::vector<std::string> Out;
  bool SeenDashDash = false;
  for (int I = 0; I < argc; ++I) {
    StringRef A = argv[I];
    SeenDashDash |= A == "--";
    if (!SeenDashDash && I > 0 && A.starts_with("-j")) {
      if (A == "-j" && I + 1 < argc)
        ++I; // its value
      continue;
    }
    Out.push_back(A.str());
  }
  return Out;
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM Init(argc, argv);
  // Target names in compiler names (x86_64-w64-mingw32-gcc) are recognised
  // through the target registry.
  InitializeAllTargetInfos();

  if (argc > 1 && StringRef(argv[1]) == "merge")
    return runMergeCommand(std::vector<std::string>(argv + 2, argv + argc));

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
             "arguments>]\n       resdll-check merge <log.sarif>... [-o "
             "<out.sarif>] [--format=sarif|text]  (see 'resdll-check merge "
             "--help')\nExit status: 0 no findings, 1 findings (with --baseline: new "
             "findings), 2 usage "
             "error or a file that could not be analysed, 3 internal error.");
  std::vector<std::string> Sources;
  std::string BuildPath, ChecksArg, ConfigFile, Format = "text", Output;
  std::string BaselinePath, SourceRootArg;
  bool ListChecks = false, Strict = false, Stats = false, Version = false;
  bool DumpModel = false, NoHeaderReuse = false;
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
  App.add_option("--baseline", BaselinePath,
                 "SARIF log of an earlier run: findings whose fingerprint is "
                 "in it are not reported (SARIF: baselineState)");
  App.add_option("--source-root", SourceRootArg,
                 "Directory that SARIF artifact uris are relative to "
                 "(%SRCROOT%); default: the current directory");
  App.add_option("-j", Jobs,
                 "Translation units analysed in parallel (default: cores)");
  App.add_flag("--stats", Stats,
               "Per-file time, functions analysed and budget hits, to stderr");
  App.add_flag("--no-header-reuse", NoHeaderReuse,
               "Parse every file's system headers itself instead of once per "
               "run (the output is the same; for comparison)");
  App.add_flag("--version", Version, "Print the version and exit");
  // Development aid, not in --help: what the model recognised, per file, on
  // stdout before the findings.
  App.add_flag("--debug-dump-model", DumpModel)->group("");
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
  // Files whose worker process died (Isolation.h), for a replacement worker.
  std::vector<std::string> AfterFailureOf;
  App.add_option(AfterFailureSwitch, AfterFailureOf)->group("");
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

  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  SmallString<256> SourceRoot(SourceRootArg.empty() ? Cwd.str()
                                                     : StringRef(SourceRootArg));
  sys::fs::make_absolute(Cwd, SourceRoot);
  sys::path::remove_dots(SourceRoot, /*remove_dot_dot=*/true);
  if (!SourceRootArg.empty() && !sys::fs::is_directory(SourceRoot))
    return usageError("--source-root: '" + SourceRootArg +
                      "': no such directory");
  if (!BaselinePath.empty() && !sys::fs::is_regular_file(BaselinePath))
    return usageError("--baseline: '" + BaselinePath +
                      "': no such file");
  // A baseline that cannot be used fails before the analysis, not after.
  if (!BaselinePath.empty())
    if (Expected<std::unique_ptr<Baseline>> B = Baseline::load(BaselinePath);
        !B)
      return usageError("--baseline: " + toString(B.takeError()));

  CommandLineSettings CL;
  if (ChecksOpt->count()) {
    Expected<CheckGlobs> G = CheckGlobs::parse(ChecksArg);
    if (!G)
      return usageError("--checks: " + toString(G.takeError()));
    // --checks wins over settings files: if it disables every rule by
    // itself, a run would check nothing and pass. Listing the (no) rules and
    // dumping the model are fine.
    if (!ListChecks && !DumpModel &&
        llvm::none_of(allRules(), [&](const RuleInfo &R) {
          return G->enabled(R.Id, true);
        }))
      return usageError("--checks='" + ChecksArg +
                        "' disables every rule: nothing would be checked");
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
  // A settings file named on the command line is part of the usage: when it
  // is invalid, nothing is analysed (as with a bad --checks).
  if (CL.ConfigFile)
    if (Expected<std::shared_ptr<const EffectiveConfig>> C =
            Configs.forCurrentDirectory();
        !C)
      return usageError(toString(C.takeError()));

  if (ListChecks) {
    Expected<std::shared_ptr<const EffectiveConfig>> C =
        Configs.forCurrentDirectory();
    if (!C)
      return usageError(toString(C.takeError()));
    for (const std::string &Id : (*C)->EnabledRules)
      outs() << Id << "\n";
    return ExitClean;
  }

  // The compilation database. One that is missing or malformed is an input
  // error: reported, and the sources named on the command line are still
  // analysed without it (as clang-tidy runs "without flags").
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  bool DatabaseError = false;
  SmallString<256> DBFile(BuildPath);
  if (!BuildPath.empty()) {
    sys::path::append(DBFile, "compile_commands.json");
    std::string Problem;
    DB = loadCompilationDatabase(DBFile, Problem);
    if (!DB) {
      errs() << DBFile << ": error: " << Problem << "\n";
      if (Sources.empty())
        return ExitInput; // nothing else to analyse
      DatabaseError = true;
    }
  }
  if (DB) {
    // A cross compiler named in the database (x86_64-w64-mingw32-gcc)
    // names the target: make it an explicit --target, as clangd does.
    DB = clang::tooling::inferTargetAndDriverMode(std::move(DB));
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
      // Every file of the database, in the database's order.
      StringSet<> Seen;
      for (const clang::tooling::CompileCommand &Cmd :
           DB->getAllCompileCommands()) {
        SmallString<256> Path(Cmd.Filename);
        if (sys::path::is_relative(Path)) {
          Path = Cmd.Directory;
          sys::path::append(Path, Cmd.Filename);
        }
        sys::path::native(Path);
        if (Seen.insert(Path).second)
          Sources.push_back(Path.str().str());
      }
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
  // The environment can turn header reuse off (to run a test suite both
  // ways) or on for every file, even one no other file shares a prefix with.
  auto EnvSet = [](const char *Name) {
    std::optional<std::string> V = sys::Process::GetEnv(Name);
    return V && !V->empty() && *V != "0";
  };
  Opts.HeaderReuse =
      !NoHeaderReuse && !EnvSet("RESDLL_CHECK_NO_HEADER_REUSE");
  Opts.HeaderReuseAlways = EnvSet("RESDLL_CHECK_HEADER_REUSE_ALWAYS");
  if (Opts.HeaderReuse)
    Opts.HeaderCacheDir = defaultHeaderCacheDir();
  Opts.DumpModel = DumpModel;
  bool ShowProgress = WorkerOf < 0 && sys::Process::StandardErrIsDisplayed();
  if (ShowProgress)
    Opts.Progress = [](size_t Done, size_t Total, StringRef File) {
      errs() << "\r[" << Done << "/" << Total << "] " << File << "\x1b[K";
      if (Done == Total)
        errs() << "\r\x1b[K";
      errs().flush();
    };

  Runner R(*DB, Configs, Opts);
  R.planHeaderReuse(Sources);
  R.avoidHeaderReuseWith(AfterFailureOf);
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
    // Settings objects do not cross the process boundary: the baseline a
    // file's settings name is looked up again here.
    for (FileResult &FR : Results)
      if (!FR.Config && !FR.InputError) {
        if (Expected<std::shared_ptr<const EffectiveConfig>> C =
                Configs.forSource(FR.File))
          FR.Config = *C;
        else
          consumeError(C.takeError());
      }
  }

  // Against a baseline, only new findings are reported and counted.
  Expected<BaselineOutcome> Baselines =
      applyBaselines(Results, BaselinePath, Cwd, SourceRoot);
  if (!Baselines)
    return usageError("baseline: " + toString(Baselines.takeError()));

  bool AnyInputError = false, AnyCrash = false;
  size_t NumFindings = 0;
  if (DumpModel) {
    for (const FileResult &FR : Results)
      outs() << FR.ModelDump;
    outs().flush();
  }
  for (const FileResult &FR : Results) {
    AnyInputError |= FR.InputError;
    AnyCrash |= FR.Crashed;
    for (const Finding &F : FR.Findings)
      NumFindings += F.BaselineState != "unchanged";
    for (const Notification &N : FR.Notifications)
      emitNotification(N, FR.File, errs());
    if (Stats)
      errs() << "stats: " << FR.File << ": parse "
             << format("%.3f", FR.ParseSeconds) << " s, analysis "
             << format("%.3f", FR.AnalysisSeconds) << " s, functions "
             << FR.Stats.FunctionsAnalysed << ", states "
             << FR.Stats.StatesExplored << ", budget hits "
             << FR.Stats.BudgetHits << ", headers "
             << (FR.Headers.Outcome == HeaderReuseOutcome::Reused ? "reused"
                                                                  : "parsed")
             << "\n";
  }
  if (Stats) {
    HeaderReuseStats H = summariseHeaderReuse(Results);
    if (!Opts.HeaderReuse)
      errs() << "stats: header reuse: off\n";
    else
      errs() << "stats: header reuse: " << H.Hits << " hits, " << H.Misses
             << " misses (" << H.Fallbacks << " fallbacks), "
             << plural(H.Built, "precompiled header prefix",
                       "precompiled header prefixes")
             << " built in " << format("%.3f", H.BuildSeconds) << " s"
             << (H.Loaded ? " (" + std::to_string(H.Loaded) +
                                " from the disk cache)"
                          : std::string())
             << (H.Unusable ? ", " + std::to_string(H.Unusable) + " unusable"
                            : std::string())
             << "\n";
    for (const std::string &Why : H.UnusableWhy)
      errs() << "stats: header prefix not reused: " << Why << "\n";
  }

  int Status = AnyCrash                          ? ExitCrash
               : AnyInputError || DatabaseError ? ExitInput
               : NumFindings    ? ExitFindings
                                : ExitClean;
  RunInfo Info;
  Info.CommandLine = recordedCommandLine(argc, argv);
  Info.WorkingDirectory = Cwd.str().str();
  Info.SourceRoot = SourceRoot.str().str();
  Info.Success = !AnyInputError && !AnyCrash && !DatabaseError;
  Info.ExitCode = Status;
  Info.HasBaseline = Baselines->Used;
  Info.Absent = std::move(Baselines->Absent);
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
         << plural(Results.size(), "file", "files");
  if (Baselines->Used)
    errs() << " (baseline: " << Baselines->Unchanged
           << " unchanged, not reported; " << Info.Absent.size()
           << " absent)";
  errs() << "\n";
  return Status;
}
