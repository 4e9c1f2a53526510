//===- Engine.cpp - path-sensitive worklist over clang::CFG ---------------===//
#include "Engine.h"
#include "Analysis.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <deque>

using namespace clang;

namespace resdll {

PathObserver::~PathObserver() = default;

void PathState::addEvent(const Stmt *St, std::string Message) {
  auto N = std::make_shared<TrailNode>();
  N->Parent = T;
  N->K = TrailNode::Event;
  N->S = St;
  N->Message = std::move(Message);
  T = std::move(N);
}

//===----------------------------------------------------------------------===//
// Facts
//===----------------------------------------------------------------------===//

template <typename Vec, typename Key> static auto findKey(Vec &V, Key K) {
  return std::lower_bound(V.begin(), V.end(), K,
                          [](const auto &P, Key K) { return P.first < K; });
}

SymValue Facts::lookup(Slot VD, SymbolId EntrySym) const {
  auto It = findKey(Vars, VD);
  if (It != Vars.end() && It->first == VD)
    return It->second;
  return SymValue::symbol(EntrySym);
}

bool Facts::isBound(Slot VD) const {
  auto It = findKey(Vars, VD);
  return It != Vars.end() && It->first == VD;
}

void Facts::bind(Slot VD, SymValue V) {
  auto It = findKey(Vars, VD);
  if (It != Vars.end() && It->first == VD)
    It->second = V;
  else
    Vars.insert(It, {VD, V});
}

const Constraint *Facts::constraintOf(SymbolId S) const {
  auto It = findKey(Cons, S);
  return It != Cons.end() && It->first == S ? &It->second : nullptr;
}

void Facts::setConstraint(SymbolId S, const Constraint &C) {
  auto It = findKey(Cons, S);
  if (It != Cons.end() && It->first == S) {
    if (C.empty())
      Cons.erase(It);
    else
      It->second = C;
  } else if (!C.empty()) {
    Cons.insert(It, {S, C});
  }
}

void Facts::clearConstraint(SymbolId S) { setConstraint(S, Constraint()); }

std::optional<int64_t> Facts::known(SymValue V) const {
  if (V.isConst())
    return V.C;
  if (V.isSym())
    if (const Constraint *C = constraintOf(V.S))
      if (C->HasEq)
        return C->Eq;
  return std::nullopt;
}

bool Facts::mayEqual(SymValue V, int64_t K) const {
  if (V.isConst())
    return V.C == K;
  if (!V.isSym())
    return true;
  const Constraint *C = constraintOf(V.S);
  if (!C)
    return true;
  if (C->HasEq)
    return C->Eq == K;
  return !std::binary_search(C->Ne.begin(), C->Ne.end(), K);
}

bool Facts::assume(SymValue V, int64_t K, bool Equal) {
  if (V.isConst())
    return (V.C == K) == Equal;
  if (!V.isSym())
    return true;
  Constraint C;
  if (const Constraint *Old = constraintOf(V.S))
    C = *Old;
  if (Equal) {
    if (C.HasEq)
      return C.Eq == K;
    if (std::binary_search(C.Ne.begin(), C.Ne.end(), K))
      return false;
    C.HasEq = true;
    C.Eq = K;
    C.Ne.clear();
  } else {
    if (C.HasEq)
      return C.Eq != K;
    auto It = std::lower_bound(C.Ne.begin(), C.Ne.end(), K);
    if (It != C.Ne.end() && *It == K)
      return true;
    if (C.Ne.size() >= Constraint::MaxNe)
      return true; // keep the facts small: forget this one
    C.Ne.insert(It, K);
  }
  setConstraint(V.S, C);
  return true;
}

llvm::SmallVector<Slot, 2> Facts::boundTo(SymbolId S) const {
  llvm::SmallVector<Slot, 2> Out;
  for (const auto &[VD, V] : Vars)
    if (V.isSym() && V.S == S)
      Out.push_back(VD);
  return Out;
}

Facts Facts::join(const Facts &A, const Facts &B,
                  llvm::function_ref<SymbolId(Slot)> Fresh) {
  Facts R;
  R.Vars.reserve(std::max(A.Vars.size(), B.Vars.size()));
  R.Cons.reserve(std::min(A.Cons.size(), B.Cons.size()));
  // Variables: a binding both agree on survives; others become unknown
  // (a fresh symbol). A variable bound on one side only is unknown too.
  auto IA = A.Vars.begin(), IB = B.Vars.begin();
  while (IA != A.Vars.end() || IB != B.Vars.end()) {
    if (IB == B.Vars.end() || (IA != A.Vars.end() && IA->first < IB->first)) {
      R.Vars.push_back({IA->first, SymValue::symbol(Fresh(IA->first))});
      ++IA;
    } else if (IA == A.Vars.end() || IB->first < IA->first) {
      R.Vars.push_back({IB->first, SymValue::symbol(Fresh(IB->first))});
      ++IB;
    } else {
      R.Vars.push_back({IA->first, IA->second == IB->second
                                       ? IA->second
                                       : SymValue::symbol(Fresh(IA->first))});
      ++IA;
      ++IB;
    }
  }
  // Constraints: only what holds on both sides.
  for (const auto &[S, CA] : A.Cons) {
    const Constraint *CB = B.constraintOf(S);
    if (!CB)
      continue;
    if (CA == *CB) {
      R.Cons.push_back({S, CA});
      continue;
    }
    Constraint C;
    if (CA.HasEq && CB->HasEq)
      continue; // different values
    // Intersect the exclusions (an Eq excludes everything else).
    auto Excludes = [](const Constraint &X, int64_t K) {
      return X.HasEq ? X.Eq != K
                     : std::binary_search(X.Ne.begin(), X.Ne.end(), K);
    };
    const Constraint &NeSide = CA.HasEq ? *CB : CA;
    const Constraint &Other = CA.HasEq ? CA : *CB;
    for (int64_t K : NeSide.Ne)
      if (Excludes(Other, K))
        C.Ne.push_back(K);
    if (!C.empty())
      R.Cons.push_back({S, C});
  }
  return R;
}

size_t Facts::hash() const {
  llvm::hash_code H = llvm::hash_value(Vars.size());
  for (const auto &[VD, V] : Vars)
    H = llvm::hash_combine(H, VD, V.K, V.C, V.S);
  for (const auto &[S, C] : Cons)
    H = llvm::hash_combine(H, S, C.HasEq, C.Eq, C.Ne.size());
  return H;
}

//===----------------------------------------------------------------------===//
// PathContext
//===----------------------------------------------------------------------===//

namespace {
/// Finds locals whose address escapes (&x, reference binding, by-reference
/// lambda capture, an array decaying to a pointer): their values may change
/// behind the path's back.
class EscapeFinder : public RecursiveASTVisitor<EscapeFinder> {
public:
  llvm::SmallVector<const VarDecl *, 8> Escaped;
  llvm::SmallVector<const FieldDecl *, 8> EscapedFields;
  llvm::DenseSet<const Expr *> SubscriptBases;
  void add(const Expr *E) {
    if (!E)
      return;
    // &a[i] lets the whole array escape.
    while (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E->IgnoreParenCasts()))
      E = ASE->getBase()->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenCasts()))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        if (!llvm::is_contained(EscapedFields, FD))
          EscapedFields.push_back(FD);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (!llvm::is_contained(Escaped, VD))
          Escaped.push_back(VD);
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      add(UO->getSubExpr());
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *ASE) {
    SubscriptBases.insert(ASE->getBase());
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *ICE) {
    // An array used as a pointer (passed to a function, stored), not just
    // subscripted.
    if (ICE->getCastKind() == CK_ArrayToPointerDecay &&
        !SubscriptBases.count(ICE))
      add(ICE->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (const FunctionDecl *FD = CE->getDirectCallee())
      for (unsigned I = 0, N = std::min(CE->getNumArgs(), FD->getNumParams());
           I < N; ++I)
        if (FD->getParamDecl(I)->getType()->isReferenceType())
          add(CE->getArg(I));
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->getType()->isReferenceType() && VD->getInit())
      add(VD->getInit());
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
          if (!llvm::is_contained(Escaped, VD))
            Escaped.push_back(VD);
    return true;
  }
};
} // namespace

