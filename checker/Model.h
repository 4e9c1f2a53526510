//===- Model.h - what the AST says about the resource DLL -------*- C++ -*-===//
//
// Recognises resource DLL things in a translation unit, through types and
// the AST only: the entry points the DLL registers (and how), the calls to
// the Resource Monitor's callbacks, and the worker threads it starts with
// their context arguments. Rules ask this model; they never look for names
// in source text.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_MODEL_H
#define RESDLL_CHECKER_MODEL_H

#include "ApiModel.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace resdll {

/// The entry points of CLRES_V1_FUNCTIONS / CLRES_V2_FUNCTIONS and the
/// DLL's exported start-up routines.
enum class EntryKind {
  Open,
  OpenV2,
  Close,
  Online,
  OnlineV2,
  Offline,
  OfflineV2,
  Terminate,
  LooksAlive,
  IsAlive,
  Arbitrate,
  Release,
  ResourceControl,
  ResourceTypeControl,
  Cancel,
  Startup,
  StartupEx,
};
llvm::StringRef entryKindName(EntryKind K);
/// The resapi.h typedef of an entry point kind ("POPEN_V2_ROUTINE").
llvm::StringRef entryKindTypedef(EntryKind K);

/// How a function became an entry point.
enum class RegistrationForm {
  MemberAssignment,  ///< Table.V2Functions.Open = F (CLRES_V2_FUNCTION_TABLE_SET)
  AggregateInit,     ///< CLRES_FUNCTION_TABLE T = {..., F, ...}
  Conversion,        ///< F converted to POPEN_V2_ROUTINE (variable, argument)
  ExplicitCast,      ///< (POPEN_V2_ROUTINE)F
  SignatureFallback, ///< exact signature and name, nothing registers it here
};

struct Registration {
  RegistrationForm Form;
  const clang::Stmt *Site = nullptr; ///< null for the signature fallback
  std::string Target;                ///< e.g. "g_Table.V2Functions.Open"
};

struct EntryPoint {
  const clang::FunctionDecl *Function = nullptr; ///< the definition if any
  EntryKind Kind;
  std::vector<Registration> Registrations;
  bool isFallback() const {
    return !Registrations.empty() &&
           Registrations.front().Form == RegistrationForm::SignatureFallback;
  }
};

/// The Resource Monitor callbacks, recognised by their resapi.h types.
enum class CallbackKind {
  SetResourceStatusEx, ///< PSET_RESOURCE_STATUS_ROUTINE_EX
  SetResourceStatus,   ///< PSET_RESOURCE_STATUS_ROUTINE (V1)
  LogEvent,            ///< PLOG_EVENT_ROUTINE
  SetResourceLockedMode,
  SignalFailure,
};
llvm::StringRef callbackKindName(CallbackKind K);
inline bool isStatusCallback(CallbackKind K) {
  return K == CallbackKind::SetResourceStatusEx ||
         K == CallbackKind::SetResourceStatus;
}

struct CallbackCall {
  const clang::CallExpr *Call = nullptr;
  CallbackKind Kind;
  const clang::FunctionDecl *Caller = nullptr;
};

/// What a worker routine receives when it starts: its parameter Param (or,
/// for ThisParam, the object of a member function) holds the value of Arg,
/// an argument of the creation call or construction.
struct WorkerBinding {
  static constexpr int ThisParam = -1;
  int Param = 0;
  const clang::Expr *Arg = nullptr;
};

/// A thread or work item started by the DLL.
struct WorkerStart {
  const clang::Expr *Site = nullptr;  ///< the CallExpr or CXXConstructExpr
  llvm::StringRef Api;                ///< "ClusWorkerCreate", "std::thread", ...
  const clang::FunctionDecl *Routine = nullptr; ///< lambda: its operator()
  const clang::Expr *Context = nullptr; ///< context argument (or the lambda)
  const clang::FunctionDecl *Creator = nullptr; ///< function that starts it
  /// Routine parameters and the creation arguments they receive: the
  /// context (the routine prototype's first 'void *' parameter), a
  /// PCLUS_WORKER or other pointer of the API's own parameter types, or the
  /// arguments std::thread forwards (with 'this' for a member function).
  std::vector<WorkerBinding> Bindings;
};

class ResourceDllModel {
public:
  /// Scans the translation unit (declarations outside system headers).
  static ResourceDllModel build(clang::ASTContext &Ctx, const ApiModel &Api);

  const std::vector<EntryPoint> &entryPoints() const { return EntryPoints; }
  std::vector<const EntryPoint *> entryPointsOf(const clang::FunctionDecl *FD) const;
  const std::vector<CallbackCall> &callbackCalls() const { return Callbacks; }
  /// The callback call at CE, if CE calls a Resource Monitor callback.
  const CallbackCall *callbackAt(const clang::CallExpr *CE) const;
  const std::vector<WorkerStart> &workerStarts() const { return Workers; }
  /// Functions with a body outside system headers, in source order.
  const std::vector<const clang::FunctionDecl *> &functions() const {
    return Functions;
  }

  /// Classifies a call by the typedef sugar of its callee expression (the
  /// model also recognises pointers of the exact callback shape).
  static std::optional<CallbackKind> classifyCallback(const clang::CallExpr *CE);
  /// The entry-point kind named by a typedef in the sugar of T, if any.
  static std::optional<EntryKind> entryKindOfType(clang::QualType T);
  /// The function a value expression designates: F, &F, casts of those, a
  /// lambda (its call operator) or a lambda converted to a pointer.
  static const clang::FunctionDecl *resolveFunction(const clang::Expr *E);
  /// If E is CONTAINING_RECORD(Address, Type, Field) (winnt.h's expansion,
  /// or the same subtraction written with offsetof/FIELD_OFFSET), returns
  /// Address and sets *Member to Field; null otherwise.
  static const clang::Expr *
  containingRecordAddress(const clang::Expr *E,
                          const clang::FieldDecl **Member = nullptr);
  /// The entry-point kinds whose resapi.h typedef has exactly FD's
  /// signature (calling conventions aside), e.g. {Close, Terminate} for
  /// 'VOID (RESID)'. Empty when none does.
  static std::vector<EntryKind>
  entryKindsOfSignature(const clang::FunctionDecl *FD);

private:
  friend class ModelBuilder;
  std::vector<EntryPoint> EntryPoints;
  std::vector<CallbackCall> Callbacks;
  llvm::DenseMap<const clang::CallExpr *, size_t> CallbackIndex;
  std::vector<WorkerStart> Workers;
  std::vector<const clang::FunctionDecl *> Functions;
};

class LocationFactory;
llvm::StringRef registrationFormName(RegistrationForm F);
/// Prints the model of a translation unit, one line per entry point,
/// registration, callback call and worker start, each prefixed by its
/// location as a compiler diagnostic is (--debug-dump-model).
void printModel(const ResourceDllModel &M, const LocationFactory &LF,
                llvm::StringRef File, llvm::raw_ostream &OS);

/// A short name for messages: "FooOpenV2", "CResource::Open", "lambda".
std::string displayName(const clang::FunctionDecl *FD);

/// The definition of FD (with a body) if the translation unit has one.
const clang::FunctionDecl *definitionOf(const clang::FunctionDecl *FD);

/// A declaration that a walk over the DLL's own code skips: it is in a
/// system header. The containers (the translation unit, extern "C" blocks,
/// namespaces) are never skipped: the DLL's code can be inside them.
bool isSystemHeaderDecl(const clang::Decl *D, const clang::SourceManager &SM);

} // namespace resdll

#endif
