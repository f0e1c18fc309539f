/* test-reading-positions.c: where the reader left each file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-reading-positions.h"

static void
test_update_and_lookup (void)
{
  g_autoptr(GVariant) empty = g_variant_ref_sink (mp_reading_positions_update (NULL, "file:///a.md", 0));
  g_autoptr(GVariant) one = NULL;
  g_autoptr(GVariant) two = NULL;
  g_autoptr(GVariant) moved = NULL;
  g_autoptr(GVariant) forgot = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (g_variant_n_children (empty), ==, 0);
  g_assert_cmpint (mp_reading_positions_lookup (empty, "file:///a.md"), ==, 0);
  one = g_variant_ref_sink (mp_reading_positions_update (empty, "file:///a.md", 1200));
  two = g_variant_ref_sink (mp_reading_positions_update (one, "resource:///article.md", 40));
  g_assert_cmpint (mp_reading_positions_lookup (two, "file:///a.md"), ==, 1200);
  g_assert_cmpint (mp_reading_positions_lookup (two, "resource:///article.md"), ==, 40);
  g_assert_cmpint (mp_reading_positions_lookup (two, "file:///b.md"), ==, 0);
  /* The file read last comes first, once. */
  moved = g_variant_ref_sink (mp_reading_positions_update (two, "file:///a.md", 300));
  text = g_variant_print (moved, FALSE);
  g_assert_cmpstr (text, ==, "[('file:///a.md', 300), ('resource:///article.md', 40)]");
  /* Back at the top: nothing to remember. */
  forgot = g_variant_ref_sink (mp_reading_positions_update (moved, "file:///a.md", 0));
  g_assert_cmpuint (g_variant_n_children (forgot), ==, 1);
  g_assert_cmpint (mp_reading_positions_lookup (forgot, "file:///a.md"), ==, 0);
  /* A value of another type is no positions at all. */
  {
    g_autoptr(GVariant) other = g_variant_ref_sink (g_variant_new_string ("x"));
    g_assert_cmpint (mp_reading_positions_lookup (other, "x"), ==, 0);
  }
}

static void
test_limit (void)
{
  g_autoptr(GVariant) positions = g_variant_ref_sink (mp_reading_positions_update (NULL, "file:///0.md", 1));

  for (guint i = 1; i <= MP_READING_POSITIONS_MAX + 10; i++)
    {
      g_autofree char *uri = g_strdup_printf ("file:///%u.md", i);
      GVariant *next = g_variant_ref_sink (mp_reading_positions_update (positions, uri, i + 1));

      g_variant_unref (positions);
      positions = next;
    }
  g_assert_cmpuint (g_variant_n_children (positions), ==, MP_READING_POSITIONS_MAX);
  g_assert_cmpint (mp_reading_positions_lookup (positions, "file:///110.md"), ==, 111);
  g_assert_cmpint (mp_reading_positions_lookup (positions, "file:///10.md"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reading-positions/update-and-lookup", test_update_and_lookup);
  g_test_add_func ("/reading-positions/limit", test_limit);
  return g_test_run ();
}
