#ifndef CERTAUDIT_CMIMALLOC_SHIM_H
#define CERTAUDIT_CMIMALLOC_SHIM_H
/// mimalloc (Debian's libmimalloc-dev), which the certaudit executable links so that it replaces
/// glibc's malloc for the whole process: see Sources/certaudit/Allocator.swift.
#include <mimalloc.h>
#endif
