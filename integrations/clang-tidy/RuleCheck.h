//===- RuleCheck.h - one clang-tidy check per resdll-check rule -*- C++ -*-===//
//
// The clang-tidy face of a rule. Every rule of the registry (allRules())
// becomes a check under its own id, as an instance of this one adapter: it
// has no logic of its own. The rules of a translation unit run once, through
// analyzeAST (the CLI's own entry point), for all the resdll checks enabled
// for that file, whichever check asks first; each check then reports the
// findings of its rule as a clang-tidy warning with the path steps and
// related locations as notes and the rule's fix as a fix-it.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_INTEGRATIONS_CLANG_TIDY_RULECHECK_H
#define RESDLL_INTEGRATIONS_CLANG_TIDY_RULECHECK_H

#include "Rule.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace resdll {
namespace tidy {

/// Module-wide CheckOptions (not tied to one rule), read by the shared
/// analysis: "resdll.ApiModelFile" and the engine limits.
extern const char *const ModuleOptionKeys[3];

class RuleCheck : public clang::tidy::ClangTidyCheck {
public:
  RuleCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
            const RuleInfo &Info);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void emit(const Finding &F, const clang::SourceManager &SM);

  clang::tidy::ClangTidyContext *Context;
  const RuleInfo &Info;
  /// The rule's options as configured (validated by clang-tidy's parser).
  std::vector<std::pair<std::string, std::string>> OptionValues;
  const clang::ASTContext *Current = nullptr;
};

} // namespace tidy
} // namespace resdll

#endif
