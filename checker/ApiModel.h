//===- ApiModel.h - the Win32 API model, read from YAML ---------*- C++ -*-===//
//
// Which Windows functions set the last error on failure (and what they return
// then), which may overwrite it, which block and which start threads. The
// built-in model is rules/api-model.yaml, compiled into the binary; a
// project's config file may add or replace entries.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_APIMODEL_H
#define RESDLL_CHECKER_APIMODEL_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
}

namespace resdll {

struct ApiFunction {
  std::string Name;
  bool SetsLastErrorOnFailure = false;
  std::optional<int64_t> FailureValue;
  bool OverwritesLastError = false;
  bool Blocks = false;
  std::optional<unsigned> TimeoutArg;
  std::optional<unsigned> RoutineArg; ///< StartsThread: the start routine
  std::optional<unsigned> ContextArg; ///< StartsThread: its context argument
  /// Hands work to a thread that is already running (SetEvent,
  /// PostQueuedCompletionStatus, SubmitThreadpoolWork, ...).
  bool WakesThread = false;

  bool mayOverwriteLastError() const {
    return OverwritesLastError || SetsLastErrorOnFailure;
  }
  bool startsThread() const { return RoutineArg.has_value(); }
};

class ApiModel {
public:
  /// The model shipped with the checker (rules/api-model.yaml).
  static const ApiModel &builtin();

  /// Adds (or replaces) the entries of a YAML document with a top-level
  /// "Functions:" list. SourceName is used in error messages.
  llvm::Error addYAML(llvm::StringRef Text, llvm::StringRef SourceName);
  /// Adds (or replaces) entries.
  void add(const ApiFunction &F);

  /// The entry for a function, by its name or its qualified C++ name.
  const ApiFunction *lookup(llvm::StringRef Name) const;
  const ApiFunction *lookup(const clang::FunctionDecl *FD) const;

  size_t size() const { return Functions.size(); }

private:
  llvm::StringMap<ApiFunction> Functions;
};

/// Parses a YAML sequence of function entries (the "ApiModel:" list of a
/// config file uses the same keys).
llvm::Expected<std::vector<ApiFunction>>
parseApiFunctions(llvm::StringRef Text, llvm::StringRef SourceName);

} // namespace resdll

#endif
