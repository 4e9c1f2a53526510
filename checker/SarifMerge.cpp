//===- SarifMerge.cpp - one log from several runs' SARIF logs -------------===//
#include "SarifMerge.h"
#include "Rule.h"
#include "SarifEmitter.h"
#include "SarifReader.h"
#include "TextEmitter.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <map>
#include <set>

using namespace llvm;

namespace resdll {

static std::string serialize(const json::Value &V) {
  return formatv("{0}", V).str();
}

namespace {
struct MergedResult {
  SarifUri File;
  int64_t Line = 0, Column = 0;
  std::string RuleId, Text, Fingerprint, Serialized;
  json::Object Result;

  bool operator<(const MergedResult &O) const {
    return std::tie(File, Line, Column, RuleId, Text, Fingerprint,
                    Serialized) < std::tie(O.File, O.Line, O.Column, O.RuleId,
                                           O.Text, O.Fingerprint,
                                           O.Serialized);
  }
};
} // namespace

static const json::Object *primaryPhysical(const json::Object &Result) {
  const json::Array *Locs = Result.getArray("locations");
  if (!Locs || Locs->empty())
    return nullptr;
  const json::Object *L = Locs->front().getAsObject();
  return L ? L->getObject("physicalLocation") : nullptr;
}

/// Rule ids in registry order, then the others sorted.
static std::vector<std::string> ruleOrder(const std::set<std::string> &Ids) {
  std::vector<std::string> Out;
  std::set<std::string> Left = Ids;
  for (const RuleInfo &R : allRules())
    if (Left.erase(R.Id.str()))
      Out.push_back(R.Id.str());
  Out.insert(Out.end(), Left.begin(), Left.end());
  return Out;
}

json::Value mergeSarifLogs(const std::vector<json::Value> &Logs) {
  std::map<std::string, json::Object> Rules;        // first one wins
  std::map<std::string, json::Object> Descriptors;  // notification kinds
  std::vector<std::string> DescriptorOrder;
  std::map<SarifUri, json::Object> Artifacts;
  std::vector<MergedResult> Results;
  std::vector<std::pair<std::string, json::Object>> Invocations;
  std::map<std::string, std::string> BaseIds; // id -> smallest serialized
  std::map<std::string, json::Value> BaseIdValues;
  std::optional<json::Object> Driver;
  std::string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

  for (const json::Value &LogV : Logs) {
    const json::Object &Log = *LogV.getAsObject();
    for (const json::Value &RunV : *Log.getArray("runs")) {
      const json::Object &Run = *RunV.getAsObject();
      const json::Object &D = *Run.getObject("tool")->getObject("driver");
      if (!Driver) {
        Driver = D;
        Driver->erase("rules");
        Driver->erase("notifications");
      }
      if (const json::Array *Rs = D.getArray("rules"))
        for (const json::Value &R : *Rs)
          if (const json::Object *RO = R.getAsObject())
            if (std::optional<StringRef> Id = RO->getString("id"))
              Rules.try_emplace(Id->str(), *RO);
      if (const json::Array *Ns = D.getArray("notifications"))
        for (const json::Value &N : *Ns)
          if (const json::Object *NO = N.getAsObject())
            if (std::optional<StringRef> Id = NO->getString("id"))
              if (Descriptors.try_emplace(Id->str(), *NO).second)
                DescriptorOrder.push_back(Id->str());
      if (const json::Object *Bases = Run.getObject("originalUriBaseIds"))
        for (const auto &KV : *Bases) {
          std::string S = serialize(KV.second);
          auto [It, New] = BaseIds.try_emplace(KV.first.str(), S);
          if (New || S < It->second) {
            It->second = S;
            BaseIdValues.insert_or_assign(KV.first.str(), KV.second);
          }
        }
      if (const json::Array *As = Run.getArray("artifacts"))
        for (const json::Value &A : *As) {
          const json::Object *AO = A.getAsObject();
          const json::Object *Loc = AO ? AO->getObject("location") : nullptr;
          if (!Loc)
            continue;
          SarifUri U = artifactUri(*Loc, Run);
          auto [It, New] = Artifacts.try_emplace(U, *AO);
          // An analysis target of any shard is one of the merged run.
          if (!New && AO->getArray("roles") && !It->second.getArray("roles"))
            It->second["roles"] = json::Array(*AO->getArray("roles"));
        }
      for (const json::Value &ResultV : *Run.getArray("results")) {
        json::Value Copy = ResultV;
        detachArtifactLocations(Copy, Run);
        json::Object &R = *Copy.getAsObject();
        R.erase("ruleIndex");
        MergedResult M;
        if (const json::Object *PL = primaryPhysical(R)) {
          if (const json::Object *AL = PL->getObject("artifactLocation"))
            M.File = artifactUri(*AL, Run);
          if (const json::Object *Reg = PL->getObject("region")) {
            M.Line = Reg->getInteger("startLine").value_or(0);
            M.Column = Reg->getInteger("startColumn").value_or(0);
          }
        }
        M.RuleId = R.getString("ruleId").value_or("").str();
        if (const json::Object *Msg = R.getObject("message"))
          M.Text = Msg->getString("text").value_or("").str();
        M.Fingerprint = resultFingerprint(R);
        M.Serialized = serialize(Copy);
        M.Result = std::move(R);
        Results.push_back(std::move(M));
      }
      if (const json::Array *Invs = Run.getArray("invocations"))
        for (const json::Value &I : *Invs) {
          json::Value Copy = I;
          detachArtifactLocations(Copy, Run);
          Invocations.emplace_back(serialize(Copy),
                                   std::move(*Copy.getAsObject()));
        }
    }
    if (std::optional<StringRef> S = Log.getString("$schema"))
      Schema = S->str();
  }

  // Rules and artifacts of the merged run, and their indices.
  std::set<std::string> RuleIds;
  for (const auto &KV : Rules)
    RuleIds.insert(KV.first);
  std::map<std::string, int64_t> RuleIndex;
  json::Array RulesOut;
  for (const std::string &Id : ruleOrder(RuleIds)) {
    RuleIndex[Id] = RulesOut.size();
    RulesOut.push_back(json::Object(Rules[Id]));
  }
  std::map<SarifUri, int64_t> ArtifactIndex;
  json::Array ArtifactsOut;
  auto ArtifactFor = [&](const SarifUri &U) {
    auto [It, New] = ArtifactIndex.try_emplace(U, ArtifactsOut.size());
    if (New) {
      auto A = Artifacts.find(U);
      if (A != Artifacts.end()) {
        ArtifactsOut.push_back(json::Object(A->second));
      } else {
        json::Object Loc{{"uri", U.Uri}};
        if (!U.BaseId.empty())
          Loc["uriBaseId"] = U.BaseId;
        ArtifactsOut.push_back(json::Object{{"location", std::move(Loc)}});
      }
    }
    return It->second;
  };
  for (const auto &KV : Artifacts)
    ArtifactFor(KV.first);
  auto Reindex = [&](json::Object &O) {
    forEachArtifactLocation(O, [&](json::Object &Loc) {
      std::optional<StringRef> Uri = Loc.getString("uri");
      if (Uri)
        Loc["index"] = ArtifactFor(
            {Uri->str(), Loc.getString("uriBaseId").value_or("").str()});
    });
  };
  std::map<std::string, int64_t> DescriptorIndex;
  json::Array DescriptorsOut;
  for (const std::string &Id : DescriptorOrder) {
    DescriptorIndex[Id] = DescriptorsOut.size();
    DescriptorsOut.push_back(json::Object(Descriptors[Id]));
  }

  llvm::sort(Results);
  json::Array ResultsOut;
  for (size_t I = 0; I < Results.size(); ++I) {
    if (I && Results[I].Serialized == Results[I - 1].Serialized)
      continue; // the same result from two shards (a shared header)
    json::Object R = std::move(Results[I].Result);
    auto It = RuleIndex.find(Results[I].RuleId);
    if (It != RuleIndex.end())
      R["ruleIndex"] = It->second;
    Reindex(R);
    ResultsOut.push_back(std::move(R));
  }

  llvm::sort(Invocations, [](const auto &A, const auto &B) {
    return A.first < B.first;
  });
  json::Array InvocationsOut;
  for (auto &[S, Inv] : Invocations) {
    Reindex(Inv);
    if (json::Array *Notes = Inv.getArray("toolExecutionNotifications"))
      for (json::Value &NV : *Notes) {
        json::Object *N = NV.getAsObject();
        if (!N)
          continue;
        if (json::Object *D = N->getObject("descriptor")) {
          D->erase("index");
          if (std::optional<StringRef> Id = D->getString("id"))
            if (auto It = DescriptorIndex.find(Id->str());
                It != DescriptorIndex.end())
              (*D)["index"] = It->second;
        }
        if (json::Object *AR = N->getObject("associatedRule")) {
          AR->erase("index");
          if (std::optional<StringRef> Id = AR->getString("id"))
            if (auto It = RuleIndex.find(Id->str()); It != RuleIndex.end())
              (*AR)["index"] = It->second;
        }
      }
    InvocationsOut.push_back(std::move(Inv));
  }

  json::Object Bases;
  for (auto &KV : BaseIdValues)
    Bases[KV.first] = KV.second;
  if (!Driver)
    Driver = json::Object{{"name", "resdll-check"}};
  (*Driver)["rules"] = std::move(RulesOut);
  (*Driver)["notifications"] = std::move(DescriptorsOut);
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(*Driver)}}},
      {"invocations", std::move(InvocationsOut)},
      {"artifacts", std::move(ArtifactsOut)},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(ResultsOut)},
  };
  if (!Bases.empty())
    Run["originalUriBaseIds"] = std::move(Bases);
  return json::Object{{"$schema", Schema},
                      {"version", "2.1.0"},
                      {"runs", json::Array{std::move(Run)}}};
}

