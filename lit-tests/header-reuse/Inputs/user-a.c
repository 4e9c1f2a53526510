/* A prefix with a header of the DLL (found through -I): shared with the
 * other user-*.c file, but not precompiled. */
#include <windows.h>
#include <userdefs.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI UseraOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                            RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    HANDLE event = UserCreateEvent();
    if (event == NULL) {
        return NULL;
    }
    if (OpenFlags != 0) {
        CloseHandle(event);
        return NULL;
    }
    return (RESID)event;
}

void WINAPI UseraClose(RESID Resource) { CloseHandle(Resource); }
DWORD WINAPI UseraOnlineV2(RESID Resource, LPHANDLE EventHandle, DWORD OnlineFlags,
                              PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
DWORD WINAPI UseraOfflineV2(RESID Resource, LPCWSTR DestinationNodeName, DWORD OfflineFlags,
                               PBYTE InBuffer, DWORD InBufferSize, DWORD Reserved) { return ERROR_SUCCESS; }
void WINAPI UseraTerminate(RESID Resource) {}
BOOL WINAPI UseraIsAlive(RESID Resource) { return TRUE; }

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Usera,
                                NULL, NULL, NULL, NULL, UseraIsAlive, UseraIsAlive, NULL);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
