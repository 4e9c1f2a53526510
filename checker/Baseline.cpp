//===- Baseline.cpp - findings compared with an earlier SARIF log ---------===//
#include "Baseline.h"
#include "Config.h"
#include "SarifReader.h"

#include "Rule.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace resdll {

static std::string key(StringRef RuleId, StringRef Fingerprint) {
  return (RuleId + Twine('\0') + Fingerprint).str();
}

Expected<std::unique_ptr<Baseline>> Baseline::load(StringRef Path) {
  Expected<json::Value> Log = readSarifLog(Path);
  if (!Log)
    return Log.takeError();
  auto B = std::make_unique<Baseline>();
  B->Path = Path.str();
  for (json::Value &RunV : *Log->getAsObject()->getArray("runs")) {
    json::Object &Run = *RunV.getAsObject();
    for (json::Value &ResultV : *Run.getArray("results")) {
      json::Object *Result = ResultV.getAsObject();
      if (!Result)
        continue;
      // A result the baseline's own run no longer found is not one of its
      // findings.
      if (Result->getString("baselineState") ==
          std::optional<StringRef>("absent"))
        continue;
      std::string FP = resultFingerprint(*Result);
      std::optional<StringRef> Rule = Result->getString("ruleId");
      if (FP.empty() || !Rule)
        continue;
      Entry E;
      if (const json::Array *Locs = Result->getArray("locations");
          Locs && !Locs->empty())
        if (const json::Object *L = Locs->front().getAsObject())
          if (const json::Object *PL = L->getObject("physicalLocation"))
            if (const json::Object *AL = PL->getObject("artifactLocation"))
              E.File = artifactUri(*AL, Run);
      json::Value Copy = json::Object(*Result);
      detachArtifactLocations(Copy, Run);
      Copy.getAsObject()->erase("baselineState");
      E.Result = std::move(*Copy.getAsObject());
      B->ByKey[key(*Rule, FP)].push_back(B->Entries.size());
      B->Entries.push_back(std::move(E));
    }
  }
  return B;
}

bool Baseline::match(StringRef RuleId, StringRef Fingerprint) {
  auto It = ByKey.find(key(RuleId, Fingerprint));
  if (It == ByKey.end())
    return false;
  for (size_t I : It->second) {
    if (Entries[I].Matched)
      continue;
    Entries[I].Matched = true;
    return true;
  }
  return false;
}

void Baseline::classify(std::vector<Finding> &Findings) {
  for (Finding &F : Findings)
    F.BaselineState = match(F.RuleId, F.Fingerprint) ? "unchanged" : "new";
}

std::vector<json::Object>
Baseline::absent(const std::set<SarifUri> &Files) const {
  std::vector<json::Object> Out;
  for (const Entry &E : Entries)
    if (!E.Matched && Files.count(E.File))
      Out.push_back(E.Result);
  return Out;
}

