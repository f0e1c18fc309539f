/* mp-rank-cli.c: `masterplan --rank`, the ranking without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-rank-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mp-program-store.h"
#include "mp-ranking-format.h"

static gboolean
load_programs (MpProgramStore  *store,
               const char      *programs,
               GError         **error)
{
  g_autoptr(GFile) file = NULL;

  if (programs == NULL)
    return mp_program_store_load_samples (store, error);
  file = g_file_new_for_commandline_arg (programs);
  return mp_program_store_import (store, file, error) >= 0;
}

static char *
format_ranking (MpScorer            *scorer,
                gboolean             json,
                const MpRankExtras  *extras,
                GError             **error)
{
  MpRankingColumn columns[MP_RANK_EXTRAS_MAX_COLUMNS];
  g_autofree double *values = NULL;
  guint n_columns = 0;

  if (extras != NULL &&
      (values = mp_rank_extras_compute (extras, scorer, columns, &n_columns, error)) == NULL)
    return NULL;
  return json ? mp_ranking_to_json_with_columns (scorer, columns, n_columns)
              : mp_ranking_to_tsv_with_columns (scorer, columns, n_columns);
}

int
mp_rank_cli_run (const char         *weights,
                 const char         *programs,
                 const char         *format,
                 const MpRankExtras *extras)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MpWeights w;
  gboolean json;

  mp_weights_init_article (&w);
  if (weights != NULL && !mp_weights_parse (&w, weights, &error))
    {
      g_printerr ("masterplan: --weights: %s\n", error->message);
      return 2;
    }
  if (mp_weights_all_zero (&w))
    {
      g_printerr ("masterplan: --weights: %s\n",
                  _("All weights are zero, so there is nothing to rank by; give at least "
                    "one criterion a weight above 0"));
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "tsv") && !g_str_equal (format, "json"))
    {
      g_printerr ("masterplan: --format: %s\n", _("unknown output format; use tsv or json"));
      return 2;
    }
  json = format != NULL && g_str_equal (format, "json");
  if (!load_programs (store, programs, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  scorer = mp_scorer_new (store);
  mp_scorer_set_weights (scorer, &w);
  /* As before the writers moved: JSON through g_print, TSV as raw bytes. */
  text = format_ranking (scorer, json, extras, &error);
  if (text == NULL)
    {
      g_printerr ("masterplan: %s\n", error->message);
      return 2;
    }
  if (json)
    g_print ("%s", text);
  else
    fputs (text, stdout);
  return 0;
}
