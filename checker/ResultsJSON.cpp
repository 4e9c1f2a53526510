//===- ResultsJSON.cpp - a FileResult as one line of JSON -----------------===//
#include "ResultsJSON.h"

#include "llvm/Support/Base64.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace resdll {

// Every field below is serialised; a new field must be added here (and this
// check updated), or worker processes silently drop it.
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Location) == 88 && sizeof(Note) == 184 &&
                  sizeof(Finding) == 464 && sizeof(Notification) == 192 &&
                  sizeof(AnalysisStats) == 12 &&
                  sizeof(HeaderReuseOutcome) == 48 && sizeof(FileResult) == 216,
              "a result struct changed: update ResultsJSON.cpp so that worker "
              "processes carry the new field, then this check");
#endif

namespace {

/// A string that may hold invalid UTF-8: plain JSON string when it is
/// valid, {"base64": ...} otherwise.
json::Value bytes(StringRef S) {
  if (json::isUTF8(S))
    return json::Value(S.str());
  return json::Object{{"base64", encodeBase64(S)}};
}

class Reader {
public:
  std::string Problem; ///< the first problem found

  bool str(const json::Object &O, StringRef Key, std::string &Out) {
    const json::Value *V = O.get(Key);
    if (!V)
      return fail("missing " + Key);
    if (std::optional<StringRef> S = V->getAsString()) {
      Out = S->str();
      return true;
    }
    if (const json::Object *B = V->getAsObject())
      if (std::optional<StringRef> Enc = B->getString("base64")) {
        std::vector<char> Dec;
        if (llvm::Error E = decodeBase64(*Enc, Dec)) {
          consumeError(std::move(E));
          return fail("bad base64 in " + Key);
        }
        Out.assign(Dec.begin(), Dec.end());
        return true;
      }
    return fail("bad string " + Key);
  }

  template <typename T> bool num(const json::Object &O, StringRef Key, T &Out) {
    std::optional<int64_t> V = O.getInteger(Key);
    if (!V || *V < 0)
      return fail("bad number " + Key);
    Out = T(*V);
    return true;
  }

  bool real(const json::Object &O, StringRef Key, double &Out) {
    std::optional<double> V = O.getNumber(Key);
    if (!V)
      return fail("bad number " + Key);
    Out = *V;
    return true;
  }

  bool flag(const json::Object &O, StringRef Key, bool &Out) {
    std::optional<bool> V = O.getBoolean(Key);
    if (!V)
      return fail("bad flag " + Key);
    Out = *V;
    return true;
  }

  const json::Object *obj(const json::Object &O, StringRef Key) {
    const json::Object *V = O.getObject(Key);
    if (!V)
      fail("missing object " + Key);
    return V;
  }

  const json::Array *arr(const json::Object &O, StringRef Key) {
    const json::Array *V = O.getArray(Key);
    if (!V)
      fail("missing array " + Key);
    return V;
  }

  bool location(const json::Object *O, Location &L) {
    return O && str(*O, "file", L.File) && num(*O, "line", L.Line) &&
           num(*O, "column", L.Column) && num(*O, "endLine", L.EndLine) &&
           num(*O, "endColumn", L.EndColumn) && str(*O, "snippet", L.Snippet) &&
           num(*O, "utf16Column", L.Utf16Column) &&
           num(*O, "utf16EndColumn", L.Utf16EndColumn);
  }

  bool notes(const json::Array *A, std::vector<Note> &Out) {
    if (!A)
      return false;
    for (const json::Value &V : *A) {
      const json::Object *O = V.getAsObject();
      Note N;
      if (!O || !location(obj(*O, "loc"), N.Loc) ||
          !str(*O, "message", N.Message) ||
          !str(*O, "linkText", N.LinkText) || !str(*O, "kind", N.Kind))
        return fail("bad note");
      Out.push_back(std::move(N));
    }
    return true;
  }

