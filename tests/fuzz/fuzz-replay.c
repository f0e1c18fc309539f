/* fuzz-replay.c: runs a fuzz target's seeds and regression inputs as GLib
 * test cases, in the ordinary build: every input that once crashed a target
 * (tests/fuzz/regressions/<target>/) stays a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include <gio/gio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
replay_one (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
}

static guint
add_folder (const char *kind,
            const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/%s/%s/%s", FUZZ_TARGET, kind, file);

      /* The path strings live as long as the process, as the test does. */
      g_test_add_data_func (test_path, g_build_filename (folder, file, NULL), replay_one);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *seeds = g_build_filename (FUZZ_DIR, "corpus", FUZZ_TARGET, NULL);
  g_autofree char *regressions = g_build_filename (FUZZ_DIR, "regressions", FUZZ_TARGET, NULL);

  g_test_init (&argc, &argv, NULL);
  if (add_folder ("seed", seeds) + add_folder ("regression", regressions) == 0)
    g_error ("no inputs for %s under %s", FUZZ_TARGET, FUZZ_DIR);
  return g_test_run ();
}