PathContext::PathContext(AnalysisContext &AC, const FunctionDecl *FD,
                         const CFG &Cfg)
    : AC(AC), FD(FD), Cfg(Cfg) {
  if (Stmt *Body = FD->getBody()) {
    EscapeFinder EF;
    EF.TraverseStmt(Body);
    Escaped = EF.Escaped;
    EscapedFields = EF.EscapedFields;
  }
}

ASTContext &PathContext::astContext() { return AC.ast(); }

SymbolId PathContext::symbolFor(const void *Site, const void *Var) {
  auto [It, Inserted] =
      Symbols.try_emplace({Site, Var}, static_cast<SymbolId>(Symbols.size() + 1));
  return It->second;
}

bool PathContext::isTracked(const VarDecl *VD) const {
  if (!VD)
    return false;
  auto It = Tracked.find(VD);
  if (It != Tracked.end())
    return It->second;
  bool T = (VD->hasLocalStorage() || isa<ParmVarDecl>(VD)) &&
           !VD->getType()->isReferenceType() &&
           !VD->getType().isVolatileQualified() &&
           (VD->getType()->isIntegralOrEnumerationType() ||
            VD->getType()->isAnyPointerType() ||
            VD->getType()->isNullPtrType());
  const_cast<PathContext *>(this)->Tracked[VD] = T;
  return T;
}

/// False when E certainly is not a constant expression: it reads a
/// variable that is not const, or calls a function that is not constexpr,
/// in an operand that cannot be short-circuited away. True otherwise (clang's
/// evaluator then decides).
bool PathContext::mayBeConstant(const Expr *E) {
  auto It = MayBeConstant.find(E);
  if (It != MayBeConstant.end())
    return It->second;
  bool Result = true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      Result = VD->getType().isConstQualified() || VD->isConstexpr();
  } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    Result = Callee && (Callee->isConstexpr() || Callee->getBuiltinID());
  } else if (isa<UnaryExprOrTypeTraitExpr>(E) ||
             isa<AbstractConditionalOperator>(E) ||
             isa<StmtExpr>(E)) {
    Result = true; // sizeof, ?: and the like: let clang decide
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E);
             BO && (BO->isLogicalOp() || BO->getOpcode() == BO_Comma)) {
    Result = true; // 0 && x is a constant
  } else {
    for (const Stmt *Child : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child))
        if (!mayBeConstant(CE)) {
          Result = false;
          break;
        }
  }
  MayBeConstant[E] = Result;
  return Result;
}

/// The value of E (dependence and parentheses already dealt with) when it is
/// an integer or pointer constant expression.
static std::optional<int64_t> evaluateConstant(const Expr *E, ASTContext &Ctx) {
  if (E->getType()->isIntegralOrEnumerationType()) {
    Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx, Expr::SE_NoSideEffects))
      return R.Val.getInt().getExtValue();
    return std::nullopt;
  }
  if (E->getType()->isAnyPointerType() || E->getType()->isNullPtrType()) {
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return 0;
    // (HANDLE)(LONG_PTR)-1 and the like: an integer constant cast to a
    // pointer.
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

std::optional<int64_t> PathContext::constantOf(const Expr *E) {
  if (!E)
    return std::nullopt;
  auto Known = Constants.find(E);
  if (Known != Constants.end())
    return Known->second;
  std::optional<int64_t> Value;
  if (!E->isValueDependent() && !E->isTypeDependent()) {
    const Expr *Inner = E->IgnoreParens();
    if (mayBeConstant(Inner))
      Value = evaluateConstant(Inner, AC.ast());
  }
  Constants[E] = Value;
  return Value;
}

const Expr *stripValueCasts(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E)) {
      E = EWC->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      switch (CE->getCastKind()) {
      case CK_LValueToRValue:
      case CK_NoOp:
      case CK_BitCast:
      case CK_IntegralCast:
      case CK_IntegralToPointer:
      case CK_PointerToIntegral:
      case CK_NullToPointer:
      case CK_BaseToDerived:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
      case CK_AddressSpaceConversion:
        E = CE->getSubExpr();
        continue;
      default:
        return E;
      }
    }
    return E;
  }
  return E;
}

