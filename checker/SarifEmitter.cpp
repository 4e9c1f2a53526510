//===- SarifEmitter.cpp - SARIF 2.1.0 output with LLVM's JSON library -----===//
//
// One run of resdll-check as a SARIF 2.1.0 log. Everything in it is derived
// from the findings, the notifications and the run's settings, in input
// order; JSON objects are written with sorted keys: the same input gives
// byte-identical logs whatever -j.
//
//===----------------------------------------------------------------------===//
#include "SarifEmitter.h"
#include "BuildPaths.h"
#include "Rule.h"
#include "SarifReader.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <algorithm>
#include <map>
#include <set>

using namespace llvm;

namespace resdll {

static constexpr const char *InformationUri =
    "https://github.com/resdll-check/resdll-check";
static constexpr const char *SrcRoot = "%SRCROOT%";

static std::string encode(StringRef Path, StringRef Keep) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("-_.~").contains(C) || Keep.contains(C)) {
      Out += C;
    } else {
      Out += '%';
      Out += hexdigit(C >> 4, false);
      Out += hexdigit(C & 15, false);
    }
  }
  return Out;
}

std::string percentEncode(StringRef Path) { return encode(Path, "/"); }

std::string percentDecode(StringRef Uri) {
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Hi, Lo;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        (Hi = hexDigitValue(Uri[I + 1])) != ~0U &&
        (Lo = hexDigitValue(Uri[I + 2])) != ~0U) {
      Out += char(Hi * 16 + Lo);
      I += 2;
    } else {
      Out += Uri[I];
    }
  }
  return Out;
}

std::string fileUri(StringRef AbsPath) {
  std::string P = sys::path::convert_to_slash(AbsPath);
  if (!StringRef(P).starts_with("/"))
    P = "/" + P;
  return "file://" + encode(P, "/:");
}

static std::string withSlash(StringRef Dir) {
  std::string D = sys::path::convert_to_slash(Dir);
  if (!StringRef(D).ends_with("/"))
    D += '/';
  return D;
}

SarifUri sarifUri(StringRef File, StringRef WorkingDirectory,
                  StringRef SourceRoot) {
  SmallString<256> Abs(File);
  sys::fs::make_absolute(WorkingDirectory, Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  std::string A = sys::path::convert_to_slash(Abs);
  if (!SourceRoot.empty()) {
    std::string Root = withSlash(SourceRoot);
    if (StringRef(A).starts_with(Root) && A.size() > Root.size())
      return {percentEncode(StringRef(A).drop_front(Root.size())), SrcRoot};
  }
  return {fileUri(A), ""};
}

//===----------------------------------------------------------------------===//
// Messages with links to related locations
//===----------------------------------------------------------------------===//

static std::string escapeBrackets(StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '[' || C == ']')
      Out += '\\';
    Out += C;
  }
  return Out;
}

std::string sarifMessage(const Finding &F) {
  struct Span {
    size_t Begin, End, Id;
  };
  std::vector<Span> Spans;
  std::vector<size_t> Unlinked;
  StringRef Msg = F.Message;
  for (size_t I = 0; I < F.Related.size(); ++I) {
    StringRef Link = F.Related[I].LinkText;
    bool Placed = false;
    for (size_t From = 0; !Link.empty() && !Placed;) {
      size_t Pos = Msg.find(Link, From);
      if (Pos == StringRef::npos)
        break;
      bool Overlaps = llvm::any_of(Spans, [&](const Span &S) {
        return Pos < S.End && S.Begin < Pos + Link.size();
      });
      if (!Overlaps) {
        Spans.push_back({Pos, Pos + Link.size(), I + 1});
        Placed = true;
      }
      From = Pos + 1;
    }
    if (!Placed)
      Unlinked.push_back(I);
  }
  llvm::sort(Spans, [](const Span &A, const Span &B) {
    return A.Begin < B.Begin;
  });
  std::string Out;
  size_t At = 0;
  for (const Span &S : Spans) {
    Out += escapeBrackets(Msg.slice(At, S.Begin));
    Out += "[" + escapeBrackets(Msg.slice(S.Begin, S.End)) + "](" +
           std::to_string(S.Id) + ")";
    At = S.End;
  }
  Out += escapeBrackets(Msg.drop_front(At));
  if (!Unlinked.empty()) {
    Out += " (";
    for (size_t K = 0; K < Unlinked.size(); ++K) {
      const Note &N = F.Related[Unlinked[K]];
      if (K)
        Out += "; ";
      Out += "[" + escapeBrackets(N.Message) + "](" +
             std::to_string(Unlinked[K] + 1) + ")";
    }
    Out += ")";
  }
  return Out;
}

