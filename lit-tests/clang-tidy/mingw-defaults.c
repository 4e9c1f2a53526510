// The module gives every compile command the Windows defaults of the CLI:
// --target=x86_64-w64-mingw32 (on hosts other than Windows), the clusapi.h
// wrapper directory and the resource directory, placed before the command's
// own arguments so that a target the command names (or that clang-tidy
// infers from a cross compiler's name in a compilation database) wins.
// REQUIRES: tidy-plugin
// RUN: %resdll-tidy --checks='-*,resdll-*,clang-diagnostic-#warnings' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,X64 --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang-tidy --load=%tidy-plugin --checks='-*,resdll-*,clang-diagnostic-#warnings' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,X64 --implicit-check-not=warning: --implicit-check-not=error:
// The flags a user passes where the defaults do not apply (a Windows host
// with the mingw-w64 headers), documented in integrations/README.md:
// RUN: %resdll-tidy --checks='-*,resdll-*,clang-diagnostic-#warnings' %s \
// RUN:   --extra-arg=--target=x86_64-w64-mingw32 --extra-arg=-isystem --extra-arg=%compat-include -- 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,X64 --implicit-check-not=warning: --implicit-check-not=error:
// The command's own target wins (Debian has the i686 mingw-w64 headers only
// in the shared directory):
// RUN: %resdll-tidy --checks='-*,resdll-*,clang-diagnostic-#warnings' %s -- --target=i686-w64-mingw32 \
// RUN:   -isystem /usr/share/mingw-w64/include 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,X86 --implicit-check-not=warning: --implicit-check-not=error:
// So does the one a compilation database implies with a cross compiler:
// RUN: rm -rf %t && mkdir -p %t
// RUN: sed -e 's|@SOURCE@|%s|g' -e 's|@DIR@|%t|g' %S/Inputs/i686-compile-commands.json > %t/compile_commands.json
// RUN: %resdll-tidy --checks='-*,resdll-*,clang-diagnostic-#warnings' -p %t %s 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,X86 --implicit-check-not=warning: --implicit-check-not=error:
// resdll-check takes the target from the cross compiler's name too.
// RUN: not %resdll-check -p %t %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// A disabled check's rule does not run, and nothing of it is shown:
// RUN: %clang-tidy --load=%tidy-plugin \
// RUN:   --checks='-*,resdll-*,-resdll-openv2-null-without-setlasterror,readability-braces-around-statements,clang-diagnostic-#warnings' \
// RUN:   %s -- 2>&1 | FileCheck %s --check-prefix=OFF --implicit-check-not=resdll-openv2 --implicit-check-not=remark:
// OFF: warning: "parsed for 64-bit Windows" [clang-diagnostic-#warnings]
// --dump-config shows the defaults.
// RUN: %resdll-tidy --dump-config %s | FileCheck %s --check-prefix=DUMP
// DUMP: ExtraArgsBefore:
// DUMP-NEXT: - '--target=x86_64-w64-mingw32'
// DUMP-NEXT: - '-isystem'
// DUMP-NEXT: - '{{.*}}share{{/|\\}}resdll-check{{/|\\}}include'
// DUMP-NEXT: - '-resource-dir={{.*}}'

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

#ifdef _WIN64
#warning "parsed for 64-bit Windows"
// X64: :[[@LINE-1]]:2: warning: "parsed for 64-bit Windows" [clang-diagnostic-#warnings]
#else
#warning "parsed for 32-bit Windows"
// X86: :[[@LINE-1]]:2: warning: "parsed for 32-bit Windows" [clang-diagnostic-#warnings]
#endif

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    HKEY parameters;
    DWORD status = ClusterRegOpenKey(ResourceKey, L"Parameters", KEY_READ, &parameters);
    if (status != ERROR_SUCCESS) {
        return NULL;
        // CHECK: :[[@LINE-1]]:9: warning: OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL') without calling SetLastError on this path [resdll-openv2-null-without-setlasterror]
    }
    return (RESID)parameters;
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
