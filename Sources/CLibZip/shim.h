#ifndef CLAIMPACK_CLIBZIP_SHIM_H
#define CLAIMPACK_CLIBZIP_SHIM_H

#include <zip.h>

/* libzip's ZIP_SOURCE_SUPPORTS_* are macros and zip_source_make_command_bitmap is
   variadic: Swift imports neither, so the bitmaps claimpack needs are built here. */

/// Commands of a source that can only be read once, front to back.
static inline zip_int64_t cp_zip_source_supports_readable(void) {
    return ZIP_SOURCE_SUPPORTS_READABLE;
}

/// The bitmap of one source command.
static inline zip_int64_t cp_zip_source_command_bit(zip_source_cmd_t command) {
    return ZIP_SOURCE_MAKE_COMMAND_BITMASK(command);
}

/// Commands of a source that libzip can read anywhere in (seek, tell, read).
static inline zip_int64_t cp_zip_source_supports_seekable(void) {
    return ZIP_SOURCE_SUPPORTS_SEEKABLE;
}

/// Commands of a source that libzip can create and write an archive into.
static inline zip_int64_t cp_zip_source_supports_writable(void) {
    return ZIP_SOURCE_SUPPORTS_WRITABLE;
}

#endif
