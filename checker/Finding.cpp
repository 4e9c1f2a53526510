//===- Finding.cpp - locations, snippets and fingerprints -----------------===//
//
// Locations (byte and UTF-16 columns, snippets) of AST nodes, and the
// fingerprint that identifies a finding across edits of the source.
//
//===----------------------------------------------------------------------===//
#include "Finding.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include <map>
#include <tuple>

using namespace clang;

namespace resdll {

bool findingLess(const Finding &A, const Finding &B) {
  return std::tie(A.Primary.File, A.Primary.Line, A.Primary.Column, A.RuleId,
                  A.Message) < std::tie(B.Primary.File, B.Primary.Line,
                                        B.Primary.Column, B.RuleId, B.Message);
}

LocationFactory::LocationFactory(const ASTContext &Ctx)
    : SM(Ctx.getSourceManager()), LangOpts(Ctx.getLangOpts()) {}

SourceRange LocationFactory::fileRange(SourceRange R) const {
  if (R.isInvalid())
    return R;
  // Statements written inside a macro are reported where the macro is used.
  CharSourceRange CR = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(R), SM, LangOpts);
  if (CR.isValid())
    return SourceRange(CR.getBegin(), CR.getEnd());
  // Part of a macro expansion: the whole macro invocation.
  SourceLocation B = SM.getExpansionRange(R.getBegin()).getBegin();
  SourceLocation E = SM.getExpansionRange(R.getEnd()).getEnd();
  E = Lexer::getLocForEndOfToken(E, 0, SM, LangOpts);
  if (E.isInvalid() || SM.getFileID(B) != SM.getFileID(E))
    E = Lexer::getLocForEndOfToken(B, 0, SM, LangOpts);
  return SourceRange(B, E);
}

