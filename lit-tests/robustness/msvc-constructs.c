// MSVC-only constructs in a resource DLL parse and are analysed: the
// mingw-w64 target gets -fms-extensions (structured exception handling,
// __int64 and the like), and the mingw-w64 headers declare __declspec and
// the SAL annotations. The findings below are true ones; their clean
// look-alikes stay quiet.
//
// RUN: %status %resdll-check %s > %t.out 2> %t.err
// RUN: FileCheck --input-file=%t.out %s --implicit-check-not=warning:
// RUN: FileCheck --check-prefix=ERR --input-file=%t.err %s --implicit-check-not=error: --implicit-check-not=warning:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#pragma comment(lib, "clusapi.lib")
#pragma comment(lib, "resutils.lib")
#pragma warning(disable : 4100)

static CLRES_FUNCTION_TABLE g_Table;
static unsigned __int64 g_OpenCount;

__declspec(noinline) static DWORD
ReadParameters(_In_ HKEY Key, _Out_opt_ PDWORD Value,
               _In_reads_bytes_(Size) const BYTE *Buffer, _In_ SIZE_T Size)
{
    if (Value)
        *Value = Size ? Buffer[0] : 0;
    return Key ? ERROR_SUCCESS : ERROR_INVALID_HANDLE;
}

// The failure path of __except: GetExceptionCode() is not the last error.
_Success_(return != NULL)
RESID WINAPI SehOpenV2(_In_ LPCWSTR Name, _In_ HKEY Key,
                       _In_ RESOURCE_HANDLE Handle, _In_ DWORD Flags)
{
    DWORD Status = ERROR_SUCCESS;
    DWORD Value = 0;
    __try {
        Status = ReadParameters(Key, &Value, (const BYTE *)Name, 2);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        Status = GetExceptionCode();
    }
    if (Status != ERROR_SUCCESS)
        // CHECK: msvc-constructs.c:[[@LINE+1]]:9: warning: OpenV2 entry point 'SehOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        return NULL;
    g_OpenCount++;
    return (RESID)Key;
}

// Clean look-alike: SetLastError in __except.
RESID WINAPI SehGoodOpenV2(_In_ LPCWSTR Name, _In_ HKEY Key,
                           _In_ RESOURCE_HANDLE Handle, _In_ DWORD Flags)
{
    DWORD Value = 0;
    __try {
        if (ReadParameters(Key, &Value, (const BYTE *)Name, 2) != ERROR_SUCCESS) {
            SetLastError(ERROR_BAD_CONFIGURATION);
            return NULL;
        }
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        SetLastError(GetExceptionCode());
        return NULL;
    }
    return (RESID)Key;
}

// __leave skips the rest of the __try block.
RESID WINAPI LeaveOpenV2(_In_ LPCWSTR Name, _In_ HKEY Key,
                         _In_ RESOURCE_HANDLE Handle, _In_ DWORD Flags)
{
    RESID Result = NULL;
    __try {
        if (Name == NULL)
            __leave;
        Result = (RESID)Key;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        SetLastError(GetExceptionCode());
        return NULL;
    }
    // CHECK: msvc-constructs.c:[[@LINE+1]]:5: warning: OpenV2 entry point 'LeaveOpenV2' returns NULL ('return Result') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    return Result;
}

// clang builds no control-flow graph for a function with __try/__finally:
// it is not checked, and the run says so (it would have a finding).
// ERR: msvc-constructs.c:[[@LINE+1]]:14: warning: 'FinallyOpenV2' is not checked: clang's control-flow graphs do not support __try/__finally
RESID WINAPI FinallyOpenV2(_In_ LPCWSTR Name, _In_ HKEY Key,
                           _In_ RESOURCE_HANDLE Handle, _In_ DWORD Flags)
{
    if (Name == NULL)
        return NULL;
    __try {
        g_OpenCount++;
    } __finally {
        g_OpenCount--;
    }
    return (RESID)Key;
}

__declspec(dllexport) DWORD WINAPI StartupEx(
    _In_ LPCWSTR ResourceType, _In_ DWORD MinVersionSupported,
    _In_ DWORD MaxVersionSupported,
    _In_ PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
    _Out_ PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_Table.V2Functions.Open = SehOpenV2;
    g_Table.V2Functions.Open = SehGoodOpenV2;
    g_Table.V2Functions.Open = LeaveOpenV2;
    g_Table.V2Functions.Open = FinallyOpenV2;
    *ResourceDllInterfaceFunctions = &g_Table;
    return ERROR_SUCCESS;
}
// CHECK: exit: 1
// ERR: 2 findings in 1 file
