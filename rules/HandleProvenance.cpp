//===- HandleProvenance.cpp - where ResourceHandle values come from -------===//
//
// See HandleProvenance.h for the design. The evaluation is a walk over the
// AST of each function in each context (no paths): expressions are mapped to
// HandleValues, locals are joined over their assignments, calls to the DLL's
// own functions open memoised contexts, and stores into fields and globals
// are recorded for the TU-wide field classes.
//
//===----------------------------------------------------------------------===//
#include "HandleProvenance.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include <set>

using namespace clang;

namespace resdll {

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

bool HandleValue::operator==(const HandleValue &O) const {
  return K == O.K && T == O.T && Why == O.Why && Index == O.Index &&
         C == O.C && D == O.D && Site == O.Site && ReadLoc == O.ReadLoc &&
         OriginFn == O.OriginFn;
}

void HandleValue::appendKey(std::vector<uintptr_t> &Key) const {
  Key.push_back(uintptr_t(K) | uintptr_t(T) << 8 | uintptr_t(Why) << 16);
  Key.push_back(uintptr_t(intptr_t(Index)));
  Key.push_back(uintptr_t(C));
  Key.push_back(reinterpret_cast<uintptr_t>(D));
  Key.push_back(reinterpret_cast<uintptr_t>(Site));
  Key.push_back(reinterpret_cast<uintptr_t>(ReadLoc));
  Key.push_back(reinterpret_cast<uintptr_t>(OriginFn));
}

using HV = HandleValue;

static bool otherFamily(const HV &V) {
  return V.K == HV::Other || V.K == HV::Const;
}

/// What a local holds when several values are assigned to it. Null
/// initialisers and resets do not count (nullness on a path is the path
/// engine's question); two values of the same kind keep the first.
static HV join(const HV &A, const HV &B) {
  if (A.K == HV::Bottom)
    return B;
  if (B.K == HV::Bottom || A == B)
    return A;
  if (A.K == HV::Null)
    return B;
  if (B.K == HV::Null)
    return A;
  if (A.K == HV::Unknown || B.K == HV::Unknown)
    return HV::unknown();
  if (otherFamily(A) && otherFamily(B))
    return A;
  if (A.K == B.K) {
    switch (A.K) {
    case HV::Object:
      if (A.T == B.T)
        return A;
      break;
    case HV::External:
      if (A.D == B.D)
        return A;
      break;
    case HV::Global:
    case HV::Handle:
    case HV::ElementHandle:
    case HV::ForeignHandle:
      return A;
    default:
      break;
    }
  }
  return HV::unknown();
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool HandleProvenance::hasTypedef(QualType T, StringRef Name) {
  for (int Depth = 0; Depth < 16 && !T.isNull(); ++Depth) {
    const auto *TT = T->getAs<TypedefType>();
    if (!TT)
      return false;
    if (TT->getDecl()->getName() == Name)
      return true;
    T = TT->desugar();
  }
  return false;
}

const RecordDecl *HandleProvenance::pointee(QualType T) {
  if (T.isNull() || !T->isPointerType())
    return nullptr;
  return T->getPointeeType()->getAsRecordDecl();
}

bool HandleProvenance::isSystem(const Decl *D) const {
  return D && AC.ast().getSourceManager().isInSystemHeader(D->getLocation());
}

bool HandleProvenance::isLambdaOperator(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && MD->getParent()->isLambda();
}

static bool isObjectType(QualType T) {
  return !T.isNull() && (T->isRecordType() || T->isArrayType());
}

/// The local a value expression is computed from (p for p->Next,
/// CONTAINING_RECORD(p->Link.Flink, ...), &p->x, p[i]).
static const VarDecl *rootVariable(const Expr *E) {
  for (int Depth = 0; E && Depth < 32; ++Depth) {
    E = E->IgnoreParens();
    if (const Expr *Addr = ResourceDllModel::containingRecordAddress(E)) {
      E = Addr;
      continue;
    }
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      E = CE->getSubExpr();
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      E = ME->getBase();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref)
        return nullptr;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    return nullptr;
  }
  return nullptr;
}

static const VarDecl *localOf(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                    : nullptr);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() ? VD : nullptr;
}

/// std::make_unique<T>(args) / std::make_shared<T>(args): the constructor
/// of T that takes as many arguments (when only one does).
static const CXXConstructorDecl *madeByFactory(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee || !Callee->isInStdNamespace() || !Callee->getIdentifier())
    return nullptr;
  StringRef Name = Callee->getName();
  if (Name != "make_unique" && Name != "make_shared")
    return nullptr;
  const TemplateArgumentList *TA = Callee->getTemplateSpecializationArgs();
  if (!TA || TA->size() < 1 || TA->get(0).getKind() != TemplateArgument::Type)
    return nullptr;
  const CXXRecordDecl *RD = TA->get(0).getAsType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return nullptr;
  const CXXConstructorDecl *Found = nullptr;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (C->isCopyOrMoveConstructor() || C->getNumParams() != CE->getNumArgs())
      continue;
    if (Found)
      return nullptr; // overloaded: not guessed
    Found = C;
  }
  return Found;
}

//===----------------------------------------------------------------------===//
// Per-function facts (independent of the context)
//===----------------------------------------------------------------------===//

namespace {
struct FunctionFacts {
  struct Assign {
    const VarDecl *Var;
    const Expr *RHS; ///< null: an unknown value (+=, ++)
  };
  std::vector<Assign> Assigns;
  llvm::DenseSet<const VarDecl *> Escaped;   ///< address taken: unknown
  llvm::DenseSet<const VarDecl *> Iterators; ///< p = p->Next, range-for
  std::vector<const Expr *> Returns;

