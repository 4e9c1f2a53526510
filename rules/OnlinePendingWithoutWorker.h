//===- OnlinePendingWithoutWorker.h - pending, nobody reports -*- C++ -*-===//
//
// resdll-online-pending-without-worker: OnlineV2/OfflineV2 (and V1
// Online/Offline) return ERROR_IO_PENDING on a path that started no worker
// that reports the resource status: the operation never completes.
// Documentation: rules/resdll-online-pending-without-worker.md
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_ONLINEPENDINGWITHOUTWORKER_H
#define RESDLL_RULES_ONLINEPENDINGWITHOUTWORKER_H

#include "Rule.h"

namespace resdll {

class OnlinePendingWithoutWorker : public Rule {
public:
  static constexpr llvm::StringLiteral Id =
      "resdll-online-pending-without-worker";
  static RuleInfo info();

  llvm::StringRef id() const override { return Id; }
  void check(AnalysisContext &AC, std::vector<Finding> &Out) override;
};

} // namespace resdll

#endif
