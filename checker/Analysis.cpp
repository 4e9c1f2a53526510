//===- Analysis.cpp - per-translation-unit analysis context ---------------===//
#include "Analysis.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace resdll {

std::optional<std::string> RuleOptions::get(llvm::StringRef Key) const {
  auto It = Values.find(Key);
  if (It == Values.end())
    return std::nullopt;
  return It->second;
}

bool RuleOptions::getBool(llvm::StringRef Key, bool Default) const {
  std::optional<std::string> V = get(Key);
  if (!V)
    return Default;
  std::string L = llvm::StringRef(*V).lower();
  if (L == "true" || L == "1" || L == "yes" || L == "on")
    return true;
  if (L == "false" || L == "0" || L == "no" || L == "off")
    return false;
  return Default;
}

unsigned RuleOptions::getUnsigned(llvm::StringRef Key, unsigned Default) const {
  std::optional<std::string> V = get(Key);
  unsigned Out;
  if (!V || llvm::StringRef(*V).getAsInteger(10, Out))
    return Default;
  return Out;
}

AnalysisContext::AnalysisContext(ASTContext &Ctx, const ApiModel &Api,
                                 const RuleOptions &Options)
    : Ctx(Ctx), Api(Api), Options(Options),
      Model(ResourceDllModel::build(Ctx, Api)), Locs(Ctx) {
  Limits.MaxSteps = Options.getUnsigned("resdll.MaxPathSteps", Limits.MaxSteps);
  Limits.MaxStatesPerBlock =
      Options.getUnsigned("resdll.MaxStatesPerBlock", Limits.MaxStatesPerBlock);
}

AnalysisContext::~AnalysisContext() = default;

const CFG *AnalysisContext::cfgFor(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  auto It = Cfgs.find(FD);
  if (It != Cfgs.end())
    return It->second.get();
  std::unique_ptr<CFG> Cfg;
  if (unanalysableReason(FD)) {
    Cfgs[FD] = nullptr;
    return nullptr;
  }
  if (Stmt *Body = FD->getBody()) {
    CFG::BuildOptions BO;
    BO.AddImplicitDtors = true;
    BO.AddTemporaryDtors = true;
    BO.AddInitializers = true;
    BO.AddScopes = true;
    BO.AddLifetime = false;
    BO.AddCXXDefaultInitExprInCtors = true;
    BO.AddCXXNewAllocator = false;
    BO.setAllAlwaysAdd();
    Cfg = CFG::buildCFG(FD, Body, &Ctx, BO);
  }
  const CFG *Result = Cfg.get();
  Cfgs[FD] = std::move(Cfg);
  return Result;
}

ParentMap &AnalysisContext::parentsOf(const FunctionDecl *FD) {
  std::unique_ptr<ParentMap> &PM = Parents[FD];
  if (!PM)
    PM = std::make_unique<ParentMap>(FD->getBody());
  return *PM;
}

bool AnalysisContext::isValueDiscarded(const FunctionDecl *FD,
                                       const Expr *E) {
  if (!FD || !FD->getBody() || !E)
    return false;
  ParentMap &PM = parentsOf(FD);
  const Stmt *Cur = E;
  for (int Depth = 0; Depth < 64; ++Depth) {
    const Stmt *P = PM.getParent(Cur);
    if (!P)
      return false; // outside the body (a constructor initialiser)
    if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P) ||
        isa<CXXBindTemporaryExpr>(P) ||
        isa<MaterializeTemporaryExpr>(P) || isa<FullExpr>(P)) {
      Cur = P;
      continue;
    }
    if (const auto *CE = dyn_cast<ExplicitCastExpr>(P)) {
      if (CE->getType()->isVoidType())
        return true;
      Cur = P;
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->getOpcode() != BO_Comma)
        return false;
      if (BO->getLHS() == Cur)
        return true;
      Cur = P;
      continue;
    }
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P)) {
      if (CO->getCond() == Cur)
        return false;
      Cur = P; // its value is the conditional's value
      continue;
    }
    if (isa<Expr>(P))
      return false; // an operand, an argument, an initialiser
    if (const auto *For = dyn_cast<ForStmt>(P))
      return For->getCond() != Cur;
    if (const auto *If = dyn_cast<IfStmt>(P))
      return If->getCond() != Cur;
    if (const auto *While = dyn_cast<WhileStmt>(P))
      return While->getCond() != Cur;
    if (const auto *Do = dyn_cast<DoStmt>(P))
      return Do->getCond() != Cur;
    if (const auto *Switch = dyn_cast<SwitchStmt>(P))
      return Switch->getCond() != Cur;
    if (isa<DeclStmt>(P) || isa<ReturnStmt>(P) || isa<CXXForRangeStmt>(P))
      return false;
    return true; // a statement of a block, a label, a case
  }
  return false;
}

