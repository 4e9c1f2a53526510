//===- OpenV2NullWithoutSetLastError.cpp - rule 1 -------------------------===//
//
// OpenV2: "If the operation was not successful, returns NULL. Call
// SetLastError to specify that an error has occurred."
//
// The rule follows the thread's last-error value along every path of each
// registered Open/OpenV2 entry point as a typestate:
//   Unknown   nothing on this path set it (the entry state)
//   Set       SetLastError(x), x not known to be zero, or a DLL helper whose
//             summary says it sets it on every path
//   Zero      SetLastError(ERROR_SUCCESS / 0 / a variable that is 0 here)
//   Clobbered set, then a call that may overwrite it (API model, a helper,
//             a destructor)
//   Pending   an API of the model that sets it on failure was called; it
//             counts as set on the branch that tested the failure value
// and reports each null return reached in a state other than Set.
//
//===----------------------------------------------------------------------===//
#include "OpenV2NullWithoutSetLastError.h"
#include "LastErrorFix.h"
#include "Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include <map>

using namespace clang;

namespace resdll {

namespace {

enum LEKind : uintptr_t {
  LE_Unknown = 0,
  LE_Set,
  LE_Zero,
  LE_Clobbered,
  LE_Pending,
  LE_Entry, // summaries only: the caller's value, untouched
};

// RuleState layout: [kind, set site, clobber site / pending call, clobberer]
struct LE {
  LEKind Kind = LE_Unknown;
  const Stmt *SetSite = nullptr;
  const Stmt *Other = nullptr;
  const FunctionDecl *Clobberer = nullptr;

  static LE from(const RuleState &R) {
    LE L;
    L.Kind = LEKind(R[0]);
    L.SetSite = reinterpret_cast<const Stmt *>(R[1]);
    L.Other = reinterpret_cast<const Stmt *>(R[2]);
    L.Clobberer = reinterpret_cast<const FunctionDecl *>(R[3]);
    return L;
  }
  void store(RuleState &R) const {
    R.assign({uintptr_t(Kind), reinterpret_cast<uintptr_t>(SetSite),
              reinterpret_cast<uintptr_t>(Other),
              reinterpret_cast<uintptr_t>(Clobberer)});
  }
};

bool isSetLastError(const FunctionDecl *FD) {
  const IdentifierInfo *II = FD ? FD->getIdentifier() : nullptr;
  return II && FD->getNumParams() >= 1 &&
         (II->getName() == "SetLastError" ||
          II->getName() == "RtlSetLastWin32Error");
}

class LastErrorObserver : public PathObserver {
public:
  LastErrorObserver(OpenV2NullWithoutSetLastError &R, AnalysisContext &AC,
                    const EntryPoint *EP)
      : R(R), AC(AC), EP(EP) {}

  // Entry-point mode results.
  std::map<const ReturnStmt *, Finding> Findings;
  std::vector<const ReturnStmt *> Order;
  // The fix (LastErrorFix.h): the entry point's error-code variables, those
  // nonzero on every path to each null return, and for each return reported
  // as "missing" the ones its path tested, newest first.
  llvm::SmallVector<const DeclRefExpr *, 4> StatusVars;
  std::map<const ReturnStmt *, llvm::SmallVector<const VarDecl *, 2>>
      NonZeroStatus;
  std::map<const ReturnStmt *, llvm::SmallVector<const VarDecl *, 4>>
      FixCandidates;
  // Summary mode results.
  OpenV2NullWithoutSetLastError::Summary Sum;
  bool SawExit = false;

  void initialState(PathState &S, PathContext &) override {
    LE L;
    L.Kind = EP ? LE_Unknown : LE_Entry;
    L.store(S.Rule);
  }

  void onCall(const CallExpr *CE, PathState &S, PathContext &C) override {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return; // through a pointer: the monitor's callbacks and the like
    if (isSetLastError(Callee)) {
      LE L;
      SymValue V = C.eval(CE->getArg(0), S);
      std::optional<int64_t> K = S.F.known(V);
      L.Kind = K && *K == 0 ? LE_Zero : LE_Set;
      L.SetSite = CE;
      L.store(S.Rule);
      return;
    }
    applyCallee(Callee, CE, S, C);
  }

