//===- WorkerIgnoresTerminate.cpp - rule 3 --------------------------------===//
//
// RESOURCE_EXIT_STATE: "ResourceExitStateTerminate - The resource has been
// terminated. Callers should end OnlineV2 or OfflineV2 operations and
// immediately terminate all worker threads that are assigned to the
// resource."
//
// Every status-callback call (SetResourceStatusEx, V1 SetResourceStatus)
// opens an obligation on the path: while its exit state is or may be
// ResourceExitStateTerminate, the function must return. The obligation is
// part of the path's typestate:
//   [kind | discarded | test, call site, test constant]
// kind Direct (the call itself), Helper (a DLL function whose summary says
// its return value carries the exit state, with the test that tells
// Terminate), or Swallowed (a DLL function that discards an exit state that
// may be Terminate). The engine's facts on the call's result symbol decide
// whether the path is a Terminate path: a branch that establishes
// "not Terminate" discharges the obligation. Another status call, a
// blocking wait (API model, or a DLL function or destructor that may block)
// or a loop back edge while the obligation holds is a finding, reported at
// the call that opened it.
//
// The same run of a function computes its summary for callers: how its
// return value tells Terminate (the exit state itself, a comparison of it,
// or a constant returned only on Terminate paths), or that it swallows one.
//
//===----------------------------------------------------------------------===//
#include "WorkerIgnoresTerminate.h"
#include "Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceManager.h"
#include <map>
#include <set>

using namespace clang;

namespace resdll {

namespace {

constexpr int64_t ExitStateContinue = 0;  // ResourceExitStateContinue
constexpr int64_t ExitStateTerminate = 1; // ResourceExitStateTerminate

using TerminateTest = WorkerIgnoresTerminate::TerminateTest;

enum ObKind : uintptr_t { OB_None = 0, OB_Direct, OB_Helper, OB_Swallowed };

struct Obligation {
  ObKind Kind = OB_None;
  bool Discarded = false;
  /// The value was stored in a local or a field: once no slot holds it any
  /// more (overwritten, invalidated by a call, lost in a join) the path can
  /// no longer test it, and the obligation is dropped (precision first).
  bool Stored = false;
  TerminateTest Test;
  const CallExpr *Site = nullptr;

  bool live() const { return Kind != OB_None; }
  bool hasSymbol() const { return Kind == OB_Direct || Kind == OB_Helper; }

  static Obligation from(const RuleState &R) {
    Obligation O;
    O.Kind = ObKind(R[0] & 3);
    O.Discarded = R[0] & 4;
    O.Test.Ne = R[0] & 8;
    O.Stored = R[0] & 16;
    O.Site = reinterpret_cast<const CallExpr *>(R[1]);
    O.Test.K = static_cast<int64_t>(R[2]);
    return O;
  }
  void store(RuleState &R) const {
    R.assign({uintptr_t(Kind) | (Discarded ? 4 : 0) | (Test.Ne ? 8 : 0) |
                  (Stored ? 16 : 0),
              reinterpret_cast<uintptr_t>(Site),
              static_cast<uintptr_t>(Test.K)});
  }
};

/// What the code does with the value of a call.
enum UseKind {
  UseDiscarded, ///< an expression statement, (void), comma's left
  UseTested,    ///< compared, switched on, returned, logged
  UseStored,    ///< kept in a tracked local or field
  UseLost,      ///< kept where the engine cannot follow it (a global, a
                ///< pointer target) or handed to a function of the DLL
};

enum EventKind {
  EvStatus,
  EvHelperStatus,
  EvWait,
  EvHelperWait,
  EvDtorWait,
  EvLoop
};

class TerminateObserver : public PathObserver {
public:
  TerminateObserver(WorkerIgnoresTerminate &R, const FunctionDecl *FD)
      : R(R), AC(R.analysis()), WF(R.facts()), FD(FD) {}

  std::map<const CallExpr *, Finding> Findings;
  std::vector<const CallExpr *> Order;

  void initialState(PathState &S, PathContext &) override {
    Obligation().store(S.Rule);
  }

