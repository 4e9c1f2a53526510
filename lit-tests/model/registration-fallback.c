// The signature fallback in the model: with no Open or OpenV2 registered
// in the file, externally visible definitions of the exact OpenV2 or V1
// Open signature whose names end in "OpenV2" or "Open" become entry points
// of the signature-fallback form. Other registrations (here a Close) do not
// prevent it; other names, other signatures and static functions are left
// out, and so is a V1 Open signature under an OpenV2 name.
// RUN: %resdll-check --debug-dump-model --checks=-* %s 2>&1 | FileCheck %s '--implicit-check-not=: registration' '--implicit-check-not=: entry-point'

#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

// CHECK: {{.*}}: model: 3 entry points, 3 registrations, 0 callback calls, 0 worker starts
// CHECK-NEXT: :[[@LINE+2]]:14: entry-point OpenV2 'FbOpenV2'
// CHECK-NEXT: :[[@LINE+1]]:14: registration of 'FbOpenV2' as OpenV2: signature-fallback
RESID WINAPI FbOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
// CHECK-NEXT: :[[@LINE+2]]:14: entry-point Open 'FbOpen'
// CHECK-NEXT: :[[@LINE+1]]:14: registration of 'FbOpen' as Open: signature-fallback
RESID WINAPI FbOpen(LPCWSTR n, HKEY k, RESOURCE_HANDLE h) { return h; }
RESID WINAPI FbAttach(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
RESID WINAPI FbReopen(LPCWSTR n, DWORD f) { return NULL; }
static RESID WINAPI FbStaticOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h, DWORD f) { return h; }
RESID WINAPI FbV1NamedOpenV2(LPCWSTR n, HKEY k, RESOURCE_HANDLE h) { return h; }
// CHECK-NEXT: :[[@LINE+1]]:13: entry-point Close 'FbClose'
void WINAPI FbClose(RESID r) {}

// CHECK-NEXT: :[[@LINE+1]]:26: registration of 'FbClose' as Close: conversion (g_Close)
PCLOSE_ROUTINE g_Close = FbClose;
// CHECK-NEXT: 0 findings in 1 file