  void onConstruct(const CXXConstructExpr *CE, PathState &S,
                   PathContext &C) override {
    applyCallee(CE->getConstructor(), CE, S, C);
  }

  void onDestructor(const CXXDestructorDecl *DD, const Stmt *Trigger,
                    PathState &S, PathContext &C) override {
    if (AC.isDllFunction(DD))
      if (const auto *Summary = R.summaryOf(AC, definitionOf(DD)))
        applySummary(*Summary, Trigger, DD, S, C);
  }

  void onExit(PathState &S, PathContext &C) override {
    LE L = LE::from(S.Rule);
    if (!EP) {
      SawExit = true;
      switch (L.Kind) {
      case LE_Entry: Sum.LeavesUnchanged = true; break;
      case LE_Set: Sum.Sets = true; break;
      case LE_Zero: Sum.SetsZero = true; break;
      default: Sum.Unknown = true; break;
      }
      return;
    }
    if (!S.Return)
      return;
    std::optional<int64_t> K = S.F.known(S.ReturnValue);
    if (!K || *K != 0)
      return; // not a null return on this path
    noteNonZeroStatus(S, C);
    if (Findings.count(S.Return))
      return; // a return is reported once
    if (L.Kind == LE_Set)
      return;
    if (L.Kind == LE_Pending) {
      if (pendingFailed(L, S, C))
        return; // the API's failure set the last error on this branch
      if (L.SetSite) {
        L.Kind = LE_Clobbered;
        L.Clobberer = cast<CallExpr>(L.Other)->getDirectCallee();
      } else {
        L.Kind = LE_Unknown;
      }
    }
    report(L, S);
  }

  /// The error-code variable the fix of RS may set the last error from.
  const VarDecl *fixVariable(const ReturnStmt *RS) const {
    auto C = FixCandidates.find(RS);
    auto N = NonZeroStatus.find(RS);
    if (C == FixCandidates.end() || N == NonZeroStatus.end())
      return nullptr;
    for (const VarDecl *V : C->second)
      if (llvm::is_contained(N->second, V))
        return V;
    return N->second.size() == 1 ? N->second.front() : nullptr;
  }

private:
  void noteNonZeroStatus(const PathState &S, PathContext &C) {
    llvm::SmallVector<const VarDecl *, 2> Now;
    for (const DeclRefExpr *DRE : StatusVars) {
      SymValue V = C.eval(DRE, S);
      std::optional<int64_t> K = S.F.known(V);
      if (K ? *K != 0 : V.isSym() && !S.F.mayEqual(V, 0))
        Now.push_back(cast<VarDecl>(DRE->getDecl()));
    }
    auto [It, New] = NonZeroStatus.try_emplace(S.Return, Now);
    if (!New)
      llvm::erase_if(It->second, [&](const VarDecl *V) {
        return !llvm::is_contained(Now, V);
      });
  }

  void applyCallee(const FunctionDecl *Callee, const Stmt *Site, PathState &S,
                   PathContext &C) {
    if (!Callee)
      return;
    if (AC.isDllFunction(Callee)) {
      if (const auto *Summary = R.summaryOf(AC, definitionOf(Callee)))
        applySummary(*Summary, Site, Callee, S, C);
      return; // recursion or budget: unknown, taken not to overwrite
    }
    if (const ApiFunction *AF = AC.api().lookup(Callee)) {
      if (AF->SetsLastErrorOnFailure && AF->FailureValue) {
        LE Old = LE::from(S.Rule);
        if (pendingFailed(Old, S, C)) {
          Old.Kind = LE_Set;
          Old.SetSite = Old.Other;
        }
        LE L;
        L.Kind = LE_Pending;
        L.SetSite = Old.Kind == LE_Set ? Old.SetSite : nullptr;
        L.Other = Site;
        L.store(S.Rule);
        if (EP && L.SetSite)
          S.addEvent(Site,
                     clobbererName(Callee) + " may overwrite the last error");
      } else if (AF->mayOverwriteLastError()) {
        clobber(Site, Callee, S, C);
      }
      return;
    }
    if (R.unknownCallsClobber())
      clobber(Site, Callee, S, C);
  }

