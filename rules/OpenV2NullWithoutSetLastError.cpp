//===- OpenV2NullWithoutSetLastError.cpp - rule 1 -------------------------===//
//
// OpenV2: "If the operation was not successful, returns NULL. Call
// SetLastError to specify that an error has occurred."
//
// The rule follows the thread's last-error value along every path of each
// registered Open/OpenV2 entry point as a typestate:
//   Unknown   nothing on this path set it (the entry state)
//   Set       SetLastError(x), x not known to be zero, or a DLL helper whose
//             summary says it sets it on the paths compatible with this one
//   Zero      SetLastError(ERROR_SUCCESS / 0 / a variable that is 0 here)
//   Clobbered set, then a call that may overwrite it (API model, a helper,
//             a destructor)
//   Pending   an API of the model that sets it on failure was called; it
//             counts as set on the branch that tested the failure value
// and reports each null return reached in a state other than Set.
//
// Functions of the DLL are summarised bottom-up with the same observer: each
// exit gives an Outcome (unchanged / sets / sets zero / overwrites) with what
// that path knew of the return value, of the parameters and of the fields
// they and 'this' reach. At a call (or construction, or destructor call)
// the outcomes compatible with the caller's path apply; when they differ
// the path is split, so `if (!Init(r)) return NULL;` follows Init's own
// paths. GetLastError() returns what the path knows was set.
//
//===----------------------------------------------------------------------===//
#include "OpenV2NullWithoutSetLastError.h"
#include "LastErrorFix.h"
#include "Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>
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

// RuleState layout: [kind | prior-pending << 8 | from-param << 16, set site,
//                    clobber site / pending call, clobberer]
struct LE {
  LEKind Kind = LE_Unknown;
  /// Summaries only, with Set: 1 + the index of the parameter whose entry
  /// value was passed to SetLastError (a caller passing zero sets zero).
  unsigned FromParam = 0;
  /// Pending only: SetSite is an earlier API call that set the last error
  /// only if it failed (the path may test that later).
  bool PriorPending = false;
  const Stmt *SetSite = nullptr;
  const Stmt *Other = nullptr;
  const FunctionDecl *Clobberer = nullptr;

