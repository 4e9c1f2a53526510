//===- Config.cpp - settings files (LLVM YAML I/O) and check globs --------===//
#include "Config.h"
#include "Rule.h"
#include "YAMLTraits.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace llvm {
namespace yaml {
template <> struct CustomMappingTraits<std::map<std::string, std::string>> {
  static void inputOne(IO &IO, StringRef Key,
                       std::map<std::string, std::string> &M) {
    IO.mapRequired(Key.str().c_str(), M[Key.str()]);
  }
  static void output(IO &IO, std::map<std::string, std::string> &M) {
    for (auto &[K, V] : M)
      IO.mapRequired(K.c_str(), V);
  }
};
template <> struct MappingTraits<resdll::ConfigFile> {
  static void mapping(IO &IO, resdll::ConfigFile &C) {
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("Strict", C.Strict);
    IO.mapOptional("CheckOptions", C.CheckOptions);
    IO.mapOptional("ApiModel", C.ApiModel);
    IO.mapOptional("Baseline", C.Baseline);
  }
};
} // namespace yaml
} // namespace llvm

namespace resdll {

Expected<CheckGlobs> CheckGlobs::parse(StringRef Text) {
  CheckGlobs G;
  SmallVector<StringRef, 8> Parts;
  Text.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef P : Parts) {
    P = P.trim();
    if (P.empty())
      continue;
    bool Positive = !P.consume_front("-");
    P = P.trim();
    if (P.empty())
      return createStringError(inconvertibleErrorCode(),
                               "invalid check glob '-' in '%s'",
                               Text.str().c_str());
    Expected<GlobPattern> Pat = GlobPattern::create(P);
    if (!Pat)
      return createStringError(inconvertibleErrorCode(),
                               "invalid check glob '%s': %s", P.str().c_str(),
                               toString(Pat.takeError()).c_str());
    G.Globs.emplace_back(Positive, std::move(*Pat));
  }
  return G;
}

bool CheckGlobs::enabled(StringRef Id, bool Enabled) const {
  for (const auto &[Positive, Pat] : Globs)
    if (Pat.match(Id))
      Enabled = Positive;
  return Enabled;
}

Expected<ConfigFile> readConfigFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read settings file '%s': %s",
                             Path.str().c_str(),
                             Buf.getError().message().c_str());
  ConfigFile C;
  C.Path = Path.str();
  if ((*Buf)->getBuffer().trim().empty())
    return C;
  if (Error E = readYAML((*Buf)->getBuffer(), Path, C))
    return createStringError(inconvertibleErrorCode(),
                             "invalid settings file %s",
                             toString(std::move(E)).c_str());
  if (C.Checks)
    if (Expected<CheckGlobs> G = CheckGlobs::parse(*C.Checks); !G)
      return createStringError(inconvertibleErrorCode(), "%s: %s",
                               Path.str().c_str(),
                               toString(G.takeError()).c_str());
  for (const auto &[Key, Value] : C.CheckOptions) {
    StringRef K(Key);
    size_t Dot = K.rfind('.');
    if (Dot == StringRef::npos ||
        (!findRule(K.take_front(Dot)) && K.take_front(Dot) != "resdll"))
      return createStringError(inconvertibleErrorCode(),
                               "%s: unknown check option '%s'",
                               Path.str().c_str(), Key.c_str());
  }
  return C;
}

std::string ConfigResolver::findNearest(StringRef Dir) {
  SmallString<256> D(Dir);
  sys::fs::make_absolute(D);
  sys::path::remove_dots(D, /*remove_dot_dot=*/true);
  std::string Start = D.str().str();
  auto It = NearestByDir.find(Start);
  if (It != NearestByDir.end())
    return It->second;
  std::string Found;
  for (StringRef Cur = D; !Cur.empty(); Cur = sys::path::parent_path(Cur)) {
    SmallString<256> Candidate(Cur);
    sys::path::append(Candidate, ".resdll-check.yaml");
    if (sys::fs::is_regular_file(Candidate)) {
      Found = Candidate.str().str();
      break;
    }
  }
  NearestByDir[Start] = Found;
  return Found;
}

Expected<std::shared_ptr<const EffectiveConfig>>
ConfigResolver::forConfigPath(const std::string &Path) {
  auto It = ByPath.find(Path);
  if (It != ByPath.end())
    return It->second;
  auto EC = std::make_shared<EffectiveConfig>();
  EC->ConfigPath = Path;
  ConfigFile File;
  if (!Path.empty()) {
    Expected<ConfigFile> F = readConfigFile(Path);
    if (!F)
      return F.takeError();
    File = std::move(*F);
  }
  // Checks: defaults, then the file, then --checks.
  std::vector<bool> On;
  for (const RuleInfo &R : allRules())
    On.push_back(R.EnabledByDefault);
  for (const std::optional<std::string> *Globs : {&File.Checks, &CL.Checks}) {
    if (!*Globs)
      continue;
    Expected<CheckGlobs> G = CheckGlobs::parse(**Globs);
    if (!G)
      return G.takeError();
    for (size_t I = 0; I < On.size(); ++I)
      On[I] = G->enabled(allRules()[I].Id, On[I]);
  }
  for (size_t I = 0; I < On.size(); ++I)
    if (On[I])
      EC->EnabledRules.push_back(allRules()[I].Id.str());
  for (const auto &[K, V] : File.CheckOptions)
    EC->Options.set(K, V);
  std::string StrictKey = "resdll-openv2-null-without-setlasterror.Strict";
  if (File.Strict && *File.Strict)
    EC->Options.set(StrictKey, "true");
  if (CL.Strict)
    EC->Options.set(StrictKey, "true");
  if (File.ApiModel.empty()) {
    EC->Api = std::shared_ptr<const ApiModel>(&ApiModel::builtin(),
                                              [](const ApiModel *) {});
  } else {
    auto M = std::make_shared<ApiModel>(ApiModel::builtin());
    for (const ApiFunction &F : File.ApiModel)
      M->add(F);
    EC->Api = M;
  }
  if (File.Baseline)
    EC->Options.set("resdll.Baseline", *File.Baseline);
  ByPath[Path] = EC;
  return std::shared_ptr<const EffectiveConfig>(EC);
}

Expected<std::shared_ptr<const EffectiveConfig>>
ConfigResolver::forSource(StringRef SourcePath) {
  std::lock_guard<std::mutex> Lock(Mu);
  if (CL.ConfigFile)
    return forConfigPath(*CL.ConfigFile);
  SmallString<256> Abs(SourcePath);
  sys::fs::make_absolute(Abs);
  return forConfigPath(findNearest(sys::path::parent_path(Abs)));
}

Expected<std::shared_ptr<const EffectiveConfig>>
ConfigResolver::forCurrentDirectory() {
  std::lock_guard<std::mutex> Lock(Mu);
  if (CL.ConfigFile)
    return forConfigPath(*CL.ConfigFile);
  return forConfigPath(findNearest("."));
}

} // namespace resdll
