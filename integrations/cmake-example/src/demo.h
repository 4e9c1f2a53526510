/* demo.h - the demo resource's state, shared by its two source files. */
#ifndef DEMO_H
#define DEMO_H
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

typedef struct DEMO_RESOURCE {
    RESOURCE_HANDLE Handle;
    HKEY ParametersKey;
    DWORD PollIntervalMs;
    BOOL Online;
} DEMO_RESOURCE, *PDEMO_RESOURCE;

/* Reads the resource's private properties; returns a Win32 error code. */
DWORD DemoReadParameters(PDEMO_RESOURCE Resource);

#endif
