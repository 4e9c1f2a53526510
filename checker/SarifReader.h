//===- SarifReader.h - reading resdll-check's SARIF logs back ---*- C++ -*-===//
//
// Baselines (--baseline) and shard merging (resdll-check merge) read logs
// that resdll-check wrote: this checks that a file is one, resolves its
// artifact locations, rewrites their artifact indices, and turns results
// back into Findings for text output.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_SARIFREADER_H
#define RESDLL_CHECKER_SARIFREADER_H

#include "Finding.h"
#include "SarifEmitter.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <functional>

namespace resdll {

/// Reads a SARIF 2.1.0 log written by resdll-check. Errors name the file and
/// what is wrong with it (unreadable, not JSON, not SARIF 2.1.0, another
/// tool's log).
llvm::Expected<llvm::json::Value> readSarifLog(llvm::StringRef Path);

/// Calls F on every artifactLocation object inside V (results, related
/// locations, code flows, notifications), depth first in document order.
void forEachArtifactLocation(llvm::json::Value &V,
                             llvm::function_ref<void(llvm::json::Object &)> F);
void forEachArtifactLocation(llvm::json::Object &O,
                             llvm::function_ref<void(llvm::json::Object &)> F);

/// The uri and uriBaseId of an artifactLocation of Run (taken from the run's
/// artifacts when the location gives only an index).
SarifUri artifactUri(const llvm::json::Object &ArtifactLocation,
                     const llvm::json::Object &Run);

/// Rewrites every artifactLocation inside V to the self-contained form
/// {uri, uriBaseId}, without an index into Run's artifacts.
void detachArtifactLocations(llvm::json::Value &V,
                             const llvm::json::Object &Run);

/// The file a uri names: a %SRCROOT%-relative uri is resolved against
/// SourceRoot when it is given, else against the run's own
/// originalUriBaseIds; a file:// uri is made a path.
std::string pathOfUri(const SarifUri &U, const llvm::json::Object &Run,
                      llvm::StringRef SourceRoot);

/// The fingerprint of a result (partialFingerprints[FingerprintKey]), or "".
std::string resultFingerprint(const llvm::json::Object &Result);

/// A result as a Finding: rule, plain message, entry point, primary
/// location, path steps (the code flow without its last step, which is the
/// result itself), related locations, fingerprint and baseline state. Files
/// are resolved with pathOfUri.
Finding findingFromSarif(const llvm::json::Object &Result,
                         const llvm::json::Object &Run,
                         llvm::StringRef SourceRoot);

} // namespace resdll

#endif
