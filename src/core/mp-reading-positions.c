/* mp-reading-positions.c: where the reader left each file (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-reading-positions.h"

static gboolean
is_positions (GVariant *positions)
{
  return positions != NULL &&
         g_variant_is_of_type (positions, G_VARIANT_TYPE (MP_READING_POSITIONS_TYPE));
}

int
mp_reading_positions_lookup (GVariant   *positions,
                             const char *uri)
{
  GVariantIter iter;
  const char *key;
  int offset;

  g_return_val_if_fail (uri != NULL, 0);

  if (!is_positions (positions))
    return 0;
  g_variant_iter_init (&iter, positions);
  while (g_variant_iter_next (&iter, "(&si)", &key, &offset))
    if (g_str_equal (key, uri))
      return MAX (offset, 0);
  return 0;
}

GVariant *
mp_reading_positions_update (GVariant   *positions,
                             const char *uri,
                             int         offset)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  int value;
  guint n = 0;

  g_return_val_if_fail (uri != NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE (MP_READING_POSITIONS_TYPE));
  if (offset > 0)
    {
      g_variant_builder_add (&builder, "(si)", uri, offset);
      n++;
    }
  if (is_positions (positions))
    {
      g_variant_iter_init (&iter, positions);
      while (n < MP_READING_POSITIONS_MAX && g_variant_iter_next (&iter, "(&si)", &key, &value))
        if (!g_str_equal (key, uri))
          {
            g_variant_builder_add (&builder, "(si)", key, value);
            n++;
          }
    }
  return g_variant_builder_end (&builder);
}
