//===- Finding.h - a rule's finding, as plain data --------------*- C++ -*-===//
//
// Findings are data: rules create them, emitters format them. A Finding
// owns copies of everything an emitter needs (file names, positions, source
// snippets), so it outlives the AST it came from and crosses threads.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_FINDING_H
#define RESDLL_CHECKER_FINDING_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class SourceManager;
class LangOptions;
class Stmt;
class Decl;
} // namespace clang

namespace resdll {

/// A position in a source file (1-based line and column, as clang prints).
struct Location {
  std::string File;    ///< path as clang saw it (as given on the command line)
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned EndLine = 0;
  unsigned EndColumn = 0; ///< one past the last character, as SARIF wants
  std::string Snippet;    ///< the source text of the range (may be truncated)
  bool valid() const { return Line != 0; }
};

/// A location with a message: a related location or a step of the path.
struct Note {
  Location Loc;
  std::string Message;
};

struct Finding {
  std::string RuleId;
  std::string Message;
  std::string EntryPoint; ///< the function the finding is in (qualified name)
  Location Primary;
  std::vector<Note> Path;    ///< ordered steps that lead to the finding
  std::vector<Note> Related; ///< registration, clobbered SetLastError, ...
  std::string Fingerprint;   ///< stable across unrelated edits
  /// Normalised tokens of the offending statement (input of the fingerprint).
  std::string NormalizedStatement;
  /// Optional fix: replace [FixOffset, FixOffset+FixLength) of FixFile.
  std::string FixFile;
  unsigned FixOffset = 0, FixLength = 0;
  std::string FixReplacement;
  std::string FixDescription;
  bool hasFix() const { return !FixFile.empty(); }
};

/// Orders findings by file, line, column, rule and message.
bool findingLess(const Finding &A, const Finding &B);

/// Builds Locations and Findings from AST nodes.
class LocationFactory {
public:
  explicit LocationFactory(const clang::ASTContext &Ctx);
  Location at(clang::SourceLocation Begin) const;
  Location of(clang::SourceRange Range) const;
  Location of(const clang::Stmt *S) const;
  Location of(const clang::Decl *D) const;
  /// Source text of a statement, whitespace collapsed, cut at MaxLen.
  std::string text(const clang::Stmt *S, size_t MaxLen = 60) const;
  std::string text(clang::SourceRange R, size_t MaxLen = 60) const;
  /// Tokens of the range joined with single spaces (for fingerprints).
  std::string normalizedTokens(clang::SourceRange R) const;
  const clang::SourceManager &sourceManager() const { return SM; }

private:
  clang::SourceRange fileRange(clang::SourceRange R) const;
  const clang::SourceManager &SM;
  const clang::LangOptions &LangOpts;
};

/// Computes Finding::Fingerprint from the rule id, the entry point and the
/// normalised offending statement; Occurrence distinguishes identical
/// statements in one function.
std::string computeFingerprint(const Finding &F, unsigned Occurrence);

/// Fills in Fingerprint for every finding (occurrence-numbered per file).
void assignFingerprints(std::vector<Finding> &Findings);

} // namespace resdll

#endif