std::string plainMessage(StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\\' && I + 1 < Text.size() &&
        (Text[I + 1] == '[' || Text[I + 1] == ']')) {
      Out += Text[++I];
      continue;
    }
    if (C == '[') {
      // "[text](id)": keep the text.
      size_t Close = I + 1;
      while (Close < Text.size() && Text[Close] != ']')
        Close += Text[Close] == '\\' ? 2 : 1;
      if (Close + 1 < Text.size() && Text[Close + 1] == '(') {
        size_t End = Text.find(')', Close + 2);
        if (End != StringRef::npos) {
          Out += plainMessage(Text.slice(I + 1, Close));
          I = End;
          continue;
        }
      }
    }
    Out += C;
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// Rules
//===----------------------------------------------------------------------===//

/// "resdll-openv2-null-without-setlasterror" -> "Openv2NullWithoutSetlasterror"
/// (for rules that give no Name).
static std::string pascalCase(StringRef Id) {
  Id.consume_front("resdll-");
  SmallVector<StringRef, 8> Words;
  Id.split(Words, '-', -1, false);
  std::string Out;
  for (StringRef W : Words)
    Out += toUpper(W.front()) + W.drop_front().str();
  return Out;
}

/// The plain-text form of a rule's Markdown page: code blocks indented
/// instead of fenced, and outside them no heading marks, no emphasis and no
/// code backquotes.
static std::string markdownToText(StringRef Markdown) {
  std::string Out;
  SmallVector<StringRef, 64> Lines;
  Markdown.split(Lines, '\n');
  bool InCode = false;
  for (StringRef Line : Lines) {
    if (Line.trim().starts_with("```")) {
      InCode = !InCode;
      continue;
    }
    if (InCode) {
      if (!Line.trim().empty())
        Out += ("    " + Line.rtrim()).str();
      Out += '\n';
      continue;
    }
    StringRef L = Line;
    if (L.starts_with("#"))
      L = L.ltrim('#').ltrim();
    for (size_t I = 0; I < L.size(); ++I) {
      if (L[I] == '`')
        continue;
      if (L[I] == '*' && I + 1 < L.size() && L[I + 1] == '*') {
        ++I;
        continue;
      }
      Out += L[I];
    }
    Out += '\n';
  }
  return StringRef(Out).rtrim().str() + "\n";
}

static StringRef problemSeverity(StringRef Level) {
  if (Level == "error")
    return "error";
  if (Level == "warning")
    return "warning";
  return "recommendation";
}

static std::string helpUri(StringRef Id) {
  return (Twine(InformationUri) + "/blob/main/rules/" + Id + ".md").str();
}

json::Object sarifRule(const RuleInfo &R) {
  std::string Doc = ruleDocumentation(R.Id).str();
  if (Doc.empty())
    Doc = ("# " + R.Id + "\n\n" + R.Description + "\n").str();
  json::Array Tags;
  for (StringRef T : R.Tags)
    Tags.push_back(T);
  json::Object Props{{"tags", std::move(Tags)},
                     {"precision", R.Precision.empty() ? "high" : R.Precision},
                     {"problem.severity", problemSeverity(R.Level)}};
  if (!R.SecuritySeverity.empty())
    Props["security-severity"] = R.SecuritySeverity;
  return json::Object{
      {"id", R.Id},
      {"name", R.Name.empty() ? pascalCase(R.Id) : R.Name.str()},
      {"shortDescription", json::Object{{"text", R.Title}}},
      {"fullDescription", json::Object{{"text", R.Description}}},
      {"help",
       json::Object{{"text", markdownToText(Doc)}, {"markdown", Doc}}},
      {"helpUri", helpUri(R.Id)},
      {"defaultConfiguration", json::Object{{"level", R.Level}}},
      {"properties", std::move(Props)},
  };
}

