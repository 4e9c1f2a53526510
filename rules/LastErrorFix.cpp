//===- LastErrorFix.cpp - rule 1's fix: SetLastError(status) --------------===//
//
// When is the right error code "known"? The fix is offered for a null return
// only when all of these hold:
//   - the return is `return NULL;` (or 0, nullptr, a cast of those), written
//     outside macros;
//   - the entry point compares an integer local or parameter with
//     ERROR_SUCCESS or NO_ERROR: the variable holds a Win32 error code (the
//     status of RegOpenKeyExW, ClusterRegOpenKey, ResUtil*, ...);
//   - on every path the engine followed to that return, the variable is known
//     to be nonzero (the rule checks this at each exit; see the caller);
//   - at the return, the variable's name designates that variable (in scope,
//     not shadowed).
// If several variables qualify, the one tested last on the reported path is
// used. The inserted call then sets exactly the error the code had in hand.
//
//===----------------------------------------------------------------------===//
#include "LastErrorFix.h"
#include "Engine.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace resdll {

namespace {

/// An expression spelled with the ERROR_SUCCESS or NO_ERROR macro, whose
/// value is zero.
bool isErrorSuccess(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenCasts();
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx) || R.Val.getInt() != 0)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  for (SourceLocation L = E->getBeginLoc(); L.isMacroID();
       L = SM.getImmediateMacroCallerLoc(L)) {
    StringRef Name = Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts());
    if (Name == "ERROR_SUCCESS" || Name == "NO_ERROR")
      return true;
  }
  return false;
}

/// The reference to an integer local or parameter, through casts.
const DeclRefExpr *statusReference(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(stripValueCasts(E));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !(isa<ParmVarDecl>(VD) || VD->hasLocalStorage()))
    return nullptr;
  QualType T = VD->getType();
  if (!T->isIntegerType() || T->isBooleanType() || T.isVolatileQualified())
    return nullptr;
  return DRE;
}

/// `status != ERROR_SUCCESS` (or ==, either side): the status reference.
const DeclRefExpr *comparedWithErrorSuccess(const Expr *Cond, ASTContext &Ctx,
                                            bool *IsEq = nullptr) {
  const auto *BO = dyn_cast_or_null<BinaryOperator>(
      Cond ? Cond->IgnoreParenImpCasts() : nullptr);
  if (!BO || !BO->isEqualityOp())
    return nullptr;
  if (IsEq)
    *IsEq = BO->getOpcode() == BO_EQ;
  if (isErrorSuccess(BO->getRHS(), Ctx))
    return statusReference(BO->getLHS());
  if (isErrorSuccess(BO->getLHS(), Ctx))
    return statusReference(BO->getRHS());
  return nullptr;
}

class ComparisonFinder : public RecursiveASTVisitor<ComparisonFinder> {
public:
  explicit ComparisonFinder(ASTContext &Ctx) : Ctx(Ctx) {}
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (const DeclRefExpr *DRE = comparedWithErrorSuccess(BO, Ctx))
      if (llvm::none_of(Found, [&](const DeclRefExpr *D) {
            return D->getDecl() == DRE->getDecl();
          }))
        Found.push_back(DRE);
    return true;
  }
  llvm::SmallVector<const DeclRefExpr *, 4> Found;

private:
  ASTContext &Ctx;
};

/// The innermost declaration named like Var that is visible at Child through
/// the scope P opens (null if P declares none).
const VarDecl *sameNameIn(const Stmt *P, const Stmt *Child,
                          const VarDecl *Var) {
  const VarDecl *Last = nullptr;
  auto Consider = [&](const Decl *D) {
    if (const auto *VD = dyn_cast_or_null<VarDecl>(D))
      if (VD->getDeclName() == Var->getDeclName())
        Last = VD;
  };
  auto ConsiderStmt = [&](const Stmt *S) {
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        Consider(D);
  };
  if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
    for (const Stmt *S : CS->body()) {
      if (S == Child)
        break;
      ConsiderStmt(S);
    }
  } else if (const auto *FS = dyn_cast<ForStmt>(P)) {
    if (FS->getInit() != Child)
      ConsiderStmt(FS->getInit());
    Consider(FS->getConditionVariable());
  } else if (const auto *IS = dyn_cast<IfStmt>(P)) {
    if (IS->getInit() != Child)
      ConsiderStmt(IS->getInit());
    Consider(IS->getConditionVariable());
  } else if (const auto *WS = dyn_cast<WhileStmt>(P)) {
    Consider(WS->getConditionVariable());
  } else if (const auto *SS = dyn_cast<SwitchStmt>(P)) {
    if (SS->getInit() != Child)
      ConsiderStmt(SS->getInit());
    Consider(SS->getConditionVariable());
  } else if (const auto *RS = dyn_cast<CXXForRangeStmt>(P)) {
    Consider(RS->getLoopVariable());
  }
  return Last;
}

