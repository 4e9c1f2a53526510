/* A source that includes a header the build does not provide. */
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>
#include "resource-private.h"

RESID WINAPI PrivateOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                           RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    return (RESID)ResourceHandle;
}
