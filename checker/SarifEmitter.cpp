//===- SarifEmitter.cpp - SARIF 2.1.0 output with LLVM's JSON library -----===//
#include "SarifEmitter.h"
#include "BuildPaths.h"
#include "Rule.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <map>

using namespace llvm;

namespace resdll {

static std::string percentEncode(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("/-_.~").contains(C))
      Out += C;
    else {
      Out += '%';
      Out += hexdigit(C >> 4, false);
      Out += hexdigit(C & 15, false);
    }
  }
  return Out;
}

std::string fileUri(StringRef AbsPath) {
  std::string P = sys::path::convert_to_slash(AbsPath);
  if (!StringRef(P).starts_with("/"))
    P = "/" + P;
  return "file://" + percentEncode(P);
}

namespace {
class SarifBuilder {
public:
  SarifBuilder(const RunInfo &Info) : Info(Info) {
    Root = Info.SourceRoot;
    if (!Root.empty() && !StringRef(Root).ends_with("/"))
      Root += "/";
  }

  json::Object artifactLocation(StringRef File) {
    SmallString<256> Abs(File);
    sys::fs::make_absolute(Info.WorkingDirectory, Abs);
    sys::path::remove_dots(Abs, true);
    std::string A = sys::path::convert_to_slash(Abs);
    json::Object Loc;
    if (!Root.empty() && StringRef(A).starts_with(Root)) {
      Loc["uri"] = percentEncode(StringRef(A).drop_front(Root.size()));
      Loc["uriBaseId"] = "%SRCROOT%";
    } else {
      Loc["uri"] = fileUri(A);
    }
    auto It = ArtifactIndex.find(A);
    if (It == ArtifactIndex.end()) {
      It = ArtifactIndex.emplace(A, Artifacts.size()).first;
      json::Object Art;
      Art["location"] = json::Object(Loc);
      Artifacts.push_back(std::move(Art));
    }
    Loc["index"] = int64_t(It->second);
    return Loc;
  }

  json::Object physicalLocation(const Location &L) {
    json::Object Region;
    Region["startLine"] = int64_t(L.Line);
    Region["startColumn"] = int64_t(L.Column);
    if (L.EndLine) {
      Region["endLine"] = int64_t(L.EndLine);
      Region["endColumn"] = int64_t(L.EndColumn);
    }
    if (!L.Snippet.empty())
      Region["snippet"] = json::Object{{"text", L.Snippet}};
    return json::Object{{"artifactLocation", artifactLocation(L.File)},
                        {"region", std::move(Region)}};
  }

  json::Object location(const Location &L, StringRef Message = "",
                        std::optional<int64_t> Id = std::nullopt) {
    json::Object O{{"physicalLocation", physicalLocation(L)}};
    if (!Message.empty())
      O["message"] = json::Object{{"text", Message}};
    if (Id)
      O["id"] = *Id;
    return O;
  }

  json::Value rules() {
    json::Array Out;
    for (const RuleInfo &R : allRules()) {
      if (!llvm::is_contained(Info.EnabledRules, R.Id.str()))
        continue;
      RuleIndex[R.Id.str()] = Out.size();
      std::string Help = ruleDocumentation(R.Id).str();
      std::string HelpText = R.Description.str() + " Contract: \"" +
                             R.Contract.str() + "\"";
      json::Object Rule{
          {"id", R.Id},
          {"name", R.Title},
          {"shortDescription", json::Object{{"text", R.Title}}},
          {"fullDescription", json::Object{{"text", R.Description}}},
          {"help", json::Object{{"text", HelpText}, {"markdown", Help}}},
          {"defaultConfiguration", json::Object{{"level", R.Level}}},
          {"properties",
           json::Object{{"tags", json::Array{"correctness", "resource-dll"}},
                        {"precision", "high"},
                        {"problem.severity", R.Level}}},
      };
      Out.push_back(std::move(Rule));
    }
    return Out;
  }

