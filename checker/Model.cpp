//===- Model.cpp - entry points, callbacks and workers from the AST -------===//
#include "Model.h"
#include "HeaderReuse.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <set>
#include <tuple>

using namespace clang;

namespace resdll {

StringRef entryKindName(EntryKind K) {
  switch (K) {
  case EntryKind::Open: return "Open";
  case EntryKind::OpenV2: return "OpenV2";
  case EntryKind::Close: return "Close";
  case EntryKind::Online: return "Online";
  case EntryKind::OnlineV2: return "OnlineV2";
  case EntryKind::Offline: return "Offline";
  case EntryKind::OfflineV2: return "OfflineV2";
  case EntryKind::Terminate: return "Terminate";
  case EntryKind::LooksAlive: return "LooksAlive";
  case EntryKind::IsAlive: return "IsAlive";
  case EntryKind::Arbitrate: return "Arbitrate";
  case EntryKind::Release: return "Release";
  case EntryKind::ResourceControl: return "ResourceControl";
  case EntryKind::ResourceTypeControl: return "ResourceTypeControl";
  case EntryKind::Cancel: return "Cancel";
  case EntryKind::Startup: return "Startup";
  case EntryKind::StartupEx: return "StartupEx";
  }
  return "?";
}

StringRef entryKindTypedef(EntryKind K) {
  switch (K) {
  case EntryKind::Open: return "POPEN_ROUTINE";
  case EntryKind::OpenV2: return "POPEN_V2_ROUTINE";
  case EntryKind::Close: return "PCLOSE_ROUTINE";
  case EntryKind::Online: return "PONLINE_ROUTINE";
  case EntryKind::OnlineV2: return "PONLINE_V2_ROUTINE";
  case EntryKind::Offline: return "POFFLINE_ROUTINE";
  case EntryKind::OfflineV2: return "POFFLINE_V2_ROUTINE";
  case EntryKind::Terminate: return "PTERMINATE_ROUTINE";
  case EntryKind::LooksAlive: return "PLOOKS_ALIVE_ROUTINE";
  case EntryKind::IsAlive: return "PIS_ALIVE_ROUTINE";
  case EntryKind::Arbitrate: return "PARBITRATE_ROUTINE";
  case EntryKind::Release: return "PRELEASE_ROUTINE";
  case EntryKind::ResourceControl: return "PRESOURCE_CONTROL_ROUTINE";
  case EntryKind::ResourceTypeControl: return "PRESOURCE_TYPE_CONTROL_ROUTINE";
  case EntryKind::Cancel: return "PCANCEL_ROUTINE";
  case EntryKind::Startup: return "PSTARTUP_ROUTINE";
  case EntryKind::StartupEx: return "PSTARTUP_EX_ROUTINE";
  }
  return "?";
}

StringRef callbackKindName(CallbackKind K) {
  switch (K) {
  case CallbackKind::SetResourceStatusEx: return "SetResourceStatusEx";
  case CallbackKind::SetResourceStatus: return "SetResourceStatus";
  case CallbackKind::LogEvent: return "LogEvent";
  case CallbackKind::SetResourceLockedMode: return "SetResourceLockedMode";
  case CallbackKind::SignalFailure: return "SignalFailure";
  }
  return "?";
}

std::string displayName(const FunctionDecl *FD) {
  if (!FD)
    return "<unknown>";
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return "lambda";
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  PrintingPolicy PP(FD->getASTContext().getLangOpts());
  PP.SuppressTemplateArgsInCXXConstructors = true;
  PP.SuppressUnwrittenScope = true; // no "(anonymous namespace)::"
  FD->printQualifiedName(OS, PP);
  return OS.str();
}

bool isSystemHeaderDecl(const Decl *D, const SourceManager &SM) {
  return D && !isa<TranslationUnitDecl>(D) && !isa<LinkageSpecDecl>(D) &&
         !isa<NamespaceDecl>(D) && SM.isInSystemHeader(D->getLocation());
}

const FunctionDecl *definitionOf(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (FD->hasBody(Def))
    return Def;
  return nullptr;
}

/// Walks the typedef sugar of T and returns each typedef name in turn.
template <typename Fn> static bool forEachTypedefName(QualType T, Fn F) {
  for (int Depth = 0; Depth < 16 && !T.isNull(); ++Depth) {
    const auto *TT = T->getAs<TypedefType>();
    if (!TT)
      return false;
    if (F(TT->getDecl()->getName()))
      return true;
    T = TT->desugar();
  }
  return false;
}

std::optional<EntryKind> ResourceDllModel::entryKindOfType(QualType T) {
  std::optional<EntryKind> Result;
  forEachTypedefName(T, [&](StringRef Name) {
    for (int K = int(EntryKind::Open); K <= int(EntryKind::StartupEx); ++K)
      if (entryKindTypedef(EntryKind(K)) == Name)
        Result = EntryKind(K);
    return Result.has_value();
  });
  return Result;
}

static std::optional<CallbackKind> callbackKindOfTypedef(StringRef Name) {
  return llvm::StringSwitch<std::optional<CallbackKind>>(Name)
      .Case("PSET_RESOURCE_STATUS_ROUTINE_EX",
            CallbackKind::SetResourceStatusEx)
      .Case("PSET_RESOURCE_STATUS_ROUTINE", CallbackKind::SetResourceStatus)
      .Case("PLOG_EVENT_ROUTINE", CallbackKind::LogEvent)
      .Case("PSET_RESOURCE_LOCKED_MODE_ROUTINE",
            CallbackKind::SetResourceLockedMode)
      .Case("PSIGNAL_FAILURE_ROUTINE", CallbackKind::SignalFailure)
      .Default(std::nullopt);
}

/// The canonical function types of the callback typedefs of this TU, to
/// recognise callees whose sugar was lost ("a function of that exact shape").
static const FunctionType *canonicalFunctionOfTypedef(ASTContext &Ctx,
                                                      StringRef Name) {
  for (const NamedDecl *ND : lookupTopLevel(Ctx, Name))
    if (const auto *TD = dyn_cast<TypedefNameDecl>(ND)) {
      QualType T = TD->getUnderlyingType().getCanonicalType();
      if (const auto *PT = T->getAs<PointerType>())
        return PT->getPointeeType()->getAs<FunctionType>();
    }
  return nullptr;
}

static bool sameShape(ASTContext &Ctx, const FunctionType *A,
                      const FunctionType *B) {
  if (!A || !B)
    return false;
  // Calling conventions are ignored: __stdcall means nothing on x86-64 and
  // the compiler already checks them where it can.
  QualType QA = Ctx.adjustFunctionType(A, A->getExtInfo().withCallingConv(CC_C))
                    ->getCanonicalTypeInternal();
  QualType QB = Ctx.adjustFunctionType(B, B->getExtInfo().withCallingConv(CC_C))
                    ->getCanonicalTypeInternal();
  return QA == QB;
}

std::optional<CallbackKind>
ResourceDllModel::classifyCallback(const CallExpr *CE) {
  if (!CE || isa<CXXMemberCallExpr>(CE) || isa<CXXOperatorCallExpr>(CE))
    return std::nullopt;
  if (CE->getDirectCallee())
    return std::nullopt; // a function, not a pointer to one
  const Expr *Callee = CE->getCallee()->IgnoreParenImpCasts();
  // (*pfn)(...): look through the dereference.
  if (const auto *UO = dyn_cast<UnaryOperator>(Callee))
    if (UO->getOpcode() == UO_Deref)
      Callee = UO->getSubExpr()->IgnoreParenImpCasts();
  std::optional<CallbackKind> Kind;
  forEachTypedefName(Callee->getType(), [&](StringRef Name) {
    Kind = callbackKindOfTypedef(Name);
    return Kind.has_value();
  });
  return Kind;
}

const FunctionDecl *ResourceDllModel::resolveFunction(const Expr *E) {
  for (int Depth = 0; E && Depth < 32; ++Depth) {
    E = E->IgnoreParens();
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      E = CE->getSubExpr();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Plus ||
          UO->getOpcode() == UO_Deref) {
        E = UO->getSubExpr();
        continue;
      }
      return nullptr;
    }
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MTE->getSubExpr();
      continue;
    }
    if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = BTE->getSubExpr();
      continue;
    }
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E)) {
      E = EWC->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      // Copy/move of a lambda or function object.
      if (CE->getNumArgs() == 1) {
        E = CE->getArg(0);
        continue;
      }
      return nullptr;
    }
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
      // A lambda converted to a function pointer: operator RESID(*)(...)().
      if (isa_and_nonnull<CXXConversionDecl>(MCE->getMethodDecl())) {
        E = MCE->getImplicitObjectArgument();
        continue;
      }
      return nullptr;
    }
    if (const auto *LE = dyn_cast<LambdaExpr>(E))
      return LE->getCallOperator();
    // A variable (or member) holding a lambda: each lambda has a type of its
    // own, so the type names the call operator.
    if (const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl()) {
      if (RD->isLambda())
        return RD->getLambdaCallOperator();
      // A function object with one call operator (a worker's functor).
      if (RD->hasDefinition()) {
        auto Calls = RD->lookup(
            RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call));
        if (Calls.isSingleResult())
          if (const auto *MD = dyn_cast<CXXMethodDecl>(Calls.front()))
            return MD;
      }
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<FunctionDecl>(DRE->getDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return dyn_cast<FunctionDecl>(ME->getMemberDecl());
    return nullptr;
  }
  return nullptr;
}