  void onCall(const CallExpr *CE, PathState &S, PathContext &C) override {
    normalize(S, C);
    const CallbackCall *CB = AC.model().callbackAt(CE);
    bool IsStatus = CB && isStatusCallback(CB->Kind);
    const FunctionDecl *Helper = IsStatus ? nullptr : WF.dllCallee(CE);
    if (Obligation::from(S.Rule).live()) {
      auto ValueOf = [&](const Expr *E) { return S.F.known(C.eval(E, S)); };
      if (IsStatus)
        report(S, C, EvStatus, CE, nullptr);
      else if (WF.blockingApi(CE, ValueOf))
        report(S, C, EvWait, CE, CE->getDirectCallee());
      else if (Helper && WF.reportsStatus(Helper))
        report(S, C, EvHelperStatus, CE, Helper);
      else if (Helper && WF.mayBlock(Helper))
        report(S, C, EvHelperWait, CE, Helper);
    }
    dropIfHandedOff(CE, S, C);
    Obligation O;
    O.Site = CE;
    if (!IsStatus && !Helper)
      return;
    switch (classifyUse(CE, C)) {
    case UseDiscarded:
      O.Discarded = true;
      break;
    case UseStored:
      O.Stored = true;
      break;
    case UseTested:
      break;
    case UseLost:
      return; // cannot follow it: no finding is guessed
    }
    if (IsStatus) {
      O.Kind = OB_Direct;
      O.Test = {false, ExitStateTerminate};
      S.addEvent(CE, callbackKindName(CB->Kind).str() +
                         " returns the exit state here; it may be "
                         "ResourceExitStateTerminate");
    } else {
      const WorkerIgnoresTerminate::Summary *Sum = R.summaryOf(Helper);
      if (!Sum)
        return;
      std::string Inner = statusName(Sum->StatusCall);
      if (Sum->Returns) {
        O.Kind = OB_Helper;
        O.Test = *Sum->Returns;
        S.addEvent(CE, calleeName(Helper) +
                           " passes on the exit state of its " + Inner +
                           " call here; it may be ResourceExitStateTerminate");
      } else if (Sum->Swallows) {
        O.Kind = OB_Swallowed;
        S.addEvent(CE, calleeName(Helper) + " discards the exit state of its " +
                           Inner +
                           " call, which may be ResourceExitStateTerminate");
      } else {
        return;
      }
    }
    O.store(S.Rule);
  }

  void onDestructor(const CXXDestructorDecl *DD, const Stmt *Trigger,
                    PathState &S, PathContext &C) override {
    normalize(S, C);
    if (Trigger && Obligation::from(S.Rule).live() && WF.blockingDestructor(DD))
      report(S, C, EvDtorWait, Trigger, DD);
  }

  void onEdge(const CFGBlock *From, const CFGBlock *To, PathState &S,
              PathContext &C) override {
    refineRelational(From, To, S, C);
    normalize(S, C);
    if (!Obligation::from(S.Rule).live())
      return;
    if (const Stmt *Loop = backEdgeLoop(From, To, AC.ast().getSourceManager()))
      report(S, C, EvLoop, Loop, nullptr);
  }

  void onStmt(const Stmt *St, PathState &S, PathContext &C) override {
    if (const auto *RS = dyn_cast<ReturnStmt>(St)) {
      normalize(S, C);
      classifyReturn(RS, S, C);
    }
  }

  void onExit(PathState &S, PathContext &C) override {
    normalize(S, C);
    Obligation O = Obligation::from(S.Rule);
    // A void function that falls off its end (a return statement was
    // classified when it ran).
    if (!S.Return && O.live() && (O.Discarded || O.Kind == OB_Swallowed)) {
      Swallows = true;
      noteInner(O);
    }
  }

  WorkerIgnoresTerminate::Summary summary() const {
    WorkerIgnoresTerminate::Summary Sum;
    Sum.Swallows = Swallows;
    Sum.StatusCall = InnerCall;
    if (Opaque)
      return Sum;
    std::vector<TerminateTest> Candidates = Tests;
    if (!TConsts.empty()) {
      int64_t K = *TConsts.begin();
      bool Distinguishes =
          OtherUnknown || !Tests.empty() ||
          llvm::any_of(OtherConsts, [&](int64_t V) { return V != K; });
      if (TConsts.size() != 1 || !Distinguishes)
        return Sum;
      Candidates.push_back({false, K});
    }
    if (Candidates.empty())
      return Sum;
    for (const TerminateTest &T : Candidates)
      if (!(T == Candidates.front()))
        return Sum;
    Sum.Returns = Candidates.front();
    return Sum;
  }

private:
  SymValue symbolOf(const Obligation &O, PathContext &C) {
    return SymValue::symbol(C.symbolFor(O.Site));
  }

