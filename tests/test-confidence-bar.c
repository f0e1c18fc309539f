/* test-confidence-bar.c: the top pick's confidence sentence and fragile
 * warning, following the planner's weights
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "mp-confidence-bar.h"

static void
wait_for_result (MpConfidenceBar *bar)
{
  MpConfidenceRunner *runner = mp_confidence_bar_get_runner (bar);

  while (mp_confidence_runner_get_busy (runner) ||
         mp_confidence_runner_get_result (runner) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* The article's weights: a robust top pick (first in 78 % with seed 0, as
 * `masterplan --rank --confidence` says). Equal weights: three programs
 * tie at 72 and the top pick is fragile. All zero: nothing to say. */
static void
test_follows_planner (void)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpPlanner) planner = NULL;
  GtkWidget *window = gtk_window_new ();
  MpConfidenceBar *bar = g_object_new (MP_TYPE_CONFIDENCE_BAR, NULL);
  MpWeights w;

  g_assert_true (mp_program_store_load_samples (store, NULL));
  planner = mp_planner_new (store, NULL);
  mp_weights_init_article (&w);
  mp_planner_set_weights (planner, &w);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bar));
  mp_confidence_bar_set_planner (bar, planner);
  gtk_window_present (GTK_WINDOW (window));

  wait_for_result (bar);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_cmpstr (mp_confidence_bar_get_sentence (bar), ==,
                   "First in 78 % of the weightings you find plausible "
                   "(each weight ± 15 points)");
  g_assert_null (mp_confidence_bar_get_warning (bar));

  mp_weights_init_equal (&w);
  mp_planner_set_weights (planner, &w);
  wait_for_result (bar);
  g_assert_nonnull (mp_confidence_bar_get_warning (bar));
  g_assert_true (g_str_has_prefix (mp_confidence_bar_get_warning (bar),
                                   "Fragile: other weightings you find plausible put "));

  memset (&w, 0, sizeof w);
  mp_planner_set_weights (planner, &w);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/confidence-bar/follows-planner", test_follows_planner);

  return g_test_run ();
}
