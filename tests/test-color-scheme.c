/* test-color-scheme.c: reading the portal's colour-scheme value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "mp-color-scheme.h"

static void
test_values (void)
{
  g_autoptr(GVariant) dark = g_variant_ref_sink (g_variant_new_uint32 (1));
  g_autoptr(GVariant) light = g_variant_ref_sink (g_variant_new_uint32 (2));
  g_autoptr(GVariant) none = g_variant_ref_sink (g_variant_new_uint32 (0));
  g_autoptr(GVariant) wrong = g_variant_ref_sink (g_variant_new_string ("dark"));

  g_assert_true (mp_color_scheme_prefers_dark (dark));
  g_assert_false (mp_color_scheme_prefers_dark (light));
  g_assert_false (mp_color_scheme_prefers_dark (none));
  g_assert_false (mp_color_scheme_prefers_dark (wrong));
  g_assert_false (mp_color_scheme_prefers_dark (NULL));
}

/* Older portals answer Read () with the value boxed twice. */
static void
test_boxed (void)
{
  g_autoptr(GVariant) once = g_variant_ref_sink (g_variant_new_variant (g_variant_new_uint32 (1)));
  g_autoptr(GVariant) twice = g_variant_ref_sink (g_variant_new_variant (g_variant_new_variant (g_variant_new_uint32 (1))));
  g_autoptr(GVariant) light = g_variant_ref_sink (g_variant_new_variant (g_variant_new_uint32 (2)));

  g_assert_true (mp_color_scheme_prefers_dark (once));
  g_assert_true (mp_color_scheme_prefers_dark (twice));
  g_assert_false (mp_color_scheme_prefers_dark (light));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/color-scheme/values", test_values);
  g_test_add_func ("/color-scheme/boxed", test_boxed);

  return g_test_run ();
}
