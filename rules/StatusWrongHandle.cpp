//===- StatusWrongHandle.cpp - rule 2 -------------------------------------===//
//
// SetResourceStatusEx: "The ResourceHandle parameter should contain the same
// handle that is used for the ResourceHandle parameter in the OpenV2 entry
// point for this resource."
//
// HandleProvenance tells, for every callback call in every context, where
// its first argument comes from; this file turns the wrong sources into
// findings, one message per kind:
//   null / constant        everywhere (also StartupEx, DllMain, ...)
//   the RESID or the resource object pointer
//   another handle         an event, CLUS_WORKER::hThread, a key, a
//                          parameter of an entry point, a field that is
//                          never assigned OpenV2's ResourceHandle
//   a global or static     one value for every resource of the type
//   a foreign object       a handle field read through a global resource
//                          pointer or a list link (only where the code
//                          works for one resource)
//   OpenV2 never stores its ResourceHandle where the callbacks read it
// A value handed through helpers is reported at the call that hands it
// over, with the helpers as path steps. NULL or a constant on one path only
// (a local still holding its NULL initialiser after 'goto cleanup') is found
// by the path engine, with the branch decisions as the path.
//
//===----------------------------------------------------------------------===//
#include "StatusWrongHandle.h"
#include "HandleProvenance.h"
#include "Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <map>
#include <set>

using namespace clang;

namespace resdll {

namespace {

using HV = HandleValue;

enum class Problem {
  None,
  Null,
  Constant,
  Resid,
  ObjectPointer,
  OtherHandle,
  Global,
  Foreign,
};

bool isConstantProblem(Problem P) {
  return P == Problem::Null || P == Problem::Constant;
}

const FunctionDecl *enclosingFunction(const FunctionDecl *FD) {
  for (int Depth = 0; FD && HandleProvenance::isLambdaOperator(FD) && Depth < 16;
       ++Depth) {
    const DeclContext *DC = cast<CXXMethodDecl>(FD)->getParent()->getDeclContext();
    while (DC && !isa<FunctionDecl>(DC))
      DC = DC->getParent();
    FD = dyn_cast_or_null<FunctionDecl>(DC);
  }
  return FD;
}

/// "in 'Foo'", "in a lambda in 'CResource::Online'".
std::string where(const FunctionDecl *FD) {
  if (!HandleProvenance::isLambdaOperator(FD))
    return "in '" + displayName(FD) + "'";
  if (const FunctionDecl *Enc = enclosingFunction(FD))
    return "in a lambda in '" + displayName(Enc) + "'";
  return "in a lambda";
}

std::string nameOf(const FunctionDecl *FD) {
  if (!HandleProvenance::isLambdaOperator(FD))
    return "'" + displayName(FD) + "'";
  if (const FunctionDecl *Enc = enclosingFunction(FD))
    return "the lambda in '" + displayName(Enc) + "'";
  return "a lambda";
}

/// A lambda (run in place or by a thread) is written inside its caller: a
/// value it captures is reported in it, not where it is created.
bool nested(const ChainStep &S) {
  return S.Via == ChainStep::Lambda ||
         (S.Via == ChainStep::Worker &&
          HandleProvenance::isLambdaOperator(S.Function));
}

const Expr *stripAll(const Expr *E) {
  for (int Depth = 0; E && Depth < 32; ++Depth) {
    E = E->IgnoreParens();
    if (const auto *CE = dyn_cast<CastExpr>(E))
      E = CE->getSubExpr();
    else if (const auto *FE = dyn_cast<FullExpr>(E))
      E = FE->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else
      return E;
  }
  return E;
}

class Reporter {
public:
  Reporter(AnalysisContext &AC, HandleProvenance &HP, bool StatusOnly)
      : AC(AC), HP(HP), LF(AC.locations()), StatusOnly(StatusOnly) {
    // A V1 DLL's entry point is Open.
    bool V1 = false, V2 = false;
    for (const ResourceEntry &E : HP.entries()) {
      V1 |= E.Kind == EntryKind::Open;
      V2 |= E.Kind == EntryKind::OpenV2;
    }
    OpenName = V1 && !V2 ? "Open" : "OpenV2";
  }

  bool wanted(CallbackKind K) const { return !StatusOnly || isStatusCallback(K); }

