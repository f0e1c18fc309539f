/* mp-test-utils.h: helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-document.h"

#ifdef MP_TEST_WITH_GTK
#include "mp-window.h"
#endif

G_BEGIN_DECLS

/* Runs every pending event source of the default main context. */
void      mp_test_iterate           (void);
/* Keeps the default main context running for @ms milliseconds. */
void      mp_test_wait_ms           (guint       ms);
typedef gboolean (*MpTestCondition) (gpointer data);
/* Runs the default main context until @condition holds, for at most
 * @max_ms milliseconds (more under AddressSanitizer); returns whether it held, so the caller's assert names it. */
gboolean  mp_test_wait_until        (MpTestCondition condition,
                                     gpointer        data,
                                     guint           max_ms);
/* Under AddressSanitizer with fast_unwind_on_malloc=0 (build-aux/dev sets
 * it, so that leak stacks reach through libraries built without frame
 * pointers), every allocation unwinds the stack the slow way: the whole
 * program runs many times slower, and a test that measures pauses of the
 * main loop measures that instead. TRUE then. */
gboolean  mp_test_malloc_unwinds_slowly (void);
/* Ticks every 10 ms on the main loop: a long gap between ticks is a window
 * that stopped responding. */
typedef struct {
  gint64 last;
  gint64 longest;
  guint  id;
} MpTestPauseProbe;
void      mp_test_pause_probe_start (MpTestPauseProbe *probe);
/* Stops the probe; the longest gap between its ticks so far, in ms. */
double    mp_test_pause_probe_stop  (MpTestPauseProbe *probe);
/* Deletes @path and everything under it; symbolic links are not followed. */
void      mp_test_remove_tree       (const char *path);
/* @text parsed as a document of a file that does not exist; asserts success. */
MpDocument    *mp_test_parse_document (const char     *text);
/* Child @index of @block, asserted to exist. */
const MpBlock *mp_test_block_child    (const MpBlock  *block,
                                       guint           index);
/* Span @index of @inline_, asserted to exist. */
const MpSpan  *mp_test_span           (const MpInline *inline_,
                                       guint           index);

/* How many bytes of @text are @c. */
guint          mp_test_count_char     (const char     *text,
                                       char            c);

/* What pdftotext reads in the PDF at @path, as UTF-8, given @options
 * (NULL-terminated) before the file; asserts it ran and exited with 0. */
char          *mp_test_pdftotext      (const char         *path,
                                       const char * const *options);

/* What a run of the built masterplan left. */
typedef struct {
  int   status;
  char *out;
  char *err;
} MpTestRun;

void           mp_test_run_clear      (MpTestRun      *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MpTestRun, mp_test_run_clear)
/* Runs the masterplan of the build tree with @args (NULL-terminated) as a
 * real process and keeps its exit status, standard output and standard
 * error in @run, first cleared (so one MpTestRun may serve several runs);
 * asserts that it started and exited, and returns the exit status. */
int            mp_test_run_masterplanv (MpTestRun          *run,
                                        const char * const *args);
/* The same with the arguments one by one, then NULL. */
int            mp_test_run_masterplan  (MpTestRun          *run,
                                        const char         *first,
                                        ...) G_GNUC_NULL_TERMINATED;

#ifdef MP_TEST_WITH_GTK
/* The first widget of @type at or under @root, depth first; NULL if none. */
GtkWidget *mp_test_find_widget      (GtkWidget  *root,
                                     GType       type);
/* The first widget named @name (gtk_widget_set_name()), likewise. */
GtkWidget *mp_test_find_named       (GtkWidget  *root,
                                     const char *name);
/* The first widget with the style class @css_class, likewise. */
GtkWidget *mp_test_find_with_class  (GtkWidget  *root,
                                     const char *css_class);
/* The first button whose label is @label (mnemonic included), likewise. */
GtkWidget *mp_test_find_button      (GtkWidget  *root,
                                     const char *label);
/* The first widget for which @matches says TRUE, likewise. */
GtkWidget *mp_test_find_widget_where (GtkWidget *root,
                                      gboolean (*matches) (GtkWidget *widget, gconstpointer data),
                                      gconstpointer data);
/* A shown window with the bundled article, its first events handled. */
MpWindow *mp_test_new_window        (void);
/* The same at 1280×800, once it has painted three frames (the flowchart
 * and the panel come after the first) and 200 ms of idle work after them. */
MpWindow *mp_test_new_window_painted (void);
#endif

G_END_DECLS
