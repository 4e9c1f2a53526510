//===- Finding.cpp - locations, snippets and fingerprints -----------------===//
#include "Finding.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
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
  PresumedLoc PE = SM.getPresumedLoc(FR.getEnd());
  if (PE.isValid() && PE.getFileID() == PB.getFileID()) {
    L.EndLine = PE.getLine();
    L.EndColumn = PE.getColumn();
  } else {
    L.EndLine = L.Line;
    L.EndColumn = L.Column + 1;
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
  // statement do not change the result.
  Lexer Lex(FR.getBegin(), LangOpts, Text.begin(), Text.begin(), Text.end());
  std::string Out;
  Token Tok;
  while (true) {
    bool AtEnd = Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      break;
    if (!Out.empty())
      Out += ' ';
    Out += StringRef(SM.getCharacterData(Tok.getLocation()), Tok.getLength());
    if (AtEnd)
      break;
  }
  return Out;
}

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
  Add(std::to_string(Occurrence));
  auto Digest = Hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), 16),
                     /*LowerCase=*/true);
}

void assignFingerprints(std::vector<Finding> &Findings) {
  // Identical (rule, file, entry point, statement) findings are numbered in
  // source order so that each keeps its own fingerprint.
  std::map<std::string, unsigned> Seen;
  for (Finding &F : Findings) {
    std::string Key = F.RuleId + '\0' +
                      llvm::sys::path::filename(F.Primary.File).str() + '\0' +
                      F.EntryPoint + '\0' + F.NormalizedStatement;
    F.Fingerprint = computeFingerprint(F, Seen[Key]++);
  }
}

} // namespace resdll
