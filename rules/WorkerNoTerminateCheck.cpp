//===- WorkerNoTerminateCheck.cpp - a worker loop nothing stops ----------===//
//
// ClusWorkerTerminate: the worker "should periodically call
// ClusWorkerCheckTerminate"; a worker thread that never does cannot be
// stopped by it. For every worker routine of the model (ClusWorkerCreate,
// CreateThread, _beginthreadex, thread pools, std::thread ...) and the DLL
// functions it runs, every loop that waits or reports status (so it may run
// for long) is reported when nothing in it (condition, body, increment, the
// DLL functions they call) consults a stop signal: ClusWorkerCheckTerminate
// or CLUS_WORKER::Terminate, the exit state of a status call, the result
// of a wait (a stop event), a volatile or atomic stop flag. Loops that end
// by themselves (counting to a constant, range-for) are not reported.
//
//===----------------------------------------------------------------------===//
#include "WorkerNoTerminateCheck.h"
#include "WorkerFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace resdll {

namespace {

/// The loops of a function body, outside the lambdas it defines.
class LoopCollector : public RecursiveASTVisitor<LoopCollector> {
public:
  std::vector<const Stmt *> Loops;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitWhileStmt(WhileStmt *S) {
    Loops.push_back(S);
    return true;
  }
  bool VisitDoStmt(DoStmt *S) {
    Loops.push_back(S);
    return true;
  }
  bool VisitForStmt(ForStmt *S) {
    Loops.push_back(S);
    return true;
  }
};

/// What a loop does: whether it consults a stop signal, and the first
/// statement that makes it wait or report.
class LoopScanner : public RecursiveASTVisitor<LoopScanner> {
public:
  LoopScanner(WorkerFacts &WF, const FunctionDecl *FD) : WF(WF), FD(FD) {}
  bool Consults = false;
  const Stmt *Waits = nullptr;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitStmt(Stmt *S) {
    if (!Consults && WF.consultsStopAt(FD, S))
      Consults = true;
    if (!Waits && WF.waitsOrReportsAt(S))
      Waits = S;
    return true;
  }

private:
  WorkerFacts &WF;
  const FunctionDecl *FD;
};

/// The variable a counting condition tests against a constant: `i < 10`,
/// `n-- > 0`, `--n`, `n--`.
const VarDecl *countedVariable(const Expr *Cond, ASTContext &Ctx) {
  if (!Cond)
    return nullptr;
  Cond = Cond->IgnoreParenImpCasts();
  auto VarOf = [](const Expr *E) -> const VarDecl * {
    E = E->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->isIncrementDecrementOp())
        E = UO->getSubExpr()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return VD && VD->hasLocalStorage() &&
                   VD->getType()->isIntegralOrEnumerationType()
               ? VD
               : nullptr;
  };
  auto IsConst = [&](const Expr *E) {
    Expr::EvalResult R;
    return !E->isValueDependent() &&
           E->EvaluateAsInt(R, Ctx, Expr::SE_NoSideEffects);
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (!BO->isComparisonOp())
      return nullptr;
    if (IsConst(BO->getRHS()))
      return VarOf(BO->getLHS());
    if (IsConst(BO->getLHS()))
      return VarOf(BO->getRHS());
    return nullptr;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    if (UO->isIncrementDecrementOp())
      return VarOf(UO);
  return nullptr;
}

/// Whether a loop ends by itself: a counter compared with a constant that
/// the loop only steps (++, --, +=, -=) and never assigns otherwise.
class CounterUse : public RecursiveASTVisitor<CounterUse> {
public:
  explicit CounterUse(const VarDecl *V) : V(V) {}
  bool Steps = false, Assigned = false, AddressTaken = false;
  bool refersTo(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == V;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp() && refersTo(UO->getSubExpr()))
      Steps = true;
    if (UO->getOpcode() == UO_AddrOf && refersTo(UO->getSubExpr()))
      AddressTaken = true;
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp() || !refersTo(BO->getLHS()))
      return true;
    if (BO->getOpcode() == BO_AddAssign || BO->getOpcode() == BO_SubAssign)
      Steps = true;
    else
      Assigned = true;
    return true;
  }

private:
  const VarDecl *V;
};