  void reportUse(const CallbackUse &U);
  void reportConstant(const CallExpr *Site, const CallbackCall *CC,
                      const FunctionDecl *Fn, const Expr *Arg, int64_t K,
                      bool OnPath, const Trail &T,
                      const FunctionDecl *Helper, const ParamPass *PP);
  void reportOpens(const std::vector<CallbackUse> &Uses);
  void take(std::vector<Finding> &Out) {
    for (const auto &Key : Order)
      Out.push_back(std::move(Findings[Key]));
  }

private:
  std::string describe(const HV &V) const;
  std::string otherDetail(const HV &V) const;
  Problem typeProblem(const Expr *Arg, HV &Detail) const;
  void hint(FindingBuilder &B) const;
  void registrations(FindingBuilder &B, const FunctionDecl *FD) const;
  const Expr *traceArgument(const CallbackUse &U, size_t J,
                            const Expr *Start) const;
  const Expr *bindingOf(const Stmt *Site, int Param) const;
  bool add(const Stmt *Primary, Problem P, Finding F) {
    auto Key = std::make_pair(Primary, isConstantProblem(P) ? 0 : 1);
    if (!Findings.emplace(Key, std::move(F)).second)
      return false;
    Order.push_back(Key);
    return true;
  }
  bool has(const Stmt *Primary, Problem P) const {
    return Findings.count({Primary, isConstantProblem(P) ? 0 : 1});
  }

