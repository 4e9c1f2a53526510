//===- CompileCommands.cpp - compile databases, MSVC ones too -------------===//
#include "CompileCommands.h"

#include "clang/Driver/Options.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace llvm;
using namespace clang;
namespace options = clang::driver::options;

namespace resdll {

static bool isClProgram(StringRef Program) {
  // C:\...\cl.exe, CL.EXE, clang-cl, clang-cl-19, x64/cl
  StringRef Name = sys::path::filename(Program, sys::path::Style::windows);
  Name = sys::path::filename(Name, sys::path::Style::posix);
  std::string Lower = Name.lower();
  StringRef L(Lower);
  L.consume_back(".exe");
  return L == "cl" || L == "clang-cl" || L.starts_with("clang-cl-");
}

bool isClCommand(const tooling::CommandLineArguments &Args) {
  if (Args.empty())
    return false;
  for (const std::string &A : Args)
    if (A == "--driver-mode=cl")
      return true;
  return isClProgram(Args.front());
}

static std::string clStandard(StringRef Value) {
  // /std:c++14 /std:c++17 /std:c++20 /std:c++latest /std:c11 /std:c17
  if (Value == "c++latest")
    return "-std=c++2c";
  if (Value == "clatest")
    return "-std=c2x";
  return ("-std=" + Value).str();
}

/// A path written for Windows, for this host ('\' becomes '/' where it is
/// not a separator).
static std::string hostPath(StringRef P) {
  std::string Out = P.str();
  if (sys::path::get_separator() == "/")
    std::replace(Out.begin(), Out.end(), '\\', '/');
  return Out;
}

tooling::CommandLineArguments
translateClCommand(const tooling::CommandLineArguments &Args) {
  if (!isClCommand(Args))
    return Args;
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    if (!StringRef(Args[I]).starts_with("--driver-mode="))
      Argv.push_back(Args[I].c_str());
  const opt::OptTable &Table = driver::getDriverOptTable();
  unsigned MissingIndex = 0, MissingCount = 0;
  opt::InputArgList Parsed = Table.ParseArgs(
      Argv, MissingIndex, MissingCount, opt::Visibility(options::CLOption));
  tooling::CommandLineArguments Out = {"clang"};
  std::string Language; // from /TC /TP
  struct Input {
    std::string Language; ///< from /Tc /Tp, else empty
    std::string File;
  };
  std::vector<Input> Inputs;
  for (const opt::Arg *A : Parsed) {
    const opt::Option Opt = A->getOption();
    unsigned Id = Opt.getID();
    unsigned Unaliased = Opt.getUnaliasedOption().getID();
    StringRef Value = A->getNumValues() ? A->getValue() : StringRef();
    switch (Unaliased) {
    case options::OPT_D: {
      // cl accepts /DNAME#VALUE for NAME=VALUE.
      std::string Def = Value.str();
      if (Def.find('=') == std::string::npos)
        if (size_t Hash = Def.find('#'); Hash != std::string::npos)
          Def[Hash] = '=';
      Out.push_back("-D" + Def);
      continue;
    }
    case options::OPT_U:
      Out.push_back(("-U" + Value).str());
      continue;
    case options::OPT_I:
      Out.push_back("-I" + hostPath(Value));
      continue;
    case options::OPT_isystem: // /external:I
      Out.push_back("-isystem" + hostPath(Value));
      continue;
    case options::OPT_include:
      Out.push_back("-include");
      Out.push_back(hostPath(Value));
      continue;
    case options::OPT_funsigned_char:
      Out.push_back("-funsigned-char");
      continue;
    case options::OPT_INPUT:
      Inputs.push_back({"", hostPath(Value)});
      continue;
    default:
      break;
    }
    switch (Id) {
    case options::OPT__SLASH_imsvc:
      Out.push_back("-isystem" + hostPath(Value));
      break;
    case options::OPT__SLASH_std:
      Out.push_back(clStandard(Value));
      break;
    case options::OPT__SLASH_TC:
      Language = "c";
      break;
    case options::OPT__SLASH_TP:
      Language = "c++";
      break;
    case options::OPT__SLASH_Tc:
      Inputs.push_back({"c", hostPath(Value)});
      break;
    case options::OPT__SLASH_Tp:
      Inputs.push_back({"c++", hostPath(Value)});
      break;
    default:
      break; // code generation, warnings, output: not ours
    }
  }
  if (!Language.empty()) {
    Out.push_back("-x");
    Out.push_back(Language);
  }
  for (const Input &In : Inputs) {
    if (In.Language.empty())
      Out.push_back(In.File);
    else
      Out.insert(Out.end(), {"-x", In.Language, In.File, "-x", "none"});
  }
  return Out;
}

/// Whether the database's commands are cl commands: then they were written
/// for the Windows command line, where '\' is a path separator.
static bool usesClCommands(StringRef JSONText) {
  Expected<json::Value> V = json::parse(JSONText);
  if (!V) {
    consumeError(V.takeError());
    return false;
  }
  const json::Array *Entries = V->getAsArray();
  if (!Entries)
    return false;
  for (const json::Value &E : *Entries) {
    const json::Object *O = E.getAsObject();
    if (!O)
      continue;
    if (std::optional<StringRef> Cmd = O->getString("command")) {
      SmallVector<const char *, 8> Words;
      BumpPtrAllocator Alloc;
      StringSaver Saver(Alloc);
      cl::TokenizeWindowsCommandLine(*Cmd, Saver, Words);
      return !Words.empty() && isClProgram(Words.front());
    }
    if (O->getArray("arguments"))
      return false;
  }
  return false;
}

std::unique_ptr<tooling::CompilationDatabase>
loadCompilationDatabase(StringRef File, std::string &Error) {
  if (sys::fs::is_directory(File)) {
    Error = "no compilation database: it is a directory";
    return nullptr;
  }
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(File);
  if (!Buf) {
    Error = Buf.getError() == std::errc::no_such_file_or_directory
                ? std::string("no compilation database: no such file")
                : "cannot read the compilation database: " +
                      Buf.getError().message();
    return nullptr;
  }
  // LLVM's JSON parser first: the database loader accepts a truncated file
  // and keeps what it read.
  if (Expected<json::Value> V = json::parse((*Buf)->getBuffer()); !V) {
    Error = "malformed compilation database: " + toString(V.takeError());
    return nullptr;
  }
  tooling::JSONCommandLineSyntax Syntax =
      usesClCommands((*Buf)->getBuffer())
          ? tooling::JSONCommandLineSyntax::Windows
          : tooling::JSONCommandLineSyntax::AutoDetect;
  std::string Err;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      tooling::JSONCompilationDatabase::loadFromBuffer((*Buf)->getBuffer(), Err,
                                                       Syntax);
  if (!DB) {
    Error = "malformed compilation database: " + Err;
    return nullptr;
  }
  return DB;
}

} // namespace resdll