  /// Whether the pending API call of L is known to have failed on this path
  /// (so that, with Strict off, its failure set the last error).
  bool pendingFailed(const LE &L, const PathState &S, PathContext &C) {
    if (L.Kind != LE_Pending || R.strict())
      return false;
    const auto *Call = cast<CallExpr>(L.Other);
    const ApiFunction *AF = AC.api().lookup(Call->getDirectCallee());
    return AF && AF->FailureValue &&
           S.F.known(SymValue::symbol(C.symbolFor(Call))) == AF->FailureValue;
  }

  void clobber(const Stmt *Site, const FunctionDecl *By, PathState &S,
               PathContext &C) {
    LE L = LE::from(S.Rule);
    if (pendingFailed(L, S, C)) {
      // The failed API set the last error; it now counts as set by it.
      L.Kind = LE_Set;
      L.SetSite = L.Other;
    }
    if (L.Kind == LE_Set) {
      L.Kind = LE_Clobbered;
      L.Other = Site;
      L.Clobberer = By;
      L.store(S.Rule);
      if (EP)
        S.addEvent(Site, clobbererName(By) + " may overwrite the last error");
    } else if (L.Kind != LE_Clobbered) {
      LE U;
      U.Kind = LE_Unknown;
      U.store(S.Rule);
    }
  }

  void applySummary(const OpenV2NullWithoutSetLastError::Summary &Sum,
                    const Stmt *Site, const FunctionDecl *Callee,
                    PathState &S, PathContext &C) {
    LE Cur = LE::from(S.Rule);
    bool AllSet = !Sum.Unknown && !Sum.SetsZero &&
                  (!Sum.LeavesUnchanged || Cur.Kind == LE_Set);
    bool AllZero = !Sum.Unknown && !Sum.Sets &&
                   (!Sum.LeavesUnchanged || Cur.Kind == LE_Zero);
    if (Sum.LeavesUnchanged && !Sum.Sets && !Sum.SetsZero && !Sum.Unknown)
      return; // does not touch the last error
    if (AllSet && Sum.Sets) {
      LE L;
      L.Kind = LE_Set;
      L.SetSite = Sum.LeavesUnchanged ? Cur.SetSite : Site;
      L.store(S.Rule);
      return;
    }
    if (AllZero && Sum.SetsZero) {
      LE L;
      L.Kind = LE_Zero;
      L.SetSite = Sum.LeavesUnchanged ? Cur.SetSite : Site;
      L.store(S.Rule);
      return;
    }
    clobber(Site, Callee, S, C);
  }

  static std::string setterDescription(const Stmt *SetSite) {
    const auto *CE = dyn_cast_or_null<CallExpr>(SetSite);
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    if (!FD || isSetLastError(FD))
      return "the last error is set here";
    return "'" + displayName(FD) + "' sets the last error here";
  }

  static std::string clobbererName(const FunctionDecl *FD) {
    if (const auto *DD = dyn_cast_or_null<CXXDestructorDecl>(FD))
      return "the destructor of '" + DD->getParent()->getNameAsString() + "'";
    return "'" + displayName(FD) + "'";
  }

