// Included into every source by /FIForced.h.
#define DEMO_FORCED 1
