//===- LastErrorFix.h - rule 1's fix: SetLastError(status) ------*- C++ -*-===//
//
// The safe fix of resdll-openv2-null-without-setlasterror: when an Open or
// OpenV2 entry point returns NULL with the last error not set, and a status
// variable that holds the failure's Win32 error code is known to be nonzero
// on every path that reaches that return, insert `SetLastError(status);`
// right before it. What "holds a Win32 error code" and "known" mean is in
// LastErrorFix.cpp and in the rule's documentation page.
//
//===----------------------------------------------------------------------===//
#ifndef RESDLL_RULES_LASTERRORFIX_H
#define RESDLL_RULES_LASTERRORFIX_H

#include "Analysis.h"
#include "Finding.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class DeclRefExpr;
class FunctionDecl;
class ReturnStmt;
class VarDecl;
} // namespace clang

namespace resdll {

/// The error-code variables of FD: integer locals and parameters that FD
/// compares with ERROR_SUCCESS or NO_ERROR (`status != ERROR_SUCCESS`), each
/// with one of those references, in source order.
llvm::SmallVector<const clang::DeclRefExpr *, 4>
errorCodeVariables(AnalysisContext &AC, const clang::FunctionDecl *FD);

/// The variables of the branch conditions of a trail that compare an
/// error-code variable with ERROR_SUCCESS / NO_ERROR, newest first.
llvm::SmallVector<const clang::VarDecl *, 4>
errorCodeVariablesTested(AnalysisContext &AC, const Trail &T);

/// Sets F's fix to `SetLastError(<Var>);` inserted before RS (RS wrapped in
/// braces when it is the unbraced body of an if, else or loop). Returns
/// false, leaving F alone, when RS is not a plain null return written
/// outside macros, or when Var is not the variable its name designates at
/// RS (out of scope or shadowed).
bool addSetLastErrorFix(AnalysisContext &AC, const clang::FunctionDecl *FD,
                        const clang::ReturnStmt *RS, const clang::VarDecl *Var,
                        Finding &F);

} // namespace resdll

#endif
