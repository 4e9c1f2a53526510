//===- OnlinePendingWithoutWorker.cpp - pending, nobody reports ----------===//
//
// PONLINE_V2_ROUTINE / POFFLINE_V2_ROUTINE: returning ERROR_IO_PENDING
// means the operation goes on in the background and that the DLL will
// report its end with SetResourceStatusEx (from a worker thread). Each
// registered Online/OnlineV2/Offline/OfflineV2 entry point is explored path
// by path with a typestate:
//   0 nothing started yet
//   1 a worker that reports status was (or may have been) started or woken:
//     a thread start whose routine reports status (or is not in this
//     translation unit), work handed to a running thread (API model
//     WakesThread: SetEvent, PostQueuedCompletionStatus, ...), a DLL
//     function that does one of those, or a function this translation unit
//     does not show (precision first)
//   2 only workers whose routines never report status were started
// and a return of ERROR_IO_PENDING (997, known on the path) in state 0 or
// 2 is reported.
//
//===----------------------------------------------------------------------===//
#include "OnlinePendingWithoutWorker.h"
#include "Model.h"
#include "WorkerFacts.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <map>

using namespace clang;

namespace resdll {

namespace {

constexpr int64_t ErrorIoPending = 997; // ERROR_IO_PENDING, winerror.h

enum StartState : uintptr_t { NoWorker = 0, Reporting = 1, SilentOnly = 2 };

class PendingObserver : public PathObserver {
public:
  PendingObserver(AnalysisContext &AC, WorkerFacts &WF, const EntryPoint &EP)
      : AC(AC), WF(WF), EP(EP) {}

  std::map<const ReturnStmt *, Finding> Findings;
  std::vector<const ReturnStmt *> Order;

  void initialState(PathState &S, PathContext &) override {
    S.Rule.assign({NoWorker, 0});
  }

  void onCall(const CallExpr *CE, PathState &S, PathContext &) override {
    apply(WF.workerStartsAt(CE), CE, S);
    if (const FunctionDecl *Def = WF.dllCallee(CE))
      apply(WF.workerStartsOf(Def), CE, S);
  }

  void onConstruct(const CXXConstructExpr *CE, PathState &S,
                   PathContext &) override {
    apply(WF.workerStartsAt(CE), CE, S);
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor && AC.isDllFunction(Ctor))
      apply(WF.workerStartsOf(definitionOf(Ctor)), CE, S);
  }

  void onExit(PathState &S, PathContext &) override {
    if (!S.Return || S.F.known(S.ReturnValue) != ErrorIoPending ||
        S.Rule[0] == Reporting || Findings.count(S.Return))
      return;
    const LocationFactory &LF = AC.locations();
    std::string Kind = entryKindName(EP.Kind).str();
    std::string Op =
        (EP.Kind == EntryKind::Online || EP.Kind == EntryKind::OnlineV2)
            ? "Online"
            : "Offline";
    std::string Head = Kind + " entry point '" + displayName(EP.Function) +
                       "' returns ERROR_IO_PENDING ('" + LF.text(S.Return) +
                       "')";
    FindingBuilder B(AC, OnlinePendingWithoutWorker::Id, EP.Function);
    B.at(S.Return).path(S.T);
    const auto *Silent = reinterpret_cast<const WorkerStart *>(S.Rule[1]);
    if (S.Rule[0] == SilentOnly && Silent) {
      bool Lambda = false;
      if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Silent->Routine))
        Lambda = MD->getParent()->isLambda();
      std::string R =
          Lambda ? "the lambda" : "'" + displayName(Silent->Routine) + "'";
      B.message(Head + ", but the worker it starts on this path (" + R +
                ") never reports the resource status: the pending " + Op +
                " never ends");
      B.related(Silent->Site, R + " is started here by " + Silent->Api.str() +
                                  " and never calls SetResourceStatusEx");
    } else {
      B.message(Head +
                " on a path that starts no worker: nothing reports "
                "the resource status to end the pending " +
                Op);
    }
    B.registrations(EP);
    Findings.emplace(S.Return, B.take());
    Order.push_back(S.Return);
  }

private:
  void apply(const WorkerFacts::WorkerStartFacts &WS, const Stmt *Site,
             PathState &S) {
    if (WS.Reporting) {
      S.Rule.assign({Reporting, 0});
      S.addEvent(Site, "a worker that reports status may start here");
    } else if (WS.Silent && S.Rule[0] == NoWorker) {
      S.Rule.assign({SilentOnly, reinterpret_cast<uintptr_t>(WS.Silent)});
    }
  }

  AnalysisContext &AC;
  WorkerFacts &WF;
  const EntryPoint &EP;
};

} // namespace

RuleInfo OnlinePendingWithoutWorker::info() {
  RuleInfo I;
  I.Id = Id;
  I.Title = "Online/Offline returns ERROR_IO_PENDING without a worker that "
            "reports status";
  I.Description =
      "OnlineV2 or OfflineV2 returns ERROR_IO_PENDING on a path that starts "
      "(or wakes) no worker thread that reports the resource status: the "
      "Resource Monitor waits for a SetResourceStatusEx that never comes, "
      "and the resource stays in a pending state until it times out.";
  I.Contract = "OnlineV2: if the operation is still in progress, return "
               "ERROR_IO_PENDING and report the resource's state later with "
               "SetResourceStatusEx from a worker thread.";
  I.Level = "error";
  I.Name = "OnlinePendingWithoutWorker";
  I.Tags = {"correctness", "reliability", "resource-dll"};
  I.Precision = "high";
  I.Create = [] { return std::make_unique<OnlinePendingWithoutWorker>(); };
  return I;
}

void OnlinePendingWithoutWorker::check(AnalysisContext &AC,
                                       std::vector<Finding> &Out) {
  WorkerFacts WF(AC);
  for (const EntryPoint &EP : AC.model().entryPoints()) {
    if (EP.Kind != EntryKind::OnlineV2 && EP.Kind != EntryKind::OfflineV2 &&
        EP.Kind != EntryKind::Online && EP.Kind != EntryKind::Offline)
      continue;
    const FunctionDecl *FD = definitionOf(EP.Function);
    if (!FD || !AC.isDllFunction(FD))
      continue;
    PendingObserver Obs(AC, WF, EP);
    EngineResult Res = runPathAnalysis(AC, FD, Obs);
    if (!Res.Completed) {
      AC.reportBudgetHit(FD, Id);
      continue;
    }
    for (const ReturnStmt *RS : Obs.Order)
      Out.push_back(std::move(Obs.Findings[RS]));
  }
}

} // namespace resdll
