//===- PartialParse.cpp - what is analysed when the parse failed ----------===//
#include "PartialParse.h"
#include "Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <deque>

using namespace clang;

namespace resdll {

namespace {

class DefinitionCollector : public RecursiveASTVisitor<DefinitionCollector> {
public:
  explicit DefinitionCollector(const SourceManager &SM) : SM(SM) {}
  std::vector<const FunctionDecl *> Definitions;
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(Decl *D) {
    // The DLL's code only: system headers are not analysed.
    if (isSystemHeaderDecl(D, SM))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && FD->getBody())
      Definitions.push_back(FD);
    return true;
  }

private:
  const SourceManager &SM;
};

/// What one function's body says: does it carry clang's error marks, and
/// which functions does it call.
struct BodyFacts {
  bool HasErrors = false;
  llvm::SmallVector<const FunctionDecl *, 8> Callees;
};

const FunctionDecl *canonical(const FunctionDecl *FD) {
  return FD ? FD->getCanonicalDecl() : nullptr;
}

void addCallee(BodyFacts &B, const FunctionDecl *FD) {
  if (FD)
    B.Callees.push_back(canonical(FD));
}

BodyFacts inspectBody(const FunctionDecl *FD) {
  BodyFacts B;
  if (FD->isInvalidDecl())
    B.HasErrors = true;
  for (const ParmVarDecl *P : FD->parameters())
    if (P->isInvalidDecl())
      B.HasErrors = true;
  // An explicit stack: bodies can be nested thousands of levels deep.
  llvm::SmallVector<const Stmt *, 64> Work = {FD->getBody()};
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Work.push_back(Init->getInit());
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = dyn_cast<Expr>(S)) {
      if (E->containsErrors() || isa<RecoveryExpr>(E))
        B.HasErrors = true;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
        if (DRE->getDecl()->isInvalidDecl())
          B.HasErrors = true;
      } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        if (ME->getMemberDecl()->isInvalidDecl())
          B.HasErrors = true;
      } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
        addCallee(B, CE->getDirectCallee());
      } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
        addCallee(B, CE->getConstructor());
        if (const CXXRecordDecl *RD = CE->getConstructor()->getParent())
          addCallee(B, RD->getDestructor());
      }
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (D->isInvalidDecl())
          B.HasErrors = true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return B;
}

struct Span {
  unsigned Begin, End;
  const FunctionDecl *FD;
};

} // namespace

UnanalysableFunctions
findUnanalysableFunctions(ASTContext &Ctx,
                          llvm::ArrayRef<SourceLocation> ErrorLocs) {
  UnanalysableFunctions Out;
  const SourceManager &SM = Ctx.getSourceManager();
  DefinitionCollector Collector(SM);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());

  // Where each definition lies (first to last token, in the file it is
  // written in).
  llvm::DenseMap<FileID, std::vector<Span>> SpansByFile;
  for (const FunctionDecl *FD : Collector.Definitions) {
    SourceLocation B = SM.getExpansionLoc(FD->getBeginLoc());
    SourceLocation E = SM.getExpansionLoc(FD->getEndLoc());
    if (B.isInvalid() || E.isInvalid())
      continue;
    auto [BF, BO] = SM.getDecomposedLoc(B);
    auto [EF, EO] = SM.getDecomposedLoc(E);
    if (BF != EF || EO < BO)
      continue;
    SpansByFile[BF].push_back({BO, EO, FD});
  }
  for (SourceLocation L : ErrorLocs) {
    if (L.isInvalid())
      continue;
    auto [F, O] = SM.getDecomposedLoc(SM.getExpansionLoc(L));
    auto It = SpansByFile.find(F);
    if (It == SpansByFile.end())
      continue;
    for (const Span &S : It->second)
      if (S.Begin <= O && O <= S.End)
        Out.try_emplace(canonical(S.FD), "it has compiler errors");
  }

  // Error marks in the AST, and who calls whom.
  llvm::DenseMap<const FunctionDecl *,
                 llvm::SmallVector<const FunctionDecl *, 4>>
      Callers;
  for (const FunctionDecl *FD : Collector.Definitions) {
    BodyFacts B = inspectBody(FD);
    if (B.HasErrors)
      Out.try_emplace(canonical(FD), "it has compiler errors");
    for (const FunctionDecl *Callee : B.Callees)
      if (Callee != canonical(FD))
        Callers[Callee].push_back(canonical(FD));
  }

  // Whoever calls a function left out is left out too.
  std::deque<const FunctionDecl *> Work;
  for (auto &Entry : Out)
    Work.push_back(Entry.first);
  std::sort(Work.begin(), Work.end(),
            [&](const FunctionDecl *A, const FunctionDecl *B) {
              return SM.isBeforeInTranslationUnit(A->getLocation(),
                                                  B->getLocation());
            });
  while (!Work.empty()) {
    const FunctionDecl *Callee = Work.front();
    Work.pop_front();
    auto It = Callers.find(Callee);
    if (It == Callers.end())
      continue;
    for (const FunctionDecl *Caller : It->second)
      if (Out.try_emplace(Caller, "it calls '" + displayName(Callee) +
                                      "', which is not analysed because of "
                                      "compiler errors")
              .second)
        Work.push_back(Caller);
  }
  return Out;
}

} // namespace resdll
