//===- SarifEmitter.h - SARIF 2.1.0 output ----------------------*- C++ -*-===//
//
// The SARIF log of a run, for code-scanning dashboards (GitHub code
// scanning, the SARIF viewers): rules with their help, results with paths
// (codeFlows), related locations linked from the message, fingerprints and
// baseline states, artifacts relative to the source root, and the
// invocation with its notifications. Written with LLVM's JSON library;
// deterministic (the same input gives the same bytes). README.md, "SARIF
// output", describes the log.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_SARIFEMITTER_H
#define RESDLL_CHECKER_SARIFEMITTER_H

#include "Results.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <tuple>

namespace resdll {

struct RuleInfo;

/// The whole log: one run of resdll-check.
llvm::json::Value buildSarif(const std::vector<FileResult> &Results,
                             const RunInfo &Info);
void emitSarif(const std::vector<FileResult> &Results, const RunInfo &Info,
               llvm::raw_ostream &OS);
/// Writes a log as every SARIF file of the tool is written (indented JSON
/// with sorted keys, a final newline).
void writeSarif(const llvm::json::Value &Log, llvm::raw_ostream &OS);

/// The SARIF tool.driver.rules entry of a rule.
llvm::json::Object sarifRule(const RuleInfo &R);

/// file:// URI of an absolute path (percent-encoded).
std::string fileUri(llvm::StringRef AbsPath);
/// Percent-encodes a relative path for a URI (keeps '/').
std::string percentEncode(llvm::StringRef Path);
/// Undoes percent-encoding ("%20" -> ' '); malformed escapes stay as written.
std::string percentDecode(llvm::StringRef Uri);

/// Where a file goes in an artifactLocation: a uri relative to %SRCROOT%
/// when the file is under SourceRoot, else an absolute file:// uri (BaseId
/// empty). File is made absolute against WorkingDirectory.
struct SarifUri {
  std::string Uri;
  std::string BaseId;
  bool operator<(const SarifUri &O) const {
    return std::tie(BaseId, Uri) < std::tie(O.BaseId, O.Uri);
  }
  bool operator==(const SarifUri &O) const {
    return Uri == O.Uri && BaseId == O.BaseId;
  }
};
SarifUri sarifUri(llvm::StringRef File, llvm::StringRef WorkingDirectory,
                  llvm::StringRef SourceRoot);

/// The message of a finding in SARIF form: square brackets escaped, the
/// LinkText of each related location made a link "[text](id)" (ids count
/// from 1 in the order of Finding::Related), and related locations without
/// a LinkText in the message linked at its end.
std::string sarifMessage(const Finding &F);
/// Plain text of a SARIF message: links become their text, escapes undone.
std::string plainMessage(llvm::StringRef SarifText);

} // namespace resdll

#endif