  /// Whether the obligation's value may still pass its Terminate test.
  static bool mayTerminate(const Obligation &O, SymValue V,
                           const PathState &S) {
    if (!O.Test.Ne)
      return S.F.mayEqual(V, O.Test.K);
    return S.F.known(V) != O.Test.K;
  }

  /// Whether the path establishes that the value is Terminate.
  static bool knownTerminate(const Obligation &O, SymValue V,
                             const PathState &S) {
    if (O.Kind == OB_Direct)
      // RESOURCE_EXIT_STATE: a status call returns Continue or Terminate.
      return !S.F.mayEqual(V, ExitStateContinue);
    if (!O.Test.Ne)
      return S.F.known(V) == O.Test.K;
    return !S.F.mayEqual(V, O.Test.K);
  }

  /// Drops the obligation once the path establishes "not Terminate", or
  /// once a stored value is held by no slot any more.
  void normalize(PathState &S, PathContext &C) {
    Obligation O = Obligation::from(S.Rule);
    if (!O.hasSymbol())
      return;
    SymValue V = symbolOf(O, C);
    if (!mayTerminate(O, V, S) || (O.Stored && S.F.boundTo(V.S).empty()))
      Obligation().store(S.Rule);
  }

  /// The engine decides relational conditions only on known values; the
  /// exit state's Terminate value is known, so `r > ResourceExitStateContinue`
  /// or `r >= ResourceExitStateTerminate` tell on which branch it can be.
  void refineRelational(const CFGBlock *From, const CFGBlock *To,
                        PathState &S, PathContext &C) {
    Obligation O = Obligation::from(S.Rule);
    if (!O.hasSymbol() || O.Test.Ne || From->succ_size() != 2)
      return;
    const auto *BO = dyn_cast_or_null<BinaryOperator>(
        stripValueCasts(From->getLastCondition()));
    if (!BO || !BO->isRelationalOp())
      return;
    const CFGBlock *True = *From->succ_begin();
    const CFGBlock *False = *(From->succ_begin() + 1);
    if (True == False || (To != True && To != False))
      return;
    SymValue V = symbolOf(O, C);
    SymValue L = C.eval(BO->getLHS(), S), Rv = C.eval(BO->getRHS(), S);
    std::optional<int64_t> KL = S.F.known(L), KR = S.F.known(Rv);
    int64_t T = O.Test.K; // the value that means Terminate
    std::optional<bool> Holds;
    auto Cmp = [&](int64_t A, int64_t B) {
      switch (BO->getOpcode()) {
      case BO_LT: return A < B;
      case BO_GT: return A > B;
      case BO_LE: return A <= B;
      default: return A >= B;
      }
    };
    if (L == V && KR)
      Holds = Cmp(T, *KR);
    else if (Rv == V && KL)
      Holds = Cmp(*KL, T);
    if (Holds && *Holds != (To == True))
      Obligation().store(S.Rule); // Terminate is not on this branch
  }

  /// Whether a call hands its arguments to code that may act on them: a
  /// function of the DLL, a call through a pointer that is not a monitor
  /// callback, a function the translation unit only declares.
  bool mayActOnArguments(const CallExpr *CE) const {
    if (AC.model().callbackAt(CE))
      return false;
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || AC.isDllFunction(Callee))
      return true;
    return !AC.api().lookup(Callee) &&
           !AC.ast().getSourceManager().isInSystemHeader(Callee->getLocation());
  }

  /// The exit state passed to such a function: the path may act on it in
  /// ways this rule does not follow, so no finding is guessed.
  void dropIfHandedOff(const CallExpr *CE, PathState &S, PathContext &C) {
    Obligation O = Obligation::from(S.Rule);
    if (!O.hasSymbol() || O.Site == CE || !mayActOnArguments(CE))
      return;
    SymValue V = symbolOf(O, C);
    for (const Expr *Arg : CE->arguments())
      if (C.eval(Arg, S) == V) {
        Obligation().store(S.Rule);
        return;
      }
  }

