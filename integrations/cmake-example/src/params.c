/* params.c - the demo resource's private properties. */
#include "demo.h"

DWORD DemoReadParameters(PDEMO_RESOURCE Resource)
{
    return ResUtilGetDwordValue(Resource->ParametersKey, L"PollIntervalMs",
                                &Resource->PollIntervalMs, 5000);
}
