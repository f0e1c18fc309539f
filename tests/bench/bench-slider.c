/* bench-slider.c: one slider step with 100 000 programs in the panel's list,
 * from the value change to the end of the next painted frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

#include "mp-program-store.h"
#include "mp-rank-model.h"
#include "mp-scorer.h"
#include "mp-weights-panel.h"

/* MP_BENCH_PROGRAMS overrides the count (e.g. on a loaded machine). */
static guint N_PROGRAMS = 100000;
#define N_STEPS    60
#define N_WARMUP   5

typedef struct {
  gint64 before_paint;
  gint64 after_paint;
  gboolean painted;
} Frame;

static MpProgramStore *
generate_store (void)
{
  MpProgramStore *store = mp_program_store_new ();
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < N_PROGRAMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("gen-%06u", i);
      g_autofree char *name = g_strdup_printf ("Generated Program %06u", i);
      MpProgram *program = mp_program_new (id, name);

      mp_program_set_kind (program, g_rand_int_range (rand, 0, MP_N_PROGRAM_KINDS));
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        mp_program_set_rating (program, c, g_rand_int_range (rand, 0, 101) / 10.0);
      g_ptr_array_add (programs, program);
    }
  mp_program_store_splice (store, (MpProgram **) programs->pdata, programs->len);
  g_rand_free (rand);
  return store;
}

/* A drag back and forth over 90 → 30 → 90, one unit per step as a drag moves. */
static double
step_value (int step)
{
  int phase = (step + N_WARMUP) % 120;

  return phase < 60 ? 90 - phase : 30 + (phase - 60);
}

/* The same steps on a bare scorer: what the model alone costs, to tell the
 * panel's share apart from it. */
static void
measure_scorer (MpProgramStore *store,
                double         *times)
{
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  MpWeights weights;

  mp_weights_init_article (&weights);
  mp_scorer_set_weights (scorer, &weights);
  for (int i = -N_WARMUP; i < N_STEPS; i++)
    {
      gint64 start;

      weights.w[0] = step_value (i);
      start = g_get_monotonic_time ();
      mp_scorer_set_weights (scorer, &weights);
      if (i >= 0)
        times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
}

static void
on_before_paint (GdkFrameClock *clock,
                 Frame         *frame)
{
  frame->before_paint = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frame         *frame)
{
  frame->after_paint = g_get_monotonic_time ();
  frame->painted = TRUE;
}

static void
wait_for_frame (Frame *frame)
{
  frame->painted = FALSE;
  while (!frame->painted)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_rows (GtkWidget *widget,
            guint     *n_rows,
            guint     *n_mapped)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "MpProgramRow"))
    {
      (*n_rows)++;
      *n_mapped += gtk_widget_get_mapped (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_rows (child, n_rows, n_mapped);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        double     *values,
        guint       n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  printf ("%-44s median %6.2f ms   p95 %6.2f ms   max %6.2f ms\n",
          what, values[n / 2], values[(guint) (n * 0.95)], values[n - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MpProgramStore) store = NULL;
  GtkWidget *window, *panel;
  GtkRange *slider;
  GListModel *ranking;
  GdkFrameClock *clock;
  Frame frame = { 0 };
  double rerank[N_STEPS], work[N_STEPS], latency[N_STEPS], after[N_STEPS], scorer[N_STEPS];

  if (g_getenv ("MP_BENCH_PROGRAMS") != NULL)
    N_PROGRAMS = MAX (atoi (g_getenv ("MP_BENCH_PROGRAMS")), 10);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  store = generate_store ();
  measure_scorer (store, scorer);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 460);
  panel = mp_weights_panel_new_with_store (store);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frame);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frame);
  wait_for_frame (&frame);

  slider = mp_weights_panel_get_slider (MP_WEIGHTS_PANEL (panel), 0);
  for (int i = -N_WARMUP; i < N_STEPS; i++)
    {
      double value = step_value (i);
      gint64 start, changed, settled;

      wait_for_frame (&frame);
      start = g_get_monotonic_time ();
      gtk_range_set_value (slider, value);
      changed = g_get_monotonic_time ();
      wait_for_frame (&frame);
      settled = g_get_monotonic_time ();
      if (i < 0)
        continue;
      after[i] = (settled - frame.after_paint) / 1000.0;
      rerank[i] = (changed - start) / 1000.0;
      work[i] = rerank[i] + (frame.after_paint - frame.before_paint) / 1000.0;
      latency[i] = (frame.after_paint - start) / 1000.0;
    }

  printf ("bench-slider: %u programs (ratings 0–10 in steps of 0.1), %d slider steps, "
          "window 700×460, renderer %s\n",
          N_PROGRAMS, N_STEPS, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  report ("the scorer alone: re-score + re-rank", scorer, N_STEPS);
  report ("value change → re-ranked, rows rebound", rerank, N_STEPS);
  report ("work: re-rank + layout and paint of frame", work, N_STEPS);
  report ("value change → end of painted frame (wall)", latency, N_STEPS);
  report ("after the frame: sensitivity bands", after, N_STEPS);
  {
    guint n_rows = 0, n_mapped = 0;

    count_rows (window, &n_rows, &n_mapped);
    printf ("row widgets: %u, mapped: %u\n", n_rows, n_mapped);
  }
  ranking = mp_weights_panel_get_ranking (MP_WEIGHTS_PANEL (panel));
  printf ("rank slots alive (rows the view holds): %u of %u\n",
          mp_rank_model_get_n_live (MP_RANK_MODEL (ranking)), g_list_model_get_n_items (ranking));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
