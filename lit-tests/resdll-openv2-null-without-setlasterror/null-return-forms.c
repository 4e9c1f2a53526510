// Every way C code writes a null RESID: NULL, 0, casts of those, and a
// pointer variable that is null on the path. Each buggy return has a clean
// twin that calls SetLastError first.
// RUN: not %resdll-check %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct FORMS_RESOURCE {
    RESOURCE_HANDLE Handle;
    DWORD Mode;
} FORMS_RESOURCE, *PFORMS_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI FormsOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PFORMS_RESOURCE resource;

    switch (OpenFlags) {
    case 1:
        // CHECK: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return 0') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 1:' is taken
        // CHECK-NEXT: :[[@LINE+73]]:5: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return 0;
    case 2:
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return (RESID)0') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 2:' is taken
        // CHECK-NEXT: :[[@LINE+68]]:5: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return (RESID)0;
    case 3:
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return (RESID)NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 3:' is taken
        // CHECK-NEXT: :[[@LINE+63]]:5: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return (RESID)NULL;
    case 4:
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return (PVOID)0') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 4:' is taken
        // CHECK-NEXT: :[[@LINE+58]]:5: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return (PVOID)0;
    case 5:
        // CHECK-NEXT: :[[@LINE+3]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return ((RESID)(0))') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-2]]:5: note: 'case 5:' is taken
        // CHECK-NEXT: :[[@LINE+53]]:5: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return ((RESID)(0));
    case 11:
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    case 12:
        SetLastError(ERROR_INVALID_PARAMETER);
        return (RESID)0;
    case 13:
        SetLastError(ERROR_INVALID_PARAMETER);
        return (RESID)NULL;
    case 14:
        SetLastError(ERROR_INVALID_PARAMETER);
        return (PVOID)0;
    default:
        break;
    }

    resource = (PFORMS_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                          sizeof(*resource));
    if (resource == NULL) {
        // CHECK-NEXT: :[[@LINE+4]]:9: warning: OpenV2 entry point 'FormsOpenV2' returns NULL ('return (RESID)resource') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
        // CHECK-NEXT: :[[@LINE-8]]:5: note: 'default:' is taken
        // CHECK-NEXT: :[[@LINE-3]]:9: note: 'resource == NULL' is true
        // CHECK-NEXT: :[[@LINE+29]]:5: note: 'FormsOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'
        return (RESID)resource;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

RESID WINAPI FormsCleanOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                              RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PFORMS_RESOURCE resource;

    resource = (PFORMS_RESOURCE)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                          sizeof(*resource));
    if (resource == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return (RESID)resource;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    g_FunctionTable.V2Functions.Open =
        ResourceType[0] == L'C' ? FormsCleanOpenV2 : FormsOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
// CHECK-NEXT: 6 findings in 1 file