const Expr *ResourceDllModel::containingRecordAddress(const Expr *E,
                                                      const FieldDecl **Member) {
  // winnt.h: ((type *)((PCHAR)(address) - (ULONG_PTR)(&((type *)0)->field)))
  if (!E)
    return nullptr;
  const auto *Cast = dyn_cast<CastExpr>(E->IgnoreParens());
  if (!Cast || !Cast->getType()->isPointerType())
    return nullptr;
  const auto *Sub =
      dyn_cast<BinaryOperator>(Cast->getSubExpr()->IgnoreParenImpCasts());
  if (!Sub || Sub->getOpcode() != BO_Sub ||
      !Sub->getLHS()->getType()->isPointerType() ||
      !Sub->getRHS()->getType()->isIntegerType())
    return nullptr;
  const Expr *Offset = Sub->getRHS()->IgnoreParenCasts();
  const FieldDecl *Field = nullptr;
  if (const auto *OE = dyn_cast<OffsetOfExpr>(Offset)) {
    // offsetof(type, field) / FIELD_OFFSET(type, field)
    for (unsigned I = OE->getNumComponents(); I-- > 0;)
      if (OE->getComponent(I).getKind() == OffsetOfNode::Field) {
        Field = OE->getComponent(I).getField();
        break;
      }
  } else if (const auto *UO = dyn_cast<UnaryOperator>(Offset)) {
    // &((type *)0)->field
    const auto *ME = UO->getOpcode() == UO_AddrOf
                         ? dyn_cast<MemberExpr>(UO->getSubExpr()->IgnoreParens())
                         : nullptr;
    if (!ME)
      return nullptr;
    const Expr *Base = ME->getBase()->IgnoreParens();
    while (const auto *Inner = dyn_cast<MemberExpr>(Base))
      Base = Inner->getBase()->IgnoreParens();
    // (type *)0: in C a cast to a non-void pointer is no null pointer
    // constant, so look at the integer under the casts.
    const auto *Zero = dyn_cast<IntegerLiteral>(Base->IgnoreParenCasts());
    if (!Zero || Zero->getValue() != 0)
      return nullptr;
    Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  }
  if (!Field)
    return nullptr;
  if (Member)
    *Member = Field;
  return Sub->getLHS()->IgnoreParenCasts();
}