bool PathContext::isValueBranch(const Stmt *Term) {
  if (isa<AbstractConditionalOperator>(Term))
    return true;
  const auto *BO = dyn_cast<BinaryOperator>(Term);
  if (!BO || !BO->isLogicalOp())
    return false;
  // Walk up through what only passes the truth value on; a branch condition
  // there decomposes the operator itself, so the value is not needed.
  ParentMap &PM = AC.parentsOf(FD);
  const Stmt *Cur = BO;
  for (int Depth = 0; Depth < 32; ++Depth) {
    const Stmt *P = PM.getParent(Cur);
    if (!P)
      return true;
    if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P) ||
        isa<ExprWithCleanups>(P)) {
      Cur = P;
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(P))
      if (UO->getOpcode() == UO_LNot) {
        Cur = P;
        continue;
      }
    if (const auto *Outer = dyn_cast<BinaryOperator>(P))
      if (Outer->isLogicalOp()) {
        Cur = P;
        continue;
      }
    auto IsCond = [&](const Stmt *Cond) { return Cond == Cur; };
    if (const auto *If = dyn_cast<IfStmt>(P))
      return !IsCond(If->getCond());
    if (const auto *W = dyn_cast<WhileStmt>(P))
      return !IsCond(W->getCond());
    if (const auto *D = dyn_cast<DoStmt>(P))
      return !IsCond(D->getCond());
    if (const auto *F = dyn_cast<ForStmt>(P))
      return !IsCond(F->getCond());
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P))
      return !IsCond(CO->getCond());
    return true;
  }
  return true;
}

void PathContext::recordBranch(const Stmt *Term, bool Taken, PathState &S) {
  S.F.bind(Term, SymValue::constant(Taken));
}

std::optional<bool> PathContext::branchTaken(const Stmt *Term,
                                             const PathState &S) const {
  if (!S.F.isBound(Term))
    return std::nullopt;
  SymValue V = S.F.lookup(Term, 0);
  if (!V.isConst())
    return std::nullopt; // joined paths disagreed
  return V.C != 0;
}

std::optional<bool> PathContext::truthOf(const Expr *E, const PathState &S) {
  SymValue V = eval(E, S);
  if (std::optional<int64_t> K = S.F.known(V))
    return *K != 0;
  if (V.isSym() && !S.F.mayEqual(V, 0))
    return true;
  return std::nullopt;
}

SymValue PathContext::eval(const Expr *E, const PathState &S) {
  if (!E)
    return SymValue::unknown();
  if (std::optional<int64_t> K = constantOf(E))
    return SymValue::constant(*K);
  E = E->IgnoreParens();
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    switch (CE->getCastKind()) {
    case CK_IntegralToBoolean:
    case CK_PointerToBoolean: {
      SymValue V = eval(CE->getSubExpr(), S);
      if (std::optional<int64_t> K = S.F.known(V))
        return SymValue::constant(*K != 0);
      if (V.isSym() && !S.F.mayEqual(V, 0))
        return SymValue::constant(1);
      return SymValue::unknown();
    }
    default:
      break;
    }
    const Expr *Inner = stripValueCasts(E);
    if (Inner != E)
      return eval(Inner, S);
    return SymValue::unknown();
  }
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return eval(EWC->getSubExpr(), S);
  if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E) ||
      isa<ArraySubscriptExpr>(E)) {
    if (Slot K = slotOf(E))
      return S.F.lookup(K, symbolFor(K));
    return SymValue::unknown();
  }
  if (isa<CallExpr>(E))
    return SymValue::symbol(symbolFor(E));
  if (const auto *OVE = dyn_cast<OpaqueValueExpr>(E))
    return eval(OVE->getSourceExpr(), S);
  // Value-initialisation of a scalar: RESID(), RESID{}, T x = {}.
  if (isa<CXXScalarValueInitExpr>(E) || isa<ImplicitValueInitExpr>(E))
    return E->getType()->isScalarType() ? SymValue::constant(0)
                                        : SymValue::unknown();
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    if (!ILE->getType()->isScalarType() || ILE->getNumInits() > 1)
      return SymValue::unknown();
    return ILE->getNumInits() ? eval(ILE->getInit(0), S)
                              : SymValue::constant(0);
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    // The arm the path took was recorded at the branch (see propagate).
    std::optional<bool> Arm = branchTaken(CO, S);
    if (!Arm)
      Arm = truthOf(CO->getCond(), S);
    if (Arm)
      return eval(*Arm ? CO->getTrueExpr() : CO->getFalseExpr(), S);
    SymValue T = eval(CO->getTrueExpr(), S), F = eval(CO->getFalseExpr(), S);
    return T == F ? T : SymValue::unknown();
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp())
      return eval(BO->getLHS(), S);
    if (BO->getOpcode() == BO_Comma)
      return eval(BO->getRHS(), S);
    if (BO->isLogicalOp()) {
      bool And = BO->getOpcode() == BO_LAnd;
      std::optional<bool> L = branchTaken(BO, S);
      if (!L)
        L = truthOf(BO->getLHS(), S);
      if (!L)
        return SymValue::unknown();
      if (*L != And) // false && ..., true || ...
        return SymValue::constant(!And ? 1 : 0);
      std::optional<bool> R = truthOf(BO->getRHS(), S);
      return R ? SymValue::constant(*R) : SymValue::unknown();
    }
    if (BO->isRelationalOp()) {
      // Decided when both sides are known (a loop counter against its
      // bound), compared as the operands' common type.
      std::optional<int64_t> KL = S.F.known(eval(BO->getLHS(), S));
      std::optional<int64_t> KR = S.F.known(eval(BO->getRHS(), S));
      if (!KL || !KR)
        return SymValue::unknown();
      QualType T = BO->getLHS()->IgnoreParens()->getType();
      bool Unsigned = T->isUnsignedIntegerOrEnumerationType() ||
                      T->isAnyPointerType();
      auto Cmp = [&](auto A, auto B) {
        switch (BO->getOpcode()) {
        case BO_LT: return A < B;
        case BO_GT: return A > B;
        case BO_LE: return A <= B;
        default: return A >= B;
        }
      };
      return SymValue::constant(
          Unsigned ? Cmp(uint64_t(*KL), uint64_t(*KR)) : Cmp(*KL, *KR));
    }
    if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
      SymValue L = eval(BO->getLHS(), S), R = eval(BO->getRHS(), S);
      std::optional<int64_t> KL = S.F.known(L), KR = S.F.known(R);
      bool Eq = BO->getOpcode() == BO_EQ;
      if (KL && KR)
        return SymValue::constant((*KL == *KR) == Eq);
      if (KR && !S.F.mayEqual(L, *KR))
        return SymValue::constant(!Eq);
      if (KL && !S.F.mayEqual(R, *KL))
        return SymValue::constant(!Eq);
    }
    return SymValue::unknown();
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_LNot) {
      SymValue V = eval(UO->getSubExpr(), S);
      if (std::optional<int64_t> K = S.F.known(V))
        return SymValue::constant(*K == 0);
      if (V.isSym() && !S.F.mayEqual(V, 0))
        return SymValue::constant(0);
    }
    return SymValue::unknown();
  }
  return SymValue::unknown();
}

