//===- TextEmitter.h - clang-style text output of findings ------*- C++ -*-===//
#ifndef RESDLL_CHECKER_TEXTEMITTER_H
#define RESDLL_CHECKER_TEXTEMITTER_H

#include "Results.h"
#include "llvm/Support/raw_ostream.h"

namespace resdll {

/// One finding as clang prints a diagnostic: the warning line, then a note
/// line for every path step and related location.
void emitText(const Finding &F, llvm::raw_ostream &OS);
/// Every finding of the run, in order, except those a baseline already has
/// (BaselineState "unchanged").
void emitText(const std::vector<FileResult> &Results, llvm::raw_ostream &OS);

/// Notifications (parse errors, budget hits) as clang-style lines.
void emitNotification(const Notification &N, llvm::StringRef File,
                      llvm::raw_ostream &OS);

} // namespace resdll

#endif
