/* fuzz-image-source.c: an SVG's text → the entity check, and librsvg-style
 * messages → the readable ones
 *
 * The check must finish quickly on any text (it runs before every article
 * figure is parsed) and never read outside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "mp-image-source.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  /* The check reads exactly @size bytes: no terminator is promised. */
  if (!mp_image_source_check_svg ((const char *) data, size, &error))
    g_assert_true (error != NULL && error->domain == MP_IMAGE_ERROR);
  message = mp_image_source_describe_svg_error ("f.svg", text);
  g_assert_true (g_str_has_prefix (message, "f.svg"));
  return 0;
}
