#ifndef CLAIMPACK_CPANGOCAIRO_SHIM_H
#define CLAIMPACK_CPANGOCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/* PANGO_SCALE is a macro. */
static inline int cp_pango_scale(void) { return PANGO_SCALE; }

/* g_object_unref takes a gpointer; a typed wrapper for layouts. */
static inline void cp_layout_free(PangoLayout *layout) { g_object_unref(layout); }

#endif
