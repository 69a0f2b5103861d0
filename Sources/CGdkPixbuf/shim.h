#ifndef CLAIMPACK_CGDKPIXBUF_SHIM_H
#define CLAIMPACK_CGDKPIXBUF_SHIM_H

#include <gdk-pixbuf/gdk-pixbuf.h>

/* g_object_unref takes a gpointer; typed wrappers for pixbufs and loaders. */
static inline void cp_pixbuf_free(GdkPixbuf *pixbuf) { g_object_unref(pixbuf); }
static inline void cp_pixbuf_loader_free(GdkPixbufLoader *loader) { g_object_unref(loader); }

#endif
