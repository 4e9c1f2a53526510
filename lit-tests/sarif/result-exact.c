// The exact SARIF result of one finding: rule id and index, level, the
// message with the entry point linked to its registration, the primary
// location with its entry point as logical location, the related location,
// the path as a code flow ending at the finding, and the fingerprints.
// (The RUN and CHECK lines are at the end: the code's lines do not move.)
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

static CLRES_FUNCTION_TABLE g_FunctionTable;

RESID WINAPI DemoOpenV2(LPCWSTR ResourceName, HKEY ResourceKey,
                        RESOURCE_HANDLE ResourceHandle, DWORD OpenFlags)
{
    PDEMO_RESOURCE resource;

    if (ResourceName == NULL) {
        return NULL;
    }
    resource = (PDEMO_RESOURCE)LocalAlloc(LPTR, sizeof(*resource));
    if (resource == NULL) {
        return NULL;
    }
    resource->Handle = ResourceHandle;
    return (RESID)resource;
}

DWORD WINAPI StartupEx(LPCWSTR ResourceType, DWORD MinVersionSupported,
                       DWORD MaxVersionSupported,
                       PCLRES_CALLBACK_FUNCTION_TABLE MonitorCallbackFunctions,
                       PCLRES_FUNCTION_TABLE *ResourceDllInterfaceFunctions)
{
    g_FunctionTable.TableSize = CLRES_V2_FUNCTION_SIZE;
    g_FunctionTable.Version = CLRES_VERSION_V2_00;
    g_FunctionTable.V2Functions.Open = DemoOpenV2;
    *ResourceDllInterfaceFunctions = &g_FunctionTable;
    return ERROR_SUCCESS;
}

// RUN: cd %S && not %resdll-check --format=sarif --source-root=%S %s -o %t.sarif
// RUN: %sarif-validate %t.sarif
// RUN: %sarif-check %t.sarif
// RUN: FileCheck %s < %t.sarif
// The fingerprint is a contract: users keep baselines of it. A change of
// its value must be deliberate (and bump the resdllFingerprint/v1 key).
// CHECK: "results": [
// CHECK-NEXT: {
// CHECK-NEXT: "codeFlows": [
// CHECK-NEXT: {
// CHECK-NEXT: "threadFlows": [
// CHECK-NEXT: {
// CHECK-NEXT: "locations": [
// CHECK-NEXT: {
// CHECK-NEXT: "kinds": [
// CHECK-NEXT: "branch"
// CHECK-NEXT: ],
// CHECK-NEXT: "location": {
// CHECK-NEXT: "message": {
// CHECK-NEXT: "text": "'ResourceName == NULL' is true"
// CHECK-NEXT: },
// CHECK-NEXT: "physicalLocation": {
// CHECK-NEXT: "artifactLocation": {
// CHECK-NEXT: "index": 0,
// CHECK-NEXT: "uri": "result-exact.c",
// CHECK-NEXT: "uriBaseId": "%SRCROOT%"
// CHECK-NEXT: },
// CHECK-NEXT: "region": {
// CHECK-NEXT: "endColumn": 29,
// CHECK-NEXT: "endLine": 21,
// CHECK-NEXT: "snippet": {
// CHECK-NEXT: "text": "ResourceName == NULL"
// CHECK-NEXT: },
// CHECK-NEXT: "startColumn": 9,
// CHECK-NEXT: "startLine": 21
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "importance": "essential",
// CHECK-NEXT: "location": {
// CHECK-NEXT: "message": {
// CHECK-NEXT: "text": "OpenV2 entry point 'DemoOpenV2' returns NULL ('return NULL') without calling SetLastError on this path"
// CHECK-NEXT: },
// CHECK-NEXT: "physicalLocation": {
// CHECK-NEXT: "artifactLocation": {
// CHECK-NEXT: "index": 0,
// CHECK-NEXT: "uri": "result-exact.c",
// CHECK-NEXT: "uriBaseId": "%SRCROOT%"
// CHECK-NEXT: },
// CHECK-NEXT: "region": {
// CHECK-NEXT: "endColumn": 20,
// CHECK-NEXT: "endLine": 22,
// CHECK-NEXT: "snippet": {
// CHECK-NEXT: "text": "return NULL"
// CHECK-NEXT: },
// CHECK-NEXT: "startColumn": 9,
// CHECK-NEXT: "startLine": 22
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: ]
// CHECK-NEXT: }
// CHECK-NEXT: ]
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "level": "error",
// CHECK-NEXT: "locations": [
// CHECK-NEXT: {
// CHECK-NEXT: "logicalLocations": [
// CHECK-NEXT: {
// CHECK-NEXT: "fullyQualifiedName": "DemoOpenV2",
// CHECK-NEXT: "kind": "function"
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "physicalLocation": {
// CHECK-NEXT: "artifactLocation": {
// CHECK-NEXT: "index": 0,
// CHECK-NEXT: "uri": "result-exact.c",
// CHECK-NEXT: "uriBaseId": "%SRCROOT%"
// CHECK-NEXT: },
// CHECK-NEXT: "region": {
// CHECK-NEXT: "endColumn": 20,
// CHECK-NEXT: "endLine": 22,
// CHECK-NEXT: "snippet": {
// CHECK-NEXT: "text": "return NULL"
// CHECK-NEXT: },
// CHECK-NEXT: "startColumn": 9,
// CHECK-NEXT: "startLine": 22
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "message": {
// CHECK-NEXT: "text": "OpenV2 entry point '[DemoOpenV2](1)' returns NULL ('return NULL') without calling SetLastError on this path"
// CHECK-NEXT: },
// CHECK-NEXT: "partialFingerprints": {
// CHECK-NEXT: "primaryLocationLineHash": "fe955d5d2b54a5779fea23b7e8d10033",
// CHECK-NEXT: "resdllFingerprint/v1": "fe955d5d2b54a5779fea23b7e8d10033"
// CHECK-NEXT: },
// CHECK-NEXT: "relatedLocations": [
// CHECK-NEXT: {
// CHECK-NEXT: "id": 1,
// CHECK-NEXT: "message": {
// CHECK-NEXT: "text": "'DemoOpenV2' is registered as the OpenV2 entry point by the assignment to 'g_FunctionTable.V2Functions.Open'"
// CHECK-NEXT: },
// CHECK-NEXT: "physicalLocation": {
// CHECK-NEXT: "artifactLocation": {
// CHECK-NEXT: "index": 0,
// CHECK-NEXT: "uri": "result-exact.c",
// CHECK-NEXT: "uriBaseId": "%SRCROOT%"
// CHECK-NEXT: },
// CHECK-NEXT: "region": {
// CHECK-NEXT: "endColumn": 50,
// CHECK-NEXT: "endLine": 39,
// CHECK-NEXT: "snippet": {
// CHECK-NEXT: "text": "g_FunctionTable.V2Functions.Open = DemoOpenV2"
// CHECK-NEXT: },
// CHECK-NEXT: "startColumn": 5,
// CHECK-NEXT: "startLine": 39
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: ],
// CHECK-NEXT: "ruleId": "resdll-openv2-null-without-setlasterror",
// CHECK-NEXT: "ruleIndex": 0
// CHECK-NEXT: }
// CHECK-NEXT: ],
