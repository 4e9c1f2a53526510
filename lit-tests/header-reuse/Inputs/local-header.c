/* The prefix stops at the first include that is not of the <...> form: this
 * file's prefix is windows.h alone, which no other file of the run has, so
 * it is parsed the plain way. */
#include <windows.h>
#include "include/local.h"
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI LocalOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                         RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    if (ResourceName == NULL) {
        return LOCAL_NO_RESOURCE;
    }
    return (RESID)LocalAlloc(LPTR, 16);
}

void WINAPI LocalClose(RESID Resource) { LocalFree(Resource); }
DWORD WINAPI LocalOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                           PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
DWORD WINAPI LocalOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                            PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI LocalTerminate(RESID Resource) {}
BOOL WINAPI LocalIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Local,
                                NULL, NULL, NULL, NULL, LocalIsAlive, LocalIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
