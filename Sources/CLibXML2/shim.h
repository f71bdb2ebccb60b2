#ifndef BARAZA_CLIBXML2_SHIM_H
#define BARAZA_CLIBXML2_SHIM_H

// xmlversion.h comes first so that ICU support can be switched off before any other libxml2 header
// pulls in ICU: its UErrorCode would clash with the copy Foundation brings on Linux.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlreader.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#endif
