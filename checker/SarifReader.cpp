//===- SarifReader.cpp - reading resdll-check's SARIF logs back -----------===//
#include "SarifReader.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace resdll {

static Error logError(StringRef Path, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "'" + Path + "': " + Why);
}

Expected<json::Value> readSarifLog(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return logError(Path, "cannot read the file: " + Buf.getError().message());
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    return logError(Path, "not a SARIF log: " + toString(V.takeError()));
  const json::Object *Log = V->getAsObject();
  if (!Log || Log->getString("version") != std::optional<StringRef>("2.1.0"))
    return logError(Path, "not a SARIF 2.1.0 log");
  const json::Array *Runs = Log->getArray("runs");
  if (!Runs)
    return logError(Path, "not a SARIF 2.1.0 log (no runs)");
  for (const json::Value &RunV : *Runs) {
    const json::Object *Run = RunV.getAsObject();
    const json::Object *Tool = Run ? Run->getObject("tool") : nullptr;
    const json::Object *Driver = Tool ? Tool->getObject("driver") : nullptr;
    std::optional<StringRef> Name =
        Driver ? Driver->getString("name") : std::nullopt;
    if (!Name)
      return logError(Path, "a run of the SARIF log names no tool");
    if (*Name != "resdll-check")
      return logError(Path, "a SARIF log of '" + *Name +
                                "', not of resdll-check");
    if (!Run->getArray("results"))
      return logError(Path, "a run of the SARIF log has no results array");
  }
  return V;
}

void forEachArtifactLocation(json::Object &O,
                             function_ref<void(json::Object &)> F) {
  // Keys in sorted order: the same document gives the same call order.
  std::vector<std::string> Keys;
  for (auto &KV : O)
    Keys.push_back(KV.first.str());
  llvm::sort(Keys);
  for (const std::string &K : Keys) {
    json::Value &V = *O.get(K);
    if (K == "artifactLocation") {
      if (json::Object *A = V.getAsObject())
        F(*A);
      continue;
    }
    forEachArtifactLocation(V, F);
  }
}

void forEachArtifactLocation(json::Value &V,
                             function_ref<void(json::Object &)> F) {
  if (json::Object *O = V.getAsObject()) {
    forEachArtifactLocation(*O, F);
  } else if (json::Array *A = V.getAsArray()) {
    for (json::Value &E : *A)
      forEachArtifactLocation(E, F);
  }
}

SarifUri artifactUri(const json::Object &Loc, const json::Object &Run) {
  SarifUri U;
  if (std::optional<StringRef> Uri = Loc.getString("uri")) {
    U.Uri = Uri->str();
    if (std::optional<StringRef> Base = Loc.getString("uriBaseId"))
      U.BaseId = Base->str();
    return U;
  }
  std::optional<int64_t> Index = Loc.getInteger("index");
  const json::Array *Artifacts = Run.getArray("artifacts");
  if (!Index || !Artifacts || *Index < 0 ||
      size_t(*Index) >= Artifacts->size())
    return U;
  const json::Object *Art = (*Artifacts)[*Index].getAsObject();
  const json::Object *ArtLoc = Art ? Art->getObject("location") : nullptr;
  if (!ArtLoc || !ArtLoc->getString("uri"))
    return U;
  return artifactUri(*ArtLoc, Run);
}

void detachArtifactLocations(json::Value &V, const json::Object &Run) {
  forEachArtifactLocation(V, [&](json::Object &Loc) {
    SarifUri U = artifactUri(Loc, Run);
    Loc.erase("index");
    if (U.Uri.empty())
      return;
    Loc["uri"] = U.Uri;
    if (U.BaseId.empty())
      Loc.erase("uriBaseId");
    else
      Loc["uriBaseId"] = U.BaseId;
  });
}

/// The path of a file:// uri ("file:///a/b" and "file://host/a/b" give
/// "/a/b"), or "" for another scheme.
static std::string filePath(StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return "";
  size_t Slash = Uri.find('/');
  if (Slash == StringRef::npos)
    return "";
  return percentDecode(Uri.drop_front(Slash));
}