static std::string collapse(StringRef Text, size_t MaxLen) {
  std::string Out;
  bool Space = false;
  for (char C : Text) {
    if (C == '\n' || C == '\r' || C == '\t' || C == ' ') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  if (MaxLen && Out.size() > MaxLen) {
    Out.resize(MaxLen - 3);
    Out += "...";
  }
  return Out;
}

/// The UTF-16 column of the byte column ByteCol of the line that holds Loc
/// (SARIF's columnKind utf16CodeUnits); malformed UTF-8 counts a unit a byte.
static unsigned utf16Column(const SourceManager &SM, SourceLocation Loc,
                            unsigned ByteCol) {
  bool Invalid = false;
  const char *At = SM.getCharacterData(Loc, &Invalid);
  if (Invalid || ByteCol == 0)
    return ByteCol;
  unsigned FileCol = SM.getColumnNumber(SM.getFileID(Loc),
                                        SM.getFileOffset(Loc), &Invalid);
  if (Invalid || FileCol == 0)
    return ByteCol;
  StringRef Prefix(At - (FileCol - 1), FileCol - 1);
  unsigned Units = 0;
  for (size_t I = 0; I < Prefix.size();) {
    unsigned Len = llvm::getNumBytesForUTF8(Prefix[I]);
    const auto *P = reinterpret_cast<const llvm::UTF8 *>(Prefix.data() + I);
    if (Len == 0 || I + Len > Prefix.size() ||
        !llvm::isLegalUTF8Sequence(P, P + Len))
      Len = 1;
    Units += Len == 4 ? 2 : 1;
    I += Len;
  }
  // The presumed column may differ from the file column only through
  // #line, which changes lines, not columns; keep the offset anyway.
  return Units + 1 + (ByteCol - FileCol);
}

Location LocationFactory::at(SourceLocation Begin) const {
  return of(SourceRange(Begin, Begin));
}

Location LocationFactory::of(SourceRange Range) const {
  Location L;
  SourceRange FR = fileRange(Range);
  if (FR.isInvalid())
    return L;
  PresumedLoc PB = SM.getPresumedLoc(FR.getBegin());
  if (PB.isInvalid())
    return L;
  L.File = PB.getFilename();
  L.Line = PB.getLine();
  L.Column = PB.getColumn();
  L.Utf16Column = utf16Column(SM, FR.getBegin(), L.Column);
  PresumedLoc PE = SM.getPresumedLoc(FR.getEnd());
  if (PE.isValid() && PE.getFileID() == PB.getFileID()) {
    L.EndLine = PE.getLine();
    L.EndColumn = PE.getColumn();
    L.Utf16EndColumn = utf16Column(SM, FR.getEnd(), L.EndColumn);
  } else {
    L.EndLine = L.Line;
    L.EndColumn = L.Column + 1;
    L.Utf16EndColumn = L.Utf16Column + 1;
  }
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(CharSourceRange::getCharRange(FR), SM,
                                        LangOpts, &Invalid);
  if (!Invalid)
    L.Snippet = Text.take_front(400).str();
  return L;
}

Location LocationFactory::of(const Stmt *S) const {
  return S ? of(S->getSourceRange()) : Location();
}

Location LocationFactory::of(const Decl *D) const {
  if (!D)
    return Location();
  if (const auto *ND = dyn_cast<NamedDecl>(D))
    return at(ND->getLocation());
  return at(D->getLocation());
}

std::string LocationFactory::text(SourceRange R, size_t MaxLen) const {
  SourceRange FR = fileRange(R);
  if (FR.isInvalid())
    return "";
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(CharSourceRange::getCharRange(FR), SM,
                                        LangOpts, &Invalid);
  return Invalid ? std::string() : collapse(Text, MaxLen);
}

std::string LocationFactory::text(const Stmt *S, size_t MaxLen) const {
  return S ? text(S->getSourceRange(), MaxLen) : std::string();
}

std::string LocationFactory::normalizedTokens(SourceRange R) const {
  SourceRange FR = fileRange(R);
  if (FR.isInvalid())
    return "";
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(CharSourceRange::getCharRange(FR), SM,
                                        LangOpts, &Invalid);
  if (Invalid)
    return "";
  // Re-lex the text so that whitespace, comments and line breaks inside the
  // statement do not change the result. The raw lexer wants a buffer that
  // ends in a NUL: lex a copy, not the file in place (which would run on
  // past the end of the range).
  std::string Copy = Text.str();
  Lexer Lex(FR.getBegin(), LangOpts, Copy.c_str(), Copy.c_str(),
            Copy.c_str() + Copy.size());
  std::string Out;
  Token Tok;
  while (true) {
    Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      break;
    const char *End = Lex.getBufferLocation();
    if (!Out.empty())
      Out += ' ';
    Out.append(End - Tok.getLength(), Tok.getLength());
  }
  return Out;
}

/// The variables a condition reads.
static void conditionVars(const Stmt *S,
                          llvm::SmallPtrSetImpl<const VarDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      Out.insert(VD->getCanonicalDecl());
  for (const Stmt *C : S->children())
    conditionVars(C, Out);
}

/// The value a statement of a block stores into one of Vars (an assignment
/// or an initialised declaration), or null.
static const Expr *storedValue(const Stmt *S,
                               const llvm::SmallPtrSetImpl<const VarDecl *> &Vars,
                               const VarDecl *&Var) {
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->hasInit() && Vars.count(VD->getCanonicalDecl())) {
          Var = VD;
          return VD->getInit();
        }
    return nullptr;
  }
  const auto *E = dyn_cast<Expr>(S);
  const auto *BO = E ? dyn_cast<BinaryOperator>(E->IgnoreParenCasts()) : nullptr;
  if (!BO || !BO->isAssignmentOp())
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !Vars.count(VD->getCanonicalDecl()))
    return nullptr;
  Var = VD;
  return BO->getRHS();
}

