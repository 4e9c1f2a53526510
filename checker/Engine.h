//===- Engine.h - path-sensitive analysis over clang::CFG -------*- C++ -*-===//
//
// The engine explores (block, state) pairs of one function's CFG with a
// worklist. A state holds small finite facts: the values that decide
// branches (a local's nullness, a status variable compared with a constant,
// the result of a call) and the rule's own typestate. Branch conditions
// refine the facts and prune infeasible successors; identical states merge;
// past a per-block cap, states with the same typestate are joined (their
// facts intersected), so loops converge and the cost stays near linear
// (property simulation). A per-function budget bounds the work: when it runs
// out the caller is told, and no finding may be guessed.
//
// Rules plug in through PathObserver: they see every CFG element, call,
// destructor, edge and the function's exit, and keep their typestate in
// PathState::Rule; at a call whose outcomes they can tell apart (from a
// summary of the callee) they may split the path. Every state carries the
// trail of branch decisions and events that led to it; a finding's path is
// that trail.
//
// C++ exceptions: besides clang's edges from throw expressions, a path
// leaves a throwing 'new' or standard-library call inside a try block for
// the handler that catches std::bad_alloc, with a step saying so.
//
// Slots are locals and parameters, and fields and constant-index array
// elements reached from them or from 'this'; summaries name a callee's
// slots from its entry (SlotRef) and a caller finds its own at the call.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_ENGINE_H
#define RESDLL_CHECKER_ENGINE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace resdll {

class AnalysisContext;

/// Identity of an unknown value: where it was produced. Symbols are numbered
/// per analysis in creation order, so runs are deterministic.
using SymbolId = uint32_t;

/// The abstract value of a scalar expression.
struct SymValue {
  enum Kind : uint8_t { Unknown, Const, Sym };
  Kind K = Unknown;
  int64_t C = 0;
  SymbolId S = 0;

  static SymValue unknown() { return {}; }
  static SymValue constant(int64_t V) { return {Const, V, 0}; }
  static SymValue symbol(SymbolId Id) { return {Sym, 0, Id}; }
  bool isConst() const { return K == Const; }
  bool isSym() const { return K == Sym; }
  bool operator==(const SymValue &O) const {
    return K == O.K && C == O.C && S == O.S;
  }
  bool operator!=(const SymValue &O) const { return !(*this == O); }
};

/// What is known of a symbol: equal to one value, or different from a few.
struct Constraint {
  bool HasEq = false;
  int64_t Eq = 0;
  llvm::SmallVector<int64_t, 2> Ne; ///< sorted, at most MaxNe entries
  static constexpr unsigned MaxNe = 8;
  bool operator==(const Constraint &O) const {
    return HasEq == O.HasEq && Eq == O.Eq && Ne == O.Ne;
  }
  bool empty() const { return !HasEq && Ne.empty(); }
};

/// A storage location the engine tracks: a local or parameter (its
/// VarDecl), or a field slot ("res->Event", interned by PathContext).
using Slot = const void *;

/// Values of the function's tracked slots, and what the path's branch
/// conditions established about symbols.
class Facts {
public:
  /// The value bound to a slot; an unbound slot holds its entry value,
  /// symbol EntrySym.
  SymValue lookup(Slot K, SymbolId EntrySym) const;
  bool isBound(Slot K) const;
  void bind(Slot K, SymValue V);

  std::optional<int64_t> known(SymValue V) const;
  /// False when V is known to differ from K.
  bool mayEqual(SymValue V, int64_t K) const;
  /// Records V == K (Equal) or V != K; returns false if that contradicts.
  bool assume(SymValue V, int64_t K, bool Equal);
  const Constraint *constraintOf(SymbolId S) const;
  void setConstraint(SymbolId S, const Constraint &C);
  void clearConstraint(SymbolId S);
  /// Slots bound to symbol S (to re-bind when S is produced again).
  llvm::SmallVector<Slot, 2> boundTo(SymbolId S) const;

  /// Keeps what both agree on; bindings that differ become Fresh(slot).
  static Facts join(const Facts &A, const Facts &B,
                    llvm::function_ref<SymbolId(Slot)> Fresh);

  bool operator==(const Facts &O) const {
    return Vars == O.Vars && Cons == O.Cons;
  }
  size_t hash() const;

private:
  llvm::SmallVector<std::pair<Slot, SymValue>, 8> Vars;
  llvm::SmallVector<std::pair<SymbolId, Constraint>, 8> Cons;
};

/// One step from an object to a part of it: a field, or an element of an
/// array at a constant index (Field null).
struct SlotStep {
  const clang::FieldDecl *Field = nullptr;
  int64_t Index = 0;
  bool operator==(const SlotStep &O) const {
    return Field == O.Field && Index == O.Index;
  }
  bool operator!=(const SlotStep &O) const { return !(*this == O); }
};
using SlotPath = llvm::SmallVector<SlotStep, 2>;

