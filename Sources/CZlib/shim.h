#ifndef CLAIMPACK_CZLIB_SHIM_H
#define CLAIMPACK_CZLIB_SHIM_H

#include <zlib.h>

/* deflateInit2 is a macro that passes ZLIB_VERSION and the stream size: Swift imports
   neither. Raw deflate (no zlib header), as inside a ZIP entry, with libzip's memory level. */
static inline int cp_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
}

/* ZLIB_VERSION as a C string constant Swift can pass. */
static const char *const ZLIB_VERSION_STRING = ZLIB_VERSION;

#endif