/// A rule that this version no longer has (an absent baseline result).
static json::Object unknownRule(StringRef Id) {
  return json::Object{
      {"id", Id.str()},
      {"name", pascalCase(Id)},
      {"shortDescription", json::Object{{"text", Id.str()}}},
      {"fullDescription",
       json::Object{{"text", "A rule that this version of resdll-check does "
                             "not have; its results come from the baseline."}}},
      {"help", json::Object{{"text", Id.str() + ": not a rule of this version."},
                            {"markdown", "`" + Id.str() +
                                             "`: not a rule of this version."}}},
      {"helpUri", helpUri(Id)},
      {"defaultConfiguration", json::Object{{"level", "warning"}}},
      {"properties", json::Object{{"tags", json::Array{}},
                                  {"precision", "high"},
                                  {"problem.severity", "warning"}}},
  };
}

//===----------------------------------------------------------------------===//
// Notifications
//===----------------------------------------------------------------------===//

namespace {
struct NotificationKind {
  const char *Id;
  const char *Name; ///< PascalCase friendly name
  const char *Text; ///< what happened
  const char *Help; ///< what to do about it
};
} // namespace

/// The kinds of toolExecutionNotifications, as tool.driver.notifications.
static const NotificationKind NotificationKinds[] = {
    {"input", "UnreadableInput",
     "A source file could not be read, or is not a source file.",
     "Check the path given on the command line or in the compilation "
     "database; the file must be a non-empty text source file."},
    {"config", "InvalidSettings",
     "A settings file (.resdll-check.yaml) could not be read.",
     "The message names the file, line and column; fix the settings file."},
    {"compile-database", "NoCompileCommand",
     "The compilation database has no compile command for a source file.",
     "Regenerate compile_commands.json (CMAKE_EXPORT_COMPILE_COMMANDS=ON) or "
     "check only the files it lists."},
    {"compiler-error", "CompilerError",
     "The compiler reported an error in a source file.",
     "Findings in a file that does not compile may be missing: fix the error "
     "or the compile command (include paths, defines, --target)."},
    {"parse", "IncompleteParse",
     "A source file could not be parsed completely: findings in it may be "
     "missing.",
     "See the compiler errors reported for the same file."},
    {"timeout", "AnalysisTimedOut",
     "The analysis of a source file ran past the time limit (--timeout): "
     "findings in it may be missing.",
     "Raise --timeout, or report the file: the analysis should be fast."},
    {"budget", "PathBudgetExhausted",
     "The path budget stopped the analysis of a function: no finding is "
     "reported for it.",
     "The function has more paths than the budget allows; its findings are "
     "not guessed. Splitting the function helps."},
    {"crash", "InternalError",
     "The analysis of a source file crashed (caught by crash recovery): "
     "findings in it are missing.",
     "This is a bug in resdll-check: please report it with the file."},
    {"encoding", "LegacyEncoding",
     "A source file is not valid UTF-8 and is read as Windows-1252.",
     "Columns count the bytes of the file's UTF-8 form; save the file as "
     "UTF-8 (or UTF-16 with a byte order mark) to silence this."},
    {"partial", "EntryPointNotChecked",
     "An entry point was not checked: its own code has compiler errors.",
     "Fix the compiler errors in the function; the other functions of the "
     "file are still checked."},
    {"unsupported", "UnsupportedConstruct",
     "An entry point was not checked: clang cannot build its control-flow "
     "graph (for example __try/__finally).",
     "Move the construct into a helper function, or accept that this entry "
     "point is not checked."},
};

static StringRef levelName(Notification::Level L) {
  switch (L) {
  case Notification::Error:
    return "error";
  case Notification::Warning:
    return "warning";
  case Notification::Note:
    return "note";
  }
  return "note";
}

//===----------------------------------------------------------------------===//
// The log
//===----------------------------------------------------------------------===//