bool PathContext::assume(const Expr *Cond, bool Truth, PathState &S) {
  if (!Cond)
    return true;
  Cond = Cond->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Cond))
    return assume(EWC->getSubExpr(), Truth, S);
  if (const auto *CE = dyn_cast<CastExpr>(Cond)) {
    switch (CE->getCastKind()) {
    case CK_IntegralToBoolean:
    case CK_PointerToBoolean:
    case CK_LValueToRValue:
    case CK_NoOp:
    case CK_IntegralCast:
    case CK_BitCast:
    case CK_PointerToIntegral:
    case CK_IntegralToPointer:
      return assume(CE->getSubExpr(), Truth, S);
    default:
      break;
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    if (UO->getOpcode() == UO_LNot)
      return assume(UO->getSubExpr(), !Truth, S);
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    switch (BO->getOpcode()) {
    case BO_EQ:
    case BO_NE: {
      bool Equal = (BO->getOpcode() == BO_EQ) == Truth;
      SymValue L = eval(BO->getLHS(), S), R = eval(BO->getRHS(), S);
      std::optional<int64_t> KL = S.F.known(L), KR = S.F.known(R);
      if (KL && KR)
        return (*KL == *KR) == Equal;
      if (KR)
        return S.F.assume(L, *KR, Equal);
      if (KL)
        return S.F.assume(R, *KL, Equal);
      if (L.isSym() && R.isSym() && L.S == R.S)
        return Equal;
      return true;
    }
    case BO_LAnd:
    case BO_LOr: {
      // a && b is true (a || b is false): both operands are.
      bool And = BO->getOpcode() == BO_LAnd;
      if (Truth == And)
        return assume(BO->getLHS(), And, S) && assume(BO->getRHS(), And, S);
      // Otherwise only the recorded short-circuit branch tells which operand
      // decided.
      if (std::optional<bool> L = branchTaken(BO, S))
        return *L == And ? assume(BO->getRHS(), Truth, S)
                         : assume(BO->getLHS(), Truth, S);
      return true;
    }
    case BO_Comma:
      return assume(BO->getRHS(), Truth, S);
    case BO_Assign: {
      SymValue V = eval(BO->getLHS(), S);
      return S.F.assume(V, 0, !Truth);
    }
    default: {
      // Relational operators: only decide when both sides are known.
      if (BO->isComparisonOp()) {
        SymValue V = eval(BO, S);
        if (std::optional<int64_t> K = S.F.known(V))
          return (*K != 0) == Truth;
        return true;
      }
      break;
    }
    }
  }
  SymValue V = eval(Cond, S);
  if (V.K == SymValue::Unknown)
    return true;
  return S.F.assume(V, 0, !Truth);
}

static bool isTrackedField(const FieldDecl *FD) {
  return FD && !FD->getType().isVolatileQualified() &&
         (FD->getType()->isIntegralOrEnumerationType() ||
          FD->getType()->isAnyPointerType());
}

static bool isLocalRoot(const VarDecl *VD) {
  return VD && (VD->hasLocalStorage() || isa<ParmVarDecl>(VD)) &&
         !VD->getType()->isReferenceType();
}

Slot PathContext::slotOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return VD && isTracked(VD) ? VD : nullptr;
  }
  // A field reached from a local, a parameter or 'this': p->a.b.f, s.f.
  const auto *ME = dyn_cast<MemberExpr>(E);
  const auto *ASE = dyn_cast<ArraySubscriptExpr>(E);
  if (!ME && !ASE)
    return nullptr;
  // An element must be a scalar the engine can hold (fields are checked by
  // fieldSlot).
  if (ASE && (E->getType().isVolatileQualified() ||
              !(E->getType()->isIntegralOrEnumerationType() ||
                E->getType()->isAnyPointerType())))
    return nullptr;
  const VarDecl *Root = nullptr;
  SlotPath Path;
  if (!objectOf(E, /*Pointer=*/false, Root, Path))
    return nullptr;
  return fieldSlot(Root, Path);
}

bool PathContext::objectOf(const Expr *E, bool Pointer, const VarDecl *&Root,
                           SlotPath &Path) {
  E = stripValueCasts(E);
  if (!E)
    return false;
  if (Pointer) {
    if (isa<CXXThisExpr>(E)) {
      Root = nullptr;
      Path.clear();
      return true;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        return objectOf(UO->getSubExpr(), false, Root, Path);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!isLocalRoot(VD) || !VD->getType()->isPointerType())
        return false;
      Root = VD;
      Path.clear();
      return true;
    }
    return false;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!isLocalRoot(VD) || VD->getType()->isPointerType())
      return false;
    Root = VD;
    Path.clear();
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Deref)
      return objectOf(UO->getSubExpr(), true, Root, Path);
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD || !objectOf(ME->getBase(), ME->isArrow(), Root, Path) ||
        Path.size() >= 5)
      return false;
    Path.push_back(SlotStep{FD, 0});
    return true;
  }
  // a[K] of an array (not of a pointer, which could alias *p).
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Array = ASE->getBase()->IgnoreParenImpCasts();
    std::optional<int64_t> Index = constantOf(ASE->getIdx());
    if (!Array->getType()->isConstantArrayType() || !Index ||
        !objectOf(Array, /*Pointer=*/false, Root, Path) || Path.size() >= 5)
      return false;
    Path.push_back(SlotStep{nullptr, *Index});
    return true;
  }
  return false;
}

Slot PathContext::fieldSlot(const VarDecl *Root, llvm::ArrayRef<SlotStep> Path) {
  if (Path.empty() || (Path.back().Field && !isTrackedField(Path.back().Field)) ||
      (Root && !isLocalRoot(Root)))
    return nullptr;
  for (const auto &FS : FieldSlots)
    if (FS->Root == Root && llvm::ArrayRef(FS->Path) == Path)
      return FS.get();
  if (FieldSlots.size() >= 64)
    return nullptr; // keep the state small
  FieldSlots.push_back(std::make_unique<FieldSlot>(
      FieldSlot{Root, SlotPath(Path.begin(), Path.end())}));
  FieldSlotIndex[FieldSlots.back().get()] = FieldSlots.size() - 1;
  return FieldSlots.back().get();
}

SymValue PathContext::valueOf(Slot K, const PathState &S) {
  return S.F.lookup(K, symbolFor(K));
}

