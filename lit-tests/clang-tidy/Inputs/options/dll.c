/* A resource DLL whose findings depend on the options of
 * resdll-openv2-null-without-setlasterror and on the project's API model. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE File;
    PVOID Block;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

/* The project's own functions, defined in another file of the DLL. */
void DemoTrace(LPCWSTR Message);
PVOID DemoAllocBlock(SIZE_T Size); /* sets the last error when it fails */

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource;
    HANDLE file;
    PVOID block;

    if (OpenFlags & ~CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE) {
        SetLastError(ERROR_INVALID_PARAMETER);
        DemoTrace(L"unknown open flags");
        return NULL; /* UnknownCallsClobber: DemoTrace may overwrite it */
    }
    file = CreateFileW(ResourceName, GENERIC_READ, FILE_SHARE_READ, NULL,
                       OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        return NULL; /* Strict: CreateFileW's failure does not count */
    }
    block = DemoAllocBlock(4096);
    if (block == NULL) {
        return NULL; /* reported unless the API model knows DemoAllocBlock */
    }
    resource = (PDEMO_RESOURCE)block;
    resource->Handle = ResourceHandle;
    resource->File = file;
    resource->Block = block;
    return (RESID)resource;
}

void WINAPI DemoClose(RESID Resource) {}
DWORD WINAPI DemoOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                          PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
DWORD WINAPI DemoOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI DemoTerminate(RESID Resource) {}
BOOL WINAPI DemoIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Demo,
                                NULL, NULL, NULL, NULL, DemoIsAlive, DemoIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
