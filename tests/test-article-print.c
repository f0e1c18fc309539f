/* test-article-print.c: the article's printed pages, read back from the PDF
 * with pdftotext page by page; and Print Article in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <unistd.h>

#include "mp-application.h"
#include "mp-article-printing.h"
#include "mp-test-utils.h"
#include "mp-window.h"

/* Headings "Section N", paragraphs of numbered words, a table of tall rows
 * whose cells are numbered alike, and a code block of numbered lines. */
static char *
long_article (guint n_sections)
{
  GString *text = g_string_new ("# Printed\n\n");
  guint word = 0;

  for (guint s = 0; s < n_sections; s++)
    {
      g_string_append_printf (text, "## Section %u\n\n", s);
      for (guint p = 0; p < 3; p++, g_string_append (text, "\n\n"))
        for (guint w = 0; w < 60 + 25 * (s % 3); w++)
          g_string_append_printf (text, "w%05u ", word++);
      g_string_append (text, "| Left | Right |\n| --- | --- |\n");
      for (guint r = 0; r < 4; r++)
        g_string_append_printf (text, "| r%u.%ua one<br>two<br>three | r%u.%ub |\n", s, r, s, r);
      g_string_append (text, "\n```\n");
      for (guint l = 0; l < 12; l++)
        g_string_append_printf (text, "c%u.%u = value (%u)\n", s, l, l);
      g_string_append (text, "```\n\n");
    }
  return g_string_free (text, FALSE);
}

static char *
write_pdf (const char *markdown,
           guint      *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = mp_document_new_from_data (markdown, -1, NULL, &error);
  g_autoptr(MpArticlePrint) print = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "mp-article-print-XXXXXX.pdf", NULL);
  int fd = g_mkstemp (path);

  g_assert_no_error (error);
  close (fd);
  print = mp_article_printing_new (document);
  g_assert_true (mp_article_print_write_pdf (print, MP_BRIEF_PAPER_A4, path, &error));
  g_assert_no_error (error);
  *n_pages = mp_article_print_get_n_pages (print);
  return path;
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return mp_test_pdftotext (path, (const char *[]) { "-layout", "-f", number, "-l", number, NULL });
}

static void
count_tokens (GHashTable *seen,
              const char *text,
              guint       page)
{
  g_auto(GStrv) tokens = g_regex_split_simple ("\\s+", text, 0, 0);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_regex_match_simple ("^(w\\d{5}|r\\d+\\.\\d+[ab]|c\\d+\\.\\d+)$", tokens[i], 0, 0))
      {
        g_assert_false (g_hash_table_contains (seen, tokens[i]));
        g_hash_table_insert (seen, g_strdup (tokens[i]), GUINT_TO_POINTER (page));
      }
}

/* The last line of text above the footer. */
static char *
last_body_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  int n = g_strv_length (lines);
  gboolean footer = FALSE;

  for (int i = n - 1; i >= 0; i--)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (!footer)
        {
          footer = TRUE;
          continue;
        }
      return g_strdup (lines[i]);
    }
  return g_strdup ("");
}

static void
test_pages_whole (void)
{
  g_autofree char *markdown = long_article (14);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_pages, expected = 0;
  g_autofree char *path = write_pdf (markdown, &n_pages);

  g_assert_cmpuint (n_pages, >=, 8);
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = page_text (path, p);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p, n_pages);
      g_autofree char *last = last_body_line (text);

      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, "Printed"));
      /* A heading never ends a page. */
      g_assert_false (g_str_has_prefix (last, "Section "));
      count_tokens (seen, text, p);
    }
  /* Every word, cell and code line once: nothing lost, nothing cut. */
  for (guint s = 0; s < 14; s++)
    expected += 3 * (60 + 25 * (s % 3)) + 8 + 12;
  g_assert_cmpuint (g_hash_table_size (seen), ==, expected);
  for (guint s = 0; s < 14; s++)
    for (guint r = 0; r < 4; r++)
      {
        g_autofree char *a = g_strdup_printf ("r%u.%ua", s, r);
        g_autofree char *b = g_strdup_printf ("r%u.%ub", s, r);

        /* A row's cells share a page. */
        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (seen, a)), ==,
                          GPOINTER_TO_UINT (g_hash_table_lookup (seen, b)));
      }
  g_unlink (path);
}

static void
test_pages_grow (void)
{
  g_autofree char *small = long_article (2);
  g_autofree char *large = long_article (12);
  guint n_small, n_large;
  g_autofree char *a = write_pdf (small, &n_small);
  g_autofree char *b = write_pdf (large, &n_large);

  g_assert_cmpuint (n_small, >=, 1);
  g_assert_cmpuint (n_large, >, n_small * 4);
  g_unlink (a);
  g_unlink (b);
}

/* A code line longer than the column wraps with no character added. */
static void
test_code_kept (void)
{
  g_autofree char *line = g_strnfill (300, 'x');
  g_autofree char *markdown = g_strdup_printf ("# Code\n\n```\nfirst\n\n%s\nlast\n```\n", line);
  guint n_pages;
  g_autofree char *path = write_pdf (markdown, &n_pages);
  g_autofree char *text = page_text (path, 1);
  g_autoptr(GString) xs = g_string_new (NULL);

  g_assert_cmpuint (n_pages, ==, 1);
  for (const char *p = text; *p != '\0'; p++)
    if (*p == 'x' || *p == '-')
      g_string_append_c (xs, *p);
  g_assert_cmpstr (xs->str, ==, line);
  g_assert_nonnull (strstr (text, "first"));
  g_assert_nonnull (strstr (text, "last"));
  g_unlink (path);
}

static void
test_window_action (void)
{
  g_autoptr(MpApplication) app = mp_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "mp-print-op.pdf", NULL);
  g_autofree char *text = NULL;
  MpWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print-article");
  g_assert_cmpstr (accels[0], ==, "<Control>p");
  g_strfreev (accels);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print-brief");
  g_assert_cmpstr (accels[0], ==, "<Shift><Control>p");
  window = g_object_new (MP_TYPE_WINDOW, NULL);
  mp_window_open_bundled (window);
  /* begin-print and draw-page through GtkPrintOperation, exported. */
  g_assert_cmpint (mp_article_printing_run (GTK_WINDOW (window), mp_window_get_document (window),
                                            path, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  text = page_text (path, 1);
  g_assert_nonnull (strstr (text, "Page 1 of 8"));
  g_assert_nonnull (strstr (text, "Worth It?"));
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/article-print/pages-whole", test_pages_whole);
  g_test_add_func ("/article-print/pages-grow", test_pages_grow);
  g_test_add_func ("/article-print/code-kept", test_code_kept);
  g_test_add_func ("/article-print/window", test_window_action);
  return g_test_run ();
}
