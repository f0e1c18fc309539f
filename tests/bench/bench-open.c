/* bench-open.c: open a 1 MB Markdown file, to the model and to the first
 * painted frame in the real window
 *
 *   bench-open [RUNS] [FILE…]
 *
 * Prints medians (and min/max) of N runs (default 9, at least 7):
 *   parse   read + md4c parse into the block model, no GTK
 *   open    mp_window_open_file() → GdkFrameClock "after-paint" of the frame
 *           that shows it, in a shown 1280×800 window
 * Each FILE given (hostile inputs: one 10 MB line, deep nesting, 200 000
 * headings; tests/bench/make-hostile-md writes them) is then parsed and
 * opened once: the time to the first painted frame that shows it (a file
 * over 1 MiB is read in a worker thread first), the longest main-loop
 * iteration from the call that opens it to 5 s after that frame (the
 * call itself counts as one), and the peak resident memory.
 * With RUNS 0 only the FILEs are measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-util.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <gtk/gtk.h>
#include <stdlib.h>

#include "mp-window.h"

#define TARGET_BYTES (1024 * 1024)

static void
append_section (GString *md,
                guint    n)
{
  g_string_append_printf (md, "## Section %u: planning the *next* step\n\n", n);
  g_string_append_printf (md,
    "Paragraph %u explains why **protected time** matters and links to "
    "[the guide](https://example.org/guide/%u) and to [section %u](#section-%u-planning-the-next-step). "
    "It keeps going with *emphasis*, `inline code` and ~~old advice~~ so that the "
    "line wraps a few times in a reading column of about seventy characters.\n\n",
    n, n, n > 1 ? n - 1 : 1, n > 1 ? n - 1 : 1);
  g_string_append (md,
    "- a first point with **bold** text\n"
    "- a second point\n"
    "  1. nested and numbered\n"
    "  2. with a [link](https://example.org)\n"
    "     - and a third level\n"
    "- a last point\n\n");
  if (n % 4 == 0)
    g_string_append_printf (md,
      "| Program | Weeks | Cost |\n| :--- | :---: | ---: |\n"
      "| Certificate %u | 12 | $2,000 |\n| Fellowship | 52 | funded |\n| Master's | 104 | $30,000 |\n\n", n);
  if (n % 5 == 0)
    g_string_append (md, "```c\nint\nmain (void)\n{\n  return 0;\n}\n```\n\n");
  g_string_append (md,
    "> A quoted remark that stands apart from the text, with *some* emphasis.\n\n"
    "A closing paragraph with more words to read, about costs, hours per week, "
    "mentors, scholarship and the question of whether a degree pays off.\n\n");
}

static char *
write_article (const char *dir)
{
  g_autoptr(GString) md = g_string_new ("# A long article for the benchmark\n\n");
  char *path = g_build_filename (dir, "bench-1mb.md", NULL);
  g_autoptr(GError) error = NULL;

  for (guint n = 1; md->len < TARGET_BYTES; n++)
    append_section (md, n);
  if (!g_file_set_contents (path, md->str, md->len, &error))
    g_error ("Cannot write %s: %s", path, error->message);
  return path;
}

/* Hundreds of highlighted blocks, as API references have. */
static char *
write_code_article (const char *dir)
{
  static const char *langs[] = { "c", "python", "js", "sh" };
  g_autoptr(GString) md = g_string_new ("# Many code blocks\n\n");
  char *path = g_build_filename (dir, "bench-code.md", NULL);

  for (guint n = 0; n < 400; n++)
    {
      g_string_append_printf (md, "Example %u shows a call.\n\n```%s\n", n, langs[n % 4]);
      for (guint line = 0; line < 12; line++)
        g_string_append_printf (md, "value_%u = compute (\"text %u\", %u); /* note */\n", line, n, line);
      g_string_append (md, "```\n\n");
    }
  if (!g_file_set_contents (path, md->str, md->len, NULL))
    g_error ("Cannot write %s", path);
  return path;
}

static void
bench_parse (GFile      *file,
             guint       runs,
             const char *label)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(MpDocument) doc = mp_document_new_from_file (file, NULL, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (doc == NULL)
        g_error ("%s", error->message);
      g_array_append_val (samples, ms);
    }
  bench_report (label, samples);
}

typedef struct {
  MpWindow   *window;
  MpDocument *before;
  gint64      painted_at;
} Showing;

/* Only a frame painted once the new document is in the window counts (the
 * window takes a document read in the background in an after-paint handler
 * of its own, which may run after this one). */
static void
on_shown_painted (GdkFrameClock *clock,
                  Showing       *showing)
{
  if (showing->painted_at == 0 && !mp_window_is_loading (showing->window) &&
      mp_window_get_document (showing->window) != showing->before)
    showing->painted_at = g_get_monotonic_time ();
}

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Runs the main loop until the frame that shows the document @file opens
 * to is painted; *longest (nullable) gets the longest iteration. */