  void collect(const Stmt *S) {
    if (!S)
      return;
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : LE->capture_inits())
        collect(Init);
      lambdaAssigns(LE->getBody(), LE->getCallOperator());
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->hasLocalStorage() && VD->getInit()) {
            if (VD->getType()->isReferenceType()) {
              if (const VarDecl *Ref = localOf(VD->getInit()))
                Escaped.insert(Ref);
            } else {
              assign(VD, VD->getInit());
            }
          }
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp())
        if (const VarDecl *VD = localOf(BO->getLHS()))
          assign(VD, BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr);
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp()) {
        if (const VarDecl *VD = localOf(UO->getSubExpr()))
          assign(VD, nullptr);
      } else if (UO->getOpcode() == UO_AddrOf) {
        if (const VarDecl *VD = localOf(UO->getSubExpr()))
          if (!isObjectType(VD->getType()))
            Escaped.insert(VD);
      }
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      if (const FunctionDecl *FD = CE->getDirectCallee())
        for (unsigned I = 0, N = std::min(CE->getNumArgs(), FD->getNumParams());
             I < N; ++I) {
          QualType PT = FD->getParamDecl(I)->getType();
          if (PT->isReferenceType() && !PT->getPointeeType().isConstQualified())
            if (const VarDecl *VD = localOf(CE->getArg(I)))
              Escaped.insert(VD);
        }
    } else if (const auto *FR = dyn_cast<CXXForRangeStmt>(S)) {
      if (const VarDecl *LV = FR->getLoopVariable())
        Iterators.insert(LV);
    } else if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
      if (RS->getRetValue())
        Returns.push_back(RS->getRetValue());
    }
    for (const Stmt *Child : S->children())
      collect(Child);
  }

  void assign(const VarDecl *VD, const Expr *RHS) {
    Assigns.push_back({VD, RHS});
    if (RHS && rootVariable(RHS) == VD)
      Iterators.insert(VD);
  }

  /// A lambda that assigns a variable of the enclosing function makes its
  /// value unknown there.
  void lambdaAssigns(const Stmt *S, const FunctionDecl *Op) {
    if (!S)
      return;
    const Expr *Target = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp())
        Target = BO->getLHS();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
        Target = UO->getSubExpr();
    }
    if (const VarDecl *VD = localOf(Target))
      if (VD->getParentFunctionOrMethod() != Op)
        Escaped.insert(VD);
    for (const Stmt *Child : S->children())
      lambdaAssigns(Child, Op);
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Contexts and the evaluator
//===----------------------------------------------------------------------===//

struct HandleProvenance::Frame {
  const FunctionDecl *FD = nullptr;
  std::vector<HV> Params;
  HV This = HV::unknown();
  llvm::SmallVector<std::pair<const VarDecl *, HV>, 4> Captures;
  bool Bound = false;

  llvm::DenseMap<const VarDecl *, HV> Locals;
  HV Return;
  bool Visited = false;

  const HV *capture(const VarDecl *VD) const {
    for (const auto &[V, Val] : Captures)
      if (V == VD)
        return &Val;
    return nullptr;
  }
  std::vector<uintptr_t> key() const {
    std::vector<uintptr_t> K{reinterpret_cast<uintptr_t>(FD), uintptr_t(Bound)};
    for (const HV &P : Params)
      P.appendKey(K);
    This.appendKey(K);
    for (const auto &[V, Val] : Captures) {
      K.push_back(reinterpret_cast<uintptr_t>(V));
      Val.appendKey(K);
    }
    return K;
  }
};

class HandleProvenance::Evaluator {
public:
  Evaluator(HandleProvenance &P)
      : P(P), AC(P.AC), Ctx(P.AC.ast()), M(P.M) {}

  // Limits: contexts per function and per pass, and the call depth.
  static constexpr unsigned MaxContexts = 20000;
  static constexpr unsigned MaxChain = 64; ///< nested calls followed
  static constexpr unsigned MaxDepth = 24;

  void reset() {
    Frames.clear();
    PerFunction.clear();
    InProgress.clear();
    StoreSeen.clear();
    Chain.clear();
    VisitedFunctions.clear();
  }

  Frame *frame(Frame Proto);
  void visit(Frame &F, ChainStep Step);
  HV eval(const Expr *E, Frame &F);
  HV asObject(const HV &V, Frame &F);
  HV fresh(Frame &F) {
    return HV::object(F.Bound ? Tie::Tied : Tie::Element, F.FD);
  }

  bool Recording = true;
  std::function<void(const CallbackUse &)> Report = [](const CallbackUse &) {};
  llvm::DenseSet<const FunctionDecl *> VisitedFunctions;

private:
  FunctionFacts &facts(const FunctionDecl *FD);
  void compute(Frame &F);
  HV lookup(const VarDecl *VD, Frame &F);
  HV globalValue(const VarDecl *VD, Frame &F);
  HV readMember(const MemberExpr *ME, Frame &F);
  HV evalCall(const CallExpr *CE, Frame &F);
  llvm::SmallVector<const FunctionDecl *, 2> targets(const CallExpr *CE);
  Frame callFrame(const FunctionDecl *Target, const CallExpr *CE, Frame &F);
  Frame ctorFrame(const CXXConstructorDecl *Ctor,
                  llvm::ArrayRef<const Expr *> Args, HV This, Frame &F);
  void evalCaptures(const LambdaExpr *LE, Frame &F, Frame &Out);
  std::optional<int64_t> constantOf(const Expr *E);

  void walk(const Stmt *S, Frame &F);
  void walkCall(const CallExpr *CE, Frame &F);
  void startWorker(const WorkerStart &W, Frame &F);
  void recordFieldStore(const FieldDecl *FD, HV V, HV Base, const Stmt *Site,
                        Frame &F);
  void recordGlobalStore(const VarDecl *VD, HV V, const Stmt *Site, Frame &F);
  void recordInitList(const InitListExpr *ILE, Frame &F);

  HandleProvenance &P;
  AnalysisContext &AC;
  ASTContext &Ctx;
  const ResourceDllModel &M;
  std::map<std::vector<uintptr_t>, std::unique_ptr<Frame>> Frames;
  llvm::DenseMap<const FunctionDecl *, unsigned> PerFunction;
  llvm::DenseSet<const Frame *> InProgress;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionFacts>> Facts;
  std::set<std::vector<uintptr_t>> StoreSeen;
  llvm::SmallVector<ChainStep, 8> Chain;
};

FunctionFacts &HandleProvenance::Evaluator::facts(const FunctionDecl *FD) {
  std::unique_ptr<FunctionFacts> &FF = Facts[FD];
  if (!FF) {
    FF = std::make_unique<FunctionFacts>();
    FF->collect(FD->getBody());
  }
  return *FF;
}

