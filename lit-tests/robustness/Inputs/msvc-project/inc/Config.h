// A project header found through /I..\inc.
#define DEMO_FAIL_CODE ERROR_INVALID_PARAMETER
