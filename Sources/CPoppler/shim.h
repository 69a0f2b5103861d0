#ifndef CLAIMPACK_CPOPPLER_SHIM_H
#define CLAIMPACK_CPOPPLER_SHIM_H

#include <poppler.h>

/* g_object_unref takes a gpointer; typed wrappers for documents and pages. */
static inline void cp_poppler_document_free(PopplerDocument *document) { g_object_unref(document); }
static inline void cp_poppler_page_free(PopplerPage *page) { g_object_unref(page); }

#endif