  void report(const LE &L, PathState &S) {
    const ReturnStmt *RS = S.Return;
    const LocationFactory &LF = AC.locations();
    std::string Kind = entryKindName(EP->Kind).str();
    std::string Head = Kind + " entry point '" + displayName(EP->Function) +
                       "' returns NULL ('" + LF.text(RS) + "')";
    FindingBuilder B(AC, OpenV2NullWithoutSetLastError::Id, EP->Function);
    B.at(RS).path(S.T);
    switch (L.Kind) {
    case LE_Zero:
      B.message(Head + " after SetLastError sets the last error to "
                       "ERROR_SUCCESS");
      B.related(L.SetSite, "the last error is set to ERROR_SUCCESS here");
      break;
    case LE_Clobbered: {
      unsigned Line = LF.of(L.SetSite).Line;
      B.message(Head + ", but the last error set at line " +
                std::to_string(Line) + " may be overwritten by " +
                clobbererName(L.Clobberer) + " before " + Kind +
                " returns NULL");
      B.related(L.SetSite, setterDescription(L.SetSite));
      B.related(L.Other, clobbererName(L.Clobberer) +
                             " may overwrite the last error here");
      break;
    }
    default:
      B.message(Head + " without calling SetLastError on this path");
      FixCandidates[RS] = errorCodeVariablesTested(AC, S.T);
      break;
    }
    B.registrations(*EP);
    Findings.emplace(RS, B.take());
    Order.push_back(RS);
  }

  OpenV2NullWithoutSetLastError &R;
  AnalysisContext &AC;
  const EntryPoint *EP; // null in summary mode
};

} // namespace

RuleInfo OpenV2NullWithoutSetLastError::info() {
  RuleInfo I;
  I.Id = Id;
  I.Title = "OpenV2 returns NULL without SetLastError";
  I.Description =
      "An Open or OpenV2 entry point returns NULL on a path where the "
      "thread's last-error value was not set to a nonzero error code (or was "
      "overwritten, or was set to ERROR_SUCCESS). The Resource Monitor reads "
      "the last error to learn why the resource could not be opened.";
  I.Contract = "If the operation was not successful, returns NULL. Call "
               "SetLastError to specify that an error has occurred.";
  I.Level = "error";
  I.Options = {{"Strict", "false"}, {"UnknownCallsClobber", "false"}};
  I.Create = [] { return std::make_unique<OpenV2NullWithoutSetLastError>(); };
  return I;
}

const OpenV2NullWithoutSetLastError::Summary *
OpenV2NullWithoutSetLastError::summaryOf(AnalysisContext &AC,
                                         const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  auto It = Summaries.find(FD);
  if (It != Summaries.end())
    return It->second ? &*It->second : nullptr;
  if (!InProgress.insert(FD).second)
    return nullptr; // recursion: unknown
  LastErrorObserver Obs(*this, AC, nullptr);
  EngineResult Res = runPathAnalysis(AC, FD, Obs);
  InProgress.erase(FD);
  std::optional<Summary> S;
  if (Res.Completed && Obs.SawExit)
    S = Obs.Sum;
  Summaries[FD] = S;
  return S ? &*Summaries[FD] : nullptr;
}

void OpenV2NullWithoutSetLastError::check(AnalysisContext &AC,
                                          std::vector<Finding> &Out) {
  std::string P = std::string(Id) + ".";
  Strict = AC.options().getBool(P + "Strict", false);
  UnknownCallsClobber = AC.options().getBool(P + "UnknownCallsClobber", false);
  for (const EntryPoint &EP : AC.model().entryPoints()) {
    if (EP.Kind != EntryKind::OpenV2 && EP.Kind != EntryKind::Open)
      continue;
    const FunctionDecl *FD = definitionOf(EP.Function);
    if (!FD || !AC.isDllFunction(FD))
      continue;
    LastErrorObserver Obs(*this, AC, &EP);
    Obs.StatusVars = errorCodeVariables(AC, FD);
    EngineResult Res = runPathAnalysis(AC, FD, Obs);
    if (!Res.Completed) {
      AC.reportBudgetHit(FD, Id);
      continue; // no finding is guessed
    }
    for (const ReturnStmt *RS : Obs.Order) {
      Finding &F = Obs.Findings[RS];
      addSetLastErrorFix(AC, FD, RS, Obs.fixVariable(RS), F);
      Out.push_back(std::move(F));
    }
  }
}

} // namespace resdll
