//===- Config.h - settings files and the --checks glob list -----*- C++ -*-===//
//
// A settings file (.resdll-check.yaml, found from each source upward, or
// --config-file) holds the enabled checks, rule options, extra API-model
// entries and a baseline. Command-line options override it.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_CONFIG_H
#define RESDLL_CHECKER_CONFIG_H

#include "Analysis.h"
#include "ApiModel.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace resdll {

/// clang-tidy's check-list syntax: comma-separated globs, '-' to disable,
/// later entries win.
class CheckGlobs {
public:
  static llvm::Expected<CheckGlobs> parse(llvm::StringRef Text);
  /// Applies the globs on top of Enabled (the rule's previous state).
  bool enabled(llvm::StringRef Id, bool Enabled) const;

private:
  std::vector<std::pair<bool, llvm::GlobPattern>> Globs; // (positive, glob)
};

/// One settings file, as written.
struct ConfigFile {
  std::string Path;
  std::optional<std::string> Checks;
  std::optional<bool> Strict;
  std::map<std::string, std::string> CheckOptions;
  std::vector<ApiFunction> ApiModel;
  std::optional<std::string> Baseline;
};

llvm::Expected<ConfigFile> readConfigFile(llvm::StringRef Path);

/// The settings in force for one source file.
struct EffectiveConfig {
  std::vector<std::string> EnabledRules; ///< ids, in registry order
  RuleOptions Options;
  std::shared_ptr<const ApiModel> Api;
  std::string ConfigPath; ///< the file it came from ("" for defaults)
};

/// Command-line settings that override settings files.
struct CommandLineSettings {
  std::optional<std::string> Checks;
  bool Strict = false;
  std::optional<std::string> ConfigFile;
};

/// Finds and caches settings files (thread-safe).
class ConfigResolver {
public:
  explicit ConfigResolver(CommandLineSettings CL) : CL(std::move(CL)) {}
  /// The settings for SourcePath (nearest .resdll-check.yaml upward unless
  /// --config-file was given).
  llvm::Expected<std::shared_ptr<const EffectiveConfig>>
  forSource(llvm::StringRef SourcePath);
  /// Settings without a source (for --list-checks): --config-file or the
  /// nearest settings file from the current directory.
  llvm::Expected<std::shared_ptr<const EffectiveConfig>> forCurrentDirectory();

private:
  llvm::Expected<std::shared_ptr<const EffectiveConfig>>
  forConfigPath(const std::string &Path);
  std::string findNearest(llvm::StringRef Dir);

  CommandLineSettings CL;
  std::mutex Mu;
  std::map<std::string, std::shared_ptr<const EffectiveConfig>> ByPath;
  std::map<std::string, std::string> NearestByDir;
};

} // namespace resdll

#endif
