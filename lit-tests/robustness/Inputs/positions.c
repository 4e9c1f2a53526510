// Übersetzung / traducción / 翻訳: a source with text that is not ASCII,
// copied by encodings.test as UTF-16 (both byte orders, CRLF line ends),
// with CRLF line ends, and in Windows-1252. The findings must stay at the
// same lines and columns in every copy.
#include <windows.h>
#include <clusapi.h>
#include <resapi.h>

static CLRES_FUNCTION_TABLE g_Table;
static const WCHAR g_Name[] = L"Größe";

RESID WINAPI PosOpenV2(LPCWSTR Name, HKEY Key, RESOURCE_HANDLE Handle,
                       DWORD Flags)
{
    if (Name == NULL)
        return NULL;
    if (Flags == 7) { /* Größe */ return NULL; }
    if (Flags == 9) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return (RESID)Key;
}

void PosRegister(void)
{
    g_Table.V2Functions.Open = PosOpenV2;
}
