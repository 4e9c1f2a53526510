//===- MergeCommand.h - `resdll-check merge` --------------------*- C++ -*-===//
#ifndef RESDLL_CHECKER_MERGECOMMAND_H
#define RESDLL_CHECKER_MERGECOMMAND_H

#include <string>
#include <vector>

namespace resdll {

/// Runs `resdll-check merge` with the arguments that follow "merge";
/// returns the exit status.
int runMergeCommand(const std::vector<std::string> &Args);

} // namespace resdll

#endif