  bool finding(const json::Object *O, Finding &F) {
    return O && str(*O, "ruleId", F.RuleId) && str(*O, "message", F.Message) &&
           str(*O, "entryPoint", F.EntryPoint) &&
           location(obj(*O, "primary"), F.Primary) &&
           notes(arr(*O, "path"), F.Path) &&
           notes(arr(*O, "related"), F.Related) &&
           str(*O, "fingerprint", F.Fingerprint) &&
           str(*O, "normalizedStatement", F.NormalizedStatement) &&
           str(*O, "normalizedContext", F.NormalizedContext) &&
           str(*O, "baselineState", F.BaselineState) &&
           str(*O, "fixFile", F.FixFile) && num(*O, "fixOffset", F.FixOffset) &&
           num(*O, "fixLength", F.FixLength) &&
           str(*O, "fixReplacement", F.FixReplacement) &&
           str(*O, "fixDescription", F.FixDescription);
  }

  bool notification(const json::Object *O, Notification &N) {
    unsigned Lvl = 0;
    if (!O || !num(*O, "level", Lvl) || Lvl > Notification::Error ||
        !location(obj(*O, "loc"), N.Loc) || !str(*O, "message", N.Message) ||
        !str(*O, "kind", N.Kind) || !str(*O, "ruleId", N.RuleId))
      return fail("bad notification");
    N.Lvl = Notification::Level(Lvl);
    return true;
  }

  bool fileResult(const json::Object *O, FileResult &R) {
    if (!O || !str(*O, "file", R.File) ||
        !str(*O, "modelDump", R.ModelDump) ||
        !flag(*O, "inputError", R.InputError) ||
        !flag(*O, "crashed", R.Crashed) ||
        !real(*O, "parseSeconds", R.ParseSeconds) ||
        !real(*O, "analysisSeconds", R.AnalysisSeconds))
      return false;
    const json::Object *S = obj(*O, "stats");
    if (!S || !num(*S, "functionsAnalysed", R.Stats.FunctionsAnalysed) ||
        !num(*S, "statesExplored", R.Stats.StatesExplored) ||
        !num(*S, "budgetHits", R.Stats.BudgetHits))
      return false;
    const json::Object *H = obj(*O, "headers");
    unsigned Outcome = 0;
    if (!H || !num(*H, "outcome", Outcome) ||
        Outcome > HeaderReuseOutcome::Fallback ||
        !flag(*H, "built", R.Headers.Built) ||
        !flag(*H, "fromDisk", R.Headers.FromDisk) ||
        !real(*H, "buildSeconds", R.Headers.BuildSeconds) ||
        !str(*H, "unusable", R.Headers.Unusable))
      return fail("bad headers");
    R.Headers.Outcome = HeaderReuseOutcome::Kind(Outcome);
    const json::Array *Fs = arr(*O, "findings");
    const json::Array *Ns = arr(*O, "notifications");
    if (!Fs || !Ns)
      return false;
    for (const json::Value &V : *Fs) {
      Finding F;
      if (!finding(V.getAsObject(), F))
        return fail("bad finding");
      R.Findings.push_back(std::move(F));
    }
    for (const json::Value &V : *Ns) {
      Notification N;
      if (!notification(V.getAsObject(), N))
        return false;
      R.Notifications.push_back(std::move(N));
    }
    return true;
  }

private:
  bool fail(const Twine &Msg) {
    if (Problem.empty())
      Problem = Msg.str();
    return false;
  }
};

llvm::Error readError(const Reader &Rd) {
  return createStringError(
      inconvertibleErrorCode(), "malformed result from a worker process: %s",
      Rd.Problem.empty() ? "unexpected JSON" : Rd.Problem.c_str());
}

json::Value location(const Location &L) {
  return json::Object{{"file", bytes(L.File)},
                      {"line", int64_t(L.Line)},
                      {"column", int64_t(L.Column)},
                      {"endLine", int64_t(L.EndLine)},
                      {"endColumn", int64_t(L.EndColumn)},
                      {"snippet", bytes(L.Snippet)},
                      {"utf16Column", int64_t(L.Utf16Column)},
                      {"utf16EndColumn", int64_t(L.Utf16EndColumn)}};
}

json::Value notes(const std::vector<Note> &Ns) {
  json::Array A;
  for (const Note &N : Ns)
    A.push_back(json::Object{{"loc", location(N.Loc)},
                             {"message", bytes(N.Message)},
                             {"linkText", bytes(N.LinkText)},
                             {"kind", bytes(N.Kind)}});
  return A;
}

json::Value finding(const Finding &F) {
  return json::Object{
      {"ruleId", bytes(F.RuleId)},
      {"message", bytes(F.Message)},
      {"entryPoint", bytes(F.EntryPoint)},
      {"primary", location(F.Primary)},
      {"path", notes(F.Path)},
      {"related", notes(F.Related)},
      {"fingerprint", bytes(F.Fingerprint)},
      {"normalizedStatement", bytes(F.NormalizedStatement)},
      {"normalizedContext", bytes(F.NormalizedContext)},
      {"baselineState", bytes(F.BaselineState)},
      {"fixFile", bytes(F.FixFile)},
      {"fixOffset", int64_t(F.FixOffset)},
      {"fixLength", int64_t(F.FixLength)},
      {"fixReplacement", bytes(F.FixReplacement)},
      {"fixDescription", bytes(F.FixDescription)},
  };
}

json::Value notification(const Notification &N) {
  return json::Object{{"level", int64_t(N.Lvl)},
                      {"loc", location(N.Loc)},
                      {"message", bytes(N.Message)},
                      {"kind", bytes(N.Kind)},
                      {"ruleId", bytes(N.RuleId)}};
}

std::string toLine(const json::Value &V) {
  std::string Out;
  raw_string_ostream OS(Out);
  OS << V; // compact: one line, newlines inside strings are escaped
  return Out;
}

} // namespace