std::string pathOfUri(const SarifUri &U, const json::Object &Run,
                      StringRef SourceRoot) {
  if (U.BaseId.empty()) {
    std::string P = filePath(U.Uri);
    return P.empty() ? percentDecode(U.Uri) : P;
  }
  std::string Base;
  if (!SourceRoot.empty()) {
    Base = SourceRoot.str();
  } else if (const json::Object *Bases = Run.getObject("originalUriBaseIds")) {
    if (const json::Object *B = Bases->getObject(U.BaseId))
      if (std::optional<StringRef> BaseUri = B->getString("uri"))
        Base = filePath(*BaseUri);
  }
  std::string Rel = percentDecode(U.Uri);
  if (Base.empty())
    return Rel;
  SmallString<256> P(Base);
  sys::path::append(P, sys::path::Style::posix, Rel);
  return P.str().str();
}

std::string resultFingerprint(const json::Object &Result) {
  if (const json::Object *FP = Result.getObject("partialFingerprints"))
    if (std::optional<StringRef> V = FP->getString(FingerprintKey))
      return V->str();
  return "";
}

static std::string messageText(const json::Object *O) {
  const json::Object *M = O ? O->getObject("message") : nullptr;
  std::optional<StringRef> T = M ? M->getString("text") : std::nullopt;
  return T ? plainMessage(*T) : std::string();
}

static Location locationOf(const json::Object *Loc, const json::Object &Run,
                           StringRef SourceRoot) {
  Location L;
  const json::Object *PL = Loc ? Loc->getObject("physicalLocation") : nullptr;
  if (!PL)
    return L;
  if (const json::Object *AL = PL->getObject("artifactLocation"))
    L.File = pathOfUri(artifactUri(*AL, Run), Run, SourceRoot);
  if (const json::Object *R = PL->getObject("region")) {
    L.Line = R->getInteger("startLine").value_or(0);
    L.Column = R->getInteger("startColumn").value_or(1);
    L.EndLine = R->getInteger("endLine").value_or(L.Line);
    L.EndColumn = R->getInteger("endColumn").value_or(L.Column + 1);
    L.Utf16Column = L.Column;
    L.Utf16EndColumn = L.EndColumn;
    if (const json::Object *S = R->getObject("snippet"))
      if (std::optional<StringRef> T = S->getString("text"))
        L.Snippet = T->str();
  }
  return L;
}

Finding findingFromSarif(const json::Object &Result, const json::Object &Run,
                         StringRef SourceRoot) {
  Finding F;
  F.RuleId = Result.getString("ruleId").value_or("").str();
  F.Message = messageText(&Result);
  F.Fingerprint = resultFingerprint(Result);
  F.BaselineState = Result.getString("baselineState").value_or("").str();
  if (const json::Array *Locs = Result.getArray("locations"); Locs &&
                                                               !Locs->empty()) {
    const json::Object *Primary = Locs->front().getAsObject();
    F.Primary = locationOf(Primary, Run, SourceRoot);
    if (const json::Array *LL =
            Primary ? Primary->getArray("logicalLocations") : nullptr;
        LL && !LL->empty())
      if (const json::Object *Logical = LL->front().getAsObject())
        F.EntryPoint =
            Logical->getString("fullyQualifiedName").value_or("").str();
  }
  if (const json::Array *Flows = Result.getArray("codeFlows");
      Flows && !Flows->empty()) {
    const json::Object *Flow = Flows->front().getAsObject();
    const json::Array *Threads = Flow ? Flow->getArray("threadFlows") : nullptr;
    const json::Object *Thread =
        Threads && !Threads->empty() ? Threads->front().getAsObject() : nullptr;
    if (const json::Array *Steps = Thread ? Thread->getArray("locations")
                                          : nullptr) {
      for (size_t I = 0; I + 1 < Steps->size(); ++I) {
        const json::Object *Step = (*Steps)[I].getAsObject();
        const json::Object *Loc = Step ? Step->getObject("location") : nullptr;
        Note N{locationOf(Loc, Run, SourceRoot), messageText(Loc), "", ""};
        if (const json::Array *Kinds = Step ? Step->getArray("kinds") : nullptr;
            Kinds && !Kinds->empty() && Kinds->front().getAsString())
          N.Kind = Kinds->front().getAsString()->str();
        F.Path.push_back(std::move(N));
      }
    }
  }
  if (const json::Array *Related = Result.getArray("relatedLocations"))
    for (const json::Value &R : *Related) {
      const json::Object *Loc = R.getAsObject();
      F.Related.push_back(
          {locationOf(Loc, Run, SourceRoot), messageText(Loc), "", ""});
    }
  return F;
}

} // namespace resdll
