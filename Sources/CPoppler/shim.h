#ifndef CLAIMPACK_CPOPPLER_SHIM_H
#define CLAIMPACK_CPOPPLER_SHIM_H

/* Not found through pkg-config (that would link poppler-glib): the path below /usr/include,
   with GLib and Cairo found through CPangoCairo's flags, which every importer has. */
#include <poppler/glib/poppler.h>

/* poppler-glib is not linked: PDFRendering's PopplerLibrary opens it with dlopen on first
   use and looks its functions up with dlsym. These are the pointer types of the functions it
   calls, taken from poppler's own declarations (`__typeof__` names the symbol without using
   it). */
typedef __typeof__(&poppler_document_new_from_bytes) cp_poppler_document_new_from_bytes;
typedef __typeof__(&poppler_document_get_n_pages) cp_poppler_document_get_n_pages;
typedef __typeof__(&poppler_document_get_page) cp_poppler_document_get_page;
typedef __typeof__(&poppler_page_get_size) cp_poppler_page_get_size;
typedef __typeof__(&poppler_page_render_for_printing) cp_poppler_page_render_for_printing;

/* g_object_unref takes a gpointer; typed wrappers for documents and pages (GObject is
   linked, for Pango). */
static inline void cp_poppler_document_free(PopplerDocument *document) { g_object_unref(document); }
static inline void cp_poppler_page_free(PopplerPage *page) { g_object_unref(page); }

/* A GError's message. GLib's headers belong to no module, so Swift attributes GError to one
   of the modules that include them (CGdkPixbuf, which PDFSourceDocument does not import). */
static inline const char *cp_poppler_error_message(const GError *error) { return error->message; }

#endif
