/* mp-test-utils.c: helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-test-utils.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

void
mp_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
mp_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  mp_test_iterate ();
}

/* A bound, not a wait: generous, and wider under AddressSanitizer, which
 * slows the toolkit several times over. */
static guint
scaled_ms (guint ms)
{
#if defined(__SANITIZE_ADDRESS__)
  return ms * 4;
#else
  return ms;
#endif
}

gboolean
mp_test_wait_until (MpTestCondition condition,
                    gpointer        data,
                    guint           max_ms)
{
  gboolean expired = FALSE;
  guint id;

  if (condition (data))
    return TRUE;
  id = g_timeout_add (scaled_ms (max_ms), on_timeout, &expired);
  while (!expired && !condition (data))
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return condition (data);
}

static gboolean
on_probe_tick (gpointer user_data)
{
  MpTestPauseProbe *probe = user_data;
  gint64 now = g_get_monotonic_time ();

  probe->longest = MAX (probe->longest, now - probe->last);
  probe->last = now;
  return G_SOURCE_CONTINUE;
}

void
mp_test_pause_probe_start (MpTestPauseProbe *probe)
{
  probe->last = g_get_monotonic_time ();
  probe->longest = 0;
  probe->id = g_timeout_add (10, on_probe_tick, probe);
}

double
mp_test_pause_probe_stop (MpTestPauseProbe *probe)
{
  on_probe_tick (probe);
  g_clear_handle_id (&probe->id, g_source_remove);
  return probe->longest / 1000.0;
}

gboolean
mp_test_malloc_unwinds_slowly (void)
{
#if defined(__SANITIZE_ADDRESS__)
  const char *options = g_getenv ("ASAN_OPTIONS");

  return options != NULL && strstr (options, "fast_unwind_on_malloc=0") != NULL;
#else
  return FALSE;
#endif
}

void
mp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        mp_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

#ifdef MP_TEST_WITH_GTK
GtkWidget *
mp_test_find_widget_where (GtkWidget *root,
                           gboolean (*matches) (GtkWidget *widget, gconstpointer data),
                           gconstpointer data)
{
  if (matches (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mp_test_find_widget_where (child, matches, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

GtkWidget *
mp_test_find_widget (GtkWidget *root,
                     GType      type)
{
  return mp_test_find_widget_where (root, has_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
mp_test_find_named (GtkWidget  *root,
                    const char *name)
{
  return mp_test_find_widget_where (root, has_name, name);
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

GtkWidget *
mp_test_find_with_class (GtkWidget  *root,
                         const char *css_class)
{
  return mp_test_find_widget_where (root, has_class, css_class);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
mp_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return mp_test_find_widget_where (root, is_button_labelled, label);
}


MpWindow *
mp_test_new_window (void)
{
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);

  mp_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  mp_test_iterate ();
  return window;
}

static void
on_painted (GdkFrameClock *clock,
            guint         *frames)
{
  (*frames)++;
}

MpWindow *
mp_test_new_window_painted (void)
{
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);
  guint frames = 0;
  gulong handler;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  mp_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (on_painted), &frames);
  while (frames < 3)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  mp_test_wait_ms (200);
  return window;
}

#endif

MpDocument *
mp_test_parse_document (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) base = g_file_new_for_path ("/nonexistent/notes.md");
  MpDocument *document = mp_document_new_from_data (text, -1, base, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

const MpBlock *
mp_test_block_child (const MpBlock *block,
                     guint          index)
{
  g_assert_nonnull (block->children);
  g_assert_cmpuint (index, <, block->children->len);
  return g_ptr_array_index (block->children, index);
}

const MpSpan *
mp_test_span (const MpInline *inline_,
              guint           index)
{
  g_assert_cmpuint (index, <, inline_->spans->len);
  return &g_array_index (inline_->spans, MpSpan, index);
}

guint
mp_test_count_char (const char *text,
                    char        c)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == c;
  return n;
}

char *
mp_test_pdftotext (const char         *path,
                   const char * const *options)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, "pdftotext");
  g_ptr_array_add (argv, "-enc");
  g_ptr_array_add (argv, "UTF-8");
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) options[i]);
  g_ptr_array_add (argv, (char *) path);
  g_ptr_array_add (argv, "-");
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return out;
}

void
mp_test_run_clear (MpTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

int
mp_test_run_masterplanv (MpTestRun          *run,
                         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  mp_test_run_clear (run);
  g_ptr_array_add (argv, g_test_build_filename (G_TEST_BUILT, "..", "src", "masterplan", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  return run->status;
}

int
mp_test_run_masterplan (MpTestRun  *run,
                        const char *first,
                        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return mp_test_run_masterplanv (run, (const char * const *) args->pdata);
}