std::vector<EntryKind>
ResourceDllModel::entryKindsOfSignature(const FunctionDecl *FD) {
  std::vector<EntryKind> Out;
  if (!FD)
    return Out;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->isInstance())
      return Out; // an entry point is a plain function pointer
  ASTContext &Ctx = FD->getASTContext();
  const FunctionType *FT = FD->getType()->getAs<FunctionType>();
  for (int K = int(EntryKind::Open); K <= int(EntryKind::StartupEx); ++K)
    if (sameShape(Ctx, FT,
                  canonicalFunctionOfTypedef(Ctx, entryKindTypedef(EntryKind(K)))))
      Out.push_back(EntryKind(K));
  return Out;
}

const CallbackCall *ResourceDllModel::callbackAt(const CallExpr *CE) const {
  auto It = CallbackIndex.find(CE);
  return It == CallbackIndex.end() ? nullptr : &Callbacks[It->second];
}

std::vector<const EntryPoint *>
ResourceDllModel::entryPointsOf(const FunctionDecl *FD) const {
  std::vector<const EntryPoint *> Out;
  if (!FD)
    return Out;
  for (const EntryPoint &EP : EntryPoints)
    if (EP.Function->getCanonicalDecl() == FD->getCanonicalDecl())
      Out.push_back(&EP);
  return Out;
}