static double
open_once_measured (MpWindow *window,
                    GFile    *file,
                    gint64   *longest)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Showing showing = { window, mp_window_get_document (window), 0 };
  gint64 start, now;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_shown_painted), &showing);

  start = g_get_monotonic_time ();
  if (!mp_window_open_file (window, file))
    g_error ("Could not open the benchmark file");
  now = g_get_monotonic_time ();
  if (longest != NULL)
    *longest = now - start;
  showing.painted_at = 0;
  while (showing.painted_at == 0)
    {
      gint64 iteration = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      if (longest != NULL)
        *longest = MAX (*longest, g_get_monotonic_time () - iteration);
    }
  g_signal_handler_disconnect (clock, id);
  return (showing.painted_at - start) / 1000.0;
}

static double
open_once (MpWindow *window,
           GFile    *file)
{
  return open_once_measured (window, file, NULL);
}

/* Main-loop time spent working (not waiting) during @ms after opening:
 * what background work such as making blocks costs the reader. */
static double
busy_after_open (MpWindow *window,
                 GFile    *file,
                 guint     ms)
{
  gint64 until, busy = 0;

  open_once (window, file);
  until = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < until)
    {
      gint64 start = g_get_monotonic_time ();

      if (g_main_context_iteration (NULL, FALSE))
        busy += g_get_monotonic_time () - start;
      else
        g_usleep (1000);
    }
  return busy / 1000.0;
}

static void
bench_busy (MpWindow   *window,
            GFile      *file,
            GFile      *other,
            guint       runs,
            const char *label)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      double ms;

      mp_window_open_file (window, other);
      settle (1500);
      ms = busy_after_open (window, file, 3000);
      g_array_append_val (samples, ms);
    }
  bench_report (label, samples);
}

static void
bench_open (MpWindow   *window,
            GFile      *file,
            GFile      *other,
            guint       runs,
            const char *label)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      double ms;

      /* Start from another document, and let the text view finish
       * validating lines in the background first. */
      mp_window_open_file (window, other);
      settle (1500);
      ms = open_once (window, file);
      g_array_append_val (samples, ms);
    }
  bench_report (label, samples);
}

/* The longest single main-loop iteration during @ms: how long the window
 * stays frozen while the view lays out and styles in the background. */
static double
longest_pause (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000, longest = 0;

  while (g_get_monotonic_time () < until)
    {
      gint64 start = g_get_monotonic_time ();

      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      longest = MAX (longest, g_get_monotonic_time () - start);
    }
  return longest / 1000.0;
}

/* Figures on a shared machine mean little without its load. */
static void
print_load (void)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("  load average: %.14s\n", loadavg);
}

/* One run: a hostile file may take seconds, and the sample is its own. */
static void
bench_hostile (MpWindow   *window,
               const char *path,
               GFile      *other)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  struct rusage usage;
  gint64 start = g_get_monotonic_time (), open_longest = 0;
  double parse_ms, open_ms, pause_ms;

  doc = mp_document_new_from_file (file, NULL, &error);
  parse_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (doc == NULL)
    {
      g_print ("%s: refused in %.0f ms: %s\n", path, parse_ms, error->message);
      return;
    }
  mp_window_open_file (window, other);
  settle (500);
  open_ms = open_once_measured (window, file, &open_longest);
  pause_ms = longest_pause (5000);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%s: parse %.0f ms, open → first painted frame %.0f ms (longest main-loop iteration "
           "%.0f ms), then longest in 5 s %.0f ms, peak RSS so far %ld MiB\n",
           path, parse_ms, open_ms, open_longest / 1000.0, pause_ms, usage.ru_maxrss / 1024);
  if (mp_window_get_banner_message (window) != NULL)
    g_print ("  banner: %.300s\n", mp_window_get_banner_message (window));
  print_load ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("mp-bench-open-XXXXXX", NULL);
  g_autofree char *path = write_article (dir);
  g_autofree char *code_path = write_code_article (dir);
  g_autoptr(GFile) code = g_file_new_for_path (code_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bundled = g_file_new_for_uri (MP_BUNDLED_ARTICLE_URI);
  g_autoptr(GFile) small = NULL;
  g_autofree char *small_path = g_build_filename (dir, "small.md", NULL);
  guint runs = argc > 1 ? MAX (atoi (argv[1]), 7) : 9;
  gboolean hostile_only = argc > 1 && atoi (argv[1]) == 0;
  MpWindow *window;
  GStatBuf st;

  gtk_init ();
  g_file_set_contents (small_path, "# Small\n\nA short file.\n", -1, NULL);
  small = g_file_new_for_path (small_path);
  g_stat (path, &st);
  g_print ("1 MB article: %.2f MiB of Markdown\n", st.st_size / 1024.0 / 1024.0);

  if (!hostile_only)
    {
      bench_parse (file, runs, "parse 1 MB (read + model)");
      bench_parse (bundled, runs, "parse bundled article");
    }

  window = g_object_new (MP_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  mp_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  settle (1000);

  if (!hostile_only)
    {
      bench_open (window, file, small, runs, "open 1 MB → first painted frame");
      bench_open (window, bundled, small, runs, "open bundled → first painted frame");
      bench_open (window, code, small, runs, "open 400 code blocks → first painted frame");
      bench_busy (window, code, small, runs, "open 400 code blocks → main-loop work in 3 s");
      g_print ("target: open 1 MB → first painted frame ≤ 150 ms\n");
    }
  for (int i = 2; i < argc; i++)
    bench_hostile (window, argv[i], small);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (small_path);
  g_unlink (code_path);
  g_rmdir (dir);
  return 0;
}
