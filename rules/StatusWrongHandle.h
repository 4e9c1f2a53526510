//===- StatusWrongHandle.h - rule 2 -----------------------------*- C++ -*-===//
//
// resdll-status-wrong-handle: the first argument of every Resource Monitor
// callback (SetResourceStatusEx, V1 SetResourceStatus, LogEvent,
// SetResourceLockedMode, SignalFailure) must be the ResourceHandle that
// OpenV2 received for the same resource.
//
// Two questions, two tools:
// - where the value comes from (a handle field read through this resource's
//   object, a global, an event, the RESID, ...): HandleProvenance, a
//   context-sensitive walk of the TU with TU-wide field classes;
// - whether it is NULL or a constant on some path (a local still holding
//   its NULL initialiser after a 'goto cleanup'): the path engine.
// Documentation: rules/resdll-status-wrong-handle.md
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_STATUSWRONGHANDLE_H
#define RESDLL_RULES_STATUSWRONGHANDLE_H

#include "Rule.h"

namespace resdll {

class StatusWrongHandle : public Rule {
public:
  static constexpr llvm::StringLiteral Id = "resdll-status-wrong-handle";
  static RuleInfo info();

  llvm::StringRef id() const override { return Id; }
  void check(AnalysisContext &AC, std::vector<Finding> &Out) override;
};

} // namespace resdll

#endif
