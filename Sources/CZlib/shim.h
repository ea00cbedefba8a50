#ifndef CERTAUDIT_CZLIB_SHIM_H
#define CERTAUDIT_CZLIB_SHIM_H
#include <zlib.h>
#endif