HandleProvenance::Frame *HandleProvenance::Evaluator::frame(Frame Proto) {
  if (!Proto.FD || !Proto.FD->getBody() || Proto.FD->isDependentContext())
    return nullptr;
  std::vector<uintptr_t> Key = Proto.key();
  auto It = Frames.find(Key);
  if (It != Frames.end())
    return InProgress.count(It->second.get()) ? nullptr : It->second.get();
  if (InProgress.size() >= MaxDepth)
    return nullptr;
  unsigned &Count = PerFunction[Proto.FD];
  if (Count >= MaxContextsPerFunction || Frames.size() >= MaxContexts) {
    // Past the limit, every further call of the function shares one context
    // in which nothing is known: its stores make the fields they touch
    // unknown, and only what is wrong in any context is reported in it.
    P.BudgetHits.insert(Proto.FD);
    Frame Wild;
    Wild.FD = Proto.FD;
    Wild.Params.assign(Proto.Params.size(), HV::unknown());
    for (const auto &C : Proto.Captures)
      Wild.Captures.push_back({C.first, HV::unknown()});
    Key = Wild.key();
    auto WI = Frames.find(Key);
    if (WI != Frames.end())
      return InProgress.count(WI->second.get()) ? nullptr : WI->second.get();
    Proto = std::move(Wild);
  } else {
    ++Count;
  }
  auto Owned = std::make_unique<Frame>(std::move(Proto));
  Frame *F = Owned.get();
  Frames.emplace(std::move(Key), std::move(Owned));
  InProgress.insert(F);
  compute(*F);
  InProgress.erase(F);
  return F;
}

void HandleProvenance::Evaluator::compute(Frame &F) {
  FunctionFacts &FF = facts(F.FD);
  auto Fixed = [&](const VarDecl *VD) {
    return FF.Escaped.count(VD) || FF.Iterators.count(VD);
  };
  for (const VarDecl *VD : FF.Escaped)
    F.Locals[VD] = HV::unknown();
  for (const VarDecl *VD : FF.Iterators)
    if (!FF.Escaped.count(VD))
      F.Locals[VD] = HV::object(Tie::Element, F.FD);
  bool Changed = true;
  for (int Round = 0; Changed && Round < 8; ++Round) {
    Changed = false;
    for (const FunctionFacts::Assign &A : FF.Assigns) {
      if (Fixed(A.Var))
        continue;
      HV V = A.RHS ? eval(A.RHS, F) : HV::unknown();
      auto [It, New] = F.Locals.try_emplace(A.Var, HV());
      HV J = join(It->second, V);
      if (J != It->second) {
        It->second = J;
        Changed = true;
      }
    }
  }
  if (Changed) // did not settle: forget what moved
    for (const FunctionFacts::Assign &A : FF.Assigns)
      if (!Fixed(A.Var))
        F.Locals[A.Var] = HV::unknown();
  HV R;
  for (const Expr *E : FF.Returns)
    R = join(R, eval(E, F));
  F.Return = R;
}

std::optional<int64_t> HandleProvenance::Evaluator::constantOf(const Expr *E) {
  if (!E || E->isValueDependent() || E->isTypeDependent() ||
      E->getType()->isRecordType())
    return std::nullopt;
  E = E->IgnoreParens();
  if (E->getType()->isIntegralOrEnumerationType()) {
    Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx, Expr::SE_NoSideEffects))
      return R.Val.getInt().getExtValue();
    return std::nullopt;
  }
  if (E->getType()->isAnyPointerType() || E->getType()->isNullPtrType()) {
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return 0;
    // (HANDLE)(LONG_PTR)-1: an integer constant cast to a pointer.
    const Expr *Inner = E;
    while (const auto *CE = dyn_cast<CastExpr>(Inner->IgnoreParens())) {
      Inner = CE->getSubExpr();
      if (Inner->getType()->isIntegralOrEnumerationType()) {
        Expr::EvalResult R;
        if (Inner->EvaluateAsInt(R, Ctx, Expr::SE_NoSideEffects))
          return R.Val.getInt().getExtValue();
        return std::nullopt;
      }
    }
  }
  return std::nullopt;
}

HV HandleProvenance::Evaluator::asObject(const HV &V, Frame &F) {
  switch (V.K) {
  case HV::Object:
  case HV::Param:
    return V;
  case HV::Global: {
    HV O = HV::object(Tie::Foreign, V.OriginFn);
    O.D = V.D;
    O.ReadLoc = V.ReadLoc;
    return O;
  }
  case HV::External:
    // Memory from the system (LocalAlloc, HeapAlloc, malloc, ...): a new
    // object of the code that allocated it.
    return fresh(F);
  case HV::Bottom:
    return V;
  default:
    return HV::unknown();
  }
}

HV HandleProvenance::Evaluator::globalValue(const VarDecl *VD, Frame &F) {
  VD = VD->getCanonicalDecl();
  HV V;
  if (isObjectType(VD->getType())) {
    V = HV::object(Tie::GlobalObject, F.FD);
  } else if (const RecordDecl *RD = pointee(VD->getType());
             RD && !P.isSystem(RD)) {
    V = HV::object(Tie::Foreign, F.FD); // a global resource pointer
  } else {
    V = HV::make(HV::Global, F.FD);
  }
  V.D = VD;
  V.ReadLoc = VD;
  return V;
}

HV HandleProvenance::Evaluator::lookup(const VarDecl *VD, Frame &F) {
  if (!VD)
    return HV::unknown();
  if (const HV *C = F.capture(VD))
    return *C;
  if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
    if (PVD->getDeclContext() != F.FD)
      return HV::unknown();
    unsigned I = PVD->getFunctionScopeIndex();
    return I < F.Params.size() ? F.Params[I] : HV::unknown();
  }
  if (VD->hasGlobalStorage())
    return globalValue(VD, F);
  if (isObjectType(VD->getType()))
    return fresh(F); // a structure on the stack
  auto It = F.Locals.find(VD);
  return It != F.Locals.end() ? It->second : HV::unknown();
}

