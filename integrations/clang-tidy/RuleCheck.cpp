//===- RuleCheck.cpp - one clang-tidy check per resdll-check rule ---------===//
#include "RuleCheck.h"
#include "Analyzer.h"
#include "ApiModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLParser.h"
#include <mutex>

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::ClangTidyContext;
using clang::tidy::ClangTidyOptions;

namespace resdll {
namespace tidy {

const char *const ModuleOptionKeys[3] = {
    "resdll.ApiModelFile", "resdll.MaxPathSteps", "resdll.MaxStatesPerBlock"};

namespace {

/// The outcome of running the enabled rules over one translation unit.
struct TUAnalysis {
  std::once_flag Once;
  std::vector<std::string> Enabled;
  std::vector<Finding> Findings;
  std::vector<Notification> Notes;
};

/// The enabled rule a notification is about: the first one its message
/// names, else the first enabled rule.
StringRef noteOwner(const Notification &N,
                    const std::vector<std::string> &Enabled) {
  for (const std::string &Id : Enabled)
    if (StringRef(N.Message).contains(Id))
      return Id;
  return Enabled.empty() ? StringRef() : StringRef(Enabled.front());
}

/// The analyses of the translation units being checked, by ASTContext: the
/// first check of a TU runs the rules, the others reuse the result, and the
/// entry goes at the end of the TU (clangd-style hosts check several TUs at
/// once, each with its own ASTContext).
class SharedAnalyses {
public:
  std::shared_ptr<TUAnalysis> get(const ASTContext *Ctx) {
    std::lock_guard<std::mutex> Lock(Mu);
    std::shared_ptr<TUAnalysis> &A = ByContext[Ctx];
    if (!A)
      A = std::make_shared<TUAnalysis>();
    return A;
  }
  void release(const ASTContext *Ctx) {
    std::lock_guard<std::mutex> Lock(Mu);
    ByContext.erase(Ctx);
  }

private:
  std::mutex Mu;
  llvm::DenseMap<const ASTContext *, std::shared_ptr<TUAnalysis>> ByContext;
};

SharedAnalyses &sharedAnalyses() {
  static SharedAnalyses S;
  return S;
}

/// API models read from resdll.ApiModelFile, by path and modification time
/// (a long-running host sees edits).
class ApiModelFiles {
public:
  llvm::Expected<std::shared_ptr<const ApiModel>> load(StringRef Path) {
    llvm::sys::fs::file_status St;
    if (std::error_code EC = llvm::sys::fs::status(Path, St))
      return llvm::createStringError(EC, "cannot read API model file '%s': %s",
                                     Path.str().c_str(), EC.message().c_str());
    std::string Key =
        Path.str() + '\0' +
        std::to_string(
            llvm::sys::toTimeT(St.getLastModificationTime()));
    std::lock_guard<std::mutex> Lock(Mu);
    auto It = Models.find(Key);
    if (It != Models.end())
      return It->second;
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
        llvm::MemoryBuffer::getFile(Path);
    if (!Buf)
      return llvm::createStringError(Buf.getError(),
                                     "cannot read API model file '%s': %s",
                                     Path.str().c_str(),
                                     Buf.getError().message().c_str());
    auto M = std::make_shared<ApiModel>(ApiModel::builtin());
    if (llvm::Error E = M->addYAML((*Buf)->getBuffer(), Path))
      return E;
    Models[Key] = M;
    return std::shared_ptr<const ApiModel>(M);
  }

private:
  std::mutex Mu;
  llvm::StringMap<std::shared_ptr<const ApiModel>> Models;
};

ApiModelFiles &apiModelFiles() {
  static ApiModelFiles F;
  return F;
}

/// A relative resdll.ApiModelFile is looked up from the main file's
/// directory upward, as clang-tidy finds .clang-tidy: the file can sit next
/// to the .clang-tidy that names it.
std::string resolveApiModelFile(StringRef Value, const SourceManager &SM) {
  if (llvm::sys::path::is_absolute(Value))
    return Value.str();
  SmallString<256> Main;
  if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(SM.getMainFileID())) {
    Main = FE->getFileEntry().tryGetRealPathName();
    if (Main.empty())
      Main = FE->getName();
  }
  llvm::sys::fs::make_absolute(Main);
  for (StringRef Dir = llvm::sys::path::parent_path(Main); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, Value);
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
  }
  return Value.str();
}

SourceLocation locationOf(const SourceManager &SM, StringRef File,
                          unsigned Line, unsigned Column) {
  if (File.empty() || Line == 0)
    return SourceLocation();
  OptionalFileEntryRef FE = SM.getFileManager().getOptionalFileRef(File);
  if (!FE)
    return SourceLocation();
  FileID FID = SM.translateFile(*FE);
  if (FID.isInvalid())
    return SourceLocation();
  return SM.translateLineCol(FID, Line, Column ? Column : 1);
}

bool isBoolDefault(StringRef Default) {
  return Default == "true" || Default == "false";
}

/// clang-tidy's reading of a boolean option: YAML booleans, or a number.
std::optional<bool> parseBoolOption(StringRef Value) {
  if (std::optional<bool> B = llvm::yaml::parseBool(Value))
    return B;
  long long N;
  if (!Value.getAsInteger(10, N))
    return N != 0;
  return std::nullopt;
}

/// The options of the enabled rules and of the module, as RuleOptions:
/// booleans in clang-tidy's syntax become "true"/"false" (an invalid one is
/// left out, so the rule uses its default, as the check's warning says).
RuleOptions ruleOptions(const ClangTidyOptions::OptionMap &CheckOptions,
                        const std::vector<std::string> &Enabled) {
  RuleOptions Opts;
  for (const auto &Entry : CheckOptions)
    if (Entry.getKey().starts_with("resdll"))
      Opts.set(Entry.getKey(), Entry.getValue().Value);
  for (const std::string &Id : Enabled)
    if (const RuleInfo *R = findRule(Id))
      for (const auto &[Opt, Default] : R->Options) {
        std::string Key = Id + "." + Opt.str();
        std::optional<std::string> Raw = Opts.get(Key);
        if (!Raw || !isBoolDefault(Default))
          continue;
        std::optional<bool> B = parseBoolOption(*Raw);
        Opts.set(Key, B ? (*B ? "true" : "false") : Default);
      }
  return Opts;
}

} // namespace