const std::string *
AnalysisContext::unanalysableReason(const FunctionDecl *FD) const {
  if (Unanalysable.empty() || !FD)
    return nullptr;
  auto It = Unanalysable.find(FD->getCanonicalDecl());
  return It == Unanalysable.end() ? nullptr : &It->second;
}

bool AnalysisContext::isDllFunction(const FunctionDecl *FD) const {
  const FunctionDecl *Def = definitionOf(FD);
  return Def && !Ctx.getSourceManager().isInSystemHeader(Def->getLocation());
}

namespace {
/// Collects what every path of a function returns.
class ReturnCollector : public PathObserver {
public:
  bool Any = false, MayBeNull = false, AllSame = true;
  std::optional<int64_t> Const;
  /// Entry slots whose entry value every exit so far returns.
  std::vector<SlotRef> Returned;
  void onExit(PathState &S, PathContext &C) override {
    if (!S.Return)
      return;
    std::vector<SlotRef> Here;
    C.forEachEntrySlot([&](const SlotRef &R, SymbolId Entry) {
      SymValue V = S.ReturnValue;
      if ((V.isSym() && V.S == Entry) ||
          (V.isConst() && S.F.known(SymValue::symbol(Entry)) == V.C))
        Here.push_back(R);
    });
    if (!Any)
      Returned = std::move(Here);
    else
      llvm::erase_if(Returned, [&](const SlotRef &R) {
        return !llvm::is_contained(Here, R);
      });
    std::optional<int64_t> K = S.F.known(S.ReturnValue);
    if (!Any)
      Const = K;
    else if (!K || !Const || *K != *Const)
      AllSame = false;
    Any = true;
    if (S.F.mayEqual(S.ReturnValue, 0) && S.ReturnValue.K != SymValue::Unknown)
      MayBeNull = true;
    if (S.ReturnValue.K == SymValue::Unknown)
      MayBeNull = true;
  }
};
} // namespace

const ReturnSummary *AnalysisContext::returnSummary(const FunctionDecl *FD) {
  const FunctionDecl *Def = definitionOf(FD);
  if (!Def || !isDllFunction(Def))
    return nullptr;
  auto It = Returns.find(Def);
  if (It != Returns.end())
    return It->second ? &*It->second : nullptr;
  if (!InProgress.insert(Def).second)
    return nullptr; // recursion: unknown
  ReturnCollector RC;
  EngineResult R = runPathAnalysis(*this, Def, RC);
  InProgress.erase(Def);
  std::optional<ReturnSummary> Sum;
  if (R.Completed && RC.Any) {
    Sum.emplace();
    Sum->NeverNull = !RC.MayBeNull;
    if (RC.AllSame && RC.Const)
      Sum->AlwaysConst = RC.Const;
    else if (!RC.Returned.empty())
      Sum->ReturnsEntryOf = RC.Returned.front();
  }
  Returns[Def] = Sum;
  return Sum ? &*Returns[Def] : nullptr;
}

namespace {
/// Looks for anything in a function body that may write memory the caller
/// can see (see AnalysisContext::mayWriteMemory).
class WriteFinder : public RecursiveASTVisitor<WriteFinder> {
public:
  WriteFinder(AnalysisContext &AC, const FunctionDecl *FD) : AC(AC) {
    OwnObject = isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD);
  }
  bool Writes = false;

  bool shouldVisitLambdaBodies() const { return false; }