void PathContext::forEachEntrySlot(
    llvm::function_ref<void(const SlotRef &, SymbolId)> Fn) {
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (isTracked(FD->getParamDecl(I)))
      Fn(SlotRef{int(I), {}}, symbolFor(FD->getParamDecl(I)));
  for (size_t Index = 0; Index < FieldSlots.size(); ++Index) {
    const FieldSlot &FS = *FieldSlots[Index];
    int Param = -1;
    if (FS.Root) {
      const auto *PVD = dyn_cast<ParmVarDecl>(FS.Root);
      if (!PVD || PVD->getDeclContext() != FD)
        continue;
      Param = int(PVD->getFunctionScopeIndex());
    }
    Fn(SlotRef{Param, FS.Path}, symbolFor(FieldSlots[Index].get()));
  }
}

const Expr *PathContext::argumentOf(const Stmt *Site, const FunctionDecl *Callee,
                                    unsigned Param) {
  if (const auto *CE = dyn_cast_or_null<CallExpr>(Site)) {
    // A member operator call passes the object as its first argument.
    if (isa<CXXOperatorCallExpr>(CE))
      if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee))
        if (MD->isInstance())
          ++Param;
    return Param < CE->getNumArgs() ? CE->getArg(Param) : nullptr;
  }
  if (const auto *CCE = dyn_cast_or_null<CXXConstructExpr>(Site))
    return Param < CCE->getNumArgs() ? CCE->getArg(Param) : nullptr;
  return nullptr;
}

Slot PathContext::callerSlot(const Stmt *Site, const FunctionDecl *Callee,
                             const SlotRef &R) {
  const VarDecl *Root = nullptr;
  SlotPath Path;
  if (R.Param >= 0) {
    const Expr *Arg = argumentOf(Site, Callee, unsigned(R.Param));
    if (!Arg)
      return nullptr;
    if (R.Path.empty())
      return slotOf(Arg);
    if (!objectOf(Arg, /*Pointer=*/true, Root, Path))
      return nullptr;
  } else if (const auto *MCE = dyn_cast_or_null<CXXMemberCallExpr>(Site)) {
    const Expr *Obj = MCE->getImplicitObjectArgument();
    if (!Obj || !objectOf(Obj, Obj->getType()->isPointerType(), Root, Path))
      return nullptr;
  } else if (isa_and_nonnull<CXXOperatorCallExpr>(Site) &&
             isa_and_nonnull<CXXMethodDecl>(Callee)) {
    const auto *OCE = cast<CXXOperatorCallExpr>(Site);
    if (OCE->getNumArgs() == 0 ||
        !objectOf(OCE->getArg(0), /*Pointer=*/false, Root, Path))
      return nullptr;
  } else if (isa_and_nonnull<CXXDestructorDecl>(Callee)) {
    if (!destroyedObject(Root, Path))
      return nullptr;
  } else {
    return nullptr;
  }
  Path.append(R.Path.begin(), R.Path.end());
  return fieldSlot(Root, Path);
}

void PathContext::setDestroyedObject(const CFGElement *E) { Destroyed = E; }

bool PathContext::destroyedObject(const VarDecl *&Root, SlotPath &Path) const {
  if (!Destroyed)
    return false;
  Path.clear();
  if (auto AD = Destroyed->getAs<CFGAutomaticObjDtor>()) {
    Root = AD->getVarDecl();
    return isLocalRoot(Root);
  }
  if (auto MD = Destroyed->getAs<CFGMemberDtor>()) {
    Root = nullptr;
    Path.push_back(SlotStep{MD->getFieldDecl(), 0});
    return true;
  }
  if (Destroyed->getAs<CFGBaseDtor>()) {
    Root = nullptr;
    return true;
  }
  if (auto DD = Destroyed->getAs<CFGDeleteDtor>())
    return const_cast<PathContext *>(this)->objectOf(
        DD->getDeleteExpr()->getArgument(), /*Pointer=*/true, Root, Path);
  return false;
}

bool PathContext::isFieldSlot(Slot K) const {
  return FieldSlotIndex.count(K);
}

void PathContext::invalidateFields(const void *Site, PathState &S,
                                   const VarDecl *Root) {
  for (const auto &FS : FieldSlots) {
    if (Root && FS->Root != Root)
      continue;
    SymbolId Sym = symbolFor(Site, FS.get());
    produceSymbol(Sym, S);
    S.F.bind(FS.get(), SymValue::symbol(Sym));
  }
}

void PathContext::bindSlot(Slot VD, SymValue V, const void *Site,
                           PathState &S) {
  if (!VD)
    return;
  if (V.K == SymValue::Unknown) {
    // A new unknown value, with an identity so that later conditions can
    // refine it; a loop producing it again forgets the previous round's.
    SymbolId Sym = symbolFor(Site, VD);
    produceSymbol(Sym, S);
    V = SymValue::symbol(Sym);
  }
  S.F.bind(VD, V);
}

void PathContext::produceSymbol(SymbolId Sym, PathState &S) {
  // The site runs again (a loop): variables still holding the previous
  // value keep it, under a symbol of their own.
  const Constraint *Old = S.F.constraintOf(Sym);
  std::optional<Constraint> Saved;
  if (Old)
    Saved = *Old;
  for (Slot VD : S.F.boundTo(Sym)) {
    SymbolId Keep = symbolFor(reinterpret_cast<const void *>(uintptr_t(Sym)), VD);
    S.F.bind(VD, SymValue::symbol(Keep));
    if (Saved)
      S.F.setConstraint(Keep, *Saved);
    else
      S.F.clearConstraint(Keep);
  }
  S.F.clearConstraint(Sym);
}

void PathContext::invalidateEscaped(const void *Site, PathState &S) {
  for (const auto &FS : FieldSlots)
    if ((FS->Root && llvm::is_contained(Escaped, FS->Root)) ||
        llvm::any_of(FS->Path, [&](const SlotStep &Step) {
          return Step.Field && llvm::is_contained(EscapedFields, Step.Field);
        })) {
      SymbolId Sym = symbolFor(Site, FS.get());
      produceSymbol(Sym, S);
      S.F.bind(FS.get(), SymValue::symbol(Sym));
    }
  for (const VarDecl *VD : Escaped)
    if (isTracked(VD)) {
      SymbolId Sym = symbolFor(Site, VD);
      produceSymbol(Sym, S);
      S.F.bind(VD, SymValue::symbol(Sym));
    }
}

//===----------------------------------------------------------------------===//
// The worklist
//===----------------------------------------------------------------------===//