static StringRef sourceLanguage(StringRef File) {
  StringRef Ext = sys::path::extension(File);
  if (Ext == ".c")
    return "c";
  if (Ext == ".cpp" || Ext == ".cc" || Ext == ".cxx" || Ext == ".c++" ||
      Ext == ".hpp" || Ext == ".hh" || Ext == ".hxx" || Ext == ".C")
    return "cplusplus";
  return "";
}

namespace {
class SarifBuilder {
public:
  explicit SarifBuilder(const RunInfo &Info) : Info(Info) {}

  json::Value build(const std::vector<FileResult> &Results) {
    // Analysis targets first, in input order: their artifact indices do
    // not depend on where findings are.
    for (const FileResult &FR : Results)
      artifact(FR.File, /*Target=*/true);
    json::Array ResultsOut;
    json::Array Notes;
    for (const FileResult &FR : Results) {
      for (const Finding &F : FR.Findings)
        ResultsOut.push_back(result(F));
      for (const Notification &N : FR.Notifications)
        Notes.push_back(notification(N, FR.File));
    }
    for (const json::Object &A : Info.Absent)
      ResultsOut.push_back(absentResult(A));

    json::Object Driver{
        {"name", "resdll-check"},
        {"semanticVersion", RESDLL_VERSION},
        {"version", RESDLL_VERSION},
        {"informationUri", InformationUri},
        {"rules", std::move(RulesOut)},
        {"notifications", notificationDescriptors()},
    };
    json::Array Args;
    std::string CmdLine;
    raw_string_ostream CmdOS(CmdLine);
    for (size_t I = 0; I < Info.CommandLine.size(); ++I) {
      if (I) {
        Args.push_back(Info.CommandLine[I]);
        CmdOS << ' ';
      }
      // Quoted only where a shell needs it (spaces, quotes, '$', '\').
      sys::printArg(CmdOS, Info.CommandLine[I], /*Quote=*/false);
    }
    CmdOS.flush();
    json::Object Invocation{
        {"executionSuccessful", Info.Success},
        {"exitCode", int64_t(Info.ExitCode)},
        {"commandLine", CmdLine},
        {"arguments", std::move(Args)},
        {"workingDirectory",
         json::Object{{"uri", fileUri(withSlash(Info.WorkingDirectory))}}},
        {"toolExecutionNotifications", std::move(Notes)},
    };
    json::Object Run{
        {"tool", json::Object{{"driver", std::move(Driver)}}},
        {"invocations", json::Array{std::move(Invocation)}},
        {"originalUriBaseIds",
         json::Object{
             {SrcRoot,
              json::Object{
                  {"uri", fileUri(withSlash(Info.SourceRoot))},
                  {"description",
                   json::Object{{"text", "The source root (--source-root): "
                                         "the directory that artifact uris "
                                         "are relative to."}}}}}}},
        {"artifacts", std::move(Artifacts)},
        {"columnKind", "utf16CodeUnits"},
        {"results", std::move(ResultsOut)},
    };
    return json::Object{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", json::Array{std::move(Run)}},
    };
  }

  /// Enabled rules, in registry order, and then any other rule a result
  /// names (absent baseline results of a rule that is off now).
  void rules(const std::vector<FileResult> &Results) {
    std::set<std::string> Needed(Info.EnabledRules.begin(),
                                 Info.EnabledRules.end());
    for (const FileResult &FR : Results)
      for (const Finding &F : FR.Findings)
        Needed.insert(F.RuleId);
    for (const json::Object &A : Info.Absent)
      if (std::optional<StringRef> Id = A.getString("ruleId"))
        Needed.insert(Id->str());
    for (const RuleInfo &R : allRules()) {
      if (!Needed.count(R.Id.str()))
        continue;
      Needed.erase(R.Id.str());
      RuleIndex[R.Id.str()] = RulesOut.size();
      RulesOut.push_back(sarifRule(R));
    }
    for (const std::string &Id : Needed) {
      RuleIndex[Id] = RulesOut.size();
      RulesOut.push_back(unknownRule(Id));
    }
  }

private:
  json::Object artifactLocation(StringRef File) {
    size_t Index = artifact(File, /*Target=*/false);
    const SarifUri &U = ArtifactUris[Index];
    json::Object Loc{{"uri", U.Uri}, {"index", int64_t(Index)}};
    if (!U.BaseId.empty())
      Loc["uriBaseId"] = U.BaseId;
    return Loc;
  }

