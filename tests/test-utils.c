/* test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mp-safe-file.h"
#include "mp-utils.h"

static void
test_slugify (void)
{
  struct { const char *in, *out; } cases[] = {
    { "Who should *not* do it?", "who-should-not-do-it" },
    { "The cost side: time & money", "the-cost-side-time--money" },
    { "Alternatives that get you 60–80% of the value", "alternatives-that-get-you-6080-of-the-value" },
    { "Ünïcode Heading_2", "ünïcode-heading_2" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = mp_utils_slugify (cases[i].in);
      g_assert_cmpstr (slug, ==, cases[i].out);
    }
}

static void
test_set_str (void)
{
  g_autofree char *s = NULL;

  g_assert_true (mp_utils_set_str (&s, "a"));
  g_assert_cmpstr (s, ==, "a");
  g_assert_false (mp_utils_set_str (&s, "a"));
  g_assert_true (mp_utils_set_str (&s, NULL));
  g_assert_null (s);
}

static void
test_openable (void)
{
  g_assert_true (mp_utils_uri_is_openable ("https://example.org/a"));
  g_assert_true (mp_utils_uri_is_openable ("HTTP://example.org"));
  g_assert_true (mp_utils_uri_is_openable ("mailto:someone@example.org"));
  g_assert_false (mp_utils_uri_is_openable ("file:///etc/passwd"));
  g_assert_false (mp_utils_uri_is_openable ("javascript:alert(1)"));
  g_assert_false (mp_utils_uri_is_openable ("#section"));
  g_assert_false (mp_utils_uri_is_openable (NULL));
  /* A mail link must not attach the user's files. */
  g_assert_true (mp_utils_uri_is_openable ("mailto:a@example.org?subject=Hi&body=x"));
  g_assert_false (mp_utils_uri_is_openable ("mailto:a@example.org?attach=/etc/passwd"));
  g_assert_false (mp_utils_uri_is_openable ("mailto:a@example.org?subject=x&Attachment=~/.ssh/id_rsa"));
  g_assert_false (mp_utils_uri_is_openable ("mailto:a@example.org?%61ttach=file:///etc/passwd"));
}

/* A link that does not open says why, naming the link (cut when long). */
static void
test_uri_refusal (void)
{
  g_autofree char *file = mp_utils_uri_refusal ("file:///etc/passwd");
  g_autofree char *mail = mp_utils_uri_refusal ("mailto:a@example.org?attach=/etc/passwd");
  g_autofree char *relative = mp_utils_uri_refusal ("other.md");
  g_autofree char *long_uri = g_strnfill (500, 'a');
  g_autofree char *long_refusal = NULL;
  g_autofree char *shown = NULL;

  g_assert_null (mp_utils_uri_refusal ("https://example.org/a"));
  g_assert_null (mp_utils_uri_refusal ("mailto:someone@example.org"));
  g_assert_cmpstr (file, ==, "“file:///etc/passwd” was not opened: only web (http, https) and "
                             "mail links open.");
  g_assert_cmpstr (mail, ==, "“mailto:a@example.org?attach=/etc/passwd” was not opened: a mail "
                             "link that attaches files could send your files.");
  g_assert_true (g_str_has_prefix (relative, "“other.md” was not opened"));
  long_refusal = mp_utils_uri_refusal (long_uri);
  shown = g_strndup (long_refusal, strstr (long_refusal, "” was not") - long_refusal);
  g_assert_cmpuint (g_utf8_strlen (shown, -1), ==, 1 + 160 + 1);
  g_assert_true (g_str_has_suffix (shown, "a…"));
}

static void
test_atomic_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mp-utils-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sub", "data.json", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  /* A document goes only where a folder is: none is made for it. */
  g_assert_false (mp_utils_write_atomically (file, "first", 5, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "data.json”: the folder does not exist"));
  g_clear_error (&error);
  {
    g_autofree char *folder = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  }
  g_assert_true (mp_utils_write_atomically (file, "first", 5, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));

  g_assert_true (mp_utils_write_atomically (file, "second", 6, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "second");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (bak, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "first");

  g_unlink (bak);
  g_unlink (path);
  g_autofree char *sub = g_path_get_dirname (path);
  g_rmdir (sub);
  g_rmdir (dir);
}

/* An export is the user's document: a new file gets what the umask
 * gives, a replaced one keeps its own permissions. */
static void
test_write_permissions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-utils-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ranking.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  mode_t old_mask = umask (022);
  GStatBuf st;

  g_assert_true (mp_utils_write_atomically (file, "a", 1, FALSE, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (mp_utils_write_atomically (file, "b", 1, FALSE, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  umask (old_mask);
  g_unlink (path);
  g_rmdir (dir);
}

/* A document written through a symbolic link (a brief, a printed article)
 * updates the link's target; the link stays and no temporary file is left
 * beside either. */
static void
test_write_through_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-utils-XXXXXX", NULL);
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *target = g_build_filename (real_dir, "brief.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *read_back = NULL;
  g_autofree char *link_text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_cmpint (symlink ("real/brief.pdf", link), ==, 0);
  g_assert_true (mp_safe_file_write_full (link, "%PDF", 4, MP_SAFE_FILE_DOCUMENT, &error));
  g_assert_no_error (error);
  link_text = g_file_read_link (link, NULL);
  g_assert_cmpstr (link_text, ==, "real/brief.pdf");
  g_assert_true (g_file_get_contents (target, &read_back, NULL, NULL));
  g_assert_cmpstr (read_back, ==, "%PDF");
  g_unlink (target);
  g_unlink (link);
  /* Both folders are empty again: no temporary file was left. */
  g_assert_cmpint (g_rmdir (real_dir), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The C locale groups no digits: amounts still read "$17,000". */
static void
test_format_grouped (void)
{
  const struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1,000" }, { 17000, "17,000" },
    { 1234567, "1,234,567" }, { -1500, "-1,500" }, { 840.4, "840" },
  };

  g_assert_nonnull (setlocale (LC_ALL, "C"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mp_utils_format_grouped (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *usd = mp_utils_format_usd (17000.4);

    g_assert_cmpstr (usd, ==, "$17,000");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/utils/slugify", test_slugify);
  g_test_add_func ("/utils/format-grouped", test_format_grouped);
  g_test_add_func ("/utils/set-str", test_set_str);
  g_test_add_func ("/utils/uri-openable", test_openable);
  g_test_add_func ("/utils/uri-refusal", test_uri_refusal);
  g_test_add_func ("/utils/atomic-write", test_atomic_write);
  g_test_add_func ("/utils/write-permissions", test_write_permissions);
  g_test_add_func ("/utils/write-through-link", test_write_through_link);

  return g_test_run ();
}
