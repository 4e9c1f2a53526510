/* resdll-check: compatibility wrapper for the mingw-w64 clusapi.h.
 *
 * At _WIN32_WINNT >= 0x0600 the mingw-w64 clusapi.h defines the enum
 * CLUSTER_RESOURCE_STATE twice, and resapi.h needs PCLUSPROP_FILETIME, which
 * that clusapi.h declares only in its Vista+ block. This wrapper (found
 * first through -isystem) includes the real clusapi.h with _WIN32_WINNT
 * lowered to 0x0502 for the duration of that one header, then declares
 * CLUSPROP_FILETIME with the layout of the Windows SDK. The rest of the
 * Windows API keeps the project's own _WIN32_WINNT.
 *
 * With any other headers (the Windows SDK: no __MINGW64_VERSION_MAJOR after
 * windows.h) it only forwards to the real clusapi.h, so the clang-tidy
 * module can put this directory on every compile command.
 */
#ifndef RESDLL_CHECK_CLUSAPI_WRAPPER_H
#define RESDLL_CHECK_CLUSAPI_WRAPPER_H
#include <windows.h>
#if defined(__MINGW64_VERSION_MAJOR)
#pragma push_macro("_WIN32_WINNT")
#undef _WIN32_WINNT
#define _WIN32_WINNT 0x0502
#include_next <clusapi.h>
#pragma pop_macro("_WIN32_WINNT")
#if !defined(_WIN32_WINNT) || _WIN32_WINNT >= 0x0600
typedef struct _CLUSPROP_FILETIME {
  CLUSPROP_SYNTAX Syntax;
  DWORD cbLength;
  FILETIME ft;
} CLUSPROP_FILETIME, *PCLUSPROP_FILETIME;
#endif
#else
#include_next <clusapi.h>
#endif
#endif
