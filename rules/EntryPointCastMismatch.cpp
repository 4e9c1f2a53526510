//===- EntryPointCastMismatch.cpp - a cast hides a signature -------------===//
//
// A conversion of a function to an entry-point pointer type is checked by
// the compiler; an explicit cast is not. Every explicit cast (C-style,
// functional, reinterpret_cast, static_cast) whose written type names an
// entry-point typedef of resapi.h (POPEN_V2_ROUTINE ... PSTARTUP_EX_ROUTINE,
// and PWORKER_START_ROUTINE of ClusWorkerCreate) is compared with the
// function it converts (looking through &, parentheses and inner casts such
// as (PVOID)): return type, parameter count and types (canonical, so typedef
// sugar such as LPVOID/PVOID is no difference), variadic, and calling
// convention.
//
// Calling conventions are compared as the compiler sees them for the
// target being analysed. On x86-64 (the default target) the compiler
// ignores __stdcall: a function written without WINAPI has the same
// convention as the typedef, the call works, and nothing is reported. For
// 32-bit x86 (--target=i686-w64-mingw32) __stdcall and __cdecl differ and a
// mismatch is reported.
//
//===----------------------------------------------------------------------===//
#include "EntryPointCastMismatch.h"
#include "Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace resdll {

namespace {

/// The entry-point typedef named in the sugar of T, if any.
std::optional<std::string> entryTypedefOf(QualType T) {
  for (int Depth = 0; Depth < 16 && !T.isNull(); ++Depth) {
    const auto *TT = T->getAs<TypedefType>();
    if (!TT)
      return std::nullopt;
    StringRef Name = TT->getDecl()->getName();
    if (Name == "PWORKER_START_ROUTINE")
      return Name.str();
    for (int K = int(EntryKind::Open); K <= int(EntryKind::StartupEx); ++K)
      if (entryKindTypedef(EntryKind(K)) == Name)
        return Name.str();
    T = TT->desugar();
  }
  return std::nullopt;
}

std::string plural(unsigned N, StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

std::string ccName(CallingConv CC) {
  return ("__" + FunctionType::getNameForCallConv(CC)).str();
}

class CastFinder : public RecursiveASTVisitor<CastFinder> {
public:
  CastFinder(AnalysisContext &AC, std::vector<Finding> &Out)
      : AC(AC), Ctx(AC.ast()), SM(Ctx.getSourceManager()), Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D || isSystemHeaderDecl(D, SM))
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (FD)
      Functions.push_back(FD);
    bool R = RecursiveASTVisitor::TraverseDecl(D);
    if (FD)
      Functions.pop_back();
    return R;
  }

  bool VisitExplicitCastExpr(ExplicitCastExpr *CE) {
    if (CE->isValueDependent() || CE->isTypeDependent())
      return true;
    std::optional<std::string> Typedef = entryTypedefOf(CE->getTypeAsWritten());
    if (!Typedef)
      return true;
    // (PX)(PX)F: the inner cast is the one to report.
    if (const auto *Inner =
            dyn_cast<ExplicitCastExpr>(CE->getSubExpr()->IgnoreParens()))
      if (entryTypedefOf(Inner->getTypeAsWritten()))
        return true;
    const auto *PT = CE->getTypeAsWritten()->getAs<PointerType>();
    const FunctionType *To =
        PT ? PT->getPointeeType()->getAs<FunctionType>() : nullptr;
    if (!To)
      return true;

    const FunctionDecl *Fn =
        ResourceDllModel::resolveFunction(CE->getSubExpr());
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Fn))
      if (!MD->isStatic())
        return true; // a lambda or member: the compiler rejects the cast
    const FunctionType *From = nullptr;
    std::string What;
    if (Fn) {
      From = Fn->getType()->getAs<FunctionType>();
      What = "'" + displayName(Fn) + "'";
    } else {
      // A function pointer converted to another function pointer type.
      QualType T = CE->getSubExpr()->IgnoreParenImpCasts()->getType();
      if (const auto *SPT = T->getAs<PointerType>())
        From = SPT->getPointeeType()->getAs<FunctionType>();
      What = "'" + AC.locations().text(CE->getSubExpr()) + "'";
    }
    if (!From)
      return true;

    std::vector<std::string> Diffs = differences(From, To, Fn, *Typedef);
    if (Diffs.empty())
      return true;
    std::string Msg = What + " is cast to " + *Typedef + ", but it ";
    for (size_t I = 0; I < Diffs.size(); ++I)
      Msg += (I == 0 ? "" : I + 1 == Diffs.size() ? " and " : ", ") + Diffs[I];
    Msg += ": the cast hides a mismatch the compiler would have reported";
    const FunctionDecl *Site =
        Fn ? Fn : (Functions.empty() ? nullptr : Functions.back());
    FindingBuilder B(AC, EntryPointCastMismatch::Id, Site);
    B.message(Msg).at(CE);
    if (Fn)
      B.related(AC.locations().of(static_cast<const Decl *>(Fn)),
                "'" + displayName(Fn) + "' is declared here");
    Out.push_back(B.take());
    return true;
  }

