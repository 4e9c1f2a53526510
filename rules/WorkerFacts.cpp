//===- WorkerFacts.cpp - what the worker rules ask of functions -----------===//
#include "WorkerFacts.h"
#include "Rule.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace resdll {

WorkerFacts::WorkerFacts(AnalysisContext &AC) : AC(AC) {
  for (const WorkerStart &W : AC.model().workerStarts())
    Starts.try_emplace(W.Site, &W);
}

const WorkerStart *WorkerFacts::startAt(const Stmt *Site) const {
  auto It = Starts.find(Site);
  return It == Starts.end() ? nullptr : It->second;
}

/// A C++ stop mechanism: std::atomic, std::atomic_flag, std::stop_token.
static bool isStopFlagRecord(const CXXRecordDecl *RD) {
  if (!RD)
    return false;
  std::string Name = RD->getQualifiedNameAsString();
  return Name == "std::atomic" || Name == "std::__atomic_base" ||
         Name == "std::atomic_flag" || Name == "std::__atomic_flag_base" ||
         Name == "std::stop_token" || Name == "std::atomic_ref";
}

bool WorkerFacts::consultsStopAt(const FunctionDecl *FD, const Stmt *S,
                                 bool FollowCallees) {
  if (const auto *E = dyn_cast<Expr>(S)) {
    if (isTerminateFieldRead(E))
      return true;
    if ((isa<DeclRefExpr>(E) || isa<MemberExpr>(E)) &&
        E->getType().isVolatileQualified())
      return true; // a volatile stop flag
  }
  const auto *CE = dyn_cast<CallExpr>(S);
  if (!CE)
    return false;
  if (isCheckTerminate(CE))
    return true;
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee))
    if (isStopFlagRecord(MD->getParent()))
      return true;
  if (Callee && Callee->getIdentifier() &&
      (Callee->getName().starts_with("Interlocked") ||
       Callee->getName().starts_with("_Interlocked")))
    return true;
  // The value is acted on here: not discarded, and not merely returned to
  // the caller (a helper that passes a result on does not consult it).
  bool Used = !CE->getType()->isVoidType() && !AC.isValueDiscarded(FD, CE) &&
              !isReturned(FD, CE);
  const CallbackCall *CB = AC.model().callbackAt(CE);
  if (CB && isStatusCallback(CB->Kind))
    return Used;
  if (Used && blockingApi(CE))
    return true; // a wait whose result is tested: a stop event
  // A DLL function whose result is tested and that reports status or passes
  // a wait's result on (a stop-event helper) is consulted.
  if (const FunctionDecl *Def = dllCallee(CE))
    return (Used && (reportsStatus(Def) || returnsWaitResult(Def))) ||
           (FollowCallees && consultsStop(Def));
  return false;
}

bool WorkerFacts::returnsWaitResult(const FunctionDecl *FD) {
  if (!FD)
    return false;
  auto It = ReturnsWait.find(FD);
  if (It != ReturnsWait.end())
    return It->second;
  ReturnsWait[FD] = false; // recursion: no
  bool Result = false;
  if (const CFG *Cfg = AC.cfgFor(FD))
    for (const CFGBlock *B : *Cfg)
      for (const CFGElement &E : *B)
        if (std::optional<CFGStmt> CS = E.getAs<CFGStmt>())
          if (const auto *CE = dyn_cast<CallExpr>(CS->getStmt()))
            if (isReturned(FD, CE) &&
                (blockingApi(CE) || returnsWaitResult(dllCallee(CE))))
              Result = true;
  ReturnsWait[FD] = Result;
  return Result;
}

bool WorkerFacts::isReturned(const FunctionDecl *FD, const Expr *E) {
  ParentMap &PM = AC.parentsOf(FD);
  const Stmt *Cur = E;
  for (int Depth = 0; Depth < 16; ++Depth) {
    const Stmt *P = PM.getParent(Cur);
    if (!P)
      return false;
    if (isa<ParenExpr>(P) || isa<CastExpr>(P) || isa<FullExpr>(P)) {
      Cur = P;
      continue;
    }
    return isa<ReturnStmt>(P);
  }
  return false;
}

bool WorkerFacts::waitsOrReportsAt(const Stmt *S) {
  const auto *CE = dyn_cast<CallExpr>(S);
  if (!CE)
    return false;
  const CallbackCall *CB = AC.model().callbackAt(CE);
  if (CB && isStatusCallback(CB->Kind))
    return true;
  if (blockingApi(CE))
    return true;
  if (const FunctionDecl *Def = dllCallee(CE))
    return mayBlock(Def) || reportsStatus(Def);
  return false;
}

