// Code with compiler errors is analysed where clang recovered, and the run
// says that it was partial (exit status 2). Precision first: a function
// with an error inside it, or using something invalid, is not checked at
// all (clang's recovery may have dropped a statement: here the call to
// SetLastError), and neither is a function that calls one; every other
// function is checked as usual.
//
// RUN: %status %resdll-check %s > %t.out 2> %t.err
// RUN: FileCheck --input-file=%t.out %s --implicit-check-not=warning:
// RUN: FileCheck --check-prefix=ERR --input-file=%t.err %s --implicit-check-not=error: --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_Table;

// An error at file scope does not touch the functions below.
// ERR-DAG: syntax-errors.c:[[@LINE+1]]:8: error: unknown type name 'UNKNOWN_TYPE'
static UNKNOWN_TYPE g_Unused;

// ERR-DAG: syntax-errors.c:[[@LINE+1]]:14: warning: 'MissingParenOpenV2' is not checked: it has compiler errors
RESID WINAPI MissingParenOpenV2(LPCWSTR Name, HKEY Key,
                                RESOURCE_HANDLE Handle, DWORD Flags)
{
    if (Name == NULL) {
        // The statement is dropped: no finding may come from that.
        // ERR-DAG: syntax-errors.c:[[@LINE+1]]:45: error: expected ')'
        SetLastError(ERROR_INVALID_PARAMETER;
        return NULL;
    }
    return (RESID)Key;
}

// ERR-DAG: syntax-errors.c:[[@LINE+1]]:14: warning: 'TypoOpenV2' is not checked: it has compiler errors
RESID WINAPI TypoOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                        DWORD Flags)
{
    if (Name == NULL) {
        // ERR-DAG: syntax-errors.c:[[@LINE+1]]:22: error: use of undeclared identifier 'ERROR_INVALID_PARAMETR'
        SetLastError(ERROR_INVALID_PARAMETR);
        return NULL;
    }
    return (RESID)Key;
}

static BOOL ValidateFlags(DWORD Flags)
{
    if (Flags & ~1u) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    // ERR-DAG: syntax-errors.c:[[@LINE+1]]:12: error: call to undeclared function 'CheckMoreFlags'
    return CheckMoreFlags(Flags);
}

// ERR-DAG: syntax-errors.c:[[@LINE+1]]:14: warning: 'CallerOpenV2' is not checked: it calls 'ValidateFlags', which is not analysed because of compiler errors
RESID WINAPI CallerOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                          DWORD Flags)
{
    if (!ValidateFlags(Flags))
        return NULL;
    return (RESID)Key;
}

// No error in it: checked, and its true finding is reported.
RESID WINAPI CleanOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                         DWORD Flags)
{
    if (Name == NULL)
        // CHECK: syntax-errors.c:[[@LINE+1]]:9: warning: OpenV2 entry point 'CleanOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        return NULL;
    return (RESID)Key;
}

// Its clean look-alike stays quiet.
RESID WINAPI GoodOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                        DWORD Flags)
{
    if (Name == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return (RESID)Key;
}

void Register(void)
{
    g_Table.V2Functions.Open = MissingParenOpenV2;
    g_Table.V2Functions.Open = TypoOpenV2;
    g_Table.V2Functions.Open = CallerOpenV2;
    g_Table.V2Functions.Open = CleanOpenV2;
    g_Table.V2Functions.Open = GoodOpenV2;
}

// ERR: syntax-errors.c: error: could not be parsed completely (4 compiler errors); findings in it may be missing
// ERR-NEXT: 1 finding in 1 file
// CHECK: exit: 2