namespace {
struct JoinMarker {};
static const JoinMarker TheJoinMarker{};

class PathEngine {
public:
  PathEngine(PathContext &C, PathObserver &Obs, const EngineLimits &L)
      : C(C), Obs(Obs), L(L) {}

  EngineResult run();

private:
  void transfer(const CFGElement &E, PathState &S);
  void transferStmt(const Stmt *St, PathState &S);
  void linkResult(const CallExpr *CE, const FunctionDecl *Callee,
                  const SlotRef &R, SymbolId Result, PathState &S);
  void propagate(const CFGBlock *B, PathState &S);
  void enqueue(const CFGBlock *To, PathState S);
  void followException(const CFGBlock *B, const Stmt *St,
                       llvm::ArrayRef<PathState> Live);
  const CXXCatchStmt *handlerFor(const Stmt *Site);

  /// Handler blocks by their catch statement (C++ functions with a try).
  llvm::DenseMap<const Stmt *, const CFGBlock *> Handlers;

  PathContext &C;
  PathObserver &Obs;
  const EngineLimits &L;
  std::deque<std::pair<const CFGBlock *, PathState>> Work;
  llvm::DenseMap<const CFGBlock *, std::vector<PathState>> Seen;
  unsigned Steps = 0;
};
} // namespace

void PathEngine::enqueue(const CFGBlock *To, PathState S) {
  std::vector<PathState> &Vec = Seen[To];
  for (const PathState &Old : Vec)
    if (Old.sameAs(S))
      return;
  if (Vec.size() < L.MaxStatesPerBlock) {
    Vec.push_back(S);
    Work.emplace_back(To, std::move(S));
    return;
  }
  for (PathState &Old : Vec) {
    if (Old.Rule != S.Rule || Old.Return != S.Return ||
        Old.ReturnValue != S.ReturnValue)
      continue;
    Facts J = Facts::join(Old.F, S.F, [&](Slot VD) {
      return C.symbolFor(&TheJoinMarker, VD);
    });
    if (J == Old.F)
      return;
    Old.F = std::move(J);
    Work.emplace_back(To, Old);
    return;
  }
  Vec.push_back(S);
  Work.emplace_back(To, std::move(S));
}

EngineResult PathEngine::run() {
  const CFG &Cfg = C.cfg();
  if (Cfg.try_blocks_begin() != Cfg.try_blocks_end())
    for (const CFGBlock *B : Cfg)
      if (isa_and_nonnull<CXXCatchStmt>(B->getLabel()))
        Handlers[B->getLabel()] = B;
  PathState Init;
  Obs.initialState(Init, C);
  enqueue(&Cfg.getEntry(), std::move(Init));
  while (!Work.empty()) {
    if (++Steps > L.MaxSteps)
      return {false, Steps};
    auto [B, S] = std::move(Work.front());
    Work.pop_front();
    if (B == &Cfg.getExit()) {
      Obs.onExit(S, C);
      continue;
    }
    // An observer may split the path at an element (PathContext::split):
    // each split continues from the next element as a path of its own.
    llvm::SmallVector<PathState, 1> Live;
    Live.push_back(std::move(S));
    for (const CFGElement &E : *B) {
      if (!Handlers.empty())
        if (std::optional<CFGStmt> CS = E.getAs<CFGStmt>())
          followException(B, CS->getStmt(), Live);
      for (size_t I = 0, N = Live.size(); I < N; ++I) {
        transfer(E, Live[I]);
        for (PathState &Split : C.splits())
          Live.push_back(std::move(Split));
        C.splits().clear();
      }
    }
    Steps += Live.size() - 1;
    for (PathState &St : Live)
      propagate(B, St);
  }
  return {true, Steps};
}

void PathEngine::transfer(const CFGElement &E, PathState &S) {
  if (std::optional<CFGStmt> CS = E.getAs<CFGStmt>()) {
    transferStmt(CS->getStmt(), S);
    return;
  }
  if (std::optional<CFGImplicitDtor> D = E.getAs<CFGImplicitDtor>()) {
    const CXXDestructorDecl *DD = D->getDestructorDecl(C.astContext());
    const Stmt *Trigger = nullptr;
    if (auto AD = E.getAs<CFGAutomaticObjDtor>())
      Trigger = AD->getTriggerStmt();
    else if (auto TD = E.getAs<CFGTemporaryDtor>())
      Trigger = TD->getBindTemporaryExpr();
    if (DD) {
      size_t Before = C.splits().size();
      C.setDestroyedObject(&E);
      Obs.onDestructor(DD, Trigger, S, C);
      C.setDestroyedObject(nullptr);
      if (C.analysis().mayWriteMemory(DD)) {
        C.invalidateEscaped(DD, S);
        C.invalidateFields(DD, S);
        for (size_t I = Before; I < C.splits().size(); ++I) {
          C.invalidateEscaped(DD, C.splits()[I]);
          C.invalidateFields(DD, C.splits()[I]);
        }
      }
    }
    return;
  }
  if (std::optional<CFGInitializer> I = E.getAs<CFGInitializer>()) {
    if (const Expr *Init = I->getInitializer()->getInit())
      Obs.onStmt(Init, S, C);
  }
}

void PathEngine::linkResult(const CallExpr *CE, const FunctionDecl *Callee,
                            const SlotRef &R, SymbolId Result, PathState &S) {
  // The callee returns the value one of its entry slots had (a getter, or
  // a function returning its argument): the result is the caller's value
  // there. A slot of the caller is re-bound to the result, so that tests of
  // the result refine it.
  Slot K = C.callerSlot(CE, Callee, R);
  SymValue V;
  if (K)
    V = C.valueOf(K, S);
  else if (R.Param >= 0 && R.Path.empty())
    if (const Expr *Arg = PathContext::argumentOf(CE, Callee, R.Param))
      V = C.eval(Arg, S);
  SymValue Res = SymValue::symbol(Result);
  if (std::optional<int64_t> Known = S.F.known(V)) {
    S.F.assume(Res, *Known, true);
  } else if (V.isSym()) {
    if (const Constraint *Old = S.F.constraintOf(V.S))
      S.F.setConstraint(Result, *Old);
    if (K)
      S.F.bind(K, Res);
  }
}

