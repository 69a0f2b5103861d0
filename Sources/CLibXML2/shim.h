#ifndef CLAIMPACK_CLIBXML2_SHIM_H
#define CLAIMPACK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers would then pull in the system ICU, which
   clashes with Foundation's own ICU module ("'UErrorCode' has different definitions").
   claimpack uses no ICU-dependent libxml2 API. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlerror.h>
#include <libxml/c14n.h>
#include <libxml/xmlreader.h>

/// `xmlFree` is a global function pointer, which Swift 6 will not call directly.
static inline void cp_xml_free(void *pointer) {
    xmlFree(pointer);
}

/// `xmlParserVersion` is a macro.
static inline const char *cp_xml_parser_version(void) {
    return xmlParserVersion;
}

#endif
