/* base.c with the entry point renamed: every fingerprint changes. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct SAMPLE_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY ParametersKey;
    DWORD Flags;
} SAMPLE_RESOURCE, *PSAMPLE_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;
static PCLRES_CALLBACK_FUNCTION_TABLE g_Callbacks;

static DWORD SampleReadFlags(HKEY Key, DWORD *Flags)
{
    DWORD size = sizeof(*Flags);
    return ClusterRegQueryValue(Key, L"Flags", NULL, (LPBYTE)Flags, &size);
}

RESID WINAPI SampleOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PSAMPLE_RESOURCE resource;
    DWORD status;

    resource = (PSAMPLE_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ,
                               &resource->ParametersKey);
    if (status != ERROR_SUCCESS) {
        LocalFree(resource);
        return NULL;
    }
    status = SampleReadFlags(resource->ParametersKey, &resource->Flags);
    if (status != ERROR_SUCCESS) {
        ClusterRegCloseKey(resource->ParametersKey);
        LocalFree(resource);
        return NULL;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

void WINAPI SampleClose(RESID Resource)
{
    PSAMPLE_RESOURCE resource = (PSAMPLE_RESOURCE)Resource;
    ClusterRegCloseKey(resource->ParametersKey);
    LocalFree(resource);
}

DWORD WINAPI SampleOnlineV2(RESID Resource, LPHANDLE EventHandle,
                          DWORD OnlineFlags, PBYTE InBuffer,
                          DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
}

DWORD WINAPI SampleOfflineV2(RESID Resource, LPCWSTR DestinationNodeName,
                           DWORD OfflineFlags, PBYTE InBuffer,
                           DWORD InBufferSize, DWORD Reserved)
{
    return ERROR_SUCCESS;
}

void WINAPI SampleTerminate(RESID Resource) {}

BOOL WINAPI SampleIsAlive(RESID Resource)
{
    return TRUE;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_Callbacks = MonitorCallbackFunctions;
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Sample,
                                NULL, NULL, NULL, NULL, SampleIsAlive,
                                SampleIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