HV HandleProvenance::Evaluator::readMember(const MemberExpr *ME, Frame &F) {
  if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
    return globalValue(VD, F); // a static data member
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD)
    return HV::unknown();
  HV Base = asObject(eval(ME->getBase(), F), F);
  QualType T = FD->getType();
  if (isObjectType(T))
    return Base; // a structure inside the object: the same object
  if (P.isSystem(FD)) {
    // A field of a Windows structure (CLUS_WORKER::hThread, LIST_ENTRY::Flink).
    if (hasTypedef(T, "RESOURCE_HANDLE"))
      return HV::unknown();
    if (pointee(T))
      return HV::object(Tie::Foreign, F.FD); // a list link
    HV V = HV::make(HV::Other, F.FD);
    V.Why = HV::SystemField;
    V.D = FD;
    return V;
  }
  const FieldClass &FC = P.fieldClass(FD);
  HV V = HV::make(HV::Unknown, F.FD);
  switch (FC.K) {
  case FieldClass::Bottom:
    V.K = HV::Bottom;
    break;
  case FieldClass::Unknown:
    if (Base.K == HV::Object && Base.T == Tie::GlobalObject) {
      V.K = HV::Global;
      V.D = Base.D;
    }
    break;
  case FieldClass::Handle:
    if (Base.K == HV::Bottom) {
      V.K = HV::Bottom;
    } else if (Base.K == HV::Object) {
      switch (Base.T) {
      case Tie::Tied:
        V.K = HV::Handle;
        V.OriginFn = nullptr; // right wherever it goes: fewer contexts
        break;
      case Tie::Element:
        V.K = HV::ElementHandle;
        V.OriginFn = nullptr;
        break;
      case Tie::Foreign:
        V.K = HV::ForeignHandle;
        V.Site = ME->getBase();
        V.D = Base.D;
        if (Base.OriginFn) // the object came from there
          V.OriginFn = Base.OriginFn;
        break;
      case Tie::GlobalObject:
        V.K = HV::Global;
        V.D = Base.D;
        if (Base.OriginFn)
          V.OriginFn = Base.OriginFn;
        break;
      case Tie::None:
        break;
      }
    }
    break;
  case FieldClass::Other:
    V.K = HV::Other;
    V.Why = HV::OtherField;
    V.D = FD;
    V.Site = FC.Site;
    break;
  case FieldClass::Global:
    V.K = HV::Global;
    V.D = FC.Sample.D;
    break;
  case FieldClass::TiedObject:
    if (Base.K == HV::Object) {
      V = Base;
      if (V.T == Tie::GlobalObject)
        V.T = Tie::Foreign;
      V.OriginFn = F.FD;
    } else if (Base.K == HV::Param || Base.K == HV::Bottom) {
      V = Base;
    }
    break;
  case FieldClass::Link:
    V = HV::object(Tie::Foreign, F.FD);
    break;
  }
  V.ReadLoc = FD;
  return V;
}

HV HandleProvenance::Evaluator::eval(const Expr *E, Frame &F) {
  if (!E)
    return HV::unknown();
  E = E->IgnoreParens();
  if (std::optional<int64_t> K = constantOf(E)) {
    HV V = HV::make(*K == 0 ? HV::Null : HV::Const, F.FD);
    V.C = *K;
    return V;
  }
  if (const Expr *Addr = ResourceDllModel::containingRecordAddress(E))
    return asObject(eval(Addr, F), F);
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    switch (CE->getCastKind()) {
    case CK_PointerToBoolean:
    case CK_IntegralToBoolean:
    case CK_ToVoid:
      return HV::unknown();
    default:
      return eval(CE->getSubExpr(), F);
    }
  }
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return eval(FE->getSubExpr(), F);
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return eval(MTE->getSubExpr(), F);
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return eval(BTE->getSubExpr(), F);
  if (const auto *DAE = dyn_cast<CXXDefaultArgExpr>(E))
    return eval(DAE->getExpr(), F);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return lookup(dyn_cast<VarDecl>(DRE->getDecl()), F);
  if (isa<CXXThisExpr>(E))
    return F.This;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return readMember(ME, F);
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf) {
      if (isObjectType(UO->getSubExpr()->getType()))
        return eval(UO->getSubExpr(), F);
      return HV::unknown();
    }
    if (UO->getOpcode() == UO_Deref) {
      HV V = eval(UO->getSubExpr(), F);
      if (isObjectType(E->getType()))
        return asObject(V, F);
      return V.K == HV::Other ? V : HV::unknown();
    }
    return HV::unknown();
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    // An element of an array of resources: one of many.
    if (isObjectType(E->getType())) {
      HV Base = asObject(eval(AS->getBase(), F), F);
      if (Base.K == HV::Object)
        return HV::object(Tie::Element, F.FD);
    }
    return HV::unknown();
  }
  if (const auto *CE = dyn_cast<CallExpr>(E))
    return evalCall(CE, F);
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(E)) {
    if (CCE->getConstructor()->isCopyOrMoveConstructor() &&
        CCE->getNumArgs() >= 1)
      return eval(CCE->getArg(0), F);
    return fresh(F);
  }
  if (isa<CXXNewExpr>(E))
    return fresh(F);
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
    return join(eval(CO->getTrueExpr(), F), eval(CO->getFalseExpr(), F));
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Assign || BO->getOpcode() == BO_Comma)
      return eval(BO->getRHS(), F);
    return HV::unknown();
  }
  return HV::unknown();
}

llvm::SmallVector<const FunctionDecl *, 2>
HandleProvenance::Evaluator::targets(const CallExpr *CE) {
  llvm::SmallVector<const FunctionDecl *, 2> Out;
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(CE) || isLambdaOperator(Callee))
    return Out;
  if (const FunctionDecl *Def = definitionOf(Callee))
    if (AC.isDllFunction(Def))
      Out.push_back(Def);
  // A virtual call reaches the overriders the TU defines.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee))
    if (MD->isVirtual()) {
      const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE);
      const auto *ME = MCE ? dyn_cast<MemberExpr>(MCE->getCallee()) : nullptr;
      if (!ME || !ME->hasQualifier()) {
        auto It = P.Overriders.find(MD->getCanonicalDecl());
        if (It != P.Overriders.end())
          for (const FunctionDecl *O : It->second)
            if (!llvm::is_contained(Out, O))
              Out.push_back(O);
      }
    }
  return Out;
}

HandleProvenance::Frame
HandleProvenance::Evaluator::callFrame(const FunctionDecl *Target,
                                       const CallExpr *CE, Frame &F) {
  Frame Proto;
  Proto.FD = Target;
  Proto.Bound = F.Bound;
  Proto.Params.assign(Target->getNumParams(), HV::unknown());
  for (unsigned I = 0, N = std::min<unsigned>(CE->getNumArgs(),
                                              Proto.Params.size());
       I < N; ++I)
    Proto.Params[I] = eval(CE->getArg(I), F);
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    Proto.This = asObject(eval(MCE->getImplicitObjectArgument(), F), F);
  return Proto;
}

HandleProvenance::Frame HandleProvenance::Evaluator::ctorFrame(
    const CXXConstructorDecl *Ctor, llvm::ArrayRef<const Expr *> Args,
    HV This, Frame &F) {
  Frame Proto;
  Proto.FD = definitionOf(Ctor);
  Proto.Bound = F.Bound;
  Proto.This = This;
  if (Proto.FD) {
    Proto.Params.assign(Proto.FD->getNumParams(), HV::unknown());
    for (unsigned I = 0, N = std::min<unsigned>(Args.size(),
                                                Proto.Params.size());
         I < N; ++I)
      Proto.Params[I] = eval(Args[I], F);
  }
  return Proto;
}

