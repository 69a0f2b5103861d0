#ifndef CLAIMPACK_CLIBHEIF_SHIM_H
#define CLAIMPACK_CLIBHEIF_SHIM_H

#include <libheif/heif.h>

/* libheif is not linked: PDFRendering's HeifLibrary opens it with dlopen on first use and
   looks its functions up with dlsym. These are the pointer types of the functions it calls,
   taken from libheif's own declarations (`__typeof__` names the symbol without using it). */
typedef __typeof__(&heif_context_alloc) cp_heif_context_alloc;
typedef __typeof__(&heif_context_free) cp_heif_context_free;
typedef __typeof__(&heif_context_read_from_memory) cp_heif_context_read_from_memory;
typedef __typeof__(&heif_context_get_primary_image_handle) cp_heif_context_get_primary_image_handle;
typedef __typeof__(&heif_image_handle_release) cp_heif_image_handle_release;
typedef __typeof__(&heif_decode_image) cp_heif_decode_image;
typedef __typeof__(&heif_image_release) cp_heif_image_release;
typedef __typeof__(&heif_image_get_width) cp_heif_image_get_width;
typedef __typeof__(&heif_image_get_height) cp_heif_image_get_height;
typedef __typeof__(&heif_image_get_plane_readonly) cp_heif_image_get_plane_readonly;

#endif
