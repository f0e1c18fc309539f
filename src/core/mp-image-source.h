/* mp-image-source.h: which article images may be opened, and which are
 * small enough to decode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MP_IMAGE_ERROR (mp_image_error_quark ())

typedef enum {
  MP_IMAGE_ERROR_TOO_LARGE,
  MP_IMAGE_ERROR_TOO_COMPLEX,
  MP_IMAGE_ERROR_INVALID,
} MpImageError;

/* Decoded, an image takes 4 bytes a pixel: 32 megapixels is 128 MiB. */
#define MP_IMAGE_MAX_PIXELS (32 * 1024 * 1024)
#define MP_IMAGE_MAX_SIDE 16384
/* An SVG is parsed whole in memory; entities may not grow it past this. */
#define MP_IMAGE_MAX_SVG_BYTES (8 * 1024 * 1024)

GQuark    mp_image_error_quark       (void);
GFile    *mp_image_source_resolve    (const char  *src,
                                      GFile       *base_dir,
                                      GError     **error);
gboolean  mp_image_source_check_size (int          width,
                                      int          height,
                                      GError     **error);
gboolean  mp_image_source_check_svg  (const char  *text,
                                      gsize        length,
                                      GError     **error);
char     *mp_image_source_describe_svg_error (const char *name,
                                              const char *message);

G_END_DECLS