class ModelBuilder : public RecursiveASTVisitor<ModelBuilder> {
public:
  ModelBuilder(ASTContext &Ctx, const ApiModel &Api, ResourceDllModel &M)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Api(Api), M(M) {
    for (StringRef Name :
         {"PSET_RESOURCE_STATUS_ROUTINE_EX", "PSET_RESOURCE_STATUS_ROUTINE",
          "PLOG_EVENT_ROUTINE", "PSET_RESOURCE_LOCKED_MODE_ROUTINE",
          "PSIGNAL_FAILURE_ROUTINE"})
      if (const FunctionType *FT = canonicalFunctionOfTypedef(Ctx, Name))
        Shapes.push_back({FT, *callbackKindOfTypedef(Name)});
  }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBodies() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D || isSystemHeaderDecl(D, SM))
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (FD && FD->doesThisDeclarationHaveABody() &&
        Seen.insert(FD).second)
      M.Functions.push_back(FD);
    if (FD)
      FunctionStack.push_back(FD);
    bool R = RecursiveASTVisitor::TraverseDecl(D);
    if (FD)
      FunctionStack.pop_back();
    return R;
  }

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    const FunctionDecl *Op = LE->getCallOperator();
    if (Seen.insert(Op).second)
      M.Functions.push_back(Op);
    FunctionStack.push_back(Op);
    bool R = RecursiveASTVisitor::TraverseLambdaExpr(LE);
    FunctionStack.pop_back();
    return R;
  }

  const FunctionDecl *currentFunction() const {
    return FunctionStack.empty() ? nullptr : FunctionStack.back();
  }

  // --- registrations ------------------------------------------------------
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
    RegistrationForm Form = isa<MemberExpr>(LHS)
                                ? RegistrationForm::MemberAssignment
                                : RegistrationForm::Conversion;
    noteConversion(BO->getRHS(), LHS->getType(), Form, BO, targetText(LHS));
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    const Expr *Init = VD->getInit();
    if (!Init)
      return true;
    if (const auto *ILE = dyn_cast<InitListExpr>(Init->IgnoreImplicit())) {
      // An aggregate initialiser: its targets are named after the variable
      // (g_Table.V1Functions.Open). The list's own visit comes later.
      const InitListExpr *Sem =
          ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
      if (Sem && SeenInitLists.insert(Sem).second)
        walkInitList(Sem, VD->getName().str());
      return true;
    }
    noteConversion(Init, VD->getType(), RegistrationForm::Conversion, Init,
                   VD->getName().str());
    return true;
  }

  bool VisitInitListExpr(InitListExpr *ILE) {
    InitListExpr *Sem = ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
    if (!Sem || !SeenInitLists.insert(Sem).second)
      return true;
    walkInitList(Sem, "");
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *RS) {
    const FunctionDecl *FD = currentFunction();
    if (FD && RS->getRetValue())
      noteConversion(RS->getRetValue(), FD->getReturnType(),
                     RegistrationForm::Conversion, RS, "return value");
    return true;
  }

  bool VisitExplicitCastExpr(ExplicitCastExpr *CE) {
    if (ConsumedCasts.count(CE))
      return true; // part of a registration already noted
    if (ResourceDllModel::entryKindOfType(CE->getTypeAsWritten()))
      noteConversion(CE->getSubExpr(), CE->getTypeAsWritten(),
                     RegistrationForm::ExplicitCast, CE, "");
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (const FunctionDecl *Callee = CE->getDirectCallee()) {
      for (unsigned I = 0, N = std::min(CE->getNumArgs(), Callee->getNumParams());
           I < N; ++I)
        noteConversion(CE->getArg(I), Callee->getParamDecl(I)->getType(),
                       RegistrationForm::Conversion, CE->getArg(I),
                       "argument of '" + Callee->getNameAsString() + "'");
      if (const ApiFunction *AF = Api.lookup(Callee))
        if (AF->startsThread())
          noteWorker(CE, AF);
    } else if (std::optional<CallbackKind> K = classify(CE)) {
      M.CallbackIndex[CE] = M.Callbacks.size();
      M.Callbacks.push_back({CE, *K, currentFunction()});
    }
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXRecordDecl *RD = CE->getConstructor()->getParent();
    std::string Name = RD->getQualifiedNameAsString();
    if ((Name == "std::thread" || Name == "std::jthread") &&
        CE->getNumArgs() >= 1 && !CE->getConstructor()->isCopyOrMoveConstructor()) {
      WorkerStart W;
      W.Site = CE;
      W.Api = Name == "std::thread" ? "std::thread" : "std::jthread";
      W.Routine = ResourceDllModel::resolveFunction(CE->getArg(0));
      // A lambda or function object carries its own context (captures,
      // members); a function or member function gets the next argument
      // (the object, for a member function).
      const Expr *Callable = CE->getArg(0)->IgnoreImplicit();
      if (Callable->getType()->isRecordType())
        W.Context = Callable;
      else if (CE->getNumArgs() >= 2)
        W.Context = CE->getArg(1);
      W.Creator = currentFunction();
      // std::thread(f, args...) calls f(args...); a member function gets
      // its object first.
      unsigned First = 1;
      if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(W.Routine))
        if (MD->isInstance() && !MD->getParent()->isLambda() &&
            CE->getNumArgs() >= 2) {
          W.Bindings.push_back({WorkerBinding::ThisParam, CE->getArg(1)});
          First = 2;
        }
      for (unsigned I = First; I < CE->getNumArgs(); ++I)
        W.Bindings.push_back({int(I - First), CE->getArg(I)});
      if (W.Routine)
        M.Workers.push_back(W);
    }
    return true;
  }

  std::optional<CallbackKind> classify(const CallExpr *CE) {
    if (std::optional<CallbackKind> K = ResourceDllModel::classifyCallback(CE))
      return K;
    if (CE->getDirectCallee() || isa<CXXMemberCallExpr>(CE) ||
        isa<CXXOperatorCallExpr>(CE))
      return std::nullopt;
    QualType T = CE->getCallee()->IgnoreParenImpCasts()->getType();
    const FunctionType *FT = nullptr;
    if (const auto *PT = T->getAs<PointerType>())
      FT = PT->getPointeeType()->getAs<FunctionType>();
    else
      FT = T->getAs<FunctionType>();
    for (const auto &[Shape, Kind] : Shapes)
      if (sameShape(Ctx, FT, Shape))
        return Kind;
    return std::nullopt;
  }

  void finish() {
    addSignatureFallback();
    std::stable_sort(M.EntryPoints.begin(), M.EntryPoints.end(),
                     [&](const EntryPoint &A, const EntryPoint &B) {
                       return SM.isBeforeInTranslationUnit(
                           A.Function->getLocation(), B.Function->getLocation());
                     });
  }

