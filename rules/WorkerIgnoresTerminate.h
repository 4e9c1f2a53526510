//===- WorkerIgnoresTerminate.h - rule 3 ------------------------*- C++ -*-===//
//
// resdll-worker-ignores-terminate: on every path where a status callback
// returned (or may have returned) ResourceExitStateTerminate, the calling
// function must return without another status call, another loop iteration
// or a blocking wait.
// Documentation: rules/resdll-worker-ignores-terminate.md
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_WORKERIGNORESTERMINATE_H
#define RESDLL_RULES_WORKERIGNORESTERMINATE_H

#include "Rule.h"
#include "WorkerFacts.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>

namespace resdll {

class WorkerIgnoresTerminate : public Rule {
public:
  static constexpr llvm::StringLiteral Id = "resdll-worker-ignores-terminate";
  static RuleInfo info();

  llvm::StringRef id() const override { return Id; }
  void check(AnalysisContext &AC, std::vector<Finding> &Out) override;

  /// How a value tells that the exit state is ResourceExitStateTerminate:
  /// the value equals K (Ne false) or differs from K (Ne true).
  struct TerminateTest {
    bool Ne = false;
    int64_t K = 1;
    bool operator==(const TerminateTest &O) const {
      return Ne == O.Ne && K == O.K;
    }
  };

  /// What a function of the DLL does with the exit states of the status
  /// calls it makes, over its exits.
  struct Summary {
    /// The return value carries the exit state: ResourceExitStateTerminate
    /// exactly when the value passes this test.
    std::optional<TerminateTest> Returns;
    /// Some exit discards an exit state that may be Terminate.
    bool Swallows = false;
    /// The status call whose exit state is returned or discarded (notes).
    const clang::CallExpr *StatusCall = nullptr;
  };

  /// The summary of a DLL function (null: recursion, budget, no body).
  const Summary *summaryOf(const clang::FunctionDecl *FD);
  AnalysisContext &analysis() { return *AC; }
  WorkerFacts &facts() { return *WF; }

private:
  struct Result {
    std::optional<Summary> Sum;
    std::vector<Finding> Findings;
  };
  Result &analyse(const clang::FunctionDecl *FD);

  AnalysisContext *AC = nullptr;
  std::unique_ptr<WorkerFacts> WF;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<Result>> Results;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
};

} // namespace resdll

#endif