/// A storage location named from a function's entry, so that a summary can
/// speak of it and a caller can find it at a call: parameter Param itself
/// (empty Path), a scalar field reached from pointer parameter Param, or a
/// field of 'this' (Param == -1).
struct SlotRef {
  int Param = -1;
  SlotPath Path;
  bool operator==(const SlotRef &O) const {
    return Param == O.Param && Path == O.Path;
  }
};

/// One step of a path: a branch decision or an event a rule recorded.
struct TrailNode {
  std::shared_ptr<const TrailNode> Parent;
  enum Kind : uint8_t { Branch, Case, Event } K;
  const clang::Stmt *S = nullptr; ///< condition, case label or event site
  bool Taken = false;             ///< Branch: the condition's truth
  std::string Message;            ///< Event: what happened
};
using Trail = std::shared_ptr<const TrailNode>;

/// The rule's typestate: a few words the rule owns. Part of a state's
/// identity: states are never joined across different typestates.
using RuleState = llvm::SmallVector<uintptr_t, 4>;

struct PathState {
  Facts F;
  RuleState Rule;
  /// Set once a return statement ran (destructors may still follow).
  const clang::ReturnStmt *Return = nullptr;
  SymValue ReturnValue;
  Trail T;

  bool sameAs(const PathState &O) const {
    return Return == O.Return && ReturnValue == O.ReturnValue &&
           Rule == O.Rule && F == O.F;
  }
  void addEvent(const clang::Stmt *S, std::string Message);
};

class PathContext;

/// A rule's view of the path exploration of one function.
class PathObserver {
public:
  virtual ~PathObserver();
  virtual void initialState(PathState &S, PathContext &C) {}
  /// A call: its result is a symbol (refined by the callee's return
  /// summary); fields and escaped locals still hold the values they had
  /// when the arguments were evaluated. The engine forgets what the call may
  /// change after the observers ran.
  virtual void onCall(const clang::CallExpr *CE, PathState &S,
                      PathContext &C) {}
  /// A C++ object construction (e.g. std::thread).
  virtual void onConstruct(const clang::CXXConstructExpr *CE, PathState &S,
                           PathContext &C) {}
  /// An implicit destructor call (end of scope, temporary, return), before
  /// the engine forgets what the destructor may change. The destroyed object
  /// is PathContext::destroyedObject().
  virtual void onDestructor(const clang::CXXDestructorDecl *DD,
                            const clang::Stmt *Trigger, PathState &S,
                            PathContext &C) {}
  /// Every statement element, after the engine's own update.
  virtual void onStmt(const clang::Stmt *St, PathState &S, PathContext &C) {}
  /// An edge taken (after branch refinement).
  virtual void onEdge(const clang::CFGBlock *From, const clang::CFGBlock *To,
                      PathState &S, PathContext &C) {}
  /// The path reached the function's exit.
  virtual void onExit(PathState &S, PathContext &C) {}
};

struct EngineLimits {
  unsigned MaxSteps = 50000;       ///< (block, state) visits per function
  unsigned MaxStatesPerBlock = 16; ///< exact states kept before joining
};

struct EngineResult {
  bool Completed = true; ///< false: the budget ran out, no finding is valid
  unsigned Steps = 0;
};

/// Evaluation services for observers while a path is explored.
class PathContext {
public:
  PathContext(AnalysisContext &AC, const clang::FunctionDecl *FD,
              const clang::CFG &Cfg);
  AnalysisContext &analysis() { return AC; }
  const clang::FunctionDecl *function() const { return FD; }
  const clang::CFG &cfg() const { return Cfg; }
  clang::ASTContext &astContext();

  /// The abstract value of E in state S (E already evaluated on the path).
  SymValue eval(const clang::Expr *E, const PathState &S);
  /// Refines S with "Cond is Truth"; false when infeasible.
  bool assume(const clang::Expr *Cond, bool Truth, PathState &S);
  /// Whether E is known true or false in S.
  std::optional<bool> truthOf(const clang::Expr *E, const PathState &S);
  /// The branch S took at a value-producing terminator (?:, or && / ||
  /// whose value is used): true for the first successor (the true arm, or
  /// the left operand true).
  std::optional<bool> branchTaken(const clang::Stmt *Term,
                                  const PathState &S) const;
  /// The symbol standing for a value produced at Site (for Var, if given).
  SymbolId symbolFor(const void *Site, const void *Var = nullptr);
  /// True when the variable is a local or parameter the engine tracks.
  bool isTracked(const clang::VarDecl *VD) const;
  /// The tracked slot an lvalue expression designates: a tracked variable,
  /// or a scalar field reached from a local, a parameter or 'this'
  /// (p->f, s.f, p->a.b); null otherwise.
  Slot slotOf(const clang::Expr *LValue);
  bool isFieldSlot(Slot K) const;
  /// The value a slot holds in S.
  SymValue valueOf(Slot K, const PathState &S);

