// SARIF columns count UTF-16 code units (columnKind utf16CodeUnits); the
// text output counts bytes, as clang does. Before the return below: 'é' (2
// bytes, 1 unit), '€' (3 bytes, 1 unit) and a G clef (4 bytes, 2 units).
// RUN: cd %S && not %resdll-check %s 2>&1 | FileCheck %s --check-prefix=TEXT
// RUN: cd %S && not %resdll-check --format=sarif --source-root=%S %s -o %t.sarif
// RUN: %sarif-validate %t.sarif
// RUN: %sarif-check %t.sarif
// RUN: FileCheck %s --check-prefix=SARIF < %t.sarif
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    // TEXT: :[[@LINE+1]]:51: warning: OpenV2 entry point 'DemoOpenV2' returns NULL
    if (ResourceName == NULL) { /* é € 𝄞 */ return NULL; }
    return (RESID)LocalAlloc(LPTR, 16);
}

// The region of the result: column 46, not 51: the three characters take 9
// bytes but 4 UTF-16 units (the clef is a surrogate pair).
// SARIF:      "fullyQualifiedName": "DemoOpenV2",
// SARIF:          "region": {
// SARIF-NEXT:       "endColumn": 57,
// SARIF-NEXT:       "endLine": 19,
// SARIF-NEXT:       "snippet": {
// SARIF-NEXT:         "text": "return NULL"
// SARIF-NEXT:       },
// SARIF-NEXT:       "startColumn": 46,
// SARIF-NEXT:       "startLine": 19

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = DemoOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}
