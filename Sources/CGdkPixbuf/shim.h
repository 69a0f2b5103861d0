#ifndef CLAIMPACK_CGDKPIXBUF_SHIM_H
#define CLAIMPACK_CGDKPIXBUF_SHIM_H

#include <gdk-pixbuf/gdk-pixbuf.h>

/* gdk-pixbuf is not linked: PDFRendering's GdkPixbufLibrary opens it with dlopen on first
   use and looks its functions up with dlsym. These are the pointer types of the functions it
   calls, taken from gdk-pixbuf's own declarations (`__typeof__` names the symbol without
   using it). */
typedef __typeof__(&gdk_pixbuf_loader_new) cp_gdk_pixbuf_loader_new;
typedef __typeof__(&gdk_pixbuf_loader_write) cp_gdk_pixbuf_loader_write;
typedef __typeof__(&gdk_pixbuf_loader_close) cp_gdk_pixbuf_loader_close;
typedef __typeof__(&gdk_pixbuf_loader_get_pixbuf) cp_gdk_pixbuf_loader_get_pixbuf;
typedef __typeof__(&gdk_pixbuf_get_option) cp_gdk_pixbuf_get_option;
typedef __typeof__(&gdk_pixbuf_apply_embedded_orientation) cp_gdk_pixbuf_apply_embedded_orientation;
typedef __typeof__(&gdk_pixbuf_get_width) cp_gdk_pixbuf_get_width;
typedef __typeof__(&gdk_pixbuf_get_height) cp_gdk_pixbuf_get_height;
typedef __typeof__(&gdk_pixbuf_get_n_channels) cp_gdk_pixbuf_get_n_channels;
typedef __typeof__(&gdk_pixbuf_get_bits_per_sample) cp_gdk_pixbuf_get_bits_per_sample;
typedef __typeof__(&gdk_pixbuf_get_rowstride) cp_gdk_pixbuf_get_rowstride;
typedef __typeof__(&gdk_pixbuf_get_has_alpha) cp_gdk_pixbuf_get_has_alpha;
typedef __typeof__(&gdk_pixbuf_read_pixels) cp_gdk_pixbuf_read_pixels;

/* g_object_unref takes a gpointer; typed wrappers for pixbufs and loaders (GObject is
   linked, for Pango). */
static inline void cp_pixbuf_free(GdkPixbuf *pixbuf) { g_object_unref(pixbuf); }
static inline void cp_pixbuf_loader_free(GdkPixbufLoader *loader) { g_object_unref(loader); }

#endif