  size_t artifact(StringRef File, bool Target) {
    return artifact(sarifUri(File, Info.WorkingDirectory, Info.SourceRoot),
                    sourceLanguage(File), Target);
  }

  size_t artifact(const SarifUri &U, StringRef Lang, bool Target) {
    auto [It, New] = ArtifactIndex.try_emplace(U, ArtifactUris.size());
    if (!New)
      return It->second;
    ArtifactUris.push_back(U);
    json::Object Loc{{"uri", U.Uri}};
    if (!U.BaseId.empty())
      Loc["uriBaseId"] = U.BaseId;
    json::Object Art{{"location", std::move(Loc)}};
    if (Target)
      Art["roles"] = json::Array{"analysisTarget"};
    if (!Lang.empty())
      Art["sourceLanguage"] = Lang;
    Artifacts.push_back(std::move(Art));
    return It->second;
  }

  json::Object region(const Location &L) {
    json::Object R{{"startLine", int64_t(L.Line)},
                   {"startColumn",
                    int64_t(L.Utf16Column ? L.Utf16Column : L.Column)}};
    if (L.EndLine) {
      R["endLine"] = int64_t(L.EndLine);
      R["endColumn"] =
          int64_t(L.Utf16EndColumn ? L.Utf16EndColumn : L.EndColumn);
    }
    if (!L.Snippet.empty())
      R["snippet"] = json::Object{{"text", L.Snippet}};
    return R;
  }

  json::Object physicalLocation(const Location &L) {
    json::Object PL{{"artifactLocation", artifactLocation(L.File)}};
    if (L.Line)
      PL["region"] = region(L);
    return PL;
  }

  json::Object location(const Location &L, StringRef Message = "",
                        std::optional<int64_t> Id = std::nullopt) {
    json::Object O{{"physicalLocation", physicalLocation(L)}};
    if (!Message.empty())
      O["message"] = json::Object{{"text", escapeBrackets(Message)}};
    if (Id)
      O["id"] = *Id;
    return O;
  }

  json::Object result(const Finding &F) {
    json::Object R;
    R["ruleId"] = F.RuleId;
    auto It = RuleIndex.find(F.RuleId);
    if (It != RuleIndex.end())
      R["ruleIndex"] = int64_t(It->second);
    const RuleInfo *RI = findRule(F.RuleId);
    R["level"] = RI ? RI->Level.str() : std::string("warning");
    R["message"] = json::Object{{"text", sarifMessage(F)}};
    json::Object Primary = location(F.Primary);
    if (!F.EntryPoint.empty())
      Primary["logicalLocations"] = json::Array{json::Object{
          {"fullyQualifiedName", F.EntryPoint}, {"kind", "function"}}};
    R["locations"] = json::Array{std::move(Primary)};
    json::Array Related;
    for (size_t I = 0; I < F.Related.size(); ++I)
      Related.push_back(
          location(F.Related[I].Loc, F.Related[I].Message, int64_t(I + 1)));
    if (!Related.empty())
      R["relatedLocations"] = std::move(Related);
    if (!F.Path.empty()) {
      json::Array Steps;
      for (const Note &N : F.Path) {
        json::Object Step{{"location", location(N.Loc, N.Message)}};
        if (!N.Kind.empty())
          Step["kinds"] = json::Array{N.Kind};
        Steps.push_back(std::move(Step));
      }
      // The last step is the finding itself.
      Steps.push_back(json::Object{{"location", location(F.Primary, F.Message)},
                                   {"importance", "essential"}});
      R["codeFlows"] = json::Array{json::Object{
          {"threadFlows",
           json::Array{json::Object{{"locations", std::move(Steps)}}}}}};
    }
    if (!F.Fingerprint.empty())
      R["partialFingerprints"] =
          json::Object{{FingerprintKey, F.Fingerprint},
                       // GitHub code scanning tracks alerts by this key; when
                       // a log has it, the upload does not compute its own
                       // line-based hash.
                       {"primaryLocationLineHash", F.Fingerprint}};
    if (Info.HasBaseline && !F.BaselineState.empty())
      R["baselineState"] = F.BaselineState;
    return R;
  }

