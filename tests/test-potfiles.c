/* test-potfiles.c: every source file with translatable strings is listed in
 * po/POTFILES.in, every listed file exists, and the Spanish speaks formally
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

static GHashTable *
read_potfiles (const char *root)
{
  g_autofree char *path = g_build_filename (root, "po", "POTFILES.in", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#')
        g_hash_table_add (listed, g_strdup (line));
    }
  return listed;
}

static gboolean
has_translatable_strings (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  if (g_str_has_suffix (path, ".ui"))
    return strstr (contents, "translatable=\"yes\"") != NULL;
  return strstr (contents, "_(\"") != NULL || strstr (contents, "N_(\"") != NULL ||
         strstr (contents, "ngettext (") != NULL || strstr (contents, "C_(\"") != NULL;
}

static void
check_folder (const char *root,
              const char *folder,
              GHashTable *listed,
              GString    *missing)
{
  g_autofree char *dir_path = g_build_filename (root, folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *relative = g_build_path ("/", folder, name, NULL);
      g_autofree char *path = g_build_filename (root, relative, NULL);

      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".ui"))
        continue;
      if (has_translatable_strings (path) && !g_hash_table_contains (listed, relative))
        g_string_append_printf (missing, " %s", relative);
    }
}

static void
test_complete (void)
{
  const char *root = g_getenv ("MP_SOURCE_ROOT");
  g_autoptr(GHashTable) listed = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);

  g_assert_nonnull (root);
  listed = read_potfiles (root);
  check_folder (root, "src", listed, missing);
  check_folder (root, "src/core", listed, missing);
  check_folder (root, "ui", listed, missing);
  if (missing->len > 0)
    g_test_fail_printf ("not in po/POTFILES.in:%s", missing->str);
}

static void
test_listed_files_exist (void)
{
  const char *root = g_getenv ("MP_SOURCE_ROOT");
  g_autoptr(GHashTable) listed = read_potfiles (root);
  GHashTableIter iter;
  const char *relative;

  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &relative, NULL))
    {
      g_autofree char *path = g_build_filename (root, relative, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_test_fail_printf ("po/POTFILES.in lists %s, which does not exist", relative);
    }
}

/* The Spanish addresses the user as "usted": none of these "tú" forms may
 * appear in a translation. */
static void
test_spanish_formal (void)
{
  const char *root = g_getenv ("MP_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root, "po", "es.po", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) informal = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gboolean in_msgstr = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  informal = g_regex_new ("\\b(tu|tus|puedes|elegiste|eliges|quieres|tienes|eres|estás|"
                          "elige|pulsa|di por qué)\\b",
                          G_REGEX_CASELESS, 0, NULL);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "msgstr"))
        in_msgstr = TRUE;
      else if (!g_str_has_prefix (lines[i], "\""))
        in_msgstr = FALSE;
      if (in_msgstr && g_regex_match (informal, lines[i], 0, NULL))
        g_string_append_printf (found, "\n  po/es.po:%u: %s", i + 1, lines[i]);
    }
  if (found->len > 0)
    g_test_fail_printf ("informal Spanish:%s", found->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/potfiles/complete", test_complete);
  g_test_add_func ("/potfiles/listed-files-exist", test_listed_files_exist);
  g_test_add_func ("/potfiles/spanish-formal", test_spanish_formal);

  return g_test_run ();
}