HV HandleProvenance::Evaluator::evalCall(const CallExpr *CE, Frame &F) {
  if (M.callbackAt(CE))
    return HV::unknown();
  if (madeByFactory(CE))
    return fresh(F);
  llvm::SmallVector<const FunctionDecl *, 2> Ts = targets(CE);
  if (!Ts.empty()) {
    HV R;
    for (const FunctionDecl *T : Ts) {
      Frame *CF = frame(callFrame(T, CE, F));
      if (!CF)
        return HV::unknown();
      HV V = CF->Return;
      if (V.OriginFn == T)
        V.OriginFn = F.FD; // produced by this call
      R = join(R, V);
    }
    return R;
  }
  const FunctionDecl *Callee = CE->getDirectCallee();
  // std::move(x), std::forward<T>(x): x itself.
  if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
      (Callee->getName() == "move" || Callee->getName() == "forward") &&
      CE->getNumArgs() == 1)
    return eval(CE->getArg(0), F);
  if (Callee && !isa<CXXOperatorCallExpr>(CE) && P.isSystem(Callee)) {
    HV V = HV::make(HV::External, F.FD);
    V.D = Callee;
    return V;
  }
  return HV::unknown();
}

void HandleProvenance::Evaluator::evalCaptures(const LambdaExpr *LE, Frame &F,
                                               Frame &Out) {
  for (const LambdaCapture &C : LE->captures()) {
    if (C.capturesThis()) {
      Out.This = F.This;
      continue;
    }
    if (!C.capturesVariable())
      continue;
    const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
    if (!V)
      continue;
    Out.Captures.push_back(
        {V, V->isInitCapture() ? eval(V->getInit(), F) : lookup(V, F)});
  }
}

//===----------------------------------------------------------------------===//
// The walk that records stores and callback uses
//===----------------------------------------------------------------------===//

void HandleProvenance::Evaluator::visit(Frame &F, ChainStep Step) {
  if (F.Visited || Chain.size() >= MaxChain)
    return;
  F.Visited = true;
  VisitedFunctions.insert(F.FD);
  Step.Function = F.FD;
  Chain.push_back(Step);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(F.FD)) {
    for (const CXXCtorInitializer *I : Ctor->inits()) {
      const Expr *Init = I->getInit();
      if (!Init || (!I->isWritten() && !I->isBaseInitializer()))
        continue;
      if (I->isBaseInitializer()) {
        // The base part of this object; an inheriting constructor ('using
        // Base::Base') passes its own parameters on.
        if (const auto *IE =
                dyn_cast<CXXInheritedCtorInitExpr>(Init->IgnoreImplicit())) {
          Frame Proto;
          Proto.FD = definitionOf(IE->getConstructor());
          Proto.Bound = F.Bound;
          Proto.This = F.This;
          Proto.Params = F.Params;
          if (Proto.FD)
            Proto.Params.resize(Proto.FD->getNumParams(), HV::unknown());
          if (Frame *BF = frame(std::move(Proto)))
            visit(*BF, {ChainStep::Call, nullptr, IE});
          continue;
        }
        if (const auto *CCE = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit())) {
          for (const Expr *A : CCE->arguments())
            walk(A, F);
          llvm::SmallVector<const Expr *, 4> Args(CCE->arguments());
          if (Frame *BF = frame(ctorFrame(CCE->getConstructor(), Args, F.This, F)))
            visit(*BF, {ChainStep::Call, nullptr, CCE});
          continue;
        }
      }
      walk(Init, F);
      if (const FieldDecl *FD = I->getAnyMember())
        recordFieldStore(FD, eval(Init, F), F.This, Init, F);
    }
  }
  walk(F.FD->getBody(), F);
  Chain.pop_back();
}

void HandleProvenance::Evaluator::walk(const Stmt *S, Frame &F) {
  if (!S)
    return;
  if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : LE->capture_inits())
      walk(Init, F);
    if (P.ThreadLambdas.count(LE))
      return; // run by a thread: started with its worker
    Frame Proto;
    Proto.FD = LE->getCallOperator();
    Proto.Bound = F.Bound;
    Proto.Params.assign(Proto.FD->getNumParams(), HV::unknown());
    evalCaptures(LE, F, Proto);
    if (Frame *LF = frame(std::move(Proto)))
      visit(*LF, {ChainStep::Lambda, nullptr, LE});
    return;
  }
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    for (const Stmt *Child : S->children())
      walk(Child, F);
    walkCall(CE, F);
    return;
  }
  for (const Stmt *Child : S->children())
    walk(Child, F);

  if (const auto *CCE = dyn_cast<CXXConstructExpr>(S)) {
    auto WI = P.WorkerAt.find(CCE);
    if (WI != P.WorkerAt.end()) {
      startWorker(*WI->second, F);
      return;
    }
    if (AC.isDllFunction(CCE->getConstructor())) {
      llvm::SmallVector<const Expr *, 4> Args(CCE->arguments());
      if (Frame *CF =
              frame(ctorFrame(CCE->getConstructor(), Args, fresh(F), F)))
        visit(*CF, {ChainStep::Call, nullptr, CCE});
    }
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (!BO->isAssignmentOp())
      return;
    const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
    HV V = BO->getOpcode() == BO_Assign ? eval(BO->getRHS(), F)
                                        : HV::unknown();
    if (const auto *ME = dyn_cast<MemberExpr>(LHS)) {
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        recordFieldStore(FD, V, asObject(eval(ME->getBase(), F), F), BO, F);
      else if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
        recordGlobalStore(VD, V, BO, F);
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasGlobalStorage())
          recordGlobalStore(VD, V, BO, F);
    }
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->isStaticLocal() && VD->getInit() &&
            !isa<InitListExpr>(VD->getInit()))
          recordGlobalStore(VD, eval(VD->getInit(), F), DS, F);
  } else if (const auto *ILE = dyn_cast<InitListExpr>(S)) {
    recordInitList(ILE, F);
  }
}

