//===- PartialParse.h - what is analysed when the parse failed -*- C++ -*-===//
//
// When clang reports errors it still builds an AST, recovering where it can:
// an expression it could not make sense of becomes a RecoveryExpr, a
// statement it could not parse is dropped, a declaration is marked invalid,
// a missing header leaves its names undeclared (fatal errors are made
// ordinary errors so that the parse goes on). Such a body is not the code
// the author wrote: a dropped `SetLastError(ERROR_X;` makes a path look
// like it returns NULL without SetLastError. Precision first:
//
//  - a function is *not analysed* when an error lies inside it (between
//    its first and last token), when its body holds an expression clang
//    marked as containing errors, or when it uses an invalid declaration;
//  - nor is a function that calls one of those (directly or through other
//    functions of the translation unit), since its analysis would use a
//    summary of code that is not there;
//  - every other function is analysed as usual: an error elsewhere (a bad
//    global, another function) does not change what its paths do.
//
// The run says so: the file gets an error ("could not be parsed
// completely"), and each entry point left out gets a warning naming why.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_CHECKER_PARTIALPARSE_H
#define RESDLL_CHECKER_PARTIALPARSE_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <string>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace resdll {

/// Function definitions (canonical declarations) that must not be analysed,
/// with why ("it has compiler errors", "it calls 'f', which has compiler
/// errors").
using UnanalysableFunctions =
    llvm::DenseMap<const clang::FunctionDecl *, std::string>;

/// ErrorLocs: where clang reported errors in this translation unit.
UnanalysableFunctions
findUnanalysableFunctions(clang::ASTContext &Ctx,
                          llvm::ArrayRef<clang::SourceLocation> ErrorLocs);

} // namespace resdll

#endif
