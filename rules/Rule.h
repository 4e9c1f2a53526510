//===- Rule.h - the interface every rule implements -------------*- C++ -*-===//
//
// A rule is a small class that asks the model and the engine questions about
// one translation unit and returns findings. It never prints: the front
// doors (CLI, clang-tidy) format its findings.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_RULE_H
#define RESDLL_RULES_RULE_H

#include "Analysis.h"
#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <memory>
#include <vector>

namespace resdll {

class Rule {
public:
  virtual ~Rule();
  virtual llvm::StringRef id() const = 0;
  /// Checks the translation unit of AC, appending findings to Out.
  virtual void check(AnalysisContext &AC, std::vector<Finding> &Out) = 0;
};

/// What the registry knows of a rule without running it.
struct RuleInfo {
  llvm::StringRef Id;
  llvm::StringRef Title;       ///< one line: what is wrong
  llvm::StringRef Description; ///< a paragraph: why, and the contract
  llvm::StringRef Contract;    ///< the documentation sentence it enforces
  llvm::StringRef Level;       ///< SARIF level: "error" or "warning"
  bool EnabledByDefault = true;
  /// SARIF reportingDescriptor fields (code-scanning dashboards).
  /// Friendly name, one PascalCase identifier ("OpenV2NullWithoutSetLastError");
  /// empty: derived from the id.
  llvm::StringRef Name;
  /// properties.tags: kinds of problem ("correctness", "reliability") and
  /// CWE ids in GitHub's form ("external/cwe/cwe-392").
  std::vector<llvm::StringRef> Tags;
  /// properties.precision: "very-high", "high", "medium" or "low".
  llvm::StringRef Precision = "high";
  /// properties.security-severity, "0.0".."10.0", only for a rule whose
  /// findings are security problems (GitHub then ranks them as such);
  /// empty for correctness rules.
  llvm::StringRef SecuritySeverity;
  /// Option names the rule reads (without the "<id>." prefix), with defaults.
  std::vector<std::pair<llvm::StringRef, llvm::StringRef>> Options;
  std::function<std::unique_ptr<Rule>()> Create;
};

/// Every rule, in a fixed order.
const std::vector<RuleInfo> &allRules();
const RuleInfo *findRule(llvm::StringRef Id);

/// The documentation page of a rule (rules/<id>.md), compiled in.
llvm::StringRef ruleDocumentation(llvm::StringRef Id);

/// Helpers shared by rules for building findings.
class FindingBuilder {
public:
  FindingBuilder(AnalysisContext &AC, llvm::StringRef RuleId,
                 const clang::FunctionDecl *EntryPoint);
  Finding &finding() { return F; }
  FindingBuilder &message(std::string M);
  FindingBuilder &at(const clang::Stmt *S);
  /// A related location. LinkText: words of the message that refer to it
  /// (SARIF links them to it), or empty.
  FindingBuilder &related(const Location &L, std::string Message,
                          std::string LinkText = "");
  FindingBuilder &related(const clang::Stmt *S, std::string Message,
                          std::string LinkText = "");
  /// Appends the branch decisions and events of a trail, oldest first.
  FindingBuilder &path(const Trail &T);
  FindingBuilder &step(const clang::Stmt *S, std::string Message);
  /// The registration notes of the entry point (every registration site).
  FindingBuilder &registrations(const struct EntryPoint &EP);
  Finding take() { return std::move(F); }

private:
  AnalysisContext &AC;
  const clang::FunctionDecl *Function; // the entry point (may be null)
  Finding F;
};

/// "'p == NULL' is true" and the like, for a branch step of a trail.
std::string describeBranch(AnalysisContext &AC, const TrailNode &N);

} // namespace resdll

#endif
