/* test-hostile-markdown.c: Markdown files that once froze the reader, in
 * the real window
 *
 * Each kind tests/bench/make-hostile-md writes is opened at its full size
 * while a 10 ms timeout measures the gaps between its runs: the window must
 * never stop for 2 s, and the document must really be there (its headings,
 * the banner that says what is shown simplified). The 200 000 headings are
 * then searched and listed in the outline, also without a freeze.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "mp-article-view.h"
#include "mp-find-model.h"
#include "mp-test-utils.h"
#include "mp-window.h"

#define MAX_PAUSE_US (2 * G_USEC_PER_SEC)
/* AddressSanitizer makes the reader's work on the main thread about seven
 * times slower (200 000 headings: 2.4 s instead of 0.33 s): its files are
 * a quarter as large, still over 1 MiB. */
#if defined(__SANITIZE_ADDRESS__)
#define SCALE 4
#else
#define SCALE 1
#endif
#define HOSTILE_BYTES (10 * 1024 * 1024 / SCALE)
#define N_HEADINGS    (200000 / SCALE)

typedef struct {
  MpWindow   *window;
  MpDocument *before;
  guint       frames;
} Opening;

static gboolean
document_shown (gpointer data)
{
  Opening *opening = data;

  return !mp_window_is_loading (opening->window) &&
         mp_window_get_document (opening->window) != opening->before;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

static gboolean
frames_painted (gpointer data)
{
  return *(guint *) data >= 3;
}

static char *
write_file (const char *dir,
            const char *name,
            GString    *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Opens @path, waits until its document is shown and three frames are
 * painted after it; returns the longest gap of the main loop. */
static double
open_and_measure (MpWindow   *window,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Opening opening = { window, mp_window_get_document (window), 0 };
  MpTestPauseProbe probe;
  gulong id;
  double longest;

  mp_test_pause_probe_start (&probe);
  g_assert_true (mp_window_open_file (window, file));
  g_assert_true (mp_test_wait_until (document_shown, &opening, 60000));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &opening.frames);
  g_assert_true (mp_test_wait_until (frames_painted, &opening.frames, 20000));
  g_signal_handler_disconnect (clock, id);
  longest = mp_test_pause_probe_stop (&probe);
  g_test_message ("%s: longest pause of the main loop %.0f ms", path, longest);
  return longest;
}

static GString *
repeat (const char *head,
        const char *piece,
        guint       n,
        const char *middle,
        const char *tail)
{
  GString *text = g_string_new (head);

  for (guint i = 0; i < n; i++)
    g_string_append (text, piece);
  g_string_append (text, middle);
  for (guint i = 0; tail != NULL && i < n; i++)
    g_string_append (text, tail);
  g_string_append_c (text, '\n');
  return text;
}

static GString *
hostile_text (const char *kind)
{
  static const char *words = "lorem ipsum dolor sit amet consectetur ";
  GString *text;

  if (g_str_equal (kind, "emphasis"))
    return repeat ("# Emphasis\n\n", "*a ", 50000, "x", " b*");
  if (g_str_equal (kind, "links"))
    return repeat ("# Links\n\n", "[", 50000, "x", "](http://example.org)");
  if (g_str_equal (kind, "headings"))
    {
      text = g_string_new (NULL);
      for (guint i = 0; i < N_HEADINGS; i++)
        g_string_append_printf (text, "## Heading %u\n\nText.\n\n", i);
      return text;
    }
  text = g_string_new (g_str_equal (kind, "heading") ? "# " : "");
  while (text->len < HOSTILE_BYTES)
    g_string_append (text, g_str_equal (kind, "word") ? "abcdefghij" : words);
  g_string_append_c (text, '\n');
  return text;
}

/* A kind's file: its name, how many headings it has, and what the
 * banner must say about it (or NULL). */
typedef struct {
  const char *kind;
  guint       n_headings;
  const char *banner;
} Hostile;

static const Hostile hostile[] = {
  { "emphasis", 1, "emphasis.md:3:2: this paragraph runs " },
  { "links", 1, "links.md:3:1: this paragraph has " },
  { "headings", N_HEADINGS, NULL },
  { "line", 0, "line.md:1:1: this paragraph runs " },
  { "word", 0, "word.md:1:1: this paragraph runs " },
  { "heading", 1, "heading.md:1:3: this heading is " },
};

/* Never a frozen window; AddressSanitizer's slow unwinding is said, not failed. */
static void
assert_no_freeze (double      longest_ms,
                  const char *what)
{
  if (mp_test_malloc_unwinds_slowly () && longest_ms * 1000 >= MAX_PAUSE_US)
    {
      g_autofree char *message = g_strdup_printf ("%s: the main loop paused for %.0f ms with "
                                                  "AddressSanitizer's slow unwinding on every "
                                                  "allocation (fast_unwind_on_malloc=0)",
                                                  what, longest_ms);
      g_test_incomplete (message);
      return;
    }
  g_assert_cmpfloat (longest_ms * 1000, <, MAX_PAUSE_US);
}

static void
test_open (gconstpointer data)
{
  const Hostile *h = data;
  g_autofree char *dir = g_dir_make_tmp ("mp-hostile-md-XXXXXX", NULL);
  g_autofree char *name = g_strdup_printf ("%s.md", h->kind);
  g_autoptr(GString) text = hostile_text (h->kind);
  g_autofree char *path = write_file (dir, name, text);
  MpWindow *window = mp_test_new_window_painted ();
  MpDocument *document;
  const char *banner;
  double longest;

  longest = open_and_measure (window, path);
  document = mp_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_true (g_str_has_suffix (mp_document_get_display_name (document), name));
  g_assert_cmpuint (mp_document_get_n_headings (document), ==, h->n_headings);
  banner = mp_window_get_banner_message (window);
  if (h->banner == NULL)
    g_assert_null (banner);
  else
    {
      g_assert_nonnull (banner);
      g_assert_true (g_str_has_prefix (banner, "Parts of this file are shown simplified."));
      g_assert_nonnull (strstr (banner, h->banner));
    }
  if (g_str_equal (h->kind, "heading"))
    {
      /* The title is the heading's first 200 characters. */
      g_assert_cmpuint (g_utf8_strlen (mp_document_get_title (document), -1), <=, 201);
      g_assert_cmpuint (g_utf8_strlen (mp_document_get_title (document), -1), >, 190);
      g_assert_true (g_str_has_suffix (mp_document_get_title (document), "…"));
    }
  assert_no_freeze (longest, h->kind);

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct {
  MpArticleView *view;
  guint          n;
} Matches;

static gboolean
matches_found (gpointer data)
{
  Matches *matches = data;

  return mp_article_view_get_n_matches (matches->view) == matches->n;
}

static gboolean
popover_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
search (MpArticleView *view,
        const char    *query,
        guint          n)
{
  Matches matches = { view, n };

  gtk_editable_set_text (mp_article_view_get_search_entry (view), query);
  if (!mp_test_wait_until (matches_found, &matches, 20000))
    g_error ("“%s”: %u matches, not %u", query, mp_article_view_get_n_matches (view), n);
}

/* The number a text starts with, thousands separators skipped. */
static guint
count_digits (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0' && *p != ' '; p++)
    if (g_ascii_isdigit (*p))
      n = n * 10 + (*p - '0');
  return n;
}

/* Find, the outline and the next file, after 200 000 headings. */
static void
test_headings_use (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-hostile-md-XXXXXX", NULL);
  g_autoptr(GString) text = hostile_text ("headings");
  g_autofree char *path = write_file (dir, "headings.md", text);
  g_autoptr(GString) small_text = g_string_new ("# Small\n\nA short file.\n");
  g_autofree char *small = write_file (dir, "small.md", small_text);
  MpWindow *window = mp_test_new_window_painted ();
  MpArticleView *view = MP_ARTICLE_VIEW (mp_window_get_article_view (window));
  GtkWidget *popover = mp_article_view_get_outline_popover (view);
  GtkWidget *list, *last;
  g_autofree char *last_heading = g_strdup_printf ("Heading %u", N_HEADINGS - 1);
  const char *more;
  MpTestPauseProbe probe;
  double longest;

  open_and_measure (window, path);
  mp_test_pause_probe_start (&probe);
  mp_article_view_start_search (view);
  search (view, last_heading, 1);
  /* Find stops counting at its limit. */
  search (view, "Text.", MIN (N_HEADINGS, MP_FIND_MODEL_MAX_MATCHES));
  longest = mp_test_pause_probe_stop (&probe);
  g_test_message ("find: longest pause of the main loop %.0f ms", longest);
  assert_no_freeze (longest, "find");

  mp_test_pause_probe_start (&probe);
  gtk_popover_popup (GTK_POPOVER (popover));
  g_assert_true (mp_test_wait_until (popover_mapped, popover, 20000));
  list = mp_test_find_widget (popover, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  /* The first 2 000 are listed, then how to reach the others. */
  last = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (gtk_widget_get_last_child (list)));
  more = gtk_label_get_text (GTK_LABEL (last));
  g_assert_true (g_str_has_suffix (more, " more headings: use Find (Ctrl+F) to reach them"));
  g_assert_cmpuint (count_digits (more), ==, N_HEADINGS - 2000);
  gtk_popover_popdown (GTK_POPOVER (popover));
  longest = mp_test_pause_probe_stop (&probe);
  g_test_message ("outline: longest pause of the main loop %.0f ms", longest);
  assert_no_freeze (longest, "outline");

  /* Letting go of the large document must not freeze either. */
  longest = open_and_measure (window, small);
  g_assert_cmpstr (mp_document_get_title (mp_window_get_document (window)), ==, "Small");
  assert_no_freeze (longest, "next file");

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
  g_unlink (path);
  g_unlink (small);
  g_rmdir (dir);
}

static gboolean
load_ended (gpointer data)
{
  return !mp_window_is_loading (data);
}

static gboolean
banner_shown (gpointer data)
{
  return mp_window_get_banner_message (data) != NULL;
}

/* A large file is read in the background: the article shown stays, and
 * stays after Cancel and after a file that cannot be read. */
static void
test_background_keeps_document (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-hostile-md-XXXXXX", NULL);
  g_autoptr(GString) text = hostile_text ("headings");
  g_autofree char *path = write_file (dir, "headings.md", text);
  g_autofree char *bad_path = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = NULL;
  MpWindow *window = mp_test_new_window_painted ();
  MpDocument *shown = mp_window_get_document (window);

  g_assert_true (mp_window_open_file (window, file));
  g_assert_true (mp_window_is_loading (window));
  g_assert_true (g_str_has_prefix (mp_window_get_load_message (window), "Opening "));
  g_assert_true (g_str_has_suffix (mp_window_get_load_message (window), "/headings.md…"));
  g_assert_true (mp_window_get_document (window) == shown);
  mp_window_cancel_loading (window);
  g_assert_false (mp_window_is_loading (window));
  g_assert_null (mp_window_get_load_message (window));
  mp_test_iterate ();
  g_assert_true (mp_window_get_document (window) == shown);
  g_assert_null (mp_window_get_banner_message (window));

  /* Not UTF-8 at line 40 001: refused with its place, the article stays. */
  g_string_insert (text, strstr (text->str, "## Heading 10000\n") - text->str, "\xff");
  bad_path = write_file (dir, "bad.md", text);
  bad = g_file_new_for_path (bad_path);
  g_assert_true (mp_window_open_file (window, bad));
  g_assert_true (mp_window_is_loading (window));
  g_assert_true (mp_test_wait_until (load_ended, window, 60000));
  g_assert_true (mp_test_wait_until (banner_shown, window, 1000));
  g_assert_true (g_str_has_prefix (mp_window_get_banner_message (window), "Could not open the file. bad.md:40001:1"));
  g_assert_true (mp_window_get_document (window) == shown);

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
  g_unlink (path);
  g_unlink (bad_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/hostile-markdown/open/%s", hostile[i].kind);

      g_test_add_data_func (test_path, &hostile[i], test_open);
    }
  g_test_add_func ("/hostile-markdown/background/keeps-document", test_background_keeps_document);
  g_test_add_func ("/hostile-markdown/headings/find-outline-next-file", test_headings_use);
  return g_test_run ();
}