RuleCheck::RuleCheck(StringRef Name, ClangTidyContext *Context,
                     const RuleInfo &Info)
    : ClangTidyCheck(Name, Context), Context(Context), Info(Info) {
  // Reading each option through clang-tidy records it for --verify-config;
  // a bad boolean gets clang-tidy's configuration warning. The shared
  // analysis reads the options of every enabled rule the same way
  // (ruleOptions()), whichever check runs it.
  for (const auto &[Opt, Default] : Info.Options) {
    std::string Value = Default.str();
    std::optional<StringRef> Raw = Options.get(Opt);
    if (Raw && isBoolDefault(Default)) {
      if (std::optional<bool> B = parseBoolOption(*Raw))
        Value = *B ? "true" : "false";
      else
        configurationDiag("invalid configuration value '%0' for option "
                          "'%1'; expected a bool")
            << *Raw << (Name + "." + Opt).str();
    } else if (Raw) {
      Value = Raw->str();
    }
    OptionValues.emplace_back(Opt.str(), Value);
  }
  if (llvm::StringSet<> *Collector = Context->getOptionsCollector())
    for (const char *Key : ModuleOptionKeys)
      Collector->insert(Key);
}

void RuleCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[Opt, Value] : OptionValues)
    Options.store(Opts, Opt, Value);
}

void RuleCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void RuleCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  Current = &Ctx;
  std::shared_ptr<TUAnalysis> A = sharedAnalyses().get(&Ctx);
  std::call_once(A->Once, [&] {
    // The rules enabled for this file, in registry order.
    std::vector<std::string> Enabled;
    for (const RuleInfo &R : allRules())
      if (Context->isCheckEnabled(R.Id))
        Enabled.push_back(R.Id.str());
    // The options of every rule and of the module, as the CLI passes them.
    RuleOptions Opts = ruleOptions(Context->getOptions().CheckOptions, Enabled);
    std::shared_ptr<const ApiModel> Api(&ApiModel::builtin(),
                                        [](const ApiModel *) {});
    if (std::optional<std::string> File = Opts.get("resdll.ApiModelFile");
        File && !File->empty()) {
      std::string Path = resolveApiModelFile(*File, *Result.SourceManager);
      llvm::Expected<std::shared_ptr<const ApiModel>> M =
          apiModelFiles().load(Path);
      if (M)
        Api = *M;
      else
        configurationDiag("%0; using the built-in API model")
            << llvm::toString(M.takeError());
    }
    AnalyzerOutput Out = analyzeAST(Ctx, Enabled, Opts, *Api);
    A->Findings = std::move(Out.Findings);
    A->Notes = std::move(Out.Notifications);
    A->Enabled = std::move(Enabled);
  });
  for (const Finding &F : A->Findings)
    if (F.RuleId == Info.Id)
      emit(F, *Result.SourceManager);
  // What the CLI prints besides findings (a function whose analysis stopped
  // at the path budget) is a remark of the rule it names.
  for (const Notification &N : A->Notes)
    if (noteOwner(N, A->Enabled) == Info.Id) {
      SourceLocation L = locationOf(*Result.SourceManager, N.Loc.File,
                                    N.Loc.Line, N.Loc.Column);
      (L.isValid() ? diag(L, "%0", DiagnosticIDs::Remark)
                   : diag("%0", DiagnosticIDs::Remark))
          << N.Message;
    }
}

void RuleCheck::onEndOfTranslationUnit() {
  if (Current)
    sharedAnalyses().release(Current);
  Current = nullptr;
}

void RuleCheck::emit(const Finding &F, const SourceManager &SM) {
  SourceLocation Loc =
      locationOf(SM, F.Primary.File, F.Primary.Line, F.Primary.Column);
  {
    // The message is an argument, not a format: it quotes source text.
    DiagnosticBuilder D = Loc.isValid() ? diag(Loc, "%0") : diag("%0");
    D << F.Message;
    if (Loc.isValid() && F.Primary.EndLine) {
      SourceLocation End = locationOf(SM, F.Primary.File, F.Primary.EndLine,
                                      F.Primary.EndColumn);
      if (End.isValid() && SM.isBeforeInTranslationUnit(Loc, End))
        D << CharSourceRange::getCharRange(Loc, End);
    }
    if (F.hasFix()) {
      OptionalFileEntryRef FE =
          SM.getFileManager().getOptionalFileRef(F.FixFile);
      FileID FID = FE ? SM.translateFile(*FE) : FileID();
      if (FID.isValid()) {
        SourceLocation B = SM.getComposedLoc(FID, F.FixOffset);
        if (F.FixLength == 0)
          D << FixItHint::CreateInsertion(B, F.FixReplacement);
        else
          D << FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(B,
                                            B.getLocWithOffset(F.FixLength)),
              F.FixReplacement);
      }
    }
  }
  // Path steps first, then related locations: the CLI's order.
  for (const std::vector<Note> *Notes : {&F.Path, &F.Related})
    for (const Note &N : *Notes) {
      SourceLocation NL =
          locationOf(SM, N.Loc.File, N.Loc.Line, N.Loc.Column);
      if (NL.isValid())
        diag(NL, "%0", DiagnosticIDs::Note) << N.Message;
      else
        diag("%0", DiagnosticIDs::Note) << N.Message;
    }
}

} // namespace tidy
} // namespace resdll
