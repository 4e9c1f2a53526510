// Related locations are linked from the message as [text](id): the entry
// point's name to its registration, the SetLastError that set
// ERROR_SUCCESS, the line of the overwritten SetLastError and the call that
// may overwrite it. Square brackets of the source are escaped.
// (The RUN and CHECK lines are at the end: the code's lines do not move.)
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    HANDLE Event;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource;
    HANDLE event;

    if (OpenFlags != 0) {
        SetLastError(ERROR_SUCCESS);
        return /* [flags] */ NULL;
    }
    event = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (event == NULL) {
        return NULL;
    }
    resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        CloseHandle(event);
        return NULL;
    }
    resource->Handle = ResourceHandle;
    resource->Event = event;
    return (RESID)resource;
}
DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.V2Functions.Open = DemoOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}

// RUN: cd %S && not %resdll-check --format=sarif --source-root=%S %s -o %t.sarif
// RUN: %sarif-validate %t.sarif
// RUN: %sarif-check %t.sarif
// RUN: FileCheck %s < %t.sarif

// CHECK:      "results": [
// CHECK:          "text": "OpenV2 entry point '[DemoOpenV2](2)' returns NULL ('return /* \\[flags\\] */ NULL') after [SetLastError](1) sets the last error to ERROR_SUCCESS"
// CHECK:        "relatedLocations": [
// CHECK-NEXT:     {
// CHECK-NEXT:       "id": 1,
// CHECK-NEXT:       "message": {
// CHECK-NEXT:         "text": "the last error is set to ERROR_SUCCESS here"
// CHECK:              "startLine": 24
// CHECK:            "id": 2,
// CHECK-NEXT:       "message": {
// CHECK-NEXT:         "text": "'DemoOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'"
// CHECK:              "startLine": 46

// CHECK:          "text": "OpenV2 entry point '[DemoOpenV2](3)' returns NULL ('return NULL'), but the last error set at [line 33](1) may be overwritten by ['CloseHandle'](2) before OpenV2 returns NULL"
// CHECK:        "relatedLocations": [
// CHECK-NEXT:     {
// CHECK-NEXT:       "id": 1,
// CHECK-NEXT:       "message": {
// CHECK-NEXT:         "text": "the last error is set here"
// CHECK:              "startLine": 33
// CHECK:            "id": 2,
// CHECK-NEXT:       "message": {
// CHECK-NEXT:         "text": "'CloseHandle' may overwrite the last error here"
// CHECK:              "startLine": 34
// CHECK:            "id": 3,
// CHECK-NEXT:       "message": {
// CHECK-NEXT:         "text": "'DemoOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'"
// CHECK:        "ruleId": "resdll-openv2-null-without-setlasterror",
// CHECK-NEXT:   "ruleIndex": 0
// CHECK-NEXT: }
// CHECK-NEXT: ],
