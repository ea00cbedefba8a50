#ifndef CERTAUDIT_CMALLOC_SHIM_H
#define CERTAUDIT_CMALLOC_SHIM_H
/// glibc's allocator extensions (`malloc_trim`), which the Glibc module does not export.
#include <malloc.h>
#endif
