//===- Analysis.h - per-translation-unit analysis context -------*- C++ -*-===//
//
// Everything a rule may ask while it checks one translation unit: the AST,
// the resource DLL model, the API model, the rule's options, cached CFGs,
// return-value summaries of the TU's functions, and the statistics and
// notifications (budget hits) of the run.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_ANALYSIS_H
#define RESDLL_CHECKER_ANALYSIS_H

#include "ApiModel.h"
#include "Engine.h"
#include "Finding.h"
#include "Model.h"
#include "PartialParse.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace resdll {

/// Rule options, keyed "<rule-id>.<Option>" as in clang-tidy's CheckOptions.
class RuleOptions {
public:
  void set(llvm::StringRef Key, llvm::StringRef Value) { Values[Key] = Value.str(); }
  std::optional<std::string> get(llvm::StringRef Key) const;
  bool getBool(llvm::StringRef Key, bool Default) const;
  unsigned getUnsigned(llvm::StringRef Key, unsigned Default) const;
  const llvm::StringMap<std::string> &all() const { return Values; }

private:
  llvm::StringMap<std::string> Values;
};

/// Something the run wants the user to know that is not a finding.
struct Notification {
  enum Level { Note, Warning, Error } Lvl = Note;
  Location Loc;
  std::string Message;
  std::string Kind; ///< "budget", "parse-error", "timeout", "crash", ...
  std::string RuleId; ///< the rule it concerns, if any (a budget hit)
};

struct AnalysisStats {
  unsigned FunctionsAnalysed = 0;
  unsigned StatesExplored = 0;
  unsigned BudgetHits = 0;
};

/// What the TU's functions are known to return on every path.
struct ReturnSummary {
  bool NeverNull = false;            ///< no path returns 0/NULL
  std::optional<int64_t> AlwaysConst; ///< every path returns this constant
  /// Every path returns the value an entry slot had on entry (a parameter,
  /// a field of 'this' or of a pointer parameter): a getter.
  std::optional<SlotRef> ReturnsEntryOf;
};

class AnalysisContext {
public:
  AnalysisContext(clang::ASTContext &Ctx, const ApiModel &Api,
                  const RuleOptions &Options);
  ~AnalysisContext();

  clang::ASTContext &ast() { return Ctx; }
  const ApiModel &api() const { return Api; }
  const RuleOptions &options() const { return Options; }
  const ResourceDllModel &model() const { return Model; }
  const LocationFactory &locations() const { return Locs; }
  EngineLimits &limits() { return Limits; }
  AnalysisStats &stats() { return Stats; }
  std::vector<Notification> &notifications() { return Notes; }

  /// The CFG of FD's body (built once, with implicit destructors,
  /// temporaries, scopes and every subexpression as an element).
  const clang::CFG *cfgFor(const clang::FunctionDecl *FD);
  /// Parent map of FD's body.
  clang::ParentMap &parentsOf(const clang::FunctionDecl *FD);
  /// Whether the value of E, an expression in FD's body, is discarded: E is
  /// an expression statement (a loop or if body, a label's statement), the
  /// left operand of a comma, an operand cast to void, or a for loop's
  /// init or increment. Parentheses, implicit casts and value-preserving
  /// wrappers are looked through; a value stored, compared, passed,
  /// returned or tested is not discarded.
  bool isValueDiscarded(const clang::FunctionDecl *FD, const clang::Expr *E);
  /// Whether FD is a function of the DLL itself (a body outside system
  /// headers): the functions whose summaries are computed from their code.
  bool isDllFunction(const clang::FunctionDecl *FD) const;
  /// Return-value summary of a DLL function (null if recursive or unknown).
  const ReturnSummary *returnSummary(const clang::FunctionDecl *FD);
  /// Whether a call of FD may write memory other than FD's own locals: an
  /// assignment to anything else, a call of a function that may (or of an
  /// unknown one), new/delete. Documented Win32 functions (API model) write
  /// only through their pointer arguments. False lets the engine keep what
  /// it knows of fields across the call (getters, predicates, loggers).
  bool mayWriteMemory(const clang::FunctionDecl *FD);

  /// Records that the path budget stopped the analysis of FD (once per
  /// function and rule).
  void reportBudgetHit(const clang::FunctionDecl *FD, llvm::StringRef RuleId);

  /// Functions not analysed because of compiler errors (PartialParse.h):
  /// cfgFor() gives them no CFG, so no rule reports anything in them.
  void setUnanalysable(UnanalysableFunctions F) { Unanalysable = std::move(F); }
  /// Why FD is not analysed, or null.
  const std::string *unanalysableReason(const clang::FunctionDecl *FD) const;

private:
  clang::ASTContext &Ctx;
  const ApiModel &Api;
  const RuleOptions &Options;
  ResourceDllModel Model;
  LocationFactory Locs;
  EngineLimits Limits;
  AnalysisStats Stats;
  std::vector<Notification> Notes;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<clang::CFG>> Cfgs;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<clang::ParentMap>>
      Parents;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<ReturnSummary>>
      Returns;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  llvm::DenseMap<const clang::FunctionDecl *, bool> Writes;
  std::set<std::pair<const clang::FunctionDecl *, std::string>> BudgetSeen;
  UnanalysableFunctions Unanalysable;
};

} // namespace resdll

#endif
