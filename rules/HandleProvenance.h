//===- HandleProvenance.h - where ResourceHandle values come from -*- C++ -*-===//
//
// The analysis behind rule 2 (resdll-status-wrong-handle), kept apart from
// the reporting. It answers, for every call of a Resource Monitor callback,
// where the value passed as its ResourceHandle comes from.
//
// Design (see rules/resdll-status-wrong-handle.md):
// - Values are abstract HandleValues: this resource's handle (OpenV2's
//   ResourceHandle parameter), an object tied to this resource (the RESID,
//   a worker context, 'this'), an object that is not (a global resource
//   pointer, a list link), a global, a constant, another handle, ...
// - Functions are evaluated top down from their roots (entry points with
//   the roles of their parameters, then every function nothing calls), each
//   in a context: the values of its parameters, 'this', lambda captures and
//   whether it works for one resource ("bound"). A context is evaluated once
//   (memoised): calls into the DLL's own functions, worker starts
//   (ClusWorkerCreate, CreateThread, std::thread, ...) and lambdas open new
//   contexts with the caller's values, which is the bottom-up summary
//   ("stores its parameter into field F", "returns field F of its argument",
//   "passes its parameter to a status callback") instantiated at each call.
// - Locals are flow-insensitive within a context: a local's value is the
//   join of everything assigned to it (null initialisers aside; nullness on
//   a path is the path engine's question, asked by the rule).
// - Fields: a flow-insensitive TU pass records every store into a field of
//   the DLL's structures; a field's class (a handle field, another handle,
//   a tied-object field, a link to other resources, ...) is the join of its
//   stores, iterated with the evaluation to a fixpoint. A field that no
//   function of the translation unit assigns is unknown.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_HANDLEPROVENANCE_H
#define RESDLL_RULES_HANDLEPROVENANCE_H

#include "Analysis.h"
#include "Model.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace resdll {

/// How an object relates to the resource the code works for.
enum class Tie : uint8_t {
  None,
  Tied,         ///< denotes this resource (RESID, worker context, 'this')
  Element,      ///< the current element of an iteration over resources
  Foreign,      ///< another resource (global pointer, list link)
  GlobalObject, ///< a global or static structure itself
};

/// The abstract value of an expression that may be passed as a handle.
struct HandleValue {
  enum Kind : uint8_t {
    Bottom,        ///< no value yet (fixpoint start)
    Unknown,
    Null,
    Const,         ///< a nonzero constant (C)
    Param,         ///< summaries: parameter Index of OriginFn (-1: 'this')
    Handle,        ///< this resource's handle
    ElementHandle, ///< the own handle of an element being iterated
    ForeignHandle, ///< a handle field read through a foreign object (Site)
    Object,        ///< an object or a pointer to one (T)
    Global,        ///< kept in global or static storage (D: the VarDecl)
    External,      ///< returned by a function outside the DLL (D: callee)
    Other,         ///< not a resource handle (Why, D)
  };
  enum Reason : uint8_t {
    NoReason,
    EntryParam,    ///< D: a parameter of an entry point (Index: its kind)
    SystemField,   ///< D: a field of a Windows structure (hThread, ...)
    TypedHandle,   ///< D: the HKEY/PCLUS_WORKER/... type or its record
    OtherField,    ///< D: a DLL field never assigned the handle
  };
  Kind K = Bottom;
  Tie T = Tie::None;
  Reason Why = NoReason;
  int Index = 0;
  int64_t C = 0;
  const clang::Decl *D = nullptr;
  const clang::Stmt *Site = nullptr;
  /// The field or global the value was read from, if any.
  const clang::Decl *ReadLoc = nullptr;
  /// The function in which the value became what it is (for reporting at
  /// the call that passes it on).
  const clang::FunctionDecl *OriginFn = nullptr;

  static HandleValue make(Kind K, const clang::FunctionDecl *Fn) {
    HandleValue V;
    V.K = K;
    V.OriginFn = Fn;
    return V;
  }
  static HandleValue unknown() { return make(Unknown, nullptr); }
  static HandleValue object(Tie T, const clang::FunctionDecl *Fn) {
    HandleValue V = make(Object, Fn);
    V.T = T;
    return V;
  }
  bool operator==(const HandleValue &O) const;
  bool operator!=(const HandleValue &O) const { return !(*this == O); }
  void appendKey(std::vector<uintptr_t> &Key) const;
};

/// The class of a field of the DLL's structures, from all its stores.
struct FieldClass {
  enum Kind : uint8_t {
    Bottom,     ///< stores not evaluated yet
    Handle,     ///< every store is this resource's handle
    Other,      ///< every store is something that is not a resource handle
    Global,     ///< every store is the value of one global (Sample.D)
    TiedObject, ///< every store is an object tied to the object stored into
    Link,       ///< every store links to another resource
    Unknown,
  };
  Kind K = Bottom;
  HandleValue Sample;               ///< the first store's value
  const clang::Stmt *Site = nullptr; ///< the first store
  bool operator==(const FieldClass &O) const {
    return K == O.K && Sample == O.Sample && Site == O.Site;
  }
};

