//===- OpenV2NullWithoutSetLastError.h - rule 1 -----------------*- C++ -*-===//
//
// resdll-openv2-null-without-setlasterror: OpenV2 (and V1 Open) may return
// NULL only after SetLastError set a nonzero error on that path.
// Documentation: rules/resdll-openv2-null-without-setlasterror.md
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_OPENV2NULLWITHOUTSETLASTERROR_H
#define RESDLL_RULES_OPENV2NULLWITHOUTSETLASTERROR_H

#include "Rule.h"
#include "llvm/ADT/DenseMap.h"

namespace resdll {

class OpenV2NullWithoutSetLastError : public Rule {
public:
  static constexpr llvm::StringLiteral Id =
      "resdll-openv2-null-without-setlasterror";
  static RuleInfo info();

  llvm::StringRef id() const override { return Id; }
  void check(AnalysisContext &AC, std::vector<Finding> &Out) override;

  /// What a function of the DLL does to the last error, over all its exits.
  struct Summary {
    bool LeavesUnchanged = false; ///< some exit did not touch it
    bool Sets = false;            ///< some exit set a nonzero error
    bool SetsZero = false;        ///< some exit set ERROR_SUCCESS
    bool Unknown = false;         ///< some exit left it overwritten/unknown
  };
  const Summary *summaryOf(AnalysisContext &AC, const clang::FunctionDecl *FD);

  bool strict() const { return Strict; }
  bool unknownCallsClobber() const { return UnknownCallsClobber; }

private:
  bool Strict = false;
  bool UnknownCallsClobber = false;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<Summary>> Summaries;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
};

} // namespace resdll

#endif