  json::Object result(const Finding &F) {
    json::Object R;
    R["ruleId"] = F.RuleId;
    auto It = RuleIndex.find(F.RuleId);
    if (It != RuleIndex.end())
      R["ruleIndex"] = int64_t(It->second);
    const RuleInfo *Info = findRule(F.RuleId);
    R["level"] = Info ? Info->Level.str() : std::string("warning");
    R["message"] = json::Object{{"text", F.Message}};
    R["locations"] = json::Array{location(F.Primary)};
    json::Array Related;
    int64_t Id = 1;
    for (const Note &N : F.Related)
      Related.push_back(location(N.Loc, N.Message, Id++));
    if (!Related.empty())
      R["relatedLocations"] = std::move(Related);
    json::Array Steps;
    for (const Note &N : F.Path)
      Steps.push_back(json::Object{{"location", location(N.Loc, N.Message)}});
    Steps.push_back(
        json::Object{{"location", location(F.Primary, F.Message)}});
    R["codeFlows"] = json::Array{json::Object{
        {"threadFlows",
         json::Array{json::Object{{"locations", std::move(Steps)}}}}}};
    R["partialFingerprints"] =
        json::Object{{"resdllFingerprint/v1", F.Fingerprint}};
    return R;
  }

  json::Value build(const std::vector<FileResult> &Results) {
    json::Value Rules = rules();
    json::Array ResultsOut;
    json::Array Notes;
    for (const FileResult &FR : Results) {
      artifactLocation(FR.File);
      for (const Finding &F : FR.Findings)
        ResultsOut.push_back(result(F));
      for (const Notification &N : FR.Notifications) {
        json::Object O;
        O["level"] = N.Lvl == Notification::Error     ? "error"
                     : N.Lvl == Notification::Warning ? "warning"
                                                      : "note";
        O["message"] = json::Object{{"text", N.Message}};
        Location L = N.Loc;
        if (L.File.empty())
          L.File = FR.File;
        json::Object PL{{"artifactLocation", artifactLocation(L.File)}};
        if (L.Line)
          PL["region"] = json::Object{{"startLine", int64_t(L.Line)},
                                      {"startColumn", int64_t(L.Column)}};
        O["locations"] =
            json::Array{json::Object{{"physicalLocation", std::move(PL)}}};
        O["descriptor"] = json::Object{{"id", N.Kind.empty() ? "note" : N.Kind}};
        Notes.push_back(std::move(O));
      }
    }
    json::Array Args;
    std::string CmdLine;
    for (const std::string &A : Info.CommandLine) {
      Args.push_back(A);
      if (!CmdLine.empty())
        CmdLine += ' ';
      CmdLine += A;
    }
    json::Object Invocation{
        {"executionSuccessful", Info.Success},
        {"commandLine", CmdLine},
        {"arguments", std::move(Args)},
        {"workingDirectory",
         json::Object{{"uri", fileUri(Info.WorkingDirectory) + "/"}}},
        {"toolExecutionNotifications", std::move(Notes)},
    };
    json::Object Driver{
        {"name", "resdll-check"},
        {"semanticVersion", RESDLL_VERSION},
        {"version", RESDLL_VERSION},
        {"informationUri", "https://github.com/resdll-check/resdll-check"},
        {"rules", std::move(Rules)},
    };
    json::Object Run{
        {"tool", json::Object{{"driver", std::move(Driver)}}},
        {"invocations", json::Array{std::move(Invocation)}},
        {"originalUriBaseIds",
         json::Object{{"%SRCROOT%", json::Object{{"uri", fileUri(Root)}}}}},
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

private:
  const RunInfo &Info;
  std::string Root;
  std::map<std::string, size_t> RuleIndex;
  std::map<std::string, size_t> ArtifactIndex;
  json::Array Artifacts;
};
} // namespace

json::Value buildSarif(const std::vector<FileResult> &Results,
                       const RunInfo &Info) {
  SarifBuilder B(Info);
  return B.build(Results);
}

void emitSarif(const std::vector<FileResult> &Results, const RunInfo &Info,
               raw_ostream &OS) {
  OS << formatv("{0:2}", buildSarif(Results, Info)) << '\n';
}

} // namespace resdll