bool endsByItself(const Stmt *Loop, ASTContext &Ctx) {
  const Expr *Cond = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    Cond = W->getCond();
  else if (const auto *D = dyn_cast<DoStmt>(Loop))
    Cond = D->getCond();
  else if (const auto *F = dyn_cast<ForStmt>(Loop))
    Cond = F->getCond();
  const VarDecl *V = countedVariable(Cond, Ctx);
  if (!V)
    return false;
  CounterUse U(V);
  U.TraverseStmt(const_cast<Stmt *>(Loop));
  if (const auto *F = dyn_cast<ForStmt>(Loop))
    if (const Stmt *Init = F->getInit()) {
      // The for's own init may assign the counter.
      CounterUse InitUse(V);
      InitUse.TraverseStmt(const_cast<Stmt *>(Init));
      if (InitUse.Assigned && !U.AddressTaken) {
        CounterUse Rest(V);
        if (F->getCond())
          Rest.TraverseStmt(const_cast<Expr *>(F->getCond()));
        if (F->getInc())
          Rest.TraverseStmt(const_cast<Expr *>(F->getInc()));
        Rest.TraverseStmt(const_cast<Stmt *>(F->getBody()));
        return Rest.Steps && !Rest.Assigned;
      }
    }
  return U.Steps && !U.Assigned && !U.AddressTaken;
}

SourceLocation loopKeyword(const Stmt *Loop) {
  if (const auto *D = dyn_cast<DoStmt>(Loop))
    return D->getDoLoc();
  return Loop->getBeginLoc();
}

} // namespace

RuleInfo WorkerNoTerminateCheck::info() {
  RuleInfo I;
  I.Id = Id;
  I.Title = "A worker loop never checks whether it must stop";
  I.Description =
      "A loop run by a worker thread waits or reports status but never "
      "consults ClusWorkerCheckTerminate nor the exit state of a status "
      "call: when the Resource Monitor terminates the resource, "
      "ClusWorkerTerminate waits for a thread that does not stop.";
  I.Contract = "ClusWorkerTerminate: the worker thread should periodically "
               "call ClusWorkerCheckTerminate to determine whether it has "
               "been asked to terminate.";
  I.Level = "warning";
  I.Name = "WorkerNoTerminateCheck";
  I.Tags = {"correctness", "reliability", "resource-dll"};
  I.Precision = "high";
  I.Create = [] { return std::make_unique<WorkerNoTerminateCheck>(); };
  return I;
}

void WorkerNoTerminateCheck::check(AnalysisContext &AC,
                                   std::vector<Finding> &Out) {
  WorkerFacts WF(AC);
  llvm::DenseSet<const Stmt *> Reported;
  for (const WorkerStart &W : AC.model().workerStarts()) {
    const FunctionDecl *Routine = definitionOf(W.Routine);
    if (!Routine || !AC.isDllFunction(Routine) || Routine->isDependentContext())
      continue;
    for (const FunctionDecl *F : WF.functionsRunBy(Routine)) {
      if (F->isDependentContext() || !F->getBody())
        continue;
      LoopCollector LC;
      LC.TraverseStmt(F->getBody());
      for (const Stmt *Loop : LC.Loops) {
        if (Reported.count(Loop))
          continue;
        LoopScanner Scan(WF, F);
        Scan.TraverseStmt(const_cast<Stmt *>(Loop));
        if (!Scan.Waits || Scan.Consults || endsByItself(Loop, AC.ast()))
          continue;
        Reported.insert(Loop);
        std::string Who = describeFunction(AC, WF, Routine);
        std::string Where =
            F == Routine ? Who
                         : "'" + displayName(F) + "', run by " + Who + ",";
        bool ClusWorker = W.Api == "ClusWorkerCreate";
        FindingBuilder B(AC, Id, F);
        B.message(Where +
                  (ClusWorker
                       ? " loops without consulting ClusWorkerCheckTerminate "
                         "or the exit state of a status call: "
                         "ClusWorkerTerminate cannot stop it"
                       : " loops without consulting a stop signal (the exit "
                         "state of a status call, a stop event, a stop "
                         "flag): nothing stops it when the resource is "
                         "terminated"));
        B.finding().Primary = AC.locations().at(loopKeyword(Loop));
        B.finding().NormalizedStatement = AC.locations().normalizedTokens(
            SourceRange(loopKeyword(Loop), loopKeyword(Loop)));
        const auto *Call = dyn_cast<CallExpr>(Scan.Waits);
        const CallbackCall *CB = Call ? AC.model().callbackAt(Call) : nullptr;
        const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
        std::string Name = Callee ? "'" + displayName(Callee) + "'" : "";
        if (CB)
          B.related(Scan.Waits, "the loop reports the resource status here "
                                "without testing the exit state");
        else if (Call && WF.blockingApi(Call))
          B.related(Scan.Waits, "the loop waits here in " + Name);
        else
          B.related(Scan.Waits, "the loop calls " + Name +
                                    ", which waits or reports status, here");
        addWorkerStartNotes(AC, WF, Routine, B);
        Out.push_back(B.take());
      }
    }
  }
}

} // namespace resdll
