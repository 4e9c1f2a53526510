// Included as "..\Inc\Util.h": another case, and backslashes.
#define UTIL_FAIL_CODE ERROR_INVALID_DATA