  static LE from(const RuleState &R) {
    LE L;
    L.Kind = LEKind(R[0] & 0xff);
    L.PriorPending = (R[0] >> 8) & 1;
    L.FromParam = unsigned(R[0] >> 16);
    L.SetSite = reinterpret_cast<const Stmt *>(R[1]);
    L.Other = reinterpret_cast<const Stmt *>(R[2]);
    L.Clobberer = reinterpret_cast<const FunctionDecl *>(R[3]);
    return L;
  }
  void store(RuleState &R) const {
    R.assign({uintptr_t(Kind) | (uintptr_t(PriorPending) << 8) |
                  (uintptr_t(FromParam) << 16),
              reinterpret_cast<uintptr_t>(SetSite),
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

/// Adds "V == K" to a constraint; false if it contradicts it.
bool constrainEq(Constraint &C, int64_t K) {
  if (C.HasEq)
    return C.Eq == K;
  if (std::binary_search(C.Ne.begin(), C.Ne.end(), K))
    return false;
  C.HasEq = true;
  C.Eq = K;
  C.Ne.clear();
  return true;
}

/// Adds "V != K" to a constraint; false if it contradicts it.
bool constrainNe(Constraint &C, int64_t K) {
  if (C.HasEq)
    return C.Eq != K;
  auto It = std::lower_bound(C.Ne.begin(), C.Ne.end(), K);
  if ((It == C.Ne.end() || *It != K) && C.Ne.size() < Constraint::MaxNe)
    C.Ne.insert(It, K);
  return true;
}

/// Refines V in S with everything C says; false when S contradicts it.
bool assumeConstraint(PathState &S, SymValue V, const Constraint &C) {
  if (C.HasEq)
    return S.F.assume(V, C.Eq, true);
  for (int64_t K : C.Ne)
    if (!S.F.assume(V, K, false))
      return false;
  return true;
}

using Outcome = OpenV2NullWithoutSetLastError::Outcome;
using Summary = OpenV2NullWithoutSetLastError::Summary;

bool isGetLastError(const FunctionDecl *FD) {
  const IdentifierInfo *II = FD ? FD->getIdentifier() : nullptr;
  return II && FD->getNumParams() == 0 && II->getName() == "GetLastError";
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
  Summary Sum;
  bool SawExit = false;

  void initialState(PathState &S, PathContext &) override {
    LE L;
    L.Kind = EP ? LE_Unknown : LE_Entry;
    L.store(S.Rule);
  }

  void onCall(const CallExpr *CE, PathState &S, PathContext &C) override {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee) {
      // Through a pointer. The monitor's callbacks (LogEvent,
      // SetResourceStatusEx, ...) keep the last error; any other target is
      // unknown, a clobber only when the UnknownCallsClobber option says so.
      if (R.unknownCallsClobber() && !AC.model().callbackAt(CE))
        clobber(CE, nullptr, S, C);
      return;
    }
    if (isSetLastError(Callee)) {
      SymValue V = C.eval(CE->getArg(0), S);
      setLastError(CE, V, S, C);
      return;
    }
    if (isGetLastError(Callee)) {
      readLastError(CE, S, C);
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
      if (const Summary *Sum = R.summaryOf(AC, definitionOf(DD)))
        applySummary(*Sum, Trigger, DD, S, C);
  }

  void onExit(PathState &S, PathContext &C) override {
    LE L = LE::from(S.Rule);
    if (!EP) {
      SawExit = true;
      summarise(L, S, C);
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
    L = settle(L, S, C); // a pending API: did its failure set it here?
    if (L.Kind == LE_Set)
      return;
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

  /// GetLastError() returns what the path set: zero after a zero
  /// SetLastError, the value passed to SetLastError, and a nonzero code
  /// after an API of the model failed (whatever --strict says about
  /// accepting that failure as the entry point's error).
  void readLastError(const CallExpr *CE, PathState &S, PathContext &C) {
    SymValue Result = SymValue::symbol(C.symbolFor(CE));
    LE L = LE::from(S.Rule);
    if (L.Kind == LE_Pending) {
      if (callFailed(L.Other, S, C, /*EvenIfStrict=*/true))
        S.F.assume(Result, 0, false);
      return;
    }
    if (L.Kind == LE_Zero) {
      S.F.assume(Result, 0, true);
      return;
    }
    if (L.Kind != LE_Set)
      return;
    const auto *Setter = dyn_cast_or_null<CallExpr>(L.SetSite);
    const FunctionDecl *FD = Setter ? Setter->getDirectCallee() : nullptr;
    if (!FD)
      return;
    if (isSetLastError(FD)) {
      SymValue V = C.eval(Setter->getArg(0), S);
      if (std::optional<int64_t> K = S.F.known(V))
        S.F.assume(Result, *K, true);
      else if (V.isSym() && !S.F.mayEqual(V, 0))
        S.F.assume(Result, 0, false);
    } else if (const ApiFunction *AF = AC.api().lookup(FD)) {
      if (AF->SetsLastErrorOnFailure)
        S.F.assume(Result, 0, false); // set by the API's failure
    }
  }

  /// SetLastError(V) at Site: zero when V is known to be zero here, set
  /// otherwise. In a summary, a parameter's entry value is remembered, so
  /// that each caller decides with its own argument.
  void setLastError(const Stmt *Site, SymValue V, PathState &S,
                    PathContext &C) {
    LE L;
    std::optional<int64_t> K = S.F.known(V);
    L.Kind = K && *K == 0 ? LE_Zero : LE_Set;
    L.SetSite = Site;
    if (!EP && L.Kind == LE_Set && V.isSym()) {
      const FunctionDecl *FD = C.function();
      for (unsigned I = 0; I < FD->getNumParams(); ++I)
        if (C.isTracked(FD->getParamDecl(I)) &&
            V.S == C.symbolFor(FD->getParamDecl(I)))
          L.FromParam = I + 1;
    }
    L.store(S.Rule);
  }

  /// Summary mode: records how this exit leaves the last error, with what
  /// the path knows of the return value and of the parameters.
  void summarise(const LE &L, const PathState &S, PathContext &C) {
    Outcome O;
    if (S.ReturnValue.isConst())
      constrainEq(O.Ret, S.ReturnValue.C);
    else if (S.ReturnValue.isSym())
      if (const Constraint *RC = S.F.constraintOf(S.ReturnValue.S))
        O.Ret = *RC;
    C.forEachEntrySlot([&](const SlotRef &Ref, SymbolId Entry) {
      if (const Constraint *EC = S.F.constraintOf(Entry))
        O.Entry.push_back({Ref, *EC});
    });
    switch (L.Kind) {
    case LE_Entry:
      O.Effect = Outcome::Unchanged;
      break;
    case LE_Set:
      O.Effect = Outcome::Sets;
      O.FromParam = L.FromParam;
      break;
    case LE_Zero:
      O.Effect = Outcome::SetsZero;
      break;
    case LE_Pending: {
      O.Effect = Outcome::Overwrites;
      if (settle(L, S, C).Kind == LE_Set) {
        O.Effect = Outcome::Sets;
        break;
      }
      // `return CreateEventW(...)` or `h = LocalAlloc(...); return h;`: the
      // helper sets the last error exactly when it returns the API's
      // failure value (its callers test that, as they would the API's).
      const auto *Call = cast<CallExpr>(L.Other);
      const ApiFunction *AF = AC.api().lookup(Call->getDirectCallee());
      if (!R.strict() && AF && AF->FailureValue && S.ReturnValue.isSym() &&
          S.ReturnValue.S == C.symbolFor(Call)) {
        Outcome Failed = O;
        if (constrainEq(Failed.Ret, *AF->FailureValue)) {
          Failed.Effect = Outcome::Sets;
          Sum.add(Failed);
        }
        if (!constrainNe(O.Ret, *AF->FailureValue))
          return;
      }
      break;
    }
    default:
      O.Effect = Outcome::Overwrites;
      break;
    }
    Sum.add(O);
  }

  void applyCallee(const FunctionDecl *Callee, const Stmt *Site, PathState &S,
                   PathContext &C) {
    if (!Callee)
      return;
    if (AC.isDllFunction(Callee)) {
      if (const Summary *Sum = R.summaryOf(AC, definitionOf(Callee)))
        applySummary(*Sum, Site, Callee, S, C);
      return; // recursion or budget: unknown, taken not to overwrite
    }
    if (const ApiFunction *AF = AC.api().lookup(Callee)) {
      if (AF->SetsLastErrorOnFailure && AF->FailureValue) {
        // Pending: set if this call fails (and the path tests that),
        // otherwise it may have overwritten what was set before: the value
        // set before, or an earlier pending call whose failure the path may
        // still test.
        LE Old = LE::from(S.Rule);
        if (Old.Kind == LE_Pending && callFailed(Old.Other, S, C)) {
          Old.Kind = LE_Set;
          Old.SetSite = Old.Other;
        }
        LE L;
        L.Kind = LE_Pending;
        L.Other = Site;
        if (Old.Kind == LE_Set) {
          L.SetSite = Old.SetSite;
        } else if (Old.Kind == LE_Pending) {
          L.SetSite = Old.SetSite ? Old.SetSite : Old.Other;
          L.PriorPending = Old.SetSite ? Old.PriorPending : true;
        }
        L.store(S.Rule);
        if (EP && L.SetSite && !L.PriorPending)
          S.addEvent(Site, clobbererName(Callee, Site) +
                               " may overwrite the last error");
      } else if (AF->mayOverwriteLastError()) {
        clobber(Site, Callee, S, C);
      }
      return;
    }
    if (R.unknownCallsClobber())
      clobber(Site, Callee, S, C);
  }

  /// Whether the API call at Site (of the model, setting the last error on
  /// failure) is known to have returned its failure value on this path, so
  /// that, with Strict off, its failure set the last error.
  bool callFailed(const Stmt *Site, const PathState &S, PathContext &C,
                  bool EvenIfStrict = false) {
    const auto *Call = dyn_cast_or_null<CallExpr>(Site);
    if (!Call || (R.strict() && !EvenIfStrict))
      return false;
    const ApiFunction *AF = AC.api().lookup(Call->getDirectCallee());
    return AF && AF->SetsLastErrorOnFailure && AF->FailureValue &&
           S.F.known(SymValue::symbol(C.symbolFor(Call))) == AF->FailureValue;
  }

  /// What a pending API call means on this path now: set by its failure,
  /// or a value set before it that it may have overwritten (clobbered), or
  /// unknown. Other states are returned as they are.
  LE settle(const LE &L, const PathState &S, PathContext &C) {
    if (L.Kind != LE_Pending)
      return L;
    LE R;
    if (callFailed(L.Other, S, C)) {
      R.Kind = LE_Set;
      R.SetSite = L.Other;
    } else if (L.SetSite &&
               (!L.PriorPending || callFailed(L.SetSite, S, C))) {
      R.Kind = LE_Clobbered;
      R.SetSite = L.SetSite;
      R.Other = L.Other;
      R.Clobberer = cast<CallExpr>(L.Other)->getDirectCallee();
    }
    return R;
  }

  void clobber(const Stmt *Site, const FunctionDecl *By, PathState &S,
               PathContext &C) {
    LE L = settle(LE::from(S.Rule), S, C);
    if (L.Kind == LE_Set) {
      L.Kind = LE_Clobbered;
      L.FromParam = 0;
      L.Other = Site;
      L.Clobberer = By;
      L.store(S.Rule);
      if (EP)
        S.addEvent(Site,
                   clobbererName(By, Site) + " may overwrite the last error");
    } else if (L.Kind == LE_Clobbered) {
      L.store(S.Rule); // already overwritten: the first overwrite is named
    } else {
      LE U;
      U.Kind = LE_Unknown;
      U.store(S.Rule);
    }
  }

  /// Applies a callee's summary at its call (or construction, or implicit
  /// destructor call). Outcomes that leave the last error alike are applied
  /// as one; outcomes that differ split the path, each split constrained by
  /// what that outcome says of the arguments and of the result, so that a
  /// later test of the result picks the right one.
  void applySummary(const Summary &Sum, const Stmt *Site,
                    const FunctionDecl *Callee, PathState &S, PathContext &C) {
    const auto *Call = dyn_cast_or_null<CallExpr>(Site);
    llvm::SmallVector<PathState, 4> Results;
    for (const Outcome &O : Sum.Outcomes) {
      PathState N = S;
      bool Feasible = true;
      if (Call && !O.Ret.empty())
        Feasible = assumeConstraint(N, SymValue::symbol(C.symbolFor(Call)),
                                    O.Ret);
      for (const auto &[Ref, EC] : O.Entry) {
        if (!Feasible)
          break;
        // The caller's value for the callee's entry slot: an argument, or
        // a field of the object or of what a pointer argument points to.
        SymValue V;
        if (Slot K = C.callerSlot(Site, Callee, Ref))
          V = C.valueOf(K, N);
        else if (Ref.Param >= 0 && Ref.Path.empty())
          if (const Expr *Arg = PathContext::argumentOf(Site, Callee, Ref.Param))
            V = C.eval(Arg, N);
        Feasible = assumeConstraint(N, V, EC);
      }
      if (!Feasible)
        continue;
      applyEffect(O, Site, Callee, N, C);
      // A result that does not tell this outcome from one that sets the
      // error: say at the call that the callee may not set it.
      if (EP && O.Effect != Outcome::Sets &&
          llvm::any_of(Sum.Outcomes, [&](const Outcome &Other) {
            return Other.Effect == Outcome::Sets && Other.Ret == O.Ret;
          }))
        N.addEvent(Site, clobbererName(Callee, Site) +
                             " may return without setting the last error");
      if (llvm::any_of(Results,
                       [&](const PathState &P) { return P.sameAs(N); }))
        continue;
      Results.push_back(std::move(N));
    }
    if (Results.empty()) {
      // No outcome fits this path (the summary lost precision): the callee
      // may have done anything to the last error.
      clobber(Site, Callee, S, C);
      return;
    }
    bool AllAlike = llvm::all_of(Results, [&](const PathState &P) {
      return P.Rule == Results.front().Rule;
    });
    if (AllAlike) {
      // Nothing to tell apart: keep the path's facts as they were.
      S.Rule = Results.front().Rule;
      S.T = Results.front().T;
      return;
    }
    S = std::move(Results.front());
    for (size_t I = 1; I < Results.size(); ++I)
      C.split(std::move(Results[I]));
  }

  void applyEffect(const Outcome &O, const Stmt *Site,
                   const FunctionDecl *Callee, PathState &S, PathContext &C) {
    switch (O.Effect) {
    case Outcome::Unchanged:
      return;
    case Outcome::Sets:
      if (O.FromParam)
        if (const Expr *Arg = PathContext::argumentOf(Site, Callee, O.FromParam - 1)) {
          // The callee passed this argument to SetLastError.
          setLastError(Site, C.eval(Arg, S), S, C);
          return;
        }
      [[fallthrough]];
    case Outcome::SetsZero: {
      LE L;
      L.Kind = O.Effect == Outcome::Sets ? LE_Set : LE_Zero;
      L.SetSite = Site;
      L.store(S.Rule);
      return;
    }
    case Outcome::Overwrites:
      clobber(Site, Callee, S, C);
      return;
    }
  }

  std::string setterDescription(const Stmt *SetSite) const {
    const auto *CE = dyn_cast_or_null<CallExpr>(SetSite);
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    if (const auto *CCE = dyn_cast_or_null<CXXConstructExpr>(SetSite))
      FD = CCE->getConstructor();
    if (!FD || isSetLastError(FD))
      return "the last error is set here";
    return clobbererName(FD, SetSite) + " sets the last error here";
  }

  /// SetLastError, RtlSetLastWin32Error, or the DLL's helper in quotes.
  std::string zeroSetterName(const Stmt *SetSite) const {
    const auto *CE = dyn_cast_or_null<CallExpr>(SetSite);
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    if (!FD)
      return "SetLastError";
    if (isSetLastError(FD))
      return FD->getName().str();
    return clobbererName(FD, SetSite);
  }

  std::string zeroSetterDescription(const Stmt *SetSite) const {
    const auto *CE = dyn_cast_or_null<CallExpr>(SetSite);
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    if (!FD || isSetLastError(FD))
      return "the last error is set to ERROR_SUCCESS here";
    return clobbererName(FD, SetSite) +
           " sets the last error to ERROR_SUCCESS here";
  }

  /// How a message names the function called at Site: 'CloseHandle', the
  /// destructor of 'KeyHolder', or the call through 'pfn'.
  std::string clobbererName(const FunctionDecl *FD, const Stmt *Site) const {
    if (const auto *DD = dyn_cast_or_null<CXXDestructorDecl>(FD))
      return "the destructor of '" + DD->getParent()->getNameAsString() + "'";
    if (!FD) {
      if (const auto *CE = dyn_cast_or_null<CallExpr>(Site))
        return "the call through '" +
               AC.locations().text(CE->getCallee()) + "'";
      return "a call";
    }
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
      B.message(Head + " after " + zeroSetterName(L.SetSite) +
                " sets the last error to ERROR_SUCCESS");
      B.related(L.SetSite, zeroSetterDescription(L.SetSite),
                zeroSetterName(L.SetSite));
      break;
    case LE_Clobbered: {
      unsigned Line = LF.of(L.SetSite).Line;
      std::string By = clobbererName(L.Clobberer, L.Other);
      B.message(Head + ", but the last error set at line " +
                std::to_string(Line) + " may be overwritten by " + By +
                " before " + Kind + " returns NULL");
      B.related(L.SetSite, setterDescription(L.SetSite),
                "line " + std::to_string(Line));
      B.related(L.Other, By + " may overwrite the last error here", By);
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

void OpenV2NullWithoutSetLastError::Summary::add(const Outcome &O) {
  if (llvm::is_contained(Outcomes, O))
    return;
  Outcomes.push_back(O);
  if (Outcomes.size() <= MaxOutcomes)
    return;
  // Too many ways out to keep apart: forget what the paths said of the
  // return value and the parameters, keep one outcome per effect.
  std::vector<Outcome> Coarse;
  for (Outcome Old : Outcomes) {
    Old.Ret = Constraint();
    Old.Entry.clear();
    if (!llvm::is_contained(Coarse, Old))
      Coarse.push_back(Old);
  }
  Outcomes = std::move(Coarse);
}

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
  I.Name = "OpenV2NullWithoutSetLastError";
  // CWE-392: Missing Report of Error Condition.
  I.Tags = {"correctness", "reliability", "resource-dll",
            "external/cwe/cwe-392"};
  I.Precision = "high";
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
    S = std::move(Obs.Sum);
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
