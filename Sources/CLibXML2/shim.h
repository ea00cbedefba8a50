#ifndef CERTAUDIT_CLIBXML2_SHIM_H
#define CERTAUDIT_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, and its encoding.h then includes the system's ICU headers,
 * which clash with the ICU copy inside swift-corelibs-foundation. certaudit never touches libxml2's
 * ICU converters (they live at the end of a struct it never allocates), so the ICU part is hidden. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#endif
