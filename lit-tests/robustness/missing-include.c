// A header that is not there (a generated one, or one of another
// component): clang's error names it, the parse goes on (clang would stop
// at this fatal error; the checker makes it an ordinary one), the functions
// that do not need the header are checked, those that do are not.
//
// RUN: %status %resdll-check %s %inputs/open.c > %t.out 2> %t.err
// RUN: FileCheck --input-file=%t.out %s --implicit-check-not=warning:
// RUN: FileCheck --check-prefix=ERR --input-file=%t.err %s --implicit-check-not=error: --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
// ERR: missing-include.c:[[@LINE+1]]:10: error: 'resource_strings.h' file not found
#include "resource_strings.h"

// ERR: missing-include.c:[[@LINE+7]]:22: error: use of undeclared identifier 'RES_NAME_PREFIX'
// ERR: missing-include.c:[[@LINE+1]]:14: warning: 'UsesHeaderOpenV2' is not checked: it has compiler errors
RESID WINAPI UsesHeaderOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                              DWORD Flags)
{
    if (Name == NULL)
        return NULL;
    if (wcscmp(Name, RES_NAME_PREFIX) != 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return (RESID)Key;
}

RESID WINAPI PlainOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                         DWORD Flags)
{
    if (Name == NULL)
        // CHECK: missing-include.c:[[@LINE+1]]:9: warning: OpenV2 entry point 'PlainOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        return NULL;
    return (RESID)Key;
}

// The other file is not affected.
// CHECK: open.c:17:9: warning: OpenV2 entry point 'OtherOpenV2' returns NULL
// CHECK: exit: 2
// ERR: missing-include.c: error: could not be parsed completely (2 compiler errors); findings in it may be missing
// ERR-NEXT: 2 findings in 2 files