std::string LocationFactory::normalizedContext(const Stmt *S,
                                               const ParentMap &PM) const {
  if (!S || !PM.hasParent(S))
    return "";
  auto Tokens = [&](const Stmt *X) {
    return X ? normalizedTokens(X->getSourceRange()) : std::string();
  };
  // Where the value a condition tests comes from: the nearest statement
  // before Control, in the same block, that stores into a variable the
  // condition reads; the callee's name when that value is a call
  // ("status = ClusterRegOpenKey"), so that the arguments can change.
  auto Origin = [&](const Stmt *Control, const Stmt *Cond) -> std::string {
    llvm::SmallPtrSet<const VarDecl *, 4> Vars;
    conditionVars(Cond, Vars);
    const auto *Block = dyn_cast_or_null<CompoundStmt>(PM.getParent(Control));
    if (Vars.empty() || !Block)
      return "";
    std::string Found;
    for (const Stmt *C : Block->body()) {
      if (C == Control)
        break;
      const VarDecl *Var = nullptr;
      const Expr *Value = storedValue(C, Vars, Var);
      if (!Value)
        continue;
      const Expr *V = Value->IgnoreParenCasts();
      std::string What;
      if (const auto *Call = dyn_cast<CallExpr>(V)) {
        if (const FunctionDecl *FD = Call->getDirectCallee())
          What = FD->getQualifiedNameAsString();
        else
          What = Tokens(Call->getCallee());
      } else {
        What = Tokens(V);
      }
      Found = " after " + Var->getNameAsString() + " = " + What;
    }
    return Found;
  };
  const Stmt *Child = S;
  for (const Stmt *P = PM.getParent(S); P; Child = P, P = PM.getParent(P)) {
    if (const auto *If = dyn_cast<IfStmt>(P)) {
      if (Child != If->getThen() && Child != If->getElse())
        continue; // S is part of the condition: look further out
      return "if " + Tokens(If->getCond()) +
             (Child == If->getElse() ? " else" : " then") +
             Origin(If, If->getCond());
    }
    if (const auto *W = dyn_cast<WhileStmt>(P)) {
      if (Child == W->getBody())
        return "while " + Tokens(W->getCond()) + Origin(W, W->getCond());
      continue;
    }
    if (const auto *D = dyn_cast<DoStmt>(P)) {
      if (Child == D->getBody())
        return "do while " + Tokens(D->getCond());
      continue;
    }
    if (const auto *F = dyn_cast<ForStmt>(P)) {
      if (Child == F->getBody())
        return "for " + Tokens(F->getCond());
      continue;
    }
    if (const auto *R = dyn_cast<CXXForRangeStmt>(P)) {
      if (Child == R->getBody())
        return "for range " + Tokens(R->getRangeInit());
      continue;
    }
    if (const auto *C = dyn_cast<CaseStmt>(P))
      return "case " + Tokens(C->getLHS());
    if (isa<DefaultStmt>(P))
      return "default";
    if (const auto *Sw = dyn_cast<SwitchStmt>(P)) {
      if (Child == Sw->getBody())
        return "switch " + Tokens(Sw->getCond()) + Origin(Sw, Sw->getCond());
      continue;
    }
  }
  return "";
}

// The fingerprint of a finding.
//
// It must stay the same when the code around the finding changes (lines
// inserted above, other functions edited, whitespace, comments and line
// breaks anywhere, an unrelated local renamed) and change when the finding
// itself changes (another rule, another entry point, another offending
// statement). So it hashes, and hashes only:
//   - a version tag, so that a change of the scheme changes every value;
//   - the rule id;
//   - the base name of the file (not its directory: the same checkout in
//     another place, or the CI machine, gives the same value);
//   - the entry point (qualified name of the function the rule checked);
//   - the offending statement as normalised tokens: re-lexed, so whitespace,
//     line breaks and comments inside it do not count; a statement written
//     in a macro counts as the macro invocation;
//   - its context, as normalised tokens: the condition of the innermost
//     if/while/for/do around it and the branch it sits in, or the case label
//     of a switch, and where the tested value comes from: the last
//     statement before the if, in its block, that stores into a variable
//     the condition reads, by callee name when it stores a call's result
//     ("if status != ERROR_SUCCESS then after status = ClusterRegOpenKey").
//     The usual OpenV2 with several `status = Call(...); if (status !=
//     ERROR_SUCCESS) return NULL;` tells its returns apart by this, without
//     any position, and the call's arguments, logging between the call and
//     the if, and the body of the if may change;
//   - an occurrence number: findings that agree on everything above are
//     numbered in source order (0, 1, ...).
// Line and column numbers never go in. A new finding identical in all of
// these inserted above an old one shifts the occurrence numbers: the
// baseline then reports one new finding, the right count, but at the old
// one's place.
std::string computeFingerprint(const Finding &F, unsigned Occurrence) {
  llvm::SHA256 Hash;
  auto Add = [&](StringRef S) {
    Hash.update(S);
    Hash.update(StringRef("\0", 1));
  };
  Add("resdll-fingerprint-v1");
  Add(F.RuleId);
  Add(llvm::sys::path::filename(F.Primary.File));
  Add(F.EntryPoint);
  Add(F.NormalizedStatement);
  Add(F.NormalizedContext);
  Add(std::to_string(Occurrence));
  auto Digest = Hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), 16),
                     /*LowerCase=*/true);
}

void assignFingerprints(std::vector<Finding> &Findings) {
  // Findings that agree on everything the fingerprint hashes are numbered in
  // source order so that each keeps its own fingerprint.
  std::map<std::string, unsigned> Seen;
  for (Finding &F : Findings) {
    std::string Key = computeFingerprint(F, 0);
    F.Fingerprint = computeFingerprint(F, Seen[Key]++);
  }
}

} // namespace resdll
