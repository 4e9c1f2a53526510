/* A source with a syntax error: its OpenV2 cannot be checked. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

RESID WINAPI BrokenOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                          RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    return (RESID)ResourceHandle
}
