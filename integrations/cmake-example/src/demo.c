/* demo.c - the entry points of the demo resource DLL. */
#include "demo.h"

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PSET_RESOURCE_STATUS_ROUTINE_EX g_SetResourceStatus;

static RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                               RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource;
    DWORD status;

    resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL; /* LocalAlloc set the last error */
    }
    resource->Handle = ResourceHandle;
    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ,
                               &resource->ParametersKey);
    if (status == ERROR_SUCCESS) {
        status = DemoReadParameters(resource);
    }
    if (status != ERROR_SUCCESS) {
        if (resource->ParametersKey != NULL) {
            ClusterRegCloseKey(resource->ParametersKey);
        }
        LocalFree(resource);
        return NULL; /* bug: the last error is not the cause */
    }
    return (RESID)resource;
}

static void WINAPI DemoClose(RESID Resource)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    ClusterRegCloseKey(resource->ParametersKey);
    LocalFree(resource);
}

static DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle,
                                 DWORD OnlineFlags, PBYTE InBuffer,
                                 DWORD InBufferSize, DWORD Reserved)
{
    ((PDEMO_RESOURCE)Resource)->Online = TRUE;
    return ERROR_SUCCESS;
}

static DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                                  DWORD OfflineFlags, PBYTE InBuffer,
                                  DWORD InBufferSize, DWORD Reserved)
{
    ((PDEMO_RESOURCE)Resource)->Online = FALSE;
    return ERROR_SUCCESS;
}

static void WINAPI DemoTerminate(RESID Resource)
{
    ((PDEMO_RESOURCE)Resource)->Online = FALSE;
}

static BOOL WINAPI DemoIsAlive(RESID Resource)
{
    return ((PDEMO_RESOURCE)Resource)->Online;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    if (MinVersionSupported > CLRES_VERSION_V2_00 ||
        MaxVersionSupported < CLRES_VERSION_V2_00) {
        return ERROR_REVISION_MISMATCH;
    }
    g_SetResourceStatus = MonitorCallbackFunctions->SetResourceStatusEx;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive,
                                DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