  /// How the value of CE is used, looking through parentheses and casts.
  UseKind classifyUse(const CallExpr *CE, PathContext &C) {
    if (AC.isValueDiscarded(FD, CE))
      return UseDiscarded;
    ParentMap &PM = AC.parentsOf(FD);
    const Stmt *Cur = CE;
    for (int Depth = 0; Depth < 64; ++Depth) {
      const Stmt *P = PM.getParent(Cur);
      if (!P)
        return UseTested;
      if (isa<ParenExpr>(P) || isa<CastExpr>(P) || isa<FullExpr>(P) ||
          isa<CXXBindTemporaryExpr>(P) || isa<MaterializeTemporaryExpr>(P)) {
        Cur = P;
        continue;
      }
      if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
        if (BO->getOpcode() == BO_Comma && BO->getRHS() == Cur) {
          Cur = P;
          continue;
        }
        if (!BO->isAssignmentOp())
          return UseTested;
        if (BO->getOpcode() != BO_Assign || BO->getRHS() != Cur)
          return UseLost;
        return C.slotOf(BO->getLHS()) ? UseStored : UseLost;
      }
      if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P)) {
        if (CO->getCond() == Cur)
          return UseTested;
        Cur = P;
        continue;
      }
      if (const auto *DS = dyn_cast<DeclStmt>(P)) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            if (VD->getInit() && VD->getInit()->IgnoreParenCasts() ==
                                     cast<Expr>(Cur)->IgnoreParenCasts())
              return C.isTracked(VD) ? UseStored : UseLost;
        return UseLost;
      }
      if (const auto *Arg = dyn_cast<CallExpr>(P)) {
        if (Arg->getCallee() == Cur)
          return UseTested;
        // Handed to a function of the DLL, or to one the translation unit
        // does not show: it may act on it.
        return mayActOnArguments(Arg) ? UseLost : UseTested;
      }
      if (isa<CXXConstructExpr>(P) || isa<InitListExpr>(P))
        return UseLost;
      return UseTested;
    }
    return UseTested;
  }

  /// The status call behind an obligation (for notes and messages).
  const CallExpr *innerCall(const Obligation &O) {
    if (O.Kind == OB_Direct)
      return O.Site;
    if (const FunctionDecl *H = WF.dllCallee(O.Site))
      if (const auto *Sum = R.summaryOf(H))
        return Sum->StatusCall;
    return nullptr;
  }

  void noteInner(const Obligation &O) {
    if (!InnerCall)
      InnerCall = innerCall(O);
  }

  std::string statusName(const CallExpr *Call) const {
    if (const CallbackCall *CB = AC.model().callbackAt(Call))
      return callbackKindName(CB->Kind).str();
    return "SetResourceStatusEx";
  }

  void classifyReturn(const ReturnStmt *RS, PathState &S, PathContext &C) {
    Obligation O = Obligation::from(S.Rule);
    const Expr *E = RS->getRetValue();
    if (!O.live()) {
      if (E) {
        if (std::optional<int64_t> K = S.F.known(S.ReturnValue))
          OtherConsts.insert(*K);
        else
          OtherUnknown = true;
      }
      return;
    }
    if (O.Kind == OB_Swallowed) {
      Swallows = true;
      noteInner(O);
      return;
    }
    SymValue Sym = symbolOf(O, C);
    if (E) {
      if (S.ReturnValue == Sym) {
        Tests.push_back(O.Test);
        noteInner(O);
        return;
      }
      if (std::optional<TerminateTest> T = comparisonTest(O, Sym, E, S, C)) {
        Tests.push_back(*T);
        noteInner(O);
        return;
      }
      if (std::optional<int64_t> K = S.F.known(S.ReturnValue))
        if (knownTerminate(O, Sym, S)) {
          TConsts.insert(*K);
          noteInner(O);
          return;
        }
    }
    if (O.Discarded) {
      Swallows = true;
      noteInner(O);
    } else {
      Opaque = true; // used, but the return value does not carry it
    }
  }

  /// `return r == K` / `return r != K`: the test a caller applies to the
  /// returned truth value.
  std::optional<TerminateTest> comparisonTest(const Obligation &O, SymValue Sym,
                                              const Expr *E, const PathState &S,
                                              PathContext &C) {
    const auto *BO = dyn_cast<BinaryOperator>(stripValueCasts(E));
    if (!BO || (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE))
      return std::nullopt;
    SymValue L = C.eval(BO->getLHS(), S), Rv = C.eval(BO->getRHS(), S);
    std::optional<int64_t> K;
    if (L == Sym)
      K = S.F.known(Rv);
    else if (Rv == Sym)
      K = S.F.known(L);
    if (!K)
      return std::nullopt;
    bool Eq = BO->getOpcode() == BO_EQ;
    // The returned truth value b is (s == K) or (s != K).
    if (!O.Test.Ne) {
      if (*K == O.Test.K) // Terminate iff s == K
        return Eq ? TerminateTest{true, 0} : TerminateTest{false, 0};
      // s == K (K another value, such as ResourceExitStateContinue) rules
      // Terminate out; s != K leaves it possible.
      return Eq ? TerminateTest{false, 0} : TerminateTest{true, 0};
    }
    if (*K == O.Test.K) // Terminate iff s != K
      return Eq ? TerminateTest{false, 0} : TerminateTest{true, 0};
    return std::nullopt;
  }

  static std::string calleeName(const FunctionDecl *F) {
    if (const auto *DD = dyn_cast_or_null<CXXDestructorDecl>(F))
      return "the destructor of '" + DD->getParent()->getNameAsString() + "'";
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(F))
      if (MD->getParent()->isLambda())
        return "the lambda";
    return "'" + displayName(F) + "'";
  }

  void report(PathState &S, PathContext &C, EventKind K, const Stmt *At,
              const FunctionDecl *Via) {
    Obligation O = Obligation::from(S.Rule);
    Obligation().store(S.Rule); // reported: the path is done with it
    if (!O.live() || Findings.count(O.Site))
      return;
    const LocationFactory &LF = AC.locations();
    std::string What, Here;
    switch (K) {
    case EvStatus:
      What = "calls " + statusName(cast<CallExpr>(At)) + " again";
      Here = statusName(cast<CallExpr>(At)) + " is called again here";
      break;
    case EvHelperStatus:
      What = "calls " + calleeName(Via) + ", which reports the resource status";
      Here = calleeName(Via) + " reports the resource status again here";
      break;
    case EvWait:
      What = "waits in " + calleeName(Via);
      Here = calleeName(Via) + " blocks here";
      break;
    case EvHelperWait:
      What = "calls " + calleeName(Via) + ", which may block";
      Here = calleeName(Via) + " may block here";
      break;
    case EvDtorWait:
      What = "runs " + calleeName(Via) + ", which may block";
      Here = calleeName(Via) + " may block here";
      break;
    case EvLoop:
      What = "goes round the loop again";
      Here = "the loop goes round again here";
      break;
    }
    std::string Fn = describeFunction(AC, WF, FD);
    std::string Call = "'" + LF.text(O.Site) + "'";
    const CallExpr *Inner = innerCall(O);
    std::string InnerName = statusName(Inner);
    const FunctionDecl *Helper =
        O.Kind == OB_Direct ? nullptr : WF.dllCallee(O.Site);
    bool Known = O.hasSymbol() && knownTerminate(O, symbolOf(O, C), S);
    std::string Is = Known ? "is" : "may be";
    std::string Msg;
    if (O.Kind == OB_Swallowed)
      Msg = calleeName(Helper) + " discards the exit state of its " +
            InnerName + " call, and " + Fn + " calls it (" + Call +
            ") and then " + What + ": a ResourceExitStateTerminate is lost";
    else if (O.Discarded && O.Kind == OB_Direct)
      Msg = Fn + " discards the exit state of " + Call + " and then " + What +
            "; it must return when the exit state is "
            "ResourceExitStateTerminate";
    else if (O.Discarded)
      Msg = Fn + " discards the exit state that " + Call + " passes on from " +
            InnerName + " and then " + What +
            "; it must return when the exit state is "
            "ResourceExitStateTerminate";
    else if (O.Kind == OB_Direct)
      Msg = Fn + " goes on although the exit state of " + Call + " " + Is +
            " ResourceExitStateTerminate: it " + What +
            "; it must return instead";
    else
      Msg = Fn + " goes on although the exit state that " + Call +
            " passes on from " + InnerName + " " + Is +
            " ResourceExitStateTerminate: it " + What +
            "; it must return instead";

    FindingBuilder B(AC, WorkerIgnoresTerminate::Id, FD);
    B.message(Msg).at(O.Site);
    // The path: from the call that opened the obligation to the event.
    std::vector<const TrailNode *> Nodes;
    for (const TrailNode *N = S.T.get(); N; N = N->Parent.get()) {
      Nodes.push_back(N);
      if (N->K == TrailNode::Event && N->S == O.Site)
        break;
    }
    for (auto It = Nodes.rbegin(); It != Nodes.rend(); ++It) {
      const TrailNode &N = **It;
      B.step(N.S, N.K == TrailNode::Event ? N.Message : describeBranch(AC, N));
    }
    B.step(At, "then " + Fn + " " + What);
    B.related(At, Here);
    if (Helper && Inner)
      B.related(Inner,
                "the " + InnerName + " call whose exit state " +
                    calleeName(Helper) +
                    (O.Kind == OB_Swallowed ? " discards" : " passes on"));
    addWorkerStartNotes(AC, WF, FD, B);
    for (const EntryPoint *EP : AC.model().entryPointsOf(FD))
      B.registrations(*EP);
    Findings.emplace(O.Site, B.take());
    Order.push_back(O.Site);
  }

  WorkerIgnoresTerminate &R;
  AnalysisContext &AC;
  WorkerFacts &WF;
  const FunctionDecl *FD;

  // Summary collection.
  std::vector<TerminateTest> Tests;
  std::set<int64_t> TConsts, OtherConsts;
  bool OtherUnknown = false, Opaque = false, Swallows = false;
  const CallExpr *InnerCall = nullptr;
};

} // namespace