/// A path as the text format prints it: relative to the working directory
/// when under it.
static std::string displayPath(StringRef Path, StringRef WorkingDirectory) {
  std::string Dir = sys::path::convert_to_slash(WorkingDirectory);
  if (!StringRef(Dir).ends_with("/"))
    Dir += '/';
  if (StringRef(Path).starts_with(Dir) && Path.size() > Dir.size())
    return Path.drop_front(Dir.size()).str();
  return Path.str();
}

size_t emitSarifAsText(const json::Value &LogV, StringRef WorkingDirectory,
                       raw_ostream &OS, raw_ostream &Diag) {
  size_t Printed = 0;
  const json::Object &Log = *LogV.getAsObject();
  for (const json::Value &RunV : *Log.getArray("runs")) {
    const json::Object &Run = *RunV.getAsObject();
    auto Fix = [&](Location &L) { L.File = displayPath(L.File, WorkingDirectory); };
    for (const json::Value &R : *Run.getArray("results")) {
      const json::Object *RO = R.getAsObject();
      if (!RO)
        continue;
      Finding F = findingFromSarif(*RO, Run, "");
      if (F.BaselineState == "unchanged" || F.BaselineState == "absent")
        continue;
      Fix(F.Primary);
      for (Note &N : F.Path)
        Fix(N.Loc);
      for (Note &N : F.Related)
        Fix(N.Loc);
      emitText(F, OS);
      ++Printed;
    }
    if (const json::Array *Invs = Run.getArray("invocations"))
      for (const json::Value &I : *Invs) {
        const json::Object *IO = I.getAsObject();
        const json::Array *Notes =
            IO ? IO->getArray("toolExecutionNotifications") : nullptr;
        if (!Notes)
          continue;
        for (const json::Value &NV : *Notes) {
          const json::Object *N = NV.getAsObject();
          if (!N)
            continue;
          // A notification reads like a result with one location.
          Finding F = findingFromSarif(*N, Run, "");
          Notification Out;
          StringRef Level = N->getString("level").value_or("warning");
          Out.Lvl = Level == "error"     ? Notification::Error
                    : Level == "warning" ? Notification::Warning
                                         : Notification::Note;
          Out.Message = F.Message;
          Out.Loc = F.Primary;
          Fix(Out.Loc);
          emitNotification(Out, Out.Loc.File, Diag);
        }
      }
  }
  return Printed;
}

int sarifExitStatus(const json::Value &LogV) {
  bool Crash = false, Failed = false, Findings = false;
  const json::Object &Log = *LogV.getAsObject();
  for (const json::Value &RunV : *Log.getArray("runs")) {
    const json::Object &Run = *RunV.getAsObject();
    if (const json::Array *Invs = Run.getArray("invocations"))
      for (const json::Value &I : *Invs)
        if (const json::Object *IO = I.getAsObject()) {
          Crash |= IO->getInteger("exitCode") == std::optional<int64_t>(3);
          Failed |= IO->getBoolean("executionSuccessful") ==
                    std::optional<bool>(false);
        }
    for (const json::Value &R : *Run.getArray("results"))
      if (const json::Object *RO = R.getAsObject()) {
        StringRef State = RO->getString("baselineState").value_or("");
        Findings |= State != "unchanged" && State != "absent";
      }
  }
  return Crash ? 3 : Failed ? 2 : Findings ? 1 : 0;
}

} // namespace resdll