  /// A store to E is invisible to the caller: a local (not a reference) of
  /// the function, or, in a constructor or destructor, a field of the
  /// object itself (new, or about to die).
  bool isPrivateStore(const Expr *E) {
    E = stripValueCasts(E);
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType();
    }
    if (!OwnObject)
      return false;
    while (const auto *ME = dyn_cast_or_null<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(stripValueCasts(ME->getBase())))
        return true;
      if (ME->isArrow())
        return false;
      E = stripValueCasts(ME->getBase());
    }
    return false;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && !isPrivateStore(BO->getLHS()))
      Writes = true;
    return !Writes;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp() && !isPrivateStore(UO->getSubExpr()))
      Writes = true;
    return !Writes;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || isa<CXXPseudoDestructorExpr>(CE->getCallee())) {
      Writes = Callee == nullptr;
      return !Writes;
    }
    if (AC.isDllFunction(Callee)) {
      Writes = AC.mayWriteMemory(Callee);
    } else if (AC.api().lookup(Callee) || Callee->getBuiltinID()) {
      // A documented function (or a compiler builtin such as memset)
      // writes through its pointer arguments only.
      for (const Expr *Arg : CE->arguments()) {
        QualType T = Arg->IgnoreParenImpCasts()->getType();
        if (T->isPointerType() && !T->getPointeeType().isConstQualified() &&
            !isa<StringLiteral>(Arg->IgnoreParenImpCasts()))
          Writes = true;
      }
    } else {
      Writes = true;
    }
    return !Writes;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Ctor->isTrivial())
      Writes = AC.mayWriteMemory(Ctor);
    return !Writes;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl())
      if (RD->hasDefinition() && !RD->hasTrivialDestructor())
        if (const CXXDestructorDecl *DD = RD->getDestructor())
          Writes = AC.mayWriteMemory(DD);
    return !Writes;
  }
  bool VisitCXXNewExpr(CXXNewExpr *) { return !(Writes = true); }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *) { return !(Writes = true); }
  bool VisitGCCAsmStmt(GCCAsmStmt *) { return !(Writes = true); }
  bool VisitCXXThrowExpr(CXXThrowExpr *) { return !(Writes = true); }

private:
  AnalysisContext &AC;
  bool OwnObject = false;
};
} // namespace

bool AnalysisContext::mayWriteMemory(const FunctionDecl *FD) {
  const FunctionDecl *Def = definitionOf(FD);
  if (!Def || !isDllFunction(Def))
    return !(FD && Api.lookup(FD)); // documented: only through pointers
  auto [It, Inserted] = Writes.try_emplace(Def, true); // recursion: writes
  if (!Inserted)
    return It->second;
  WriteFinder WF(*this, Def);
  WF.TraverseStmt(Def->getBody());
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (!WF.Writes && Init->getInit())
        WF.TraverseStmt(Init->getInit());
  // Implicit members and bases are destroyed by a destructor too.
  if (const auto *DD = dyn_cast<CXXDestructorDecl>(Def))
    for (const FieldDecl *F : DD->getParent()->fields())
      if (const CXXRecordDecl *RD = F->getType()->getAsCXXRecordDecl())
        if (!WF.Writes && RD->hasDefinition() && !RD->hasTrivialDestructor())
          if (const CXXDestructorDecl *MD = RD->getDestructor())
            WF.Writes = mayWriteMemory(MD);
  Writes[Def] = WF.Writes;
  return WF.Writes;
}

void AnalysisContext::reportBudgetHit(const FunctionDecl *FD,
                                      llvm::StringRef RuleId) {
  if (!BudgetSeen.insert({FD, RuleId.str()}).second)
    return;
  Stats.BudgetHits++;
  Notification N;
  N.Lvl = Notification::Warning;
  N.Kind = "budget";
  N.RuleId = RuleId.str();
  N.Loc = Locs.of(static_cast<const Decl *>(FD));
  N.Message = "the analysis of '" + displayName(FD) + "' for " + RuleId.str() +
              " stopped at the path budget (" +
              std::to_string(Limits.MaxSteps) +
              " steps); no finding is reported for it";
  Notes.push_back(std::move(N));
}

} // namespace resdll