WorkerFacts::WorkerStartFacts WorkerFacts::workerStartsAt(const Stmt *S) {
  WorkerStartFacts Out;
  if (const WorkerStart *W = startAt(S)) {
    const FunctionDecl *R = definitionOf(W->Routine);
    if (!R || !AC.isDllFunction(R) || reportsStatus(R))
      Out.Reporting = true;
    else
      Out.Silent = W;
    return Out;
  }
  const auto *CE = dyn_cast<CallExpr>(S);
  if (!CE || AC.model().callbackAt(CE))
    return Out;
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee) {
    Out.Reporting = true; // through a pointer we do not know
    return Out;
  }
  if (AC.isDllFunction(Callee))
    return Out; // followed by workerStartsOf
  if (const ApiFunction *AF = AC.api().lookup(Callee)) {
    Out.Reporting = AF->WakesThread;
    return Out;
  }
  if (!AC.ast().getSourceManager().isInSystemHeader(Callee->getLocation()))
    Out.Reporting = true; // defined in another file: it may start one
  return Out;
}

WorkerFacts::WorkerStartFacts
WorkerFacts::workerStartsOf(const FunctionDecl *FD) {
  WorkerStartFacts Out;
  if (findReachable(FD, [](const Direct &D) { return D.StartsReporting; })) {
    Out.Reporting = true;
    return Out;
  }
  if (const FunctionDecl *F = findReachable(
          FD, [](const Direct &D) { return D.SilentStart != nullptr; }))
    Out.Silent = direct(F).SilentStart;
  return Out;
}

bool WorkerFacts::isCheckTerminate(const CallExpr *CE) {
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  const IdentifierInfo *II = FD ? FD->getIdentifier() : nullptr;
  return II && II->getName() == "ClusWorkerCheckTerminate" &&
         (FD->getDeclContext()->isTranslationUnit() ||
          FD->getDeclContext()->isExternCContext());
}

bool WorkerFacts::isTerminateFieldRead(const Expr *E) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(E);
  if (!ME)
    return false;
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD || FD->getName() != "Terminate")
    return false;
  const RecordDecl *RD = FD->getParent();
  return RD && RD->getName() == "CLUS_WORKER";
}

const FunctionDecl *WorkerFacts::dllCallee(const CallExpr *CE) const {
  const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
  if (!Callee || !AC.isDllFunction(Callee))
    return nullptr;
  return definitionOf(Callee);
}

const ApiFunction *WorkerFacts::blockingApi(
    const CallExpr *CE,
    llvm::function_ref<std::optional<int64_t>(const Expr *)> ValueOf) const {
  const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
  const ApiFunction *AF = Callee ? AC.api().lookup(Callee) : nullptr;
  if (!AF || !AF->Blocks)
    return nullptr;
  if (AF->TimeoutArg && *AF->TimeoutArg < CE->getNumArgs()) {
    std::optional<int64_t> V = ValueOf(CE->getArg(*AF->TimeoutArg));
    if (V && *V == 0)
      return nullptr; // a poll, not a wait
  }
  return AF;
}

const ApiFunction *WorkerFacts::blockingApi(const CallExpr *CE) const {
  ASTContext &Ctx = AC.ast();
  return blockingApi(CE, [&](const Expr *E) -> std::optional<int64_t> {
    Expr::EvalResult R;
    if (!E->isValueDependent() &&
        E->EvaluateAsInt(R, Ctx, Expr::SE_NoSideEffects))
      return R.Val.getInt().getExtValue();
    return std::nullopt;
  });
}

bool WorkerFacts::blockingDestructor(const CXXDestructorDecl *DD) {
  if (!DD)
    return false;
  if (const ApiFunction *AF = AC.api().lookup(DD))
    return AF->Blocks;
  return AC.isDllFunction(DD) && mayBlock(definitionOf(DD));
}

WorkerFacts::Direct &WorkerFacts::direct(const FunctionDecl *FD) {
  Direct &D = Directs[FD];
  if (D.Computed)
    return D;
  D.Computed = true;
  const CFG *Cfg = AC.cfgFor(FD);
  if (!Cfg)
    return Directs[FD];
  Direct Out;
  Out.Computed = true;
  auto AddCallee = [&](const FunctionDecl *Callee) {
    if (Callee && AC.isDllFunction(Callee))
      if (const FunctionDecl *Def = definitionOf(Callee))
        if (Def != FD && !llvm::is_contained(Out.Callees, Def))
          Out.Callees.push_back(Def);
  };
  for (const CFGBlock *B : *Cfg) {
    for (const CFGElement &E : *B) {
      if (std::optional<CFGStmt> CS = E.getAs<CFGStmt>()) {
        const Stmt *St = CS->getStmt();
        if (isa<CallExpr>(St) || isa<CXXConstructExpr>(St)) {
          WorkerStartFacts WS = workerStartsAt(St);
          Out.StartsReporting |= WS.Reporting;
          if (WS.Silent && !Out.SilentStart)
            Out.SilentStart = WS.Silent;
        }
        if (!Out.ConsultsStop)
          Out.ConsultsStop = consultsStopAt(FD, St, /*FollowCallees=*/false);
        if (const auto *CE = dyn_cast<CallExpr>(St)) {
          const CallbackCall *CB = AC.model().callbackAt(CE);
          if (CB && isStatusCallback(CB->Kind) && !Out.Status)
            Out.Status = CE;
          if (blockingApi(CE))
            Out.Blocks = true;
          if (isCheckTerminate(CE))
            Out.ChecksTerminate = true;
          AddCallee(CE->getDirectCallee());
        } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(St)) {
          AddCallee(CCE->getConstructor());
        } else if (const auto *ME = dyn_cast<MemberExpr>(St)) {
          if (isTerminateFieldRead(ME))
            Out.ChecksTerminate = true;
        }
      } else if (std::optional<CFGImplicitDtor> D =
                     E.getAs<CFGImplicitDtor>()) {
        const CXXDestructorDecl *DD = D->getDestructorDecl(AC.ast());
        if (!DD)
          continue;
        if (const ApiFunction *AF = AC.api().lookup(DD))
          Out.Blocks |= AF->Blocks;
        AddCallee(DD);
      }
    }
  }
  Directs[FD] = Out;
  return Directs[FD];
}

