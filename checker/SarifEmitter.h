//===- SarifEmitter.h - SARIF 2.1.0 output ----------------------*- C++ -*-===//
#ifndef RESDLL_CHECKER_SARIFEMITTER_H
#define RESDLL_CHECKER_SARIFEMITTER_H

#include "Results.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace resdll {

/// The whole log: one run of resdll-check, built with LLVM's JSON library.
llvm::json::Value buildSarif(const std::vector<FileResult> &Results,
                             const RunInfo &Info);
void emitSarif(const std::vector<FileResult> &Results, const RunInfo &Info,
               llvm::raw_ostream &OS);

/// file:// URI of an absolute path (percent-encoded).
std::string fileUri(llvm::StringRef AbsPath);

} // namespace resdll

#endif