std::string fileResultToJSONLine(const FileResult &R) {
  json::Array Fs, Ns;
  for (const Finding &F : R.Findings)
    Fs.push_back(finding(F));
  for (const Notification &N : R.Notifications)
    Ns.push_back(notification(N));
  return toLine(json::Object{
      {"file", bytes(R.File)},
      {"modelDump", bytes(R.ModelDump)},
      {"findings", std::move(Fs)},
      {"notifications", std::move(Ns)},
      {"inputError", R.InputError},
      {"crashed", R.Crashed},
      {"parseSeconds", R.ParseSeconds},
      {"analysisSeconds", R.AnalysisSeconds},
      {"stats",
       json::Object{{"functionsAnalysed", int64_t(R.Stats.FunctionsAnalysed)},
                    {"statesExplored", int64_t(R.Stats.StatesExplored)},
                    {"budgetHits", int64_t(R.Stats.BudgetHits)}}},
      {"headers", json::Object{{"outcome", int64_t(R.Headers.Outcome)},
                               {"built", R.Headers.Built},
                               {"fromDisk", R.Headers.FromDisk},
                               {"buildSeconds", R.Headers.BuildSeconds},
                               {"unusable", bytes(R.Headers.Unusable)}}},
  });
}

Expected<FileResult> fileResultFromJSONLine(StringRef Line) {
  Expected<json::Value> V = json::parse(Line);
  if (!V)
    return V.takeError();
  Reader Rd;
  FileResult R;
  if (!Rd.fileResult(V->getAsObject(), R))
    return readError(Rd);
  return R;
}

std::string stringToJSONLine(StringRef S) { return toLine(bytes(S)); }

Expected<std::string> stringFromJSONLine(StringRef Line) {
  Expected<json::Value> V = json::parse(Line);
  if (!V)
    return V.takeError();
  Reader Rd;
  std::string Out;
  if (!Rd.str(json::Object{{"s", std::move(*V)}}, "s", Out))
    return readError(Rd);
  return Out;
}

} // namespace resdll
