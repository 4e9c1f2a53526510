/* The same header prefix as lean-a.c, and a compiler error in the body: the
 * reused parse fails, so the file is parsed again the plain way and its
 * errors are reported exactly as without header reuse. */
#define WIN32_LEAN_AND_MEAN
#define LEAN_OK ERROR_SUCCESS
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

RESID WINAPI BrokenOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                          RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    return UndeclaredHelper(ResourceName);
}
