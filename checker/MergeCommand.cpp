//===- MergeCommand.cpp - `resdll-check merge`: combine shards' logs ------===//
//
// resdll-check merge <log.sarif>... [-o <out>] [--format=sarif|text]
//                    [--baseline=<sarif>]
//
// Reads SARIF logs that resdll-check wrote (one per shard of a CI job) and
// writes one log, or prints its findings as the text format does. The exit
// status is the one the shards would have had as one run (see
// sarifExitStatus); 2 also for a log that cannot be read.
//
//===----------------------------------------------------------------------===//
#include "MergeCommand.h"
#include "Baseline.h"
#include "SarifMerge.h"
#include "SarifReader.h"
#include "SarifEmitter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>

using namespace llvm;

namespace resdll {

int runMergeCommand(const std::vector<std::string> &Args) {
  CLI::App App{"resdll-check merge: combine SARIF logs of resdll-check runs "
               "(CI shards) into one log",
               "resdll-check merge"};
  App.set_help_flag("-h,--help", "Print this help and exit");
  App.footer("Exit status: 0 no findings, 1 new findings, 2 a log that "
             "cannot be read or a run that could not analyse a file, 3 a "
             "run that crashed.");
  std::vector<std::string> Inputs;
  std::string Output, Format = "sarif", BaselinePath;
  App.add_option("logs", Inputs, "SARIF logs written by resdll-check")
      ->required();
  App.add_option("-o,--output", Output,
                 "Write the merged log to this file (atomically) instead of "
                 "stdout");
  App.add_option("--format", Format,
                 "Output format: sarif (the merged log) or text (its "
                 "findings, as resdll-check prints them)")
      ->check(CLI::IsMember({"text", "sarif"}));
  App.add_option("--baseline", BaselinePath,
                 "Compare the merged results with this earlier log, as "
                 "resdll-check --baseline does: baselineState is set, text "
                 "and the exit status count new results only");
  try {
    std::vector<std::string> Reversed(Args.rbegin(), Args.rend());
    App.parse(Reversed);
  } catch (const CLI::CallForHelp &) {
    outs() << App.help();
    return 0;
  } catch (const CLI::ParseError &E) {
    errs() << "resdll-check merge: error: " << E.what() << "\n";
    errs() << "Run 'resdll-check merge --help' for the options.\n";
    return 2;
  }

  std::vector<json::Value> Logs;
  for (const std::string &In : Inputs) {
    Expected<json::Value> Log = readSarifLog(In);
    if (!Log) {
      errs() << "resdll-check merge: error: " << toString(Log.takeError())
             << "\n";
      return 2;
    }
    Logs.push_back(std::move(*Log));
  }
  json::Value Merged = mergeSarifLogs(Logs);
  if (!BaselinePath.empty()) {
    Expected<std::unique_ptr<Baseline>> B = Baseline::load(BaselinePath);
    if (!B) {
      errs() << "resdll-check merge: error: baseline: "
             << toString(B.takeError()) << "\n";
      return 2;
    }
    applyBaselineToLog(Merged, **B);
    // Absent results take their place in the merged order.
    Merged = mergeSarifLogs({std::move(Merged)});
  }

  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  size_t Printed = 0;
  auto Write = [&](raw_ostream &OS) -> Error {
    if (Format == "sarif")
      writeSarif(Merged, OS);
    else
      Printed = emitSarifAsText(Merged, Cwd, OS, errs());
    return Error::success();
  };
  if (Output.empty() || Output == "-") {
    cantFail(Write(outs()));
    outs().flush();
  } else if (Error E = writeToOutput(Output, Write)) {
    errs() << "resdll-check merge: error: cannot write '" << Output
           << "': " << toString(std::move(E)) << "\n";
    return 2;
  }
  if (Format == "text")
    errs() << Printed << (Printed == 1 ? " finding" : " findings") << " in "
           << Logs.size() << (Logs.size() == 1 ? " log" : " logs") << "\n";
  return sarifExitStatus(Merged);
}

} // namespace resdll