void PathEngine::transferStmt(const Stmt *St, PathState &S) {
  size_t SplitsBefore = C.splits().size();
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (C.isTracked(VD))
          C.bindSlot(VD, VD->getInit() ? C.eval(VD->getInit(), S)
                                       : SymValue::unknown(),
                     DS, S);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
    if (BO->isAssignmentOp()) {
      const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
      SymValue V = BO->getOpcode() == BO_Assign ? C.eval(BO->getRHS(), S)
                                                : SymValue::unknown();
      const auto *DRE = dyn_cast<DeclRefExpr>(LHS);
      if (!DRE) {
        // A store through a pointer or into a field may change escaped
        // locals and fields reached through other pointers.
        C.invalidateEscaped(BO, S);
        if (!C.slotOf(LHS))
          C.invalidateFields(BO, S);
      } else if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        // The fields reached from the old pointer are not this one's.
        C.invalidateFields(BO, S, VD);
      }
      C.bindSlot(C.slotOf(LHS), V, BO, S);
    }
  } else if (const auto *UO = dyn_cast<UnaryOperator>(St)) {
    if (UO->isIncrementDecrementOp()) {
      if (Slot K = C.slotOf(UO->getSubExpr())) {
        SymValue Old = C.eval(UO->getSubExpr(), S);
        if (std::optional<int64_t> V = S.F.known(Old))
          C.bindSlot(K, SymValue::constant(*V + (UO->isIncrementOp() ? 1 : -1)),
                     UO, S);
        else
          C.bindSlot(K, SymValue::unknown(), UO, S);
      }
    }
  } else if (const auto *CE = dyn_cast<CallExpr>(St)) {
    SymbolId Sym = C.symbolFor(CE);
    const FunctionDecl *Callee = CE->getDirectCallee();
    C.produceSymbol(Sym, S);
    if (Callee && C.analysis().isDllFunction(Callee))
      if (const ReturnSummary *RS = C.analysis().returnSummary(Callee)) {
        if (RS->AlwaysConst)
          S.F.assume(SymValue::symbol(Sym), *RS->AlwaysConst, true);
        else if (RS->NeverNull)
          S.F.assume(SymValue::symbol(Sym), 0, false);
        if (RS->ReturnsEntryOf)
          linkResult(CE, Callee, *RS->ReturnsEntryOf, Sym, S);
      }
    size_t Before = C.splits().size();
    Obs.onCall(CE, S, C);
    // Then what the call may change, on every path it split into.
    // Documented Win32 functions do not change the DLL's structures (except
    // through pointers to them, which escape); a function of the DLL does
    // when its body may write memory; anything else may.
    bool DllFunction = Callee && C.analysis().isDllFunction(Callee);
    bool Writes = !Callee || (DllFunction
                                  ? C.analysis().mayWriteMemory(Callee)
                                  : !C.analysis().api().lookup(Callee));
    bool Escapes = !DllFunction || Writes;
    auto Forget = [&](PathState &P) {
      if (Escapes)
        C.invalidateEscaped(CE, P);
      if (Writes)
        C.invalidateFields(CE, P);
    };
    Forget(S);
    for (size_t I = Before; I < C.splits().size(); ++I)
      Forget(C.splits()[I]);
  } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(St)) {
    size_t Before = C.splits().size();
    Obs.onConstruct(CCE, S, C);
    bool Writes = C.analysis().mayWriteMemory(CCE->getConstructor());
    auto Forget = [&](PathState &P) {
      if (Writes) {
        C.invalidateEscaped(CCE, P);
        C.invalidateFields(CCE, P);
      }
    };
    Forget(S);
    for (size_t I = Before; I < C.splits().size(); ++I)
      Forget(C.splits()[I]);
  } else if (const auto *RS = dyn_cast<ReturnStmt>(St)) {
    S.Return = RS;
    S.ReturnValue = RS->getRetValue() ? C.eval(RS->getRetValue(), S)
                                      : SymValue::unknown();
    // Keep what the path knows of the returned symbol in the value itself.
    if (std::optional<int64_t> K = S.F.known(S.ReturnValue))
      S.ReturnValue = SymValue::constant(*K);
  }
  // Paths split off by onCall/onConstruct see the statement too.
  size_t SplitsAfter = C.splits().size();
  Obs.onStmt(St, S, C);
  for (size_t I = SplitsBefore; I < SplitsAfter; ++I) {
    PathState Split = std::move(C.splits()[I]);
    Obs.onStmt(St, Split, C);
    C.splits()[I] = std::move(Split);
  }
}

//===----------------------------------------------------------------------===//
// Exceptions
//
// clang's CFG reaches a catch handler only from a throw expression. The
// engine adds the exceptions a resource DLL's handlers are written for:
// std::bad_alloc from a throwing 'new' and from the C++ standard library
// (a function or constructor of namespace std, declared in a system header,
// that is not noexcept). A path leaves such a call inside a try block, in
// the state before the call, for the first handler that catches
// std::bad_alloc ('...', std::exception, std::bad_alloc); a function of the
// DLL, a C function (the Windows API) or a call through a pointer is not
// taken to throw, and destructors of the try block's locals on the way are
// not followed.
//===----------------------------------------------------------------------===//

static bool isInStd(const Decl *D) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

static bool mayThrowFunction(const FunctionDecl *FD, const SourceManager &SM) {
  if (!FD || FD->hasAttr<NoThrowAttr>() || FD->getBuiltinID() ||
      FD->isExternC() || !isInStd(FD) ||
      !SM.isInSystemHeader(FD->getCanonicalDecl()->getLocation()))
    return false;
  const auto *FPT = FD->getType()->getAs<FunctionProtoType>();
  return FPT && !isUnresolvedExceptionSpec(FPT->getExceptionSpecType()) &&
         !FPT->isNothrow();
}

/// What at St may throw std::bad_alloc, said for the path ("'new Res' may
/// throw std::bad_alloc"); empty when nothing does.
static std::string throwingSite(const Stmt *St, ASTContext &Ctx) {
  if (!Ctx.getLangOpts().CXXExceptions)
    return "";
  PrintingPolicy PP(Ctx.getLangOpts());
  PP.SuppressTagKeyword = true;
  const SourceManager &SM = Ctx.getSourceManager();
  std::string What;
  if (const auto *NE = dyn_cast<CXXNewExpr>(St)) {
    const FunctionDecl *New = NE->getOperatorNew();
    const auto *FPT = New ? New->getType()->getAs<FunctionProtoType>() : nullptr;
    if (!FPT || FPT->isNothrow() || NE->getNumPlacementArgs() > 0)
      return "";
    What = "'new " + NE->getAllocatedType().getAsString(PP) + "'";
  } else if (const auto *CE = dyn_cast<CallExpr>(St)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!mayThrowFunction(FD, SM))
      return "";
    What = "'" + FD->getNameAsString() + "'";
  } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(St)) {
    const CXXConstructorDecl *Ctor = CCE->getConstructor();
    if (!Ctor || Ctor->isTrivial() || !mayThrowFunction(Ctor, SM))
      return "";
    // The name the source wrote (std::wstring), unless it is a member
    // typedef of a template (a container's value_type).
    QualType T = CCE->getType();
    if (const auto *TT = T->getAs<TypedefType>())
      if (TT->getDecl()->getDeclContext()->isRecord())
        T = T.getCanonicalType();
    What = "constructing '" + T.getAsString(PP) + "'";
  } else {
    return "";
  }
  return What + " may throw std::bad_alloc";
}