void HandleProvenance::Evaluator::recordInitList(const InitListExpr *ILE,
                                                 Frame &F) {
  if (!ILE->isSemanticForm())
    return; // the semantic form is walked too
  const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
  if (!RD || P.isSystem(RD))
    return;
  if (RD->isUnion()) {
    if (const FieldDecl *FD = ILE->getInitializedFieldInUnion())
      if (ILE->getNumInits() >= 1)
        recordFieldStore(FD, eval(ILE->getInit(0), F), fresh(F),
                         ILE->getInit(0), F);
    return;
  }
  unsigned I = 0;
  for (const FieldDecl *FD : RD->fields()) {
    if (I >= ILE->getNumInits())
      break;
    const Expr *Init = ILE->getInit(I++);
    if (isa<ImplicitValueInitExpr>(Init))
      continue;
    recordFieldStore(FD, eval(Init, F), fresh(F), Init, F);
  }
}

void HandleProvenance::Evaluator::walkCall(const CallExpr *CE, Frame &F) {
  if (const CallbackCall *CC = M.callbackAt(CE)) {
    CallbackUse U;
    U.Call = CC;
    U.Value = CE->getNumArgs() ? eval(CE->getArg(0), F) : HV::unknown();
    U.Bound = F.Bound;
    U.Chain.assign(Chain.begin(), Chain.end());
    Report(U);
    return;
  }
  auto WI = P.WorkerAt.find(CE);
  if (WI != P.WorkerAt.end()) {
    startWorker(*WI->second, F);
    return;
  }
  if (const CXXConstructorDecl *Ctor = madeByFactory(CE)) {
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    if (Frame *CF = frame(ctorFrame(Ctor, Args, fresh(F), F)))
      visit(*CF, {ChainStep::Call, nullptr, CE});
    return;
  }
  llvm::SmallVector<const FunctionDecl *, 2> Ts = targets(CE);
  for (const FunctionDecl *T : Ts)
    if (Frame *CF = frame(callFrame(T, CE, F)))
      visit(*CF, {ChainStep::Call, nullptr, CE});
  if (!Ts.empty() || !Recording || Chain.empty())
    return;
  // The handle handed to code outside this TU (not the Windows API) may be
  // stored where the status callers read it.
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (Callee && (P.isSystem(Callee) || isLambdaOperator(Callee)))
    return;
  for (const Expr *A : CE->arguments())
    if (eval(A, F).K == HV::Handle) {
      P.Escapes.insert(Chain.front().Function);
      return;
    }
}

void HandleProvenance::Evaluator::startWorker(const WorkerStart &W, Frame &F) {
  const FunctionDecl *R = definitionOf(W.Routine);
  if (!R || !AC.isDllFunction(R))
    return;
  Frame Proto;
  Proto.FD = R;
  Proto.Params.assign(R->getNumParams(), HV::unknown());
  for (const WorkerBinding &B : W.Bindings) {
    HV V = eval(B.Arg, F);
    if (B.Param == WorkerBinding::ThisParam)
      Proto.This = asObject(V, F);
    else if (unsigned(B.Param) < Proto.Params.size())
      Proto.Params[B.Param] = V;
  }
  if (isLambdaOperator(R)) {
    auto It = P.Lambdas.find(R);
    if (It != P.Lambdas.end())
      evalCaptures(It->second, F, Proto);
  }
  // The worker works for this resource when it receives an object of it
  // (or memory this code allocated for it: a per-request structure).
  auto Tied = [&](const HV &V) {
    HV O = asObject(V, F);
    return (O.K == HV::Object && O.T == Tie::Tied) || V.K == HV::Handle;
  };
  bool AnyTied = Tied(Proto.This) || llvm::any_of(Proto.Params, Tied) ||
                 llvm::any_of(Proto.Captures,
                              [&](const auto &C) { return Tied(C.second); });
  Proto.Bound = F.Bound && AnyTied;
  if (Frame *WF = frame(std::move(Proto)))
    visit(*WF, {ChainStep::Worker, nullptr, W.Site});
}

void HandleProvenance::Evaluator::recordFieldStore(const FieldDecl *FD, HV V,
                                                   HV Base, const Stmt *Site,
                                                   Frame &F) {
  if (!Recording || !FD || P.isSystem(FD) || isObjectType(FD->getType()))
    return;
  if (pointee(FD->getType()))
    V = asObject(V, F);
  HandleStore S{FD, V, Base, Site, F.FD,
                Chain.empty() ? F.FD : Chain.front().Function};
  std::vector<uintptr_t> Key{reinterpret_cast<uintptr_t>(FD),
                             reinterpret_cast<uintptr_t>(Site),
                             reinterpret_cast<uintptr_t>(S.Root)};
  V.appendKey(Key);
  Base.appendKey(Key);
  if (StoreSeen.insert(std::move(Key)).second)
    P.Stores.push_back(S);
}

void HandleProvenance::Evaluator::recordGlobalStore(const VarDecl *VD, HV V,
                                                    const Stmt *Site,
                                                    Frame &F) {
  if (!Recording || P.isSystem(VD))
    return;
  VD = VD->getCanonicalDecl();
  HandleStore S{VD, V, HV::unknown(), Site, F.FD,
                Chain.empty() ? F.FD : Chain.front().Function};
  std::vector<uintptr_t> Key{reinterpret_cast<uintptr_t>(VD),
                             reinterpret_cast<uintptr_t>(Site),
                             reinterpret_cast<uintptr_t>(S.Root)};
  V.appendKey(Key);
  if (StoreSeen.insert(std::move(Key)).second)
    P.Stores.push_back(S);
}

//===----------------------------------------------------------------------===//
// The analysis
//===----------------------------------------------------------------------===//

HandleProvenance::HandleProvenance(AnalysisContext &AC)
    : AC(AC), M(AC.model()), Eval(std::make_unique<Evaluator>(*this)) {}

HandleProvenance::~HandleProvenance() = default;

const FieldClass &HandleProvenance::fieldClass(const FieldDecl *F) const {
  static const FieldClass UnknownClass = [] {
    FieldClass C;
    C.K = FieldClass::Unknown;
    return C;
  }();
  auto It = Classes.find(F);
  return It == Classes.end() ? UnknownClass : It->second;
}

namespace {
/// Collects what the whole TU says about fields, calls, lambdas and
/// overriders, before any evaluation.
class Prescan : public RecursiveASTVisitor<Prescan> {
public:
  Prescan(const SourceManager &SM) : SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBodies() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (isSystemHeaderDecl(D, SM))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  llvm::DenseSet<const FieldDecl *> Stored, Escaped;
  llvm::DenseSet<const RecordDecl *> ExternRecords;
  llvm::DenseSet<const FunctionDecl *> Called;
  llvm::DenseMap<const FunctionDecl *, const LambdaExpr *> Lambdas;
  llvm::DenseMap<const FunctionDecl *,
                 llvm::SmallVector<const FunctionDecl *, 2>>
      Overriders;

