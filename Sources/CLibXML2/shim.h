#ifndef CERTAUDIT_CLIBXML2_SHIM_H
#define CERTAUDIT_CLIBXML2_SHIM_H
/* libxml2's headers pull in the system ICU when LIBXML_ICU_ENABLED, which clashes with
   Foundation's own ICU module in any Swift module that imports both. Nothing here uses the ICU
   converter fields, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xmlreader.h>
#endif
