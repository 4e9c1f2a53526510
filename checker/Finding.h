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
class ParentMap;
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
  /// Line and Column count bytes, as clang prints them; SARIF counts UTF-16
  /// code units (columnKind utf16CodeUnits). 0: the same as the byte column.
  unsigned Utf16Column = 0, Utf16EndColumn = 0;
  bool valid() const { return Line != 0; }
};

/// A location with a message: a related location or a step of the path.
struct Note {
  Location Loc;
  std::string Message;
  /// Words of the finding's message that refer to this note (a related
  /// location): SARIF makes them a link, "[LinkText](id)". Empty: the SARIF
  /// emitter appends a link of its own.
  std::string LinkText = "";
  /// SARIF threadFlowLocation kind of a path step ("branch" for a branch
  /// decision; empty for other events).
  std::string Kind = "";
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
  /// Normalised tokens of what encloses it: the condition of the innermost
  /// if/loop/switch case around the statement and the origin of the value
  /// it tests (input of the fingerprint).
  std::string NormalizedContext;
  /// Against a baseline: "new", "unchanged" or "absent" (a baseline result
  /// no longer found); empty when the run has no baseline.
  std::string BaselineState;
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
  /// What encloses S inside its function, as normalised tokens: "if <cond>
  /// then|else", "while <cond>", "for <cond>", "case <value>", "default",
  /// "switch <cond>", with where the tested value comes from (" after
  /// status = ClusterRegOpenKey"); empty at the top level of the body
  /// (fingerprints).
  std::string normalizedContext(const clang::Stmt *S,
                                const clang::ParentMap &PM) const;
  const clang::SourceManager &sourceManager() const { return SM; }

private:
  clang::SourceRange fileRange(clang::SourceRange R) const;
  const clang::SourceManager &SM;
  const clang::LangOptions &LangOpts;
};

/// Computes Finding::Fingerprint: a hash of the rule id, the file's base
/// name, the entry point, the normalised offending statement and its
/// normalised context, and Occurrence, which tells apart findings that agree
/// on all of those (in source order). No line or column goes in: see
/// Finding.cpp and README.md ("SARIF output") for what keeps and what
/// changes a fingerprint.
std::string computeFingerprint(const Finding &F, unsigned Occurrence);

/// Fills in Fingerprint for every finding of one translation unit (in the
/// order findingLess sorts them).
void assignFingerprints(std::vector<Finding> &Findings);

/// The key under which SARIF's partialFingerprints holds Fingerprint.
inline constexpr const char *FingerprintKey = "resdllFingerprint/v1";

} // namespace resdll

#endif
