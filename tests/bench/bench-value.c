/* bench-value.c: the value chart's plot (costs, frontier, keyboard order)
 * over the ranked programs, and its drawing into an image, for 17, 1 000
 * and 100 000 programs. The chart re-plots after each re-rank while it is
 * shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <time.h>

#include "bench-util.h"
#include "mp-program.h"
#include "mp-program-store.h"
#include "mp-scorer.h"
#include "mp-value-paint.h"
#include "mp-value-plot.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static MpProgramStore *
generated_store (guint  n,
                 GRand *rand)
{
  MpProgramStore *store = mp_program_store_new ();
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MpProgram *program = mp_program_new (id, id);

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        mp_program_set_rating (program, c, g_rand_int_range (rand, 0, 101) / 10.0);
      mp_program_set_tuition (program, g_rand_int_range (rand, 0, 70) * 1000);
      mp_program_set_kind (program, g_rand_int_range (rand, 0, MP_N_PROGRAM_KINDS));
      g_ptr_array_add (programs, program);
    }
  mp_program_store_splice (store, (MpProgram **) programs->pdata, n);
  return store;
}

static void
bench (const char     *what,
       MpProgramStore *store,
       guint           runs)
{
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autoptr(GArray) plot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 560, 320);
  MpCircumstances circumstances;
  MpValueStyle style;
  MpWeights w;
  g_autofree char *plot_label = g_strdup_printf ("%s: plot", what);
  g_autofree char *paint_label = g_strdup_printf ("%s: paint 560x320", what);

  mp_weights_init_article (&w);
  mp_scorer_set_weights (scorer, &w);
  mp_circumstances_init (&circumstances);
  mp_value_style_init_print (&style);
  style.font_size = 11;
  for (guint r = 0; r < runs; r++)
    {
      double start = now_ms (), t;
      g_autoptr(MpValuePlot) plot = mp_value_plot_new_from_scorer (scorer, &circumstances);
      cairo_t *cr;

      t = now_ms () - start;
      g_array_append_val (plot_ms, t);
      cr = cairo_create (surface);
      start = now_ms ();
      mp_value_paint (plot, cr, 560, 320, &style);
      cairo_surface_flush (surface);
      t = now_ms () - start;
      g_array_append_val (paint_ms, t);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  bench_report (plot_label, plot_ms);
  bench_report (paint_label, paint_ms);
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(MpProgramStore) samples = mp_program_store_new ();
  g_autoptr(MpProgramStore) thousand = generated_store (1000, rand);
  g_autoptr(MpProgramStore) many = generated_store (100000, rand);

  mp_program_store_load_samples (samples, NULL);
  bench ("17 sample programs", samples, 21);
  bench ("1 000 generated programs", thousand, 15);
  bench ("100 000 generated programs", many, 7);
  return 0;
}
