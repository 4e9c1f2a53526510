//===- Registry.cpp - every rule of resdll-check, in a fixed order --------===//
#include "EntryPointCastMismatch.h"
#include "OnlinePendingWithoutWorker.h"
#include "OpenV2NullWithoutSetLastError.h"
#include "Rule.h"
#include "StatusWrongHandle.h"
#include "WorkerIgnoresTerminate.h"
#include "WorkerNoTerminateCheck.h"

namespace resdll {

const std::vector<RuleInfo> &allRules() {
  static const std::vector<RuleInfo> Rules = {
      OpenV2NullWithoutSetLastError::info(),
      StatusWrongHandle::info(),
      WorkerIgnoresTerminate::info(),
      WorkerNoTerminateCheck::info(),
      EntryPointCastMismatch::info(),
      OnlinePendingWithoutWorker::info(),
  };
  return Rules;
}

const RuleInfo *findRule(llvm::StringRef Id) {
  for (const RuleInfo &R : allRules())
    if (R.Id == Id)
      return &R;
  return nullptr;
}

namespace {
struct DocEntry {
  const char *Id;
  const char *Text;
};
// Generated from rules/*.md at build time.
const DocEntry Docs[] = {
#include "RuleDocs.inc"
};
} // namespace

llvm::StringRef ruleDocumentation(llvm::StringRef Id) {
  for (const DocEntry &D : Docs)
    if (Id == D.Id)
      return D.Text;
  return "";
}

} // namespace resdll
