/* A header of the DLL, found through -I with an include of the <...> form:
 * a prefix that pulls it in is not precompiled (its helper must stay
 * visible to the analysis as the DLL's own code). */
#ifndef USERDEFS_H
#define USERDEFS_H
static HANDLE UserCreateEvent(void)
{
    return CreateEventW(NULL, TRUE, FALSE, NULL);
}
#endif
