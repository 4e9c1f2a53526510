//===- resdll_fuzz.cpp - libFuzzer target: a source through the checker ---===//
//
// Each input is the text of a resource DLL source (seeded from test-inputs/
// and the lit tests). It is parsed in memory as input.c with the CLI's fixed
// mingw-w64 arguments (Toolchain.h) and a precompiled header of windows.h,
// clusapi.h and resapi.h built once at start-up (so an input takes
// milliseconds, not the quarter second of the headers), then goes through
// the model, every rule, the partial-parse logic, both emitters and the
// worker-process JSON round trip (which must be exact). Only our code is
// instrumented (clang-cpp and LLVM are Debian's); a crash, a sanitizer
// report, a leak or an inexact round trip is a finding of the fuzzer.
//
//   build-fuzz/bin/resdll-fuzz -max_len=16384 -timeout=20 corpus/ seeds/
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"
#include "ApiModel.h"
#include "ResultsJSON.h"
#include "Rule.h"
#include "SarifEmitter.h"
#include "TextEmitter.h"
#include "Toolchain.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/PCHContainerOperations.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <cstdlib>

using namespace llvm;
using namespace resdll;

namespace {

std::vector<std::string> CompilerArgs; // without program and file name
std::string TempDir;                   // removed at exit
std::vector<std::string> EnabledRules;
std::shared_ptr<clang::PCHContainerOperations> PCHOps;

/// Keeps where errors were, as the CLI does (PartialParse.h).
class ErrorLocations : public clang::DiagnosticConsumer {
public:
  std::vector<clang::SourceLocation> Locs;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level >= clang::DiagnosticsEngine::Error && Info.hasSourceManager() &&
        Info.getLocation().isValid())
      Locs.push_back(Info.getLocation());
  }
};

[[noreturn]] void fail(const Twine &Why) {
  errs() << "resdll-fuzz: " << Why << "\n";
  std::abort();
}

} // namespace

/// As in checker/SanitizerDefaults.cpp: LLVM's allocators poison memory
/// when compiled with ASan (our inline copies) but not in Debian's
/// libclang-cpp, which then writes into the poisoned slabs our code began.
/// libFuzzer keeps ASan's own crash handling.
extern "C" __attribute__((used, visibility("default"))) const char *
__asan_default_options() {
  return "allow_user_poisoning=0:detect_stack_use_after_return=0";
}

extern "C" int LLVMFuzzerInitialize(int *Argc, char ***Argv) {
  ToolPaths Paths = findToolPaths(
      (*Argv)[0], reinterpret_cast<void *>(&LLVMFuzzerInitialize));
  // The CLI's arguments for a source with no compile command.
  clang::tooling::CommandLineArguments Adjusted =
      makeArgumentsAdjuster(Paths)({"clang", "input.c"}, "input.c");
  std::vector<std::string> Flags;
  for (size_t I = 1; I < Adjusted.size(); ++I)
    if (Adjusted[I] != "input.c" && Adjusted[I] != "-fsyntax-only")
      Flags.push_back(Adjusted[I]);

  // The precompiled Windows headers, in a directory of our own.
  SmallString<256> Dir;
  if (sys::fs::createUniqueDirectory("resdll-fuzz", Dir))
    fail("cannot create a temporary directory");
  TempDir = std::string(Dir);
  std::atexit([] { sys::fs::remove_directories(TempDir); });
  SmallString<256> Prelude(Dir), Pch(Dir);
  sys::path::append(Prelude, "prelude.h");
  sys::path::append(Pch, "prelude.pch");
  {
    std::error_code EC;
    raw_fd_ostream OS(Prelude, EC);
    if (EC)
      fail("cannot write " + Prelude);
    OS << "#include <windows.h>\n#include <clusapi.h>\n#include <resapi.h>\n";
  }
  PCHOps = std::make_shared<clang::PCHContainerOperations>();
  std::vector<std::string> PchCommand = {"clang"};
  PchCommand.insert(PchCommand.end(), Flags.begin(), Flags.end());
  PchCommand.insert(PchCommand.end(), {"-x", "c-header", std::string(Prelude),
                                       "-o", std::string(Pch)});
  auto Files = makeIntrusiveRefCnt<clang::FileManager>(
      clang::FileSystemOptions(), vfs::getRealFileSystem());
  clang::tooling::ToolInvocation Build(
      PchCommand, std::make_unique<clang::GeneratePCHAction>(), Files.get(),
      PCHOps);
  if (!Build.run() || !sys::fs::exists(Pch))
    fail("cannot build the precompiled Windows headers");

  CompilerArgs = Flags;
  CompilerArgs.insert(CompilerArgs.end(), {"-include-pch", std::string(Pch)});
  for (const RuleInfo &R : allRules())
    EnabledRules.push_back(R.Id.str());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Code(reinterpret_cast<const char *>(Data), Size);
  ErrorLocations Diags;
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(
          Code, CompilerArgs, "input.c", "clang", PCHOps,
          clang::tooling::getClangStripDependencyFileAdjuster(), {}, &Diags);
  if (!AST)
    return 0;

  // The decls of input.c only: traversing the translation unit would
  // deserialise every declaration of the precompiled Windows headers.
  std::vector<clang::Decl *> TopLevel(AST->top_level_begin(),
                                      AST->top_level_end());
  AST->getASTContext().setTraversalScope(TopLevel);

  RuleOptions Options;
  // The first byte also picks --strict, so that both modes are covered.
  if (Size && (Data[0] & 1))
    Options.set("resdll-openv2-null-without-setlasterror.Strict", "true");
  AnalyzerOutput Out = analyzeAST(AST->getASTContext(), EnabledRules, Options,
                                  ApiModel::builtin(), Diags.Locs);

  std::vector<FileResult> Results(1);
  FileResult &R = Results.front();
  R.File = "input.c";
  R.Findings = std::move(Out.Findings);
  R.Notifications = std::move(Out.Notifications);
  R.Stats = Out.Stats;
  R.InputError = !Diags.Locs.empty();

  // Both emitters.
  std::string Text;
  raw_string_ostream TOS(Text);
  emitText(Results, TOS);
  for (const Notification &N : R.Notifications)
    emitNotification(N, R.File, TOS);
  RunInfo Info;
  Info.CommandLine = {"resdll-check", "input.c"};
  Info.WorkingDirectory = "/fuzz";
  Info.SourceRoot = "/fuzz";
  Info.EnabledRules = EnabledRules;
  Info.Success = !R.InputError;
  std::string Sarif;
  raw_string_ostream SOS(Sarif);
  emitSarif(Results, Info, SOS);
  if (Expected<json::Value> V = json::parse(Sarif); !V)
    fail("the SARIF log is not JSON: " + toString(V.takeError()));

  // The worker processes' round trip is exact.
  std::string Line = fileResultToJSONLine(R);
  Expected<FileResult> Back = fileResultFromJSONLine(Line);
  if (!Back)
    fail("a result does not read back: " + toString(Back.takeError()));
  if (fileResultToJSONLine(*Back) != Line)
    fail("a result changes in the JSON round trip");
  return 0;
}
