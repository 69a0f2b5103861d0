#ifndef CLAIMPACK_CLIBHEIF_SHIM_H
#define CLAIMPACK_CLIBHEIF_SHIM_H

#include <libheif/heif.h>

#endif
