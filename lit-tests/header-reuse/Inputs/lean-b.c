// The same header prefix as lean-a.c, written with other comments around
// it; the OpenV2 uses goto cleanup and one path forgets SetLastError.
#define WIN32_LEAN_AND_MEAN
#define LEAN_OK ERROR_SUCCESS
#include <windows.h>   // the Win32 API
#include <clusapi.h>
/* the resource utility library */
#include <resapi.h>

typedef struct OTHER_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE Event;
} OTHER_RESOURCE, *POTHER_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI OtherOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    POTHER_RESOURCE resource = NULL;
    DWORD status = LEAN_OK;

    if (OpenFlags != 0) {
        status = ERROR_INVALID_PARAMETER;
        goto cleanup;
    }
    resource = (POTHER_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        status = GetLastError();
        goto cleanup;
    }
    resource->Event = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (resource->Event == NULL) {
        LocalFree(resource);
        return NULL;
    }
    resource->Handle = ResourceHandle;
    if (ResourceName[0] == L'\0') {
        CloseHandle(resource->Event);
        LocalFree(resource);
        return NULL;
    }

cleanup:
    if (status != LEAN_OK) {
        SetLastError(status);
        return NULL;
    }
    return (RESID)resource;
}

void WINAPI OtherClose(RESID Resource) { LocalFree(Resource); }
DWORD WINAPI OtherOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
DWORD WINAPI OtherOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                            PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI OtherTerminate(RESID Resource) {}
BOOL WINAPI OtherIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Other,
                                NULL, NULL, NULL, NULL, OtherIsAlive, OtherIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
