/* mp-rank-cli.c: `masterplan --rank`, the ranking without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-rank-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mp-program-store.h"
#include "mp-program-table.h"
#include "mp-rank-extras.h"
#include "mp-ranking-format.h"
#include "mp-table-ranking.h"

/* The samples are few: they come through the store, as in the window. */
static gboolean
load_samples (MpProgramTable  *table,
              GError         **error)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();

  if (!mp_program_store_load_samples (store, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    mp_program_table_append_program (table, mp_program_store_peek (store, i));
  return TRUE;
}

/* A file is read into a packed table, not a store: a million rows would
 * be a million objects. */
static gboolean
load_programs (MpProgramTable  *table,
               const char      *programs,
               GError         **error)
{
  g_autoptr(GFile) file = NULL;

  if (programs == NULL)
    return load_samples (table, error);
  file = g_file_new_for_commandline_arg (programs);
  return mp_program_table_load_file (table, file, error);
}

typedef struct {
  MpProgramTable *table;
  MpTableRanking *ranking;
} TableRanked;

static void
table_facts (gpointer  data,
             guint     k,
             double   *tuition,
             double   *hours,
             double   *years)
{
  TableRanked *ranked = data;
  guint row = mp_table_ranking_get_ranked (ranked->ranking, k);

  *tuition = mp_program_table_get_tuition (ranked->table, row);
  *hours = mp_program_table_get_hours_per_week (ranked->table, row);
  *years = mp_program_table_get_duration_years (ranked->table, row);
}

static MpConfidenceInput *
ranked_confidence_input (gpointer data,
                         double   spread)
{
  return mp_table_ranking_confidence_input (((TableRanked *) data)->ranking, spread);
}

/* As before the writers moved: JSON through g_print, TSV as raw bytes. */
static void
flush_output (GString  *out,
              gboolean  json)
{
  if (json)
    g_print ("%s", out->str);
  else
    fwrite (out->str, 1, out->len, stdout);
  g_string_truncate (out, 0);
}

/* The table is written as it is made, a few rows at a time, so that a
 * large ranking is never held whole as text. */
static void
write_ranking (MpTableRanking        *ranking,
               const MpWeights       *weights,
               gboolean               json,
               const MpRankingColumn *columns,
               guint                  n_columns)
{
  g_autoptr(GString) out = g_string_sized_new (1 << 17);
  guint n = mp_table_ranking_get_n_ranked (ranking);

  if (json)
    mp_ranking_append_json_head (out, weights);
  else
    mp_ranking_append_tsv_header (out, columns, n_columns);
  for (guint k = 0; k < n; k++)
    {
      MpRankingRow row;

      mp_table_ranking_get_row (ranking, k, &row);
      if (json)
        mp_ranking_append_json_row (out, &row, k + 1 == n, columns, n_columns);
      else
        mp_ranking_append_tsv_row (out, &row, columns, n_columns);
      if (out->len >= 1 << 16)
        flush_output (out, json);
    }
  if (json)
    mp_ranking_append_json_tail (out);
  flush_output (out, json);
}

static int
rank_table (MpProgramTable     *table,
            const MpWeights    *weights,
            gboolean            json,
            const MpRankExtras *extras)
{
  g_autoptr(MpTableRanking) ranking = mp_table_ranking_new (table, weights);
  g_autoptr(GError) error = NULL;
  g_autofree double *values = NULL;
  MpRankingColumn columns[MP_RANK_EXTRAS_MAX_COLUMNS];
  guint n_columns = 0;
  TableRanked ranked = { table, ranking };
  MpRankExtrasSource source = {
    mp_table_ranking_get_n_ranked (ranking), ranked_confidence_input, table_facts, &ranked,
  };

  if (extras != NULL &&
      (values = mp_rank_extras_compute_from (extras, &source, columns, &n_columns,
                                             &error)) == NULL)
    {
      g_printerr ("masterplan: %s\n", error->message);
      return 2;
    }
  write_ranking (ranking, weights, json, columns, n_columns);
  return 0;
}

int
mp_rank_cli_run (const char         *weights,
                 const char         *programs,
                 const char         *format,
                 const MpRankExtras *extras)
{
  g_autoptr(MpProgramTable) table = mp_program_table_new ();
  g_autoptr(GError) error = NULL;
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
  if (!load_programs (table, programs, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return rank_table (table, &w, json, extras);
}