/// The baseline a settings file names, relative to the file's directory.
static std::string configBaseline(const FileResult &FR,
                                  StringRef WorkingDirectory) {
  if (!FR.Config)
    return "";
  std::optional<std::string> P = FR.Config->Options.get("resdll.Baseline");
  if (!P || P->empty())
    return "";
  SmallString<256> Path(*P);
  if (!sys::path::is_absolute(Path) && !FR.Config->ConfigPath.empty()) {
    SmallString<256> Dir(sys::path::parent_path(FR.Config->ConfigPath));
    sys::fs::make_absolute(WorkingDirectory, Dir);
    sys::path::append(Dir, *P);
    Path = Dir;
  }
  sys::fs::make_absolute(WorkingDirectory, Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return Path.str().str();
}

Expected<BaselineOutcome> applyBaselines(std::vector<FileResult> &Results,
                                         StringRef CommandLinePath,
                                         StringRef WorkingDirectory,
                                         StringRef SourceRoot) {
  BaselineOutcome Out;
  std::vector<std::string> PathOf;
  for (const FileResult &FR : Results) {
    PathOf.push_back(CommandLinePath.empty()
                         ? configBaseline(FR, WorkingDirectory)
                         : CommandLinePath.str());
    Out.Used |= !PathOf.back().empty();
  }
  if (!Out.Used)
    return Out;
  // Baselines in the order the files first use them; each read once.
  std::vector<std::unique_ptr<Baseline>> Loaded;
  std::map<std::string, size_t> Index;
  std::vector<std::set<SarifUri>> Analysed;
  for (size_t I = 0; I < Results.size(); ++I) {
    FileResult &FR = Results[I];
    if (PathOf[I].empty()) {
      for (Finding &F : FR.Findings)
        F.BaselineState = "new";
    } else {
      auto [It, New] = Index.try_emplace(PathOf[I], Loaded.size());
      if (New) {
        Expected<std::unique_ptr<Baseline>> B = Baseline::load(PathOf[I]);
        if (!B)
          return B.takeError();
        Loaded.push_back(std::move(*B));
        Analysed.emplace_back();
      }
      Loaded[It->second]->classify(FR.Findings);
      if (!FR.InputError && !FR.Crashed)
        Analysed[It->second].insert(
            sarifUri(FR.File, WorkingDirectory, SourceRoot));
    }
    for (const Finding &F : FR.Findings)
      ++(F.BaselineState == "unchanged" ? Out.Unchanged : Out.New);
  }
  for (size_t I = 0; I < Loaded.size(); ++I)
    for (json::Object &A : Loaded[I]->absent(Analysed[I]))
      Out.Absent.push_back(std::move(A));
  return Out;
}

size_t applyBaselineToLog(json::Value &LogV, Baseline &B) {
  size_t New = 0;
  for (json::Value &RunV : *LogV.getAsObject()->getArray("runs")) {
    json::Object &Run = *RunV.getAsObject();
    json::Array &Results = *Run.getArray("results");
    json::Array Kept;
    for (json::Value &RV : Results) {
      json::Object *R = RV.getAsObject();
      if (!R || R->getString("baselineState") ==
                    std::optional<StringRef>("absent"))
        continue;
      bool Known = B.match(R->getString("ruleId").value_or(""),
                           resultFingerprint(*R));
      (*R)["baselineState"] = Known ? "unchanged" : "new";
      New += !Known;
      Kept.push_back(std::move(RV));
    }
    // The files the run analysed: its analysis targets without an error.
    std::set<SarifUri> Targets, Failed;
    if (const json::Array *As = Run.getArray("artifacts"))
      for (const json::Value &A : *As)
        if (const json::Object *AO = A.getAsObject())
          if (const json::Array *Roles = AO->getArray("roles"))
            if (llvm::is_contained(*Roles, json::Value("analysisTarget")))
              if (const json::Object *L = AO->getObject("location"))
                Targets.insert(artifactUri(*L, Run));
    if (json::Array *Invs = Run.getArray("invocations"))
      for (json::Value &I : *Invs)
        if (json::Object *IO = I.getAsObject())
          if (json::Array *Notes = IO->getArray("toolExecutionNotifications"))
            for (json::Value &N : *Notes)
              if (json::Object *NO = N.getAsObject();
                  NO && NO->getString("level") ==
                            std::optional<StringRef>("error"))
                forEachArtifactLocation(*NO, [&](json::Object &L) {
                  Failed.insert(artifactUri(L, Run));
                });
    for (const SarifUri &U : Failed)
      Targets.erase(U);
    // Absent results, indexed into this run's rules and artifacts.
    json::Array *Rules = Run.getObject("tool")->getObject("driver")->getArray(
        "rules");
    json::Array *Artifacts = Run.getArray("artifacts");
    for (json::Object &A : B.absent(Targets)) {
      A["baselineState"] = "absent";
      A.erase("ruleIndex");
      StringRef Id = A.getString("ruleId").value_or("");
      std::optional<size_t> Index;
      for (size_t I = 0; Rules && I < Rules->size(); ++I)
        if (const json::Object *RO = (*Rules)[I].getAsObject())
          if (RO->getString("id") == std::optional<StringRef>(Id))
            Index = I;
      if (!Index && Rules)
        if (const RuleInfo *RI = findRule(Id)) {
          Index = Rules->size();
          Rules->push_back(sarifRule(*RI));
        }
      if (Index)
        A["ruleIndex"] = int64_t(*Index);
      forEachArtifactLocation(A, [&](json::Object &L) {
        SarifUri U = artifactUri(L, Run);
        if (!Artifacts || U.Uri.empty())
          return;
        size_t I = 0;
        for (; I < Artifacts->size(); ++I)
          if (const json::Object *AO = (*Artifacts)[I].getAsObject())
            if (const json::Object *AL = AO->getObject("location"))
              if (artifactUri(*AL, Run) == U)
                break;
        if (I == Artifacts->size()) {
          json::Object Loc{{"uri", U.Uri}};
          if (!U.BaseId.empty())
            Loc["uriBaseId"] = U.BaseId;
          Artifacts->push_back(json::Object{{"location", std::move(Loc)}});
        }
        L["index"] = int64_t(I);
      });
      Kept.push_back(std::move(A));
    }
    Results = std::move(Kept);
  }
  return New;
}

} // namespace resdll
