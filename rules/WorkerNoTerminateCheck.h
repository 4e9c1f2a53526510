//===- WorkerNoTerminateCheck.h - a worker loop nothing stops --*- C++ -*-===//
//
// resdll-worker-no-terminate-check: a loop run by a worker routine that
// waits or reports status but never consults ClusWorkerCheckTerminate nor
// the exit state of a status call cannot be stopped by ClusWorkerTerminate.
// Documentation: rules/resdll-worker-no-terminate-check.md
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_WORKERNOTERMINATECHECK_H
#define RESDLL_RULES_WORKERNOTERMINATECHECK_H

#include "Rule.h"

namespace resdll {

class WorkerNoTerminateCheck : public Rule {
public:
  static constexpr llvm::StringLiteral Id = "resdll-worker-no-terminate-check";
  static RuleInfo info();

  llvm::StringRef id() const override { return Id; }
  void check(AnalysisContext &AC, std::vector<Finding> &Out) override;
};

} // namespace resdll

#endif