  /// Entry slots: this function's parameters, and the field slots rooted
  /// at 'this' or at a pointer parameter that the exploration met so far.
  void forEachEntrySlot(
      llvm::function_ref<void(const SlotRef &, SymbolId EntrySym)> Fn);
  /// The caller's slot that a callee's entry slot R denotes at a call (or
  /// construction, or destructor call) Site: parameter I is argument I,
  /// 'this' the call's object or the destroyed object; null if the
  /// argument or object is not something the engine tracks.
  Slot callerSlot(const clang::Stmt *Site, const clang::FunctionDecl *Callee,
                  const SlotRef &R);
  /// The argument a call, member operator call or construction passes for
  /// the callee's parameter Param.
  static const clang::Expr *argumentOf(const clang::Stmt *Site,
                                       const clang::FunctionDecl *Callee,
                                       unsigned Param);
  /// The object being destroyed, during onDestructor: (Root, Path) as in
  /// field slots (Root null: 'this'); false if it is not one (a temporary).
  bool destroyedObject(const clang::VarDecl *&Root, SlotPath &Path) const;
  /// The constant value of E if it is a constant expression.
  std::optional<int64_t> constantOf(const clang::Expr *E);

  // Engine internals used by the transfer functions.
  bool isValueBranch(const clang::Stmt *Term);
  void recordBranch(const clang::Stmt *Term, bool Taken, PathState &S);
  /// The paths split off since the engine last took them.
  std::vector<PathState> &splits() { return Splits; }
  void bindSlot(Slot K, SymValue V, const void *Site, PathState &S);
  void produceSymbol(SymbolId Sym, PathState &S);
  /// A call or store may have changed locals whose address escaped.
  void invalidateEscaped(const void *Site, PathState &S);
  /// A call may have changed fields reached through pointers; with Root,
  /// only the field slots rooted at that variable.
  void invalidateFields(const void *Site, PathState &S,
                        const clang::VarDecl *Root = nullptr);

  /// Splits the path: S (a refined copy of the current state) is explored
  /// as a path of its own from the element after the current one. An
  /// observer uses it in onCall/onConstruct/onDestructor when a call has
  /// several outcomes it can tell apart (a summary of the callee's paths),
  /// instead of joining them into one imprecise state.
  void split(PathState S) { Splits.push_back(std::move(S)); }

  /// The slot for Root (null: 'this') and a path of fields and constant
  /// array indices, if the path ends in a tracked scalar field or in an
  /// element (whose scalar type the caller checked).
  Slot fieldSlot(const clang::VarDecl *Root, llvm::ArrayRef<SlotStep> Path);
  /// The object E designates as (Root, Path): a local or parameter struct
  /// or array, '*p', 'this', and fields and constant-index elements of
  /// those. With Pointer, E is a pointer to the object ('p', '&s', 'this').
  bool objectOf(const clang::Expr *E, bool Pointer,
                const clang::VarDecl *&Root, SlotPath &Path);
  void setDestroyedObject(const clang::CFGElement *E);

private:
  friend class PathEngine;
  AnalysisContext &AC;
  const clang::FunctionDecl *FD;
  const clang::CFG &Cfg;
  llvm::DenseMap<std::pair<const void *, const void *>, SymbolId> Symbols;
  /// constantOf's answers (the same expressions are evaluated on every path).
  llvm::DenseMap<const clang::Expr *, std::optional<int64_t>> Constants;
  llvm::DenseMap<const clang::VarDecl *, bool> Tracked;
  /// Memo of mayBeConstant(): keeps constantOf() linear in deeply nested
  /// expressions (clang's evaluator walks the whole subtree every time).
  llvm::DenseMap<const clang::Expr *, bool> MayBeConstant;
  bool mayBeConstant(const clang::Expr *E);
  llvm::SmallVector<const clang::VarDecl *, 8> Escaped;
  llvm::SmallVector<const clang::FieldDecl *, 8> EscapedFields;
  struct FieldSlot {
    const clang::VarDecl *Root; ///< null: 'this'
    SlotPath Path;
  };
  std::vector<std::unique_ptr<FieldSlot>> FieldSlots;
  llvm::DenseMap<Slot, unsigned> FieldSlotIndex;
  std::vector<PathState> Splits;
  const clang::CFGElement *Destroyed = nullptr;
};

/// Explores FD's CFG with Obs. The CFG comes from AC's cache.
EngineResult runPathAnalysis(AnalysisContext &AC, const clang::FunctionDecl *FD,
                             PathObserver &Obs);

/// Strips parentheses, implicit casts, ExprWithCleanups and value-preserving
/// explicit casts.
const clang::Expr *stripValueCasts(const clang::Expr *E);

} // namespace resdll

#endif