  static const FieldDecl *field(const Expr *E) {
    const auto *ME = dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts()
                                                    : nullptr);
    return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  }
  void escape(const Expr *E) {
    if (const FieldDecl *FD = field(E))
      if (!isObjectType(FD->getType()))
        Escaped.insert(FD);
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      if (const FieldDecl *FD = field(BO->getLHS()))
        Stored.insert(FD);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      escape(UO->getSubExpr());
    else if (UO->isIncrementDecrementOp())
      if (const FieldDecl *FD = field(UO->getSubExpr()))
        Stored.insert(FD);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->getType()->isReferenceType() &&
        !VD->getType()->getPointeeType().isConstQualified())
      escape(VD->getInit());
    return true;
  }
  void constructs(const CXXConstructorDecl *Ctor) {
    Called.insert(Ctor->getCanonicalDecl());
    // 'using Base::Base': the implicit constructor calls the base's.
    if (InheritedConstructor IC = Ctor->getInheritedConstructor())
      Called.insert(IC.getConstructor()->getCanonicalDecl());
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (const CXXConstructorDecl *Ctor = madeByFactory(CE))
      constructs(Ctor);
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      Called.insert(FD->getCanonicalDecl());
      // A structure handed to (or returned by) a function of another file
      // may be filled in there.
      if (!definitionOf(FD) && !SM.isInSystemHeader(FD->getLocation())) {
        auto Extern = [&](QualType T) {
          if (const RecordDecl *RD = HandleProvenance::pointee(T))
            ExternRecords.insert(cast<RecordDecl>(RD->getCanonicalDecl()));
        };
        Extern(FD->getReturnType());
        for (const Expr *A : CE->arguments())
          Extern(A->IgnoreParenImpCasts()->getType());
      }
      for (unsigned I = 0, N = std::min(CE->getNumArgs(), FD->getNumParams());
           I < N; ++I) {
        QualType PT = FD->getParamDecl(I)->getType();
        if (PT->isReferenceType() && !PT->getPointeeType().isConstQualified())
          escape(CE->getArg(I));
      }
    }
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    constructs(CE->getConstructor());
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *CD) {
    for (const CXXCtorInitializer *I : CD->inits())
      if (I->isWritten())
        if (const FieldDecl *FD = I->getAnyMember())
          Stored.insert(FD);
    return true;
  }
  bool VisitInitListExpr(InitListExpr *ILE) {
    const InitListExpr *Sem =
        ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
    if (!Sem)
      return true;
    if (const RecordDecl *RD = Sem->getType()->getAsRecordDecl()) {
      unsigned I = 0;
      for (const FieldDecl *FD : RD->fields()) {
        if (I >= Sem->getNumInits())
          break;
        if (!isa<ImplicitValueInitExpr>(Sem->getInit(I++)))
          Stored.insert(FD);
      }
    }
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    Lambdas[LE->getCallOperator()] = LE;
    return true;
  }
  bool VisitCXXMethodDecl(CXXMethodDecl *MD) {
    if (!MD->doesThisDeclarationHaveABody())
      return true;
    llvm::SmallVector<const CXXMethodDecl *, 4> Work(MD->overridden_methods());
    llvm::DenseSet<const CXXMethodDecl *> Seen;
    while (!Work.empty()) {
      const CXXMethodDecl *O = Work.pop_back_val();
      if (!Seen.insert(O->getCanonicalDecl()).second)
        continue;
      Overriders[O->getCanonicalDecl()].push_back(MD);
      for (const CXXMethodDecl *OO : O->overridden_methods())
        Work.push_back(OO);
    }
    return true;
  }

private:
  const SourceManager &SM;
};
} // namespace

void HandleProvenance::prescan() {
  Prescan PS(AC.ast().getSourceManager());
  PS.TraverseDecl(AC.ast().getTranslationUnitDecl());
  StoredFields = std::move(PS.Stored);
  EscapedFields = std::move(PS.Escaped);
  ExternRecords = std::move(PS.ExternRecords);
  Called = std::move(PS.Called);
  Lambdas = std::move(PS.Lambdas);
  Overriders = std::move(PS.Overriders);
  for (const WorkerStart &W : M.workerStarts()) {
    WorkerAt[W.Site] = &W;
    if (W.Routine) {
      Called.insert(W.Routine->getCanonicalDecl());
      auto It = Lambdas.find(W.Routine);
      if (It != Lambdas.end())
        ThreadLambdas.insert(It->second);
    }
  }
}

void HandleProvenance::findEntries() {
  auto Add = [&](const FunctionDecl *FD, EntryKind K) {
    FD = definitionOf(FD);
    if (!FD || !AC.isDllFunction(FD))
      return;
    for (ResourceEntry &E : Entries)
      if (E.Function == FD) {
        // One role per function; an Open role wins.
        if (!E.isOpen() && (K == EntryKind::Open || K == EntryKind::OpenV2))
          E.Kind = K;
        return;
      }
    Entries.push_back({FD, K});
  };
  for (const EntryPoint &EP : M.entryPoints())
    Add(EP.Function, EP.Kind);
  // Entry points whose table is in another file: the signature, with a RESID
  // parameter (or Open's RESOURCE_HANDLE).
  for (const FunctionDecl *FD : M.functions()) {
    std::vector<EntryKind> Kinds = ResourceDllModel::entryKindsOfSignature(FD);
    if (Kinds.empty())
      continue;
    bool HasResid = llvm::any_of(FD->parameters(), [](const ParmVarDecl *P) {
      return hasTypedef(P->getType(), "RESID");
    });
    for (EntryKind K : Kinds)
      if ((K == EntryKind::Open || K == EntryKind::OpenV2) &&
          FD->getNumParams() > 2 &&
          hasTypedef(FD->getParamDecl(2)->getType(), "RESOURCE_HANDLE"))
        Add(FD, K);
    if (HasResid)
      Add(FD, Kinds.front());
  }
}

