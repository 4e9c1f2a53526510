/* A header of the DLL itself. */
#ifndef LOCAL_H
#define LOCAL_H
#define LOCAL_NO_RESOURCE NULL
#endif
