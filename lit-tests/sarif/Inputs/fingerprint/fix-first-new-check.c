/* base.c with the first finding fixed and a failing check added after it
 * (baseline.test): one absent, one new, one unchanged. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY ParametersKey;
    DWORD Flags;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;

static DWORD DemoReadFlags(HKEY Key, DWORD *Flags)
{
    DWORD size = sizeof(*Flags);
    return ClusterRegQueryValue(Key, L"Flags", NULL, (LPBYTE)Flags, &size);
}

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource;
    DWORD status;

    resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ,
                               &resource->ParametersKey);
    if (status != ERROR_SUCCESS) {
        LocalFree(resource);
        SetLastError(status);
        return NULL;
    }
    status = ClusterRegQueryValue(resource->ParametersKey, L"Name", NULL,
                                  NULL, NULL);
    if (status != ERROR_SUCCESS) {
        ClusterRegCloseKey(resource->ParametersKey);
        LocalFree(resource);
        return NULL;
    }
    status = DemoReadFlags(resource->ParametersKey, &resource->Flags);
    if (status != ERROR_SUCCESS) {
        ClusterRegCloseKey(resource->ParametersKey);
        LocalFree(resource);
        return NULL;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

void WINAPI DemoClose(RESID Resource)
{
    PDEMO_RESOURCE resource = (PDEMO_RESOURCE)Resource;
    ClusterRegCloseKey(resource->ParametersKey);
    LocalFree(resource);
}

DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle,
                          DWORD OnlineFlags, PBYTE InBuffer,
                          DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
}

DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                           DWORD OfflineFlags, PBYTE InBuffer,
                           DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
}

void WINAPI DemoTerminate(RESID Resource) {}

BOOL WINAPI DemoIsAlive(RESID Resource)
{
    return TRUE;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_Callbacks = MonitorCallbackFunctions;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive,
                                DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