void HandleProvenance::runPass() {
  Eval->reset();
  Stores.clear();
  Escapes.clear();
  Eval->Recording = true;
  auto Visit = [&](Frame Proto) {
    if (Frame *F = Eval->frame(std::move(Proto)))
      Eval->visit(*F, {ChainStep::Root, nullptr, nullptr});
  };
  auto UnknownRoot = [&](const FunctionDecl *FD) {
    Frame Proto;
    Proto.FD = FD;
    Proto.Params.assign(FD->getNumParams(), HV::unknown());
    Visit(std::move(Proto));
  };
  llvm::DenseSet<const FunctionDecl *> IsEntry;
  for (const ResourceEntry &E : Entries) {
    const FunctionDecl *FD = E.Function;
    IsEntry.insert(FD);
    Frame Proto;
    Proto.FD = FD;
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      const ParmVarDecl *PV = FD->getParamDecl(I);
      HV V;
      if (E.isOpen() && I == 2) {
        V = HV::make(HV::Handle, FD);
        Proto.Bound = true;
      } else if (hasTypedef(PV->getType(), "RESID")) {
        V = HV::object(Tie::Tied, FD);
        V.D = PV;
        Proto.Bound = true;
      } else {
        V = HV::make(HV::Other, FD);
        V.Why = HV::EntryParam;
        V.D = PV;
        V.Index = int(E.Kind);
      }
      Proto.Params.push_back(V);
    }
    Visit(std::move(Proto));
  }
  // Functions nothing in the TU calls (DllMain, StartupEx, callbacks of
  // other APIs): their parameters are unknown.
  for (const FunctionDecl *FD : M.functions())
    if (AC.isDllFunction(FD) && !IsEntry.count(FD) &&
        !Called.count(FD->getCanonicalDecl()) && !isLambdaOperator(FD))
      UnknownRoot(FD);
  // Whatever was not reached from a root (recursion, unused lambdas).
  for (const FunctionDecl *FD : M.functions())
    if (AC.isDllFunction(FD) && !Eval->VisitedFunctions.count(FD))
      UnknownRoot(FD);
}

void HandleProvenance::computeClasses(
    llvm::DenseMap<const FieldDecl *, FieldClass> &Out) {
  Out.clear();
  for (const FieldDecl *FD : StoredFields) {
    FieldClass &C = Out[FD];
    C.K = EscapedFields.count(FD) || ForcedUnknown.count(FD)
              ? FieldClass::Unknown
              : FieldClass::Bottom;
  }
  for (const HandleStore &S : Stores) {
    const auto *FD = dyn_cast<FieldDecl>(S.Loc);
    if (!FD)
      continue;
    auto It = Out.find(FD);
    if (It == Out.end() || It->second.K == FieldClass::Unknown)
      continue;
    FieldClass &C = It->second;
    const HV &V = S.Value;
    FieldClass::Kind K = FieldClass::Unknown;
    switch (V.K) {
    case HV::Bottom:
    case HV::Null:
      continue; // initialisations and resets
    case HV::Handle:
      K = FieldClass::Handle;
      break;
    case HV::Other:
    case HV::Const:
      K = FieldClass::Other;
      break;
    case HV::Global:
      K = FieldClass::Global;
      break;
    case HV::External:
      K = AC.api().lookup(cast<FunctionDecl>(V.D)) ? FieldClass::Other
                                                   : FieldClass::Unknown;
      break;
    case HV::Object: {
      bool BaseTied = S.Base.K == HV::Object && S.Base.T == Tie::Tied;
      bool BaseOther = S.Base.K == HV::Object && S.Base.T != Tie::Tied;
      if (V.T == Tie::Tied && BaseTied)
        K = FieldClass::TiedObject;
      else if (V.T != Tie::Tied || BaseOther)
        K = FieldClass::Link;
      break;
    }
    default:
      break;
    }
    if (C.K == FieldClass::Bottom) {
      C.K = K;
      C.Sample = V;
      C.Site = S.Site;
    } else if (C.K != K ||
               (K == FieldClass::Global && C.Sample.D != V.D)) {
      C.K = FieldClass::Unknown;
    }
  }
}

void HandleProvenance::run(std::function<void(const CallbackUse &)> Report) {
  prescan();
  findEntries();
  Eval->Report = [](const CallbackUse &) {};
  computeClasses(Classes); // no stores yet: Bottom, or Unknown if escaped
  for (int Iter = 0; Iter < 16; ++Iter) {
    runPass();
    llvm::DenseMap<const FieldDecl *, FieldClass> New;
    computeClasses(New);
    bool Same = New.size() == Classes.size() &&
                llvm::all_of(New, [&](const auto &KV) {
                  auto It = Classes.find(KV.first);
                  return It != Classes.end() && It->second == KV.second;
                });
    Classes = std::move(New);
    if (!Same)
      continue;
    // Settled. Fields whose stores never produced a value (only NULL, or
    // copies of each other) are unknown; go on until that settles too.
    bool Forced = false;
    for (auto &[FD, C] : Classes)
      if (C.K == FieldClass::Bottom) {
        ForcedUnknown.insert(FD);
        C.K = FieldClass::Unknown;
        Forced = true;
      }
    if (!Forced)
      break;
  }
  for (auto &[FD, C] : Classes)
    if (C.K == FieldClass::Bottom)
      C.K = FieldClass::Unknown;
  Eval->Report = std::move(Report);
  runPass();
  Eval->Report = [](const CallbackUse &) {};
}

const std::vector<ParamPass> &
HandleProvenance::paramPasses(const FunctionDecl *FD) {
  auto It = Passes.find(FD);
  if (It != Passes.end())
    return It->second;
  std::vector<ParamPass> Out;
  const FunctionDecl *Def = definitionOf(FD);
  if (!Def || !AC.isDllFunction(Def) || Def->isDependentContext())
    return Passes[FD] = Out;
  Frame Proto;
  Proto.FD = Def;
  for (unsigned I = 0; I < Def->getNumParams(); ++I) {
    HV V = HV::make(HV::Param, Def);
    V.Index = int(I);
    Proto.Params.push_back(V);
  }
  bool SavedRecording = Eval->Recording;
  Eval->Recording = false;
  Eval->reset(); // fresh context limits; the pass results are kept here
  auto Collect = [&](const CallbackUse &U) {
    if (U.Value.K != HV::Param || U.Value.OriginFn != Def)
      return;
    for (const ParamPass &PP : Out)
      if (PP.Param == U.Value.Index && PP.Call == U.Call)
        return;
    Out.push_back({U.Value.Index, U.Call});
  };
  Eval->Report = Collect;
  if (Frame *F = Eval->frame(std::move(Proto)))
    Eval->visit(*F, {ChainStep::Root, nullptr, nullptr});
  Eval->Report = [](const CallbackUse &) {};
  Eval->Recording = SavedRecording;
  return Passes[FD] = std::move(Out);
}

} // namespace resdll