/// Whether Var's name designates Var at RS.
bool designates(ParentMap &PM, const FunctionDecl *FD, const ReturnStmt *RS,
                const VarDecl *Var) {
  const Stmt *Child = RS;
  for (const Stmt *P = PM.getParent(RS); P; Child = P, P = PM.getParent(P))
    if (const VarDecl *D = sameNameIn(P, Child, Var))
      return D == Var;
  return llvm::is_contained(FD->parameters(), Var);
}

} // namespace

llvm::SmallVector<const DeclRefExpr *, 4>
errorCodeVariables(AnalysisContext &AC, const FunctionDecl *FD) {
  ComparisonFinder Finder(AC.ast());
  if (FD && FD->getBody())
    Finder.TraverseStmt(FD->getBody());
  return Finder.Found;
}

llvm::SmallVector<const VarDecl *, 4>
errorCodeVariablesTested(AnalysisContext &AC, const Trail &T) {
  llvm::SmallVector<const VarDecl *, 4> Out;
  for (const TrailNode *N = T.get(); N; N = N->Parent.get()) {
    if (N->K != TrailNode::Branch)
      continue;
    bool IsEq = false;
    const DeclRefExpr *DRE = comparedWithErrorSuccess(
        dyn_cast_or_null<Expr>(N->S), AC.ast(), &IsEq);
    // Only a decision that makes the status nonzero: != taken, == not taken.
    if (!DRE || IsEq == N->Taken)
      continue;
    const auto *VD = cast<VarDecl>(DRE->getDecl());
    if (!llvm::is_contained(Out, VD))
      Out.push_back(VD);
  }
  return Out;
}

bool addSetLastErrorFix(AnalysisContext &AC, const FunctionDecl *FD,
                        const ReturnStmt *RS, const VarDecl *Var, Finding &F) {
  ASTContext &Ctx = AC.ast();
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  const Expr *RV = RS && Var ? RS->getRetValue() : nullptr;
  if (!RV)
    return false;
  if (RV->IgnoreParenCasts()->isNullPointerConstant(
          Ctx, Expr::NPC_ValueDependentIsNotNull) == Expr::NPCK_NotNull)
    return false;
  SourceLocation Begin = RS->getBeginLoc();
  if (Begin.isInvalid() || Begin.isMacroID())
    return false;
  SourceLocation End = SM.getExpansionRange(RS->getEndLoc()).getEnd();
  SourceLocation AfterSemi = Lexer::findLocationAfterToken(
      End, tok::semi, SM, LO, /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (AfterSemi.isInvalid() || AfterSemi.isMacroID())
    return false;
  auto [FID, Offset] = SM.getDecomposedLoc(Begin);
  auto [EndFID, EndOffset] = SM.getDecomposedLoc(AfterSemi);
  if (FID != EndFID || EndOffset <= Offset)
    return false;
  ParentMap &PM = AC.parentsOf(FD);
  if (!designates(PM, FD, RS, Var))
    return false;

  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return false;
  std::string Call = ("SetLastError(" + Var->getName() + ");").str();
  // The statement the return belongs to, past labels.
  const Stmt *P = PM.getParent(RS);
  while (P && (isa<LabelStmt>(P) || isa<SwitchCase>(P) || isa<AttributedStmt>(P)))
    P = PM.getParent(P);
  F.FixFile = SM.getFilename(Begin).str();
  F.FixDescription = "insert '" + Call + "' before the return";
  if (P && isa<CompoundStmt>(P)) {
    // A statement of its own, on its own line when the return starts one.
    size_t LineStart = Buf.rfind('\n', Offset == 0 ? 0 : Offset - 1);
    LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
    StringRef Indent = Buf.slice(LineStart, Offset);
    bool OwnLine = Indent.find_first_not_of(" \t") == StringRef::npos;
    StringRef Newline =
        LineStart >= 2 && Buf[LineStart - 2] == '\r' ? "\r\n" : "\n";
    F.FixOffset = Offset;
    F.FixLength = 0;
    F.FixReplacement =
        OwnLine ? Call + Newline.str() + Indent.str() : Call + " ";
  } else {
    // The unbraced body of an if, else or loop: braces keep it one statement.
    F.FixOffset = Offset;
    F.FixLength = EndOffset - Offset;
    F.FixReplacement =
        "{ " + Call + " " + Buf.slice(Offset, EndOffset).str() + " }";
  }
  return true;
}

} // namespace resdll
