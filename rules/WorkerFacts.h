//===- WorkerFacts.h - what the worker rules ask of functions --*- C++ -*-===//
//
// Flow-insensitive facts about the functions of one translation unit that
// the rules about worker threads and status calls share
// (resdll-worker-ignores-terminate, resdll-worker-no-terminate-check,
// resdll-online-pending-without-worker): whether a function reports the
// resource status (calls a status callback itself or through the DLL's own
// functions it calls), whether it may block, whether it consults
// ClusWorkerCheckTerminate, which threads run it; and the loop back edges
// of a CFG. Facts of a function include what the DLL functions it calls
// do (constructors and implicit destructors too), never what the lambdas it
// merely defines or the threads it starts do.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_WORKERFACTS_H
#define RESDLL_RULES_WORKERFACTS_H

#include "Analysis.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace resdll {

class WorkerFacts {
public:
  explicit WorkerFacts(AnalysisContext &AC);

  /// FD (or a DLL function it runs) calls a SetResourceStatusEx /
  /// SetResourceStatus callback.
  bool reportsStatus(const clang::FunctionDecl *FD);
  /// The first status-callback call FD makes, itself or in a DLL function
  /// it runs (for notes); null if none.
  const clang::CallExpr *statusCallOf(const clang::FunctionDecl *FD);
  /// FD (or a DLL function it runs) may block: a wait of the API model
  /// whose timeout is not the constant zero, or a blocking destructor.
  bool mayBlock(const clang::FunctionDecl *FD);
  /// FD (or a DLL function it runs) calls ClusWorkerCheckTerminate or reads
  /// CLUS_WORKER::Terminate.
  bool checksTerminate(const clang::FunctionDecl *FD);
  /// FD (or a DLL function it runs) consults something that tells a thread
  /// to stop (see consultsStopAt).
  bool consultsStop(const clang::FunctionDecl *FD);

  /// Whether S, a statement or expression of FD, consults something that
  /// tells a thread to stop: ClusWorkerCheckTerminate, CLUS_WORKER::Terminate,
  /// the exit state of a status call (itself or returned by a DLL
  /// function), the result of a wait (a stop event), a volatile or atomic
  /// stop flag, an Interlocked operation, a std::stop_token; or a call to a
  /// DLL function that consults one.
  bool consultsStopAt(const clang::FunctionDecl *FD, const clang::Stmt *S,
                      bool FollowCallees = true);
  /// Whether S makes the thread wait or report: a blocking wait, a status
  /// call, or a DLL function that does either.
  bool waitsOrReportsAt(const clang::Stmt *S);

  /// What the workers started by FD (or a DLL function it runs) do.
  struct WorkerStartFacts {
    /// A worker that reports status was (or may have been) started or woken:
    /// its routine reports status or is not in this translation unit, work
    /// was handed to a running thread (API model WakesThread), or a
    /// function this translation unit does not show was called.
    bool Reporting = false;
    /// Otherwise, a worker start whose routine never reports status.
    const WorkerStart *Silent = nullptr;
  };
  WorkerStartFacts workerStartsOf(const clang::FunctionDecl *FD);
  /// The same for one call or construction (no DLL callee is followed).
  WorkerStartFacts workerStartsAt(const clang::Stmt *S);
  /// The thread start of the model at Site (a call or a construction).
  const WorkerStart *startAt(const clang::Stmt *Site) const;

  /// The API-model entry of a blocking wait called by CE whose timeout is
  /// not known to be zero (ValueOf tells what is known of an argument).
  const ApiFunction *
  blockingApi(const clang::CallExpr *CE,
              llvm::function_ref<std::optional<int64_t>(const clang::Expr *)>
                  ValueOf) const;
  /// The same with a flow-insensitive view of the timeout (a constant).
  const ApiFunction *blockingApi(const clang::CallExpr *CE) const;
  /// Whether a destructor blocks (API model: std::jthread).
  bool blockingDestructor(const clang::CXXDestructorDecl *DD);

  /// FD and the DLL functions it runs, transitively, FD first.
  llvm::SmallVector<const clang::FunctionDecl *, 8>
  functionsRunBy(const clang::FunctionDecl *FD);

  /// The definition of the DLL function a call runs, if any.
  const clang::FunctionDecl *dllCallee(const clang::CallExpr *CE) const;
  /// The thread starts of the model whose routine is FD.
  llvm::SmallVector<const WorkerStart *, 2>
  startsOf(const clang::FunctionDecl *FD) const;

  /// Whether CE calls ClusWorkerCheckTerminate.
  static bool isCheckTerminate(const clang::CallExpr *CE);
  /// Whether E reads CLUS_WORKER::Terminate.
  static bool isTerminateFieldRead(const clang::Expr *E);

private:
  struct Direct {
    bool Computed = false;
    const clang::CallExpr *Status = nullptr;
    bool Blocks = false;
    bool ChecksTerminate = false;
    bool ConsultsStop = false;
    bool StartsReporting = false;
    const WorkerStart *SilentStart = nullptr;
    llvm::SmallVector<const clang::FunctionDecl *, 4> Callees;
  };
  Direct &direct(const clang::FunctionDecl *FD);
  /// FD returns the result of a wait as it is (a stop-event helper).
  bool returnsWaitResult(const clang::FunctionDecl *FD);
  /// Whether E's value is returned as it is (through casts).
  bool isReturned(const clang::FunctionDecl *FD, const clang::Expr *E);
  /// Walks FD and the DLL functions it runs until Pred holds for one.
  const clang::FunctionDecl *
  findReachable(const clang::FunctionDecl *FD,
                llvm::function_ref<bool(const Direct &)> Pred);

  AnalysisContext &AC;
  llvm::DenseMap<const clang::FunctionDecl *, Direct> Directs;
  llvm::DenseMap<const clang::Stmt *, const WorkerStart *> Starts;
  llvm::DenseMap<const clang::FunctionDecl *, bool> ReturnsWait;
};

/// The loop statement (or the backward goto) when the CFG edge From -> To
/// goes round a loop again: From is a loop's back-edge block
/// (CFGBlock::getLoopTarget), or a goto to a label earlier in the source.
const clang::Stmt *backEdgeLoop(const clang::CFGBlock *From,
                                const clang::CFGBlock *To,
                                const clang::SourceManager &SM);

/// "worker routine 'X'", "OnlineV2 entry point 'X'", "'X'", "a lambda".
std::string describeFunction(AnalysisContext &AC, WorkerFacts &WF,
                             const clang::FunctionDecl *FD);

/// Related notes naming the thread starts that run FD.
void addWorkerStartNotes(AnalysisContext &AC, WorkerFacts &WF,
                         const clang::FunctionDecl *FD,
                         class FindingBuilder &B);

} // namespace resdll

#endif
