// A C++ resource DLL: its header prefix includes the C++ library, shared
// with raii-b.cpp.
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

extern "C" RESID WINAPI RaiiOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
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

extern "C" void WINAPI RaiiClose(RESID Resource_) { delete static_cast<Resource *>(Resource_); }
extern "C" DWORD WINAPI RaiiOnlineV2(RESID, LPHANDLE, DWORD, PBYTE, DWORD, DWORD) { return ERROR_SUCCESS; }
extern "C" DWORD WINAPI RaiiOfflineV2(RESID, LPCWSTR, DWORD, PBYTE, DWORD, DWORD) { return ERROR_SUCCESS; }
extern "C" void WINAPI RaiiTerminate(RESID) {}
extern "C" BOOL WINAPI RaiiIsAlive(RESID) { return TRUE; }

extern "C" DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                                  DWORD MaxVersionSupported,
                                  PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                                  PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    CLRES_V2_FUNCTION_TABLE_SET(g_FunctionTable, CLRES_VERSION_V2_00, Raii,
                                nullptr, nullptr, nullptr, nullptr, RaiiIsAlive,
                                RaiiIsAlive, nullptr);
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
