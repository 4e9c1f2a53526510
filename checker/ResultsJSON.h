//===- ResultsJSON.h - a FileResult as one line of JSON ---------*- C++ -*-===//
//
// Worker processes (Isolation.h) send each translation unit's result to the
// parent as one line of JSON. The round trip is exact: every field of
// FileResult, Finding, Location and Notification is carried, and strings
// that are not valid UTF-8 (snippets of a Windows-1252 source, a file name)
// are carried byte for byte (base64) instead of being "repaired".
//
// Adding a field to one of those structs? Add it here too: a static_assert
// in ResultsJSON.cpp watches their sizes, and lit-tests/robustness/
// isolation-same-output.c compares worker and in-process output.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_RESULTSJSON_H
#define RESDLL_CHECKER_RESULTSJSON_H

#include "Results.h"
#include "llvm/Support/Error.h"
#include <string>

namespace resdll {

/// One line (no newline inside, none at the end).
std::string fileResultToJSONLine(const FileResult &R);
llvm::Expected<FileResult> fileResultFromJSONLine(llvm::StringRef Line);

/// A string as a JSON value that survives invalid UTF-8, and back.
std::string stringToJSONLine(llvm::StringRef S);
llvm::Expected<std::string> stringFromJSONLine(llvm::StringRef Line);

} // namespace resdll

#endif