const FunctionDecl *
WorkerFacts::findReachable(const FunctionDecl *FD,
                           llvm::function_ref<bool(const Direct &)> Pred) {
  if (!FD)
    return nullptr;
  llvm::DenseSet<const FunctionDecl *> Seen;
  llvm::SmallVector<const FunctionDecl *, 8> Work{FD};
  Seen.insert(FD);
  while (!Work.empty()) {
    const FunctionDecl *F = Work.front();
    Work.erase(Work.begin());
    // Copy: direct() may grow the map and move its entries.
    Direct D = direct(F);
    if (Pred(D))
      return F;
    for (const FunctionDecl *C : D.Callees)
      if (Seen.insert(C).second)
        Work.push_back(C);
  }
  return nullptr;
}

llvm::SmallVector<const FunctionDecl *, 8>
WorkerFacts::functionsRunBy(const FunctionDecl *FD) {
  llvm::SmallVector<const FunctionDecl *, 8> Out;
  llvm::DenseSet<const FunctionDecl *> Seen;
  if (!FD)
    return Out;
  Out.push_back(FD);
  Seen.insert(FD);
  for (size_t I = 0; I < Out.size(); ++I) {
    Direct D = direct(Out[I]);
    for (const FunctionDecl *C : D.Callees)
      if (Seen.insert(C).second)
        Out.push_back(C);
  }
  return Out;
}

bool WorkerFacts::reportsStatus(const FunctionDecl *FD) {
  return statusCallOf(FD) != nullptr;
}

const CallExpr *WorkerFacts::statusCallOf(const FunctionDecl *FD) {
  const FunctionDecl *F =
      findReachable(FD, [](const Direct &D) { return D.Status != nullptr; });
  return F ? direct(F).Status : nullptr;
}

bool WorkerFacts::mayBlock(const FunctionDecl *FD) {
  return findReachable(FD, [](const Direct &D) { return D.Blocks; });
}

bool WorkerFacts::checksTerminate(const FunctionDecl *FD) {
  return findReachable(FD, [](const Direct &D) { return D.ChecksTerminate; });
}

bool WorkerFacts::consultsStop(const FunctionDecl *FD) {
  return findReachable(FD, [](const Direct &D) { return D.ConsultsStop; });
}

llvm::SmallVector<const WorkerStart *, 2>
WorkerFacts::startsOf(const FunctionDecl *FD) const {
  llvm::SmallVector<const WorkerStart *, 2> Out;
  if (!FD)
    return Out;
  for (const WorkerStart &W : AC.model().workerStarts())
    if (W.Routine && W.Routine->getCanonicalDecl() == FD->getCanonicalDecl())
      Out.push_back(&W);
  return Out;
}

const Stmt *backEdgeLoop(const CFGBlock *From, const CFGBlock *To,
                         const SourceManager &SM) {
  if (!From || !To)
    return nullptr;
  if (const Stmt *Loop = From->getLoopTarget())
    return Loop;
  if (const auto *G = dyn_cast_or_null<GotoStmt>(From->getTerminatorStmt()))
    if (const auto *LS = dyn_cast_or_null<LabelStmt>(To->getLabel()))
      if (SM.isBeforeInTranslationUnit(LS->getBeginLoc(), G->getBeginLoc()))
        return G;
  return nullptr;
}

std::string describeFunction(AnalysisContext &AC, WorkerFacts &WF,
                             const FunctionDecl *FD) {
  std::string Name = displayName(FD);
  bool Lambda = false;
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
    Lambda = MD->getParent()->isLambda();
  if (!WF.startsOf(FD).empty())
    return Lambda ? "the worker lambda" : "worker routine '" + Name + "'";
  std::vector<const EntryPoint *> EPs = AC.model().entryPointsOf(FD);
  if (!EPs.empty())
    return entryKindName(EPs.front()->Kind).str() + " entry point '" + Name +
           "'";
  return Lambda ? "a lambda" : "'" + Name + "'";
}

void addWorkerStartNotes(AnalysisContext &AC, WorkerFacts &WF,
                         const FunctionDecl *FD, FindingBuilder &B) {
  bool Lambda = false;
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
    Lambda = MD->getParent()->isLambda();
  std::string Who = Lambda ? "the lambda" : "'" + displayName(FD) + "'";
  for (const WorkerStart *W : WF.startsOf(FD))
    B.related(W->Site,
              Who + " runs on a thread started by " + W->Api.str() + " here");
}

} // namespace resdll