  /// A baseline result this run no longer finds, re-indexed into this log.
  json::Object absentResult(const json::Object &Baseline) {
    json::Value V = json::Object(Baseline);
    json::Object &R = *V.getAsObject();
    R["baselineState"] = "absent";
    R.erase("ruleIndex");
    if (std::optional<StringRef> Id = R.getString("ruleId")) {
      auto It = RuleIndex.find(Id->str());
      if (It != RuleIndex.end())
        R["ruleIndex"] = int64_t(It->second);
    }
    forEachArtifactLocation(R, [&](json::Object &Loc) {
      std::optional<StringRef> Uri = Loc.getString("uri");
      if (!Uri)
        return;
      SarifUri U{Uri->str(), Loc.getString("uriBaseId").value_or("").str()};
      Loc["index"] = int64_t(
          artifact(U, sourceLanguage(percentDecode(U.Uri)), false));
    });
    return std::move(R);
  }

  json::Object notification(const Notification &N, StringRef File) {
    json::Object O;
    O["level"] = levelName(N.Lvl);
    O["message"] = json::Object{{"text", escapeBrackets(N.Message)}};
    Location L = N.Loc;
    if (L.File.empty())
      L.File = File.str();
    O["locations"] =
        json::Array{json::Object{{"physicalLocation", physicalLocation(L)}}};
    std::string Kind = N.Kind.empty() ? "note" : N.Kind;
    json::Object Descriptor{{"id", Kind}};
    for (size_t I = 0; I < std::size(NotificationKinds); ++I)
      if (Kind == NotificationKinds[I].Id)
        Descriptor["index"] = int64_t(I);
    if (!Descriptor.get("index"))
      OtherKinds.insert(Kind);
    O["descriptor"] = std::move(Descriptor);
    if (!N.RuleId.empty()) {
      json::Object Rule{{"id", N.RuleId}};
      auto It = RuleIndex.find(N.RuleId);
      if (It != RuleIndex.end())
        Rule["index"] = int64_t(It->second);
      O["associatedRule"] = std::move(Rule);
    }
    return O;
  }

  // The strings are copied: a json::Value made from a StringRef borrows it,
  // and some of these are temporaries.
  static json::Object descriptor(StringRef Id, StringRef Name, StringRef Text,
                                 StringRef Help) {
    return json::Object{
        {"id", Id.str()},
        {"name", Name.str()},
        {"shortDescription", json::Object{{"text", Text.str()}}},
        {"fullDescription", json::Object{{"text", Text.str()}}},
        {"help", json::Object{{"text", Help.str()}, {"markdown", Help.str()}}},
    };
  }

  json::Array notificationDescriptors() {
    json::Array Out;
    for (const NotificationKind &K : NotificationKinds)
      Out.push_back(descriptor(K.Id, K.Name, K.Text, K.Help));
    // Kinds this emitter does not describe yet.
    for (const std::string &K : OtherKinds)
      Out.push_back(descriptor(K, pascalCase(K), "Notification '" + K + "'.",
                               "See the message of the notification."));
    return Out;
  }

  const RunInfo &Info;
  std::map<std::string, size_t> RuleIndex;
  json::Array RulesOut;
  std::map<SarifUri, size_t> ArtifactIndex;
  std::vector<SarifUri> ArtifactUris;
  json::Array Artifacts;
  std::set<std::string> OtherKinds;
};
} // namespace

json::Value buildSarif(const std::vector<FileResult> &Results,
                       const RunInfo &Info) {
  SarifBuilder B(Info);
  B.rules(Results);
  return B.build(Results);
}

void writeSarif(const json::Value &Log, raw_ostream &OS) {
  OS << formatv("{0:2}", Log) << '\n';
}

void emitSarif(const std::vector<FileResult> &Results, const RunInfo &Info,
               raw_ostream &OS) {
  writeSarif(buildSarif(Results, Info), OS);
}

} // namespace resdll
