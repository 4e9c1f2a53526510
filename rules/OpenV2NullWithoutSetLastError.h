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

  /// One way a function of the DLL leaves the last error, with what its
  /// paths to that exit established about its return value and about the
  /// values its parameters (and the fields they and 'this' reach) had on
  /// entry. A caller keeps the outcomes that
  /// are compatible with its own path (its arguments, and later its tests
  /// of the result): `if (!CheckName(n)) return NULL;` is clean when
  /// CheckName sets the last error exactly on the paths that return FALSE.
  struct Outcome {
    enum EffectKind : uint8_t {
      Unchanged,  ///< the caller's last error survives
      Sets,       ///< a nonzero error was set (or an API's failure set it)
      SetsZero,   ///< ERROR_SUCCESS was set
      Overwrites, ///< a call may have overwritten it
    } Effect = Unchanged;
    /// Sets only: 1 + the parameter whose value was passed to SetLastError
    /// (each caller's argument decides between set and set-to-zero).
    unsigned FromParam = 0;
    Constraint Ret;
    /// What the paths knew of entry values: parameters, and fields of
    /// 'this' or of pointer parameters (a destructor that closes m_h only
    /// when it is not null).
    llvm::SmallVector<std::pair<SlotRef, Constraint>, 2> Entry;
    bool operator==(const Outcome &O) const {
      return Effect == O.Effect && FromParam == O.FromParam && Ret == O.Ret &&
             Entry == O.Entry;
    }
  };
  /// What a function of the DLL does to the last error, over all its exits.
  struct Summary {
    std::vector<Outcome> Outcomes;
    static constexpr unsigned MaxOutcomes = 8;
    void add(const Outcome &O);
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