private:
  std::string typeText(QualType T) const {
    PrintingPolicy PP(Ctx.getLangOpts());
    return "'" + T.getAsString(PP) + "'";
  }

  std::vector<std::string> differences(const FunctionType *From,
                                       const FunctionType *To,
                                       const FunctionDecl *Fn,
                                       const std::string &Typedef) const {
    std::vector<std::string> D;
    if (!Ctx.hasSameType(From->getReturnType(), To->getReturnType()))
      D.push_back("returns " + typeText(From->getReturnType()) + " where " +
                  Typedef + " returns " + typeText(To->getReturnType()));
    const auto *FP = dyn_cast<FunctionProtoType>(From);
    const auto *TP = dyn_cast<FunctionProtoType>(To);
    if (FP && TP) {
      if (FP->getNumParams() != TP->getNumParams()) {
        D.push_back("takes " + plural(FP->getNumParams(), "parameter") +
                    " where " + Typedef + " takes " +
                    std::to_string(TP->getNumParams()));
      } else {
        for (unsigned I = 0; I < FP->getNumParams(); ++I) {
          QualType A = FP->getParamType(I), B = TP->getParamType(I);
          if (Ctx.hasSameUnqualifiedType(A, B))
            continue;
          if (Fn && I < Fn->getNumParams())
            A = Fn->getParamDecl(I)->getType();
          D.push_back("has parameter " + std::to_string(I + 1) + " of type " +
                      typeText(A) + " where " + Typedef + " has " +
                      typeText(B));
        }
      }
      if (FP->isVariadic() != TP->isVariadic())
        D.push_back(FP->isVariadic() ? "is variadic" : "is not variadic");
    }
    if (From->getCallConv() != To->getCallConv())
      D.push_back("uses the " + ccName(From->getCallConv()) +
                  " calling convention where " + Typedef + " uses " +
                  ccName(To->getCallConv()));
    return D;
  }

  AnalysisContext &AC;
  ASTContext &Ctx;
  const SourceManager &SM;
  std::vector<Finding> &Out;
  std::vector<const FunctionDecl *> Functions;
};

} // namespace

RuleInfo EntryPointCastMismatch::info() {
  RuleInfo I;
  I.Id = Id;
  I.Title = "A cast to an entry-point type hides a signature mismatch";
  I.Description =
      "A function is cast to an entry-point pointer type of resapi.h "
      "(POPEN_V2_ROUTINE, PONLINE_V2_ROUTINE, PWORKER_START_ROUTINE, ...) "
      "although its own return type, parameters or calling convention "
      "differ. The cast silences the compiler; the Resource Monitor or "
      "ClusWorkerCreate then calls the function with the wrong arguments.";
  I.Contract = "Resource DLL entry points and worker routines must have the "
               "signatures that resapi.h declares for them "
               "(POPEN_V2_ROUTINE, PWORKER_START_ROUTINE, ...).";
  I.Level = "error";
  I.Name = "EntryPointCastMismatch";
  I.Tags = {"correctness", "reliability", "resource-dll",
            "external/cwe/cwe-628"};
  I.Precision = "high";
  I.Create = [] { return std::make_unique<EntryPointCastMismatch>(); };
  return I;
}

void EntryPointCastMismatch::check(AnalysisContext &AC,
                                   std::vector<Finding> &Out) {
  CastFinder F(AC, Out);
  F.TraverseDecl(AC.ast().getTranslationUnitDecl());
}

} // namespace resdll