/// How a context was entered from its parent.
struct ChainStep {
  enum How : uint8_t { Root, Call, Worker, Lambda } Via = Root;
  const clang::FunctionDecl *Function = nullptr;
  const clang::Stmt *Site = nullptr; ///< the call, worker start or lambda
};

/// One callback call seen in one context.
struct CallbackUse {
  const CallbackCall *Call = nullptr;
  HandleValue Value;
  bool Bound = false; ///< the context works for one resource
  llvm::SmallVector<ChainStep, 4> Chain; ///< root first; back() holds Call
};

/// A store into a field or a global, seen in one context.
struct HandleStore {
  const clang::Decl *Loc = nullptr; ///< FieldDecl or VarDecl
  HandleValue Value;
  HandleValue Base; ///< the object stored into (fields)
  const clang::Stmt *Site = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  const clang::FunctionDecl *Root = nullptr; ///< the context's root
};

/// A helper that passes its parameter Param on as a callback's handle.
struct ParamPass {
  int Param = 0;
  const CallbackCall *Call = nullptr;
};

/// The role of an entry point's parameters for rule 2.
struct ResourceEntry {
  const clang::FunctionDecl *Function = nullptr;
  EntryKind Kind = EntryKind::Open;
  bool isOpen() const {
    return Kind == EntryKind::Open || Kind == EntryKind::OpenV2;
  }
};

class HandleProvenance {
public:
  /// Contexts evaluated per function before the further calls share one.
  static constexpr unsigned MaxContextsPerFunction = 64;

  explicit HandleProvenance(AnalysisContext &AC);
  ~HandleProvenance();

  /// Runs the analysis; Report is called for every callback call in every
  /// context of the final pass.
  void run(std::function<void(const CallbackUse &)> Report);

  /// Entry points as rule 2 sees them: the registered ones, and functions
  /// with an entry-point signature and a RESID (or, for Open, a
  /// RESOURCE_HANDLE) parameter.
  const std::vector<ResourceEntry> &entries() const { return Entries; }
  const FieldClass &fieldClass(const clang::FieldDecl *F) const;
  const std::vector<HandleStore> &stores() const { return Stores; }
  /// The field's address is taken or bound to a reference somewhere, or a
  /// pointer to its structure is handed to a function of another file.
  bool fieldEscapes(const clang::FieldDecl *F) const {
    return EscapedFields.count(F) ||
           ExternRecords.count(
               llvm::cast<clang::RecordDecl>(F->getParent()->getCanonicalDecl()));
  }
  /// Open entry point whose handle may be stored by code outside this TU.
  bool handleEscapes(const clang::FunctionDecl *Open) const {
    return Escapes.count(Open);
  }
  /// Parameters of FD that reach a callback's handle unchanged.
  const std::vector<ParamPass> &paramPasses(const clang::FunctionDecl *FD);
  /// Functions called in more contexts than the limit (the further calls
  /// share one context where nothing is known), in the order seen.
  const llvm::SetVector<const clang::FunctionDecl *> &budgetHits() const {
    return BudgetHits;
  }

  /// Whether T (with its typedef sugar) names the typedef Name.
  static bool hasTypedef(clang::QualType T, llvm::StringRef Name);
  /// The record a pointer type points to, if any.
  static const clang::RecordDecl *pointee(clang::QualType T);
  bool isSystem(const clang::Decl *D) const;
  /// A lambda's call operator.
  static bool isLambdaOperator(const clang::FunctionDecl *FD);

private:
  struct Frame;
  class Evaluator;
  friend class Evaluator;

  void prescan();
  void findEntries();
  void runPass();
  void computeClasses(llvm::DenseMap<const clang::FieldDecl *, FieldClass> &Out);

  AnalysisContext &AC;
  const ResourceDllModel &M;
  std::vector<ResourceEntry> Entries;
  // Pre-scan of the TU.
  llvm::DenseSet<const clang::FieldDecl *> StoredFields, EscapedFields;
  llvm::DenseSet<const clang::RecordDecl *> ExternRecords;
  llvm::DenseSet<const clang::FunctionDecl *> Called;
  llvm::DenseMap<const clang::FunctionDecl *, const clang::LambdaExpr *> Lambdas;
  llvm::DenseSet<const clang::LambdaExpr *> ThreadLambdas;
  llvm::DenseMap<const clang::Stmt *, const WorkerStart *> WorkerAt;
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const clang::FunctionDecl *, 2>>
      Overriders;
  // Results.
  llvm::DenseMap<const clang::FieldDecl *, FieldClass> Classes;
  llvm::DenseSet<const clang::FieldDecl *> ForcedUnknown;
  std::vector<HandleStore> Stores;
  llvm::DenseSet<const clang::FunctionDecl *> Escapes;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<ParamPass>> Passes;
  llvm::SetVector<const clang::FunctionDecl *> BudgetHits;
  std::unique_ptr<Evaluator> Eval;
};

} // namespace resdll

#endif