RuleInfo WorkerIgnoresTerminate::info() {
  RuleInfo I;
  I.Id = Id;
  I.Title = "A worker goes on after its status call returned "
            "ResourceExitStateTerminate";
  I.Description =
      "After SetResourceStatusEx (or the V1 SetResourceStatus) returns "
      "ResourceExitStateTerminate, the function that called it must stop "
      "its Online or Offline work: return without another status call, "
      "without going round a loop again and without a blocking wait. The "
      "Resource Monitor has terminated the resource and waits for its "
      "worker threads to end.";
  I.Contract = "ResourceExitStateTerminate - The resource has been "
               "terminated. Callers should end OnlineV2 or OfflineV2 "
               "operations and immediately terminate all worker threads that "
               "are assigned to the resource.";
  I.Level = "error";
  I.Name = "WorkerIgnoresTerminate";
  I.Tags = {"correctness", "reliability", "resource-dll",
            "external/cwe/cwe-252"};
  I.Precision = "high";
  I.Create = [] { return std::make_unique<WorkerIgnoresTerminate>(); };
  return I;
}

const WorkerIgnoresTerminate::Summary *
WorkerIgnoresTerminate::summaryOf(const FunctionDecl *FD) {
  static const Summary Empty;
  const FunctionDecl *Def = definitionOf(FD);
  if (!Def || !AC->isDllFunction(Def))
    return nullptr;
  if (!WF->reportsStatus(Def))
    return &Empty;
  if (InProgress.count(Def))
    return nullptr; // recursion: unknown
  Result &R = analyse(Def);
  return R.Sum ? &*R.Sum : nullptr;
}