  AnalysisContext &AC;
  HandleProvenance &HP;
  const LocationFactory &LF;
  bool StatusOnly;
  std::string OpenName;
  std::map<std::pair<const Stmt *, int>, Finding> Findings;
  std::vector<std::pair<const Stmt *, int>> Order;
};

std::string Reporter::describe(const HV &V) const {
  switch (V.K) {
  case HV::Null:
    return "NULL";
  case HV::Const:
    return "the constant " + std::to_string(V.C);
  case HV::Handle:
    return "the ResourceHandle";
  case HV::Object:
    return "a resource object pointer";
  case HV::Global:
    return "the value of '" + cast<NamedDecl>(V.D)->getNameAsString() + "'";
  case HV::External:
    return "the handle returned by '" + displayName(cast<FunctionDecl>(V.D)) +
           "'";
  case HV::Other:
    return otherDetail(V);
  default:
    return "a value";
  }
}

std::string Reporter::otherDetail(const HV &V) const {
  const auto *ND = dyn_cast_or_null<NamedDecl>(V.D);
  std::string Name = ND ? ND->getNameAsString() : std::string("?");
  switch (V.Why) {
  case HV::EntryParam: {
    const auto *FD = dyn_cast<FunctionDecl>(
        cast<ParmVarDecl>(V.D)->getDeclContext());
    return "the parameter '" + Name + "' of the " +
           entryKindName(EntryKind(V.Index)).str() + " entry point '" +
           displayName(FD) + "'";
  }
  case HV::SystemField: {
    const auto *RD = cast<FieldDecl>(V.D)->getParent();
    return "the field '" + Name + "' of '" + RD->getNameAsString() + "'";
  }
  case HV::TypedHandle:
    return "a '" + Name + "'";
  case HV::OtherField:
    return "the field '" + Name + "'";
  default:
    return "a value";
  }
}

/// What the type of the argument alone proves (the RESID, a pointer to a
/// structure, an HKEY): only for the argument written at the callback call.
Problem Reporter::typeProblem(const Expr *Arg, HV &Detail) const {
  const Expr *E = stripAll(Arg);
  if (!E)
    return Problem::None;
  if (isa<CXXThisExpr>(E))
    return Problem::ObjectPointer;
  QualType T = E->getType();
  if (HandleProvenance::hasTypedef(T, "RESID"))
    return Problem::Resid;
  const RecordDecl *RD = HandleProvenance::pointee(T);
  if (!RD)
    return Problem::None;
  if (!HP.isSystem(RD))
    return Problem::ObjectPointer;
  Detail = HV::make(HV::Other, nullptr);
  Detail.Why = HV::TypedHandle;
  Detail.D = RD;
  if (const auto *TT = T->getAs<TypedefType>())
    Detail.D = TT->getDecl();
  return Problem::OtherHandle;
}

/// The registrations of the entry point the finding is in, if it is one.
void Reporter::registrations(FindingBuilder &B, const FunctionDecl *FD) const {
  for (const EntryPoint *EP : AC.model().entryPointsOf(FD))
    B.registrations(*EP);
}

/// Where an Open entry point stores its ResourceHandle: the fix.
void Reporter::hint(FindingBuilder &B) const {
  for (const HandleStore &S : HP.stores()) {
    const auto *FD = dyn_cast<FieldDecl>(S.Loc);
    if (!FD || S.Value.K != HV::Handle)
      continue;
    for (const ResourceEntry &E : HP.entries())
      if (E.isOpen() && E.Function == S.Root) {
        B.related(S.Site, "'" + displayName(S.Root) +
                              "' stores its ResourceHandle in the field '" +
                              FD->getNameAsString() + "' here");
        return;
      }
  }
}

/// What the worker started at Site receives in its parameter Param.
const Expr *Reporter::bindingOf(const Stmt *Site, int Param) const {
  for (const WorkerStart &W : AC.model().workerStarts())
    if (W.Site == Site)
      for (const WorkerBinding &B : W.Bindings)
        if (B.Param == Param)
          return B.Arg;
  return nullptr;
}

/// The argument of the call at Chain[J] that carries the value down to the
/// callback, when it is passed on parameter by parameter.
const Expr *Reporter::traceArgument(const CallbackUse &U, size_t J,
                                    const Expr *Start) const {
  const Expr *E = Start;
  if (!E || !AC.parentsOf(U.Chain.back().Function).hasParent(E))
    return nullptr; // not written in the callback's function
  for (size_t K = U.Chain.size() - 1; K >= J && K > 0; --K) {
    const ChainStep &Step = U.Chain[K];
    if (nested(Step))
      continue;
    if (isa<CXXThisExpr>(stripAll(E))) {
      // 'this' of a member call: the object it is called on (for a thread
      // on a member function, the object std::thread is given).
      const auto *MCE = dyn_cast<CXXMemberCallExpr>(Step.Site);
      E = MCE ? MCE->getImplicitObjectArgument() : nullptr;
      if (Step.Via == ChainStep::Worker)
        E = bindingOf(Step.Site, WorkerBinding::ThisParam);
      if (!E)
        return nullptr;
      continue;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(stripAll(E));
    const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!PVD || PVD->getDeclContext() != Step.Function)
      return nullptr;
    unsigned Index = PVD->getFunctionScopeIndex();
    E = nullptr;
    if (Step.Via == ChainStep::Call) {
      if (const auto *CE = dyn_cast<CallExpr>(Step.Site))
        E = Index < CE->getNumArgs() ? CE->getArg(Index) : nullptr;
      else if (const auto *CCE = dyn_cast<CXXConstructExpr>(Step.Site))
        E = Index < CCE->getNumArgs() ? CCE->getArg(Index) : nullptr;
    } else {
      E = bindingOf(Step.Site, int(Index));
    }
    if (!E)
      return nullptr;
  }
  return E;
}

void Reporter::reportUse(const CallbackUse &U) {
  const CallExpr *CE = U.Call->Call;
  if (!wanted(U.Call->Kind) || CE->getNumArgs() == 0 || U.Chain.empty())
    return;
  const HV &V = U.Value;
  // Where the value became wrong: report at the call of the function in
  // which it did (the helper call that hands it over), or at the callback.
  // A worker's context is an object, never meant as a handle: an object
  // that crosses a worker start is reported in the worker.
  size_t Back = U.Chain.size() - 1, J = Back + 1;
  if (V.OriginFn)
    for (size_t I = Back + 1; I-- > 0;)
      if (U.Chain[I].Function == V.OriginFn) {
        for (size_t K = I + 1; K <= Back && V.K == HV::Object; ++K)
          if (U.Chain[K].Via == ChainStep::Worker)
            I = K;
        for (size_t K = I + 1; K <= Back; ++K)
          if (!nested(U.Chain[K])) {
            J = K;
            break;
          }
        break;
      }
  // What the argument's type proves is wrong in the function that wrote it
  // ('this', a RESID, an HKEY passed to the callback).
  HV Typed;
  bool Checkable = V.K != HV::Handle && V.K != HV::ElementHandle &&
                   V.K != HV::Null && V.K != HV::Const;
  if (Checkable && typeProblem(CE->getArg(0), Typed) != Problem::None)
    J = Back + 1;
  bool AtCallback = J > Back;
  const Stmt *Primary = AtCallback ? CE : U.Chain[J].Site;
  const FunctionDecl *PrimaryFn =
      AtCallback ? U.Chain[Back].Function : U.Chain[J - 1].Function;

  // The argument as written where the finding is reported.
  const Expr *ArgExpr =
      AtCallback ? CE->getArg(0) : traceArgument(U, J, CE->getArg(0));
  Problem P = Problem::None;
  HV Detail = V;
  if (V.K == HV::Null)
    P = Problem::Null;
  else if (V.K == HV::Const)
    P = Problem::Constant;
  else if (ArgExpr && Checkable)
    P = typeProblem(ArgExpr, Detail);
  if (P == Problem::None) {
    switch (V.K) {
    case HV::Object:
      P = Problem::ObjectPointer;
      break;
    case HV::Other:
      P = Problem::OtherHandle;
      break;
    case HV::External:
      if (AC.api().lookup(cast<FunctionDecl>(V.D)))
        P = Problem::OtherHandle;
      break;
    case HV::Global:
      P = Problem::Global;
      break;
    case HV::ForeignHandle:
      if (U.Bound)
        P = Problem::Foreign;
      break;
    default:
      break;
    }
  }
  if (P == Problem::None || has(Primary, P))
    return;

  std::string Text = ArgExpr ? LF.text(ArgExpr) : LF.text(Primary);
  std::string Cb = callbackKindName(U.Call->Kind).str();
  std::string Head = Cb;
  if (!AtCallback)
    Head += std::string(" (through ") +
            (U.Chain[J].Via == ChainStep::Worker ? "the worker " : "") +
            nameOf(U.Chain[J].Function) + ")";
  Head += " " + where(PrimaryFn) + " receives ";
  std::string Msg;
  switch (P) {
  case Problem::Null:
    Msg = "a null ResourceHandle ('" + Text + "')";
    break;
  case Problem::Constant:
    Msg = "a constant ResourceHandle ('" + Text + "')";
    break;
  case Problem::Resid:
    Msg = "the RESID '" + Text +
          "' instead of the ResourceHandle that " + OpenName + " received";
    break;
  case Problem::ObjectPointer:
    Msg = "the resource object pointer '" + Text +
          "' instead of the ResourceHandle that " + OpenName + " received";
    break;
  case Problem::OtherHandle:
    Msg = "'" + Text + "' as its ResourceHandle, but that is ";
    if (Detail.K == HV::External)
      Msg += describe(Detail);
    else if (Detail.Why == HV::OtherField)
      Msg += otherDetail(Detail) +
             ", which is never assigned " + OpenName + "'s ResourceHandle";
    else if (Detail.Why == HV::EntryParam)
      Msg += otherDetail(Detail);
    else
      Msg += otherDetail(Detail) + ", not a resource handle";
    break;
  case Problem::Global: {
    const auto *VD = dyn_cast_or_null<VarDecl>(V.D);
    if (!VD)
      return;
    Msg = "'" + Text + "' as its ResourceHandle, a handle kept in the " +
          (VD->isStaticLocal() || VD->isStaticDataMember() ||
                   VD->getStorageClass() == SC_Static
               ? "static"
               : "global") +
          " variable '" + VD->getNameAsString() +
          "' and shared by every resource of the type";
    break;
  }
  case Problem::Foreign: {
    // The object, as written where the finding is reported.
    const Expr *Obj = dyn_cast_or_null<Expr>(V.Site);
    if (!AtCallback)
      Obj = traceArgument(U, J, Obj);
    else if (Obj && !AC.parentsOf(PrimaryFn).hasParent(Obj))
      Obj = nullptr; // read in a function that returned it
    std::string ObjText = Obj ? LF.text(Obj) : std::string();
    if (Obj && ObjText.empty() && isa<CXXThisExpr>(stripAll(Obj)))
      ObjText = "this";
    Msg = AtCallback ? "'" + Text + "' as its ResourceHandle, "
                     : std::string("a handle ");
    Msg += ObjText.empty()
               ? "the handle field of an object that is not tied to this "
                 "resource"
               : "read through '" + ObjText +
                     "', an object that is not tied to this resource";
    break;
  }
  case Problem::None:
    return;
  }

  FindingBuilder B(AC, StatusWrongHandle::Id, PrimaryFn);
  B.message(Head + Msg).at(Primary);
  for (size_t K = J + 1; K <= Back; ++K)
    if (!nested(U.Chain[K]))
      B.step(U.Chain[K].Site,
             nameOf(U.Chain[K - 1].Function) + " passes it to " +
                 (U.Chain[K].Via == ChainStep::Worker ? "the worker " : "") +
                 nameOf(U.Chain[K].Function) + " here");
  if (!AtCallback)
    B.step(CE, nameOf(U.Chain[Back].Function) + " passes it to " + Cb +
                   " as the ResourceHandle here");
  if (P == Problem::OtherHandle && Detail.Why == HV::OtherField) {
    const FieldClass &FC = HP.fieldClass(cast<FieldDecl>(Detail.D));
    B.related(FC.Site, "'" + cast<NamedDecl>(Detail.D)->getNameAsString() +
                           "' is assigned " + describe(FC.Sample) + " here");
  }
  if (P == Problem::Global)
    for (const HandleStore &S : HP.stores()) {
      // The variable itself, or the field read from the global structure.
      bool Direct = S.Loc == V.D;
      bool InGlobal = V.ReadLoc && S.Loc == V.ReadLoc &&
                      S.Base.K == HV::Object &&
                      S.Base.T == Tie::GlobalObject && S.Base.D == V.D;
      if (!Direct && !InGlobal)
        continue;
      std::string Name = cast<NamedDecl>(S.Loc)->getNameAsString();
      if (const auto *BO = dyn_cast<BinaryOperator>(S.Site))
        Name = LF.text(BO->getLHS());
      B.related(S.Site, "'" + Name + "' is assigned " + describe(S.Value) +
                            " here");
      break;
    }
  hint(B);
  registrations(B, PrimaryFn);
  add(Primary, P, B.take());
}

void Reporter::reportConstant(const CallExpr *Site, const CallbackCall *CC,
                              const FunctionDecl *Fn, const Expr *Arg,
                              int64_t K, bool OnPath, const Trail &T,
                              const FunctionDecl *Helper,
                              const ParamPass *PP) {
  Problem P = K == 0 ? Problem::Null : Problem::Constant;
  if (has(Site, P))
    return;
  std::string Cb = callbackKindName(CC->Kind).str();
  std::string Msg = Cb;
  if (Helper)
    Msg += " (through " + nameOf(Helper) + ")";
  Msg += " " + where(Fn) + " receives " +
         (K == 0 ? "a null" : "a constant") + " ResourceHandle ('" +
         LF.text(Arg) + "')" + (OnPath ? " on this path" : "");
  FindingBuilder B(AC, StatusWrongHandle::Id, Fn);
  B.message(Msg).at(Site);
  if (OnPath)
    B.path(T); // a constant argument is wrong on every path
  if (Helper && PP) {
    const ParmVarDecl *PV = definitionOf(Helper)->getParamDecl(PP->Param);
    B.step(CC->Call, "the parameter '" + PV->getNameAsString() + "' of " +
                         nameOf(Helper) + " reaches " + Cb +
                         " as the ResourceHandle here");
  }
  hint(B);
  registrations(B, Fn);
  add(Site, P, B.take());
}

/// OpenV2 never stores its ResourceHandle where the callbacks read it: the
/// callbacks read a field that no function of this file assigns, and none
/// of the places they read is fed by this OpenV2 (directly, through a
/// helper, or through copies of what it stored).
void Reporter::reportOpens(const std::vector<CallbackUse> &Uses) {
  llvm::DenseSet<const Decl *> NonNullStored;
  for (const HandleStore &S : HP.stores())
    if (S.Value.K != HV::Null)
      NonNullStored.insert(S.Loc);
  llvm::DenseSet<const Decl *> ReadLocs;
  std::vector<const CallbackUse *> Unassigned;
  llvm::DenseSet<const Decl *> UnassignedSeen;
  for (const CallbackUse &U : Uses) {
    if (!wanted(U.Call->Kind) || !U.Value.ReadLoc)
      continue;
    ReadLocs.insert(U.Value.ReadLoc);
    const auto *FD = dyn_cast<FieldDecl>(U.Value.ReadLoc);
    if (FD && !NonNullStored.count(FD) && !HP.fieldEscapes(FD) &&
        UnassignedSeen.insert(FD).second)
      Unassigned.push_back(&U);
  }
  if (Unassigned.empty())
    return;
  for (const ResourceEntry &E : HP.entries()) {
    if (!E.isOpen() || HP.handleEscapes(E.Function) ||
        E.Function->getNumParams() < 3)
      continue;
    llvm::DenseSet<const Decl *> Fed;
    const HandleStore *FirstStore = nullptr;
    for (const HandleStore &S : HP.stores())
      if (S.Root == E.Function && S.Value.K == HV::Handle) {
        Fed.insert(S.Loc);
        if (!FirstStore)
          FirstStore = &S;
      }
    for (bool Grew = true; Grew;) {
      Grew = false;
      for (const HandleStore &S : HP.stores())
        if (S.Value.K == HV::Handle && S.Value.ReadLoc &&
            Fed.count(S.Value.ReadLoc) && Fed.insert(S.Loc).second)
          Grew = true;
    }
    if (llvm::any_of(ReadLocs, [&](const Decl *L) { return Fed.count(L); }))
      continue;
    const CallbackUse &First = *Unassigned.front();
    const ParmVarDecl *Param = E.Function->getParamDecl(2);
    std::string Kind = entryKindName(E.Kind).str();
    FindingBuilder B(AC, StatusWrongHandle::Id, E.Function);
    B.message(Kind + " entry point '" + displayName(E.Function) +
              "' never stores its ResourceHandle where the callbacks read it ('" +
              LF.text(First.Call->Call->getArg(0)) +
              "', to which no function of this file assigns a handle)");
    B.finding().Primary = LF.of(static_cast<const Decl *>(Param));
    B.finding().NormalizedStatement =
        displayName(E.Function) + " " + Param->getNameAsString();
    for (const CallbackUse *U : Unassigned)
      B.related(U->Call->Call,
                callbackKindName(U->Call->Kind).str() + " " +
                    where(U->Chain.back().Function) +
                    " reads its ResourceHandle from '" +
                    cast<NamedDecl>(U->Value.ReadLoc)->getNameAsString() +
                    "' here");
    if (FirstStore)
      B.related(FirstStore->Site,
                "'" + displayName(E.Function) + "' stores its ResourceHandle in '" +
                    cast<NamedDecl>(FirstStore->Loc)->getNameAsString() +
                    "' here");
    for (const EntryPoint *EP : AC.model().entryPointsOf(E.Function))
      if (EP->Kind == E.Kind) {
        B.registrations(*EP);
        break;
      }
    // Keyed by the function: one finding per Open entry point.
    auto Key = std::make_pair(
        static_cast<const Stmt *>(E.Function->getBody()), 2);
    if (Findings.emplace(Key, B.take()).second)
      Order.push_back(Key);
  }
}

/// Watches the arguments that must not be NULL or a constant on any path:
/// the first argument of a callback, and the arguments a helper passes on
/// to one.
class ConstantHandleObserver : public PathObserver {
public:
  struct Watch {
    const CallExpr *Call;
    const CallbackCall *CC;
    const Expr *Arg;
    const FunctionDecl *Helper = nullptr;
    ParamPass PP;
  };
  struct Hit {
    Watch W;
    int64_t K;
    bool OnPath;
    Trail T;
  };
  llvm::DenseMap<const Stmt *, llvm::SmallVector<Watch, 1>> ByArg;
  std::vector<Hit> Hits;

