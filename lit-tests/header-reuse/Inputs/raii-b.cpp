// The same header prefix as raii-a.cpp, in another DLL of the project.
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include <memory>
#include <mutex>

namespace {
struct Resource {
    RESOURCE_HANDLE Handle = nullptr;
    std::mutex Lock;
};
CLRES_FUNCTION_TABLE g_FunctionTable;
} // namespace

extern "C" RESID WINAPI GuardOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                                   RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    std::unique_ptr<Resource> resource(new (std::nothrow) Resource);
    if (!resource) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    if (OpenFlags & ~CLUS_RESDLL_OPEN_RECOVER_MONITOR_STATE) {
        return nullptr;
    }
    std::lock_guard<std::mutex> guard(resource->Lock);
    resource->Handle = ResourceHandle;
    return resource.release();
}

extern "C" void WINAPI GuardClose(RESID Resource_) { delete static_cast<Resource *>(Resource_); }
extern "C" DWORD WINAPI GuardOnlineV2(RESID, LPHANDLE, DWORD, PBYTE, DWORD, DWORD) { return ERROR_SUCCESS; }
extern "C" DWORD WINAPI GuardOfflineV2(RESID, LPCWSTR, DWORD, PBYTE, DWORD, DWORD) { return ERROR_SUCCESS; }
extern "C" void WINAPI GuardTerminate(RESID) {}
extern "C" BOOL WINAPI GuardIsAlive(RESID) { return TRUE; }

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Guard,
                                nullptr, nullptr, nullptr, nullptr, GuardIsAlive,
                                GuardIsAlive, nullptr);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
