/* A system header (found through -isystem) of the cached prefix: the test
 * copies it and changes its time stamp to make the cache entry stale. */
#ifndef CACHEDEFS_H
#define CACHEDEFS_H
#define CACHE_DEFAULT_FLAGS 0
#endif