static bool catchesBadAlloc(const CXXCatchStmt *CS) {
  if (!CS->getExceptionDecl())
    return true; // catch (...)
  QualType T = CS->getCaughtType().getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && isInStd(RD) &&
         (RD->getName() == "bad_alloc" || RD->getName() == "exception");
}

/// The first handler that catches std::bad_alloc thrown at Site: of the
/// innermost try block around Site, or of the ones around that.
const CXXCatchStmt *PathEngine::handlerFor(const Stmt *Site) {
  ParentMap &PM = C.analysis().parentsOf(C.function());
  const Stmt *Cur = Site;
  while (const Stmt *P = PM.getParent(Cur)) {
    if (const auto *Try = dyn_cast<CXXTryStmt>(P))
      if (Try->getTryBlock() == Cur)
        for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
          if (catchesBadAlloc(Try->getHandler(I)))
            return Try->getHandler(I);
    if (isa<LambdaExpr>(P) || isa<BlockExpr>(P))
      return nullptr;
    Cur = P;
  }
  return nullptr;
}

/// The paths in Live, about to run St, also go to the handler of what St
/// may throw.
void PathEngine::followException(const CFGBlock *B, const Stmt *St,
                                 llvm::ArrayRef<PathState> Live) {
  std::string What = throwingSite(St, C.astContext());
  if (What.empty())
    return;
  const CXXCatchStmt *CS = handlerFor(St);
  const CFGBlock *To = CS ? Handlers.lookup(CS) : nullptr;
  if (!To)
    return;
  std::string Caught =
      "caught by 'catch (" +
      (CS->getExceptionDecl()
           ? CS->getCaughtType().getAsString(
                 PrintingPolicy(C.astContext().getLangOpts()))
           : std::string("...")) +
      ")'";
  for (const PathState &S : Live) {
    PathState N = S;
    N.addEvent(St, What);
    N.addEvent(CS, Caught);
    Obs.onEdge(B, To, N, C);
    enqueue(To, std::move(N));
  }
}

static void pushBranch(PathState &S, const Stmt *Cond, bool Taken,
                       TrailNode::Kind K) {
  auto N = std::make_shared<TrailNode>();
  N->Parent = S.T;
  N->K = K;
  N->S = Cond;
  N->Taken = Taken;
  S.T = std::move(N);
}

void PathEngine::propagate(const CFGBlock *B, PathState &S) {
  const Stmt *Term = B->getTerminatorStmt();
  llvm::SmallVector<const CFGBlock *, 4> Succs;
  for (const CFGBlock::AdjacentBlock &A : B->succs())
    Succs.push_back(A.getReachableBlock());

  if (const auto *SW = dyn_cast_or_null<SwitchStmt>(Term)) {
    SymValue V = C.eval(SW->getCond(), S);
    llvm::SmallVector<int64_t, 8> CaseValues;
    bool AllKnown = true;
    for (const CFGBlock *Succ : Succs)
      if (Succ)
        if (const auto *CS = dyn_cast_or_null<CaseStmt>(Succ->getLabel())) {
          std::optional<int64_t> K = CS->getRHS() ? std::nullopt
                                                  : C.constantOf(CS->getLHS());
          if (K)
            CaseValues.push_back(*K);
          else
            AllKnown = false;
        }
    for (const CFGBlock *Succ : Succs) {
      if (!Succ)
        continue;
      PathState N = S;
      const Stmt *Label = Succ->getLabel();
      bool Feasible = true;
      if (const auto *CS = dyn_cast_or_null<CaseStmt>(Label)) {
        std::optional<int64_t> K =
            CS->getRHS() ? std::nullopt : C.constantOf(CS->getLHS());
        if (K)
          Feasible = N.F.assume(V, *K, true);
        pushBranch(N, CS, true, TrailNode::Case);
      } else {
        // default: (or past the switch when there is no default).
        if (AllKnown)
          for (int64_t K : CaseValues)
            if (!(Feasible = N.F.assume(V, K, false)))
              break;
        pushBranch(N, Label ? Label : SW, false, TrailNode::Case);
      }
      if (!Feasible)
        continue;
      Obs.onEdge(B, Succ, N, C);
      enqueue(Succ, std::move(N));
    }
    return;
  }

  const Expr *Cond = Succs.size() == 2 && Term ? B->getLastCondition() : nullptr;
  if (Cond && !isa<CXXForRangeStmt>(Term)) {
    // ?:, and && / || whose value is used: the value at the join depends on
    // the branch taken here, so the state records it.
    bool RecordArm = C.isValueBranch(Term);
    for (unsigned I = 0; I < 2; ++I) {
      const CFGBlock *Succ = Succs[I];
      if (!Succ)
        continue;
      PathState N = S;
      if (!C.assume(Cond, I == 0, N))
        continue;
      if (RecordArm)
        C.recordBranch(Term, I == 0, N);
      pushBranch(N, Cond, I == 0, TrailNode::Branch);
      Obs.onEdge(B, Succ, N, C);
      enqueue(Succ, std::move(N));
    }
    return;
  }

  for (unsigned I = 0; I < Succs.size(); ++I) {
    const CFGBlock *Succ = Succs[I];
    if (!Succ)
      continue;
    PathState N = I + 1 == Succs.size() ? std::move(S) : S;
    Obs.onEdge(B, Succ, N, C);
    enqueue(Succ, std::move(N));
  }
}

EngineResult runPathAnalysis(AnalysisContext &AC, const FunctionDecl *FD,
                             PathObserver &Obs) {
  const CFG *Cfg = AC.cfgFor(FD);
  if (!Cfg)
    return {true, 0};
  PathContext Ctx(AC, FD, *Cfg);
  PathEngine E(Ctx, Obs, AC.limits());
  EngineResult R = E.run();
  AC.stats().FunctionsAnalysed++;
  AC.stats().StatesExplored += R.Steps;
  return R;
}

} // namespace resdll