  void watch(const Watch &W) {
    ByArg[W.Arg].push_back(W);
    if (const Expr *Inner = W.Arg->IgnoreParenImpCasts(); Inner != W.Arg)
      ByArg[Inner].push_back(W);
  }

  void onStmt(const Stmt *St, PathState &S, PathContext &C) override {
    auto It = ByArg.find(St);
    if (It == ByArg.end())
      return;
    for (const Watch &W : It->second) {
      if (Done.count({W.Call, W.Arg}))
        continue;
      std::optional<int64_t> K = S.F.known(C.eval(cast<Expr>(St), S));
      if (!K)
        continue;
      Done.insert({W.Call, W.Arg});
      Hits.push_back({W, *K, !C.constantOf(W.Arg).has_value(), S.T});
    }
  }

private:
  std::set<std::pair<const CallExpr *, const Expr *>> Done;
};

/// The calls of FD's own body (not of the lambdas inside it).
void collectCalls(const Stmt *S, std::vector<const CallExpr *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    Out.push_back(CE);
  for (const Stmt *Child : S->children())
    collectCalls(Child, Out);
}

} // namespace

RuleInfo StatusWrongHandle::info() {
  RuleInfo I;
  I.Id = Id;
  I.Title = "A callback receives a handle other than this resource's "
            "ResourceHandle";
  I.Description =
      "The first argument of SetResourceStatusEx (and of the V1 "
      "SetResourceStatus, LogEvent, SetResourceLockedMode and SignalFailure) "
      "must be the ResourceHandle that OpenV2 received for the same "
      "resource. RESID and RESOURCE_HANDLE are both pointers, so the "
      "compiler accepts the RESID, an event or thread handle, a handle kept "
      "in a global, or another resource's handle; the Resource Monitor then "
      "updates the wrong resource or none.";
  I.Contract = "The ResourceHandle parameter should contain the same handle "
               "that is used for the ResourceHandle parameter in the OpenV2 "
               "entry point for this resource.";
  I.Level = "error";
  I.Options = {{"StatusCallbacksOnly", "false"}};
  I.Create = [] { return std::make_unique<StatusWrongHandle>(); };
  return I;
}

void StatusWrongHandle::check(AnalysisContext &AC, std::vector<Finding> &Out) {
  bool StatusOnly =
      AC.options().getBool(std::string(Id) + ".StatusCallbacksOnly", false);
  const ResourceDllModel &M = AC.model();
  if (M.callbackCalls().empty())
    return;
  HandleProvenance HP(AC);
  std::vector<CallbackUse> Uses;
  HP.run([&](const CallbackUse &U) { Uses.push_back(U); });
  Reporter R(AC, HP, StatusOnly);

  // NULL or a constant on a path: the path engine, function by function.
  for (const FunctionDecl *FD : M.functions()) {
    if (!AC.isDllFunction(FD) || FD->isDependentContext())
      continue;
    ConstantHandleObserver Obs;
    for (const CallbackCall &CC : M.callbackCalls())
      if (CC.Caller == FD && CC.Call->getNumArgs() && R.wanted(CC.Kind))
        Obs.watch({CC.Call, &CC, CC.Call->getArg(0), nullptr, ParamPass()});
    std::vector<const CallExpr *> Calls;
    collectCalls(FD->getBody(), Calls);
    for (const CallExpr *CE : Calls) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee || !AC.isDllFunction(Callee) || isa<CXXOperatorCallExpr>(CE))
        continue;
      for (const ParamPass &PP : HP.paramPasses(Callee))
        if (unsigned(PP.Param) < CE->getNumArgs() && R.wanted(PP.Call->Kind))
          Obs.watch({CE, PP.Call, CE->getArg(PP.Param), Callee, PP});
    }
    if (Obs.ByArg.empty())
      continue;
    EngineResult Res = runPathAnalysis(AC, FD, Obs);
    if (!Res.Completed) {
      AC.reportBudgetHit(FD, Id);
      continue; // no finding is guessed
    }
    for (const ConstantHandleObserver::Hit &H : Obs.Hits)
      R.reportConstant(H.W.Call, H.W.CC, FD, H.W.Arg, H.K, H.OnPath, H.T,
                       H.W.Helper, H.W.Helper ? &H.W.PP : nullptr);
  }

  for (const CallbackUse &U : Uses)
    R.reportUse(U);
  R.reportOpens(Uses);
  for (const FunctionDecl *FD : HP.budgetHits()) {
    Notification N;
    N.Lvl = Notification::Warning;
    N.Kind = "budget";
    N.Loc = AC.locations().of(static_cast<const Decl *>(FD));
    N.Message = "the analysis of '" + displayName(FD) + "' for " +
                std::string(Id) + " reached its limit of " +
                std::to_string(HandleProvenance::MaxContextsPerFunction) +
                " calling contexts; in further calls its parameters are "
                "taken as unknown";
    AC.notifications().push_back(std::move(N));
    AC.stats().BudgetHits++;
  }
  R.take(Out);
}

} // namespace resdll
