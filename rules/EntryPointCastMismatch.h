//===- EntryPointCastMismatch.h - a cast hides a signature ----*- C++ -*-===//
//
// resdll-entrypoint-cast-mismatch: a function cast to an entry-point type
// of resapi.h (POPEN_V2_ROUTINE, PONLINE_V2_ROUTINE, ...,
// PWORKER_START_ROUTINE) whose own signature or calling convention differs:
// the cast hides a mismatch the compiler would have reported.
// Documentation: rules/resdll-entrypoint-cast-mismatch.md
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_ENTRYPOINTCASTMISMATCH_H
#define RESDLL_RULES_ENTRYPOINTCASTMISMATCH_H

#include "Rule.h"

namespace resdll {

class EntryPointCastMismatch : public Rule {
public:
  static constexpr llvm::StringLiteral Id = "resdll-entrypoint-cast-mismatch";
  static RuleInfo info();

  llvm::StringRef id() const override { return Id; }
  void check(AnalysisContext &AC, std::vector<Finding> &Out) override;
};

} // namespace resdll

#endif