WorkerIgnoresTerminate::Result &
WorkerIgnoresTerminate::analyse(const FunctionDecl *FD) {
  auto It = Results.find(FD);
  if (It != Results.end())
    return *It->second;
  InProgress.insert(FD);
  TerminateObserver Obs(*this, FD);
  EngineResult Res = runPathAnalysis(*AC, FD, Obs);
  InProgress.erase(FD);
  auto R = std::make_unique<Result>();
  if (!Res.Completed) {
    AC->reportBudgetHit(FD, Id); // no finding is guessed
  } else {
    R->Sum = Obs.summary();
    for (const CallExpr *Site : Obs.Order)
      R->Findings.push_back(std::move(Obs.Findings[Site]));
  }
  Result &Ref = *R;
  Results[FD] = std::move(R);
  return Ref;
}

void WorkerIgnoresTerminate::check(AnalysisContext &Ctx,
                                   std::vector<Finding> &Out) {
  AC = &Ctx;
  WF = std::make_unique<WorkerFacts>(Ctx);
  for (const FunctionDecl *FD : Ctx.model().functions()) {
    if (FD->isDependentContext() || !Ctx.isDllFunction(FD) ||
        !WF->reportsStatus(FD))
      continue;
    Result &R = analyse(FD);
    for (Finding &F : R.Findings)
      Out.push_back(std::move(F));
    R.Findings.clear();
  }
}

} // namespace resdll