private:
  void walkInitList(const InitListExpr *ILE, std::string Path) {
    QualType T = ILE->getType();
    if (const auto *AT = Ctx.getAsConstantArrayType(T)) {
      // An array of tables or of entry-point pointers.
      for (unsigned I = 0; I < ILE->getNumInits(); ++I)
        visitInit(ILE->getInit(I), AT->getElementType(),
                  Path + "[" + std::to_string(I) + "]");
      return;
    }
    const RecordDecl *RD = T->getAsRecordDecl();
    if (!RD)
      return;
    if (RD->isUnion()) {
      const FieldDecl *FD = ILE->getInitializedFieldInUnion();
      if (FD && ILE->getNumInits() >= 1)
        visitInit(ILE->getInit(0), FD->getType(), memberPath(Path, FD));
      return;
    }
    unsigned I = 0;
    for (const FieldDecl *FD : RD->fields()) {
      if (I >= ILE->getNumInits())
        break;
      visitInit(ILE->getInit(I++), FD->getType(), memberPath(Path, FD));
    }
  }

  static std::string memberPath(const std::string &Path, const FieldDecl *FD) {
    if (FD->getName().empty())
      return Path; // an anonymous union or struct
    return Path + (Path.empty() ? "" : ".") + FD->getName().str();
  }

  void visitInit(const Expr *Init, QualType T, const std::string &Path) {
    if (const auto *Nested = dyn_cast<InitListExpr>(Init->IgnoreImplicit())) {
      SeenInitLists.insert(Nested);
      walkInitList(Nested, Path);
      return;
    }
    noteConversion(Init, T, RegistrationForm::AggregateInit, Init, Path);
  }

  std::string targetText(const Expr *LHS) {
    // Member chains print as written: Table.V2Functions.Open, p->Open.
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    LHS->printPretty(OS, nullptr, PrintingPolicy(Ctx.getLangOpts()));
    return OS.str();
  }

  void noteConversion(const Expr *Value, QualType Dest, RegistrationForm Form,
                      const Stmt *Site, std::string Target) {
    std::optional<EntryKind> Kind = ResourceDllModel::entryKindOfType(Dest);
    if (!Kind)
      return; // an explicit cast inside is noted by VisitExplicitCastExpr
    // A value cast explicitly to an entry-point type and stored where that
    // type is expected is one registration: the member or aggregate target
    // names it best; a plain conversion of a cast is the cast.
    const Expr *E = Value;
    for (int D = 0; E && D < 16; ++D) {
      E = E->IgnoreParenImpCasts();
      const auto *CE = dyn_cast<ExplicitCastExpr>(E);
      if (!CE)
        break;
      if (ResourceDllModel::entryKindOfType(CE->getTypeAsWritten())) {
        ConsumedCasts.insert(CE);
        if (Form == RegistrationForm::Conversion)
          Form = RegistrationForm::ExplicitCast;
      }
      E = CE->getSubExpr();
    }
    // cond ? A : B registers both.
    if (const auto *CO =
            dyn_cast_or_null<ConditionalOperator>(E ? E->IgnoreParenImpCasts()
                                                    : nullptr)) {
      noteConversion(CO->getTrueExpr(), Dest, Form, Site, Target);
      noteConversion(CO->getFalseExpr(), Dest, Form, Site, Target);
      return;
    }
    const FunctionDecl *FD = ResourceDllModel::resolveFunction(Value);
    if (!FD)
      return;
    if (const FunctionDecl *Def = definitionOf(FD))
      FD = Def;
    addRegistration(FD, *Kind, {Form, Site, std::move(Target)});
  }

  void addRegistration(const FunctionDecl *FD, EntryKind Kind, Registration R) {
    for (EntryPoint &EP : M.EntryPoints)
      if (EP.Function->getCanonicalDecl() == FD->getCanonicalDecl() &&
          EP.Kind == Kind) {
        for (const Registration &Old : EP.Registrations)
          if (Old.Site == R.Site)
            return;
        EP.Registrations.push_back(std::move(R));
        return;
      }
    EntryPoint EP;
    EP.Function = FD;
    EP.Kind = Kind;
    EP.Registrations.push_back(std::move(R));
    M.EntryPoints.push_back(std::move(EP));
  }

  void noteWorker(const CallExpr *CE, const ApiFunction *AF) {
    if (*AF->RoutineArg >= CE->getNumArgs())
      return;
    WorkerStart W;
    W.Site = CE;
    W.Api = AF->Name;
    W.Routine = ResourceDllModel::resolveFunction(CE->getArg(*AF->RoutineArg));
    if (W.Routine)
      if (const FunctionDecl *Def = definitionOf(W.Routine))
        W.Routine = Def;
    if (AF->ContextArg && *AF->ContextArg < CE->getNumArgs())
      W.Context = CE->getArg(*AF->ContextArg);
    W.Creator = currentFunction();
    bindWorkerParameters(CE, *AF, W);
    if (W.Routine)
      M.Workers.push_back(W);
  }

  /// Which routine parameter receives which argument of the creation call,
  /// from the routine's prototype in the API's declaration: its first
  /// 'void *' parameter is the context; a pointer parameter whose type is
  /// also the type of one of the API's own parameters (PCLUS_WORKER for
  /// ClusWorkerCreate) receives that argument.
  void bindWorkerParameters(const CallExpr *CE, const ApiFunction &AF,
                            WorkerStart &W) {
    const FunctionDecl *ApiFD = CE->getDirectCallee();
    if (!ApiFD || *AF.RoutineArg >= ApiFD->getNumParams())
      return;
    const FunctionProtoType *Proto = nullptr;
    if (const auto *PT = ApiFD->getParamDecl(*AF.RoutineArg)
                             ->getType()
                             ->getAs<PointerType>())
      Proto = PT->getPointeeType()->getAs<FunctionProtoType>();
    if (!Proto)
      return;
    bool ContextBound = false;
    for (unsigned J = 0; J < Proto->getNumParams(); ++J) {
      QualType PJ = Proto->getParamType(J).getCanonicalType();
      if (!PJ->isPointerType())
        continue;
      if (PJ->getPointeeType()->isVoidType()) {
        if (!ContextBound && W.Context)
          W.Bindings.push_back({int(J), W.Context});
        ContextBound = true;
        continue;
      }
      for (unsigned K = 0, N = std::min(ApiFD->getNumParams(), CE->getNumArgs());
           K < N; ++K)
        if (K != *AF.RoutineArg &&
            ApiFD->getParamDecl(K)->getType().getCanonicalType() == PJ) {
          W.Bindings.push_back({int(J), CE->getArg(K)});
          break;
        }
    }
  }

  /// The documented fallback: when this TU registers no Open/OpenV2, a
  /// definition with the exact OpenV2 (or V1 Open) signature whose name ends
  /// in "OpenV2" (or "Open") is checked as one, and reported as such.
  void addSignatureFallback() {
    for (const EntryPoint &EP : M.EntryPoints)
      if (EP.Kind == EntryKind::Open || EP.Kind == EntryKind::OpenV2)
        return;
    const FunctionType *V2 = canonicalFunctionOfTypedef(Ctx, "POPEN_V2_ROUTINE");
    const FunctionType *V1 = canonicalFunctionOfTypedef(Ctx, "POPEN_ROUTINE");
    for (const FunctionDecl *FD : M.Functions) {
      // Only a function another file can register: a static one would be
      // registered here if anywhere.
      if (!FD->getIdentifier() || isa<CXXMethodDecl>(FD) ||
          !FD->isExternallyVisible() || !SM.isInMainFile(FD->getLocation()))
        continue;
      StringRef Name = FD->getName();
      const FunctionType *FT = FD->getType()->getAs<FunctionType>();
      std::optional<EntryKind> Kind;
      if (sameShape(Ctx, FT, V2) && (Name.ends_with("OpenV2") || Name.ends_with("Open")))
        Kind = EntryKind::OpenV2;
      else if (sameShape(Ctx, FT, V1) && Name.ends_with("Open"))
        Kind = EntryKind::Open;
      if (Kind)
        addRegistration(FD, *Kind,
                        {RegistrationForm::SignatureFallback, nullptr, ""});
    }
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const ApiModel &Api;
  ResourceDllModel &M;
  std::vector<const FunctionDecl *> FunctionStack;
  llvm::DenseSet<const FunctionDecl *> Seen;
  llvm::DenseSet<const InitListExpr *> SeenInitLists;
  llvm::DenseSet<const ExplicitCastExpr *> ConsumedCasts;
  std::vector<std::pair<const FunctionType *, CallbackKind>> Shapes;
};

ResourceDllModel ResourceDllModel::build(ASTContext &Ctx, const ApiModel &Api) {
  ResourceDllModel M;
  ModelBuilder B(Ctx, Api, M);
  B.TraverseDecl(Ctx.getTranslationUnitDecl());
  B.finish();
  return M;
}

} // namespace resdll
