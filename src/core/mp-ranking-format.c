/* mp-ranking-format.c: a ranking written as CSV, TSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-ranking-format.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "mp-program-csv.h"

static void
append_fixed (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static void
append_ranked_row (MpScorer  *scorer,
                   GString   *out,
                   guint      rank,
                   MpProgram *program,
                   guint      index)
{
  gboolean has_scores = mp_scorer_has_scores (scorer);
  double contributions[MP_N_CRITERIA];

  if (has_scores)
    g_string_append_printf (out, "%u,", rank + 1);
  else
    g_string_append_c (out, ',');
  if (has_scores)
    append_fixed (out, mp_scorer_get_score (scorer, index));
  g_string_append_c (out, ',');
  mp_program_csv_append_program (out, program);
  mp_scorer_get_contributions (scorer, index, contributions);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      g_string_append_c (out, ',');
      if (has_scores)
        append_fixed (out, contributions[c]);
    }
  g_string_append (out, "\r\n");
}

char *
mp_ranking_to_csv (MpScorer *scorer)
{
  GString *out = g_string_new ("rank,score,");
  MpProgramStore *store;
  gboolean has_scores;
  guint n;

  g_return_val_if_fail (MP_IS_SCORER (scorer), NULL);

  store = mp_scorer_get_store (scorer);
  has_scores = mp_scorer_has_scores (scorer);
  mp_program_csv_append_header (out);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    g_string_append_printf (out, ",%s_points", mp_criterion_get_key (c));
  g_string_append (out, "\r\n");
  /* Without scores, the programs that pass the filter, by name. */
  n = has_scores ? mp_scorer_get_n_ranked (scorer) : mp_scorer_get_n_passing (scorer);
  for (guint k = 0; k < n; k++)
    {
      guint index = has_scores ? mp_scorer_get_ranked (scorer, k) : mp_scorer_get_passing (scorer, k);
      g_autoptr(MpProgram) program = g_list_model_get_item (G_LIST_MODEL (store), index);

      append_ranked_row (scorer, out, k, program, index);
    }
  return g_string_free (out, FALSE);
}

static char *
format_number (double value,
               int    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
}

/* Tabs and line breaks inside a field would break the TSV rows. */
static char *
tsv_field (const char *text)
{
  return g_strdelimit (g_strdup (text), "\t\r\n", ' ');
}

static char *
format_cell (const MpRankingColumn *column,
             guint                  rank)
{
  double value = column->values[rank];

  if (isnan (value))
    return g_strdup ("");
  if (column->type == MP_RANKING_COLUMN_BOOLEAN)
    return g_strdup (value != 0 ? "true" : "false");
  return format_number (value, column->type == MP_RANKING_COLUMN_WHOLE ? 0 : column->decimals);
}

char *
mp_ranking_to_tsv (MpScorer *scorer)
{
  return mp_ranking_to_tsv_with_columns (scorer, NULL, 0);
}

char *
mp_ranking_to_tsv_with_columns (MpScorer              *scorer,
                                const MpRankingColumn *columns,
                                guint                  n_columns)
{
  MpProgramStore *store = mp_scorer_get_store (scorer);
  GString *out = g_string_new ("rank\tscore\tid\tname\tkind");

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    g_string_append_printf (out, "\t%s", mp_criterion_get_key (c));
  for (guint x = 0; x < n_columns; x++)
    g_string_append_printf (out, "\t%s", columns[x].name);
  g_string_append_c (out, '\n');
  for (guint k = 0; k < mp_scorer_get_n_ranked (scorer); k++)
    {
      guint index = mp_scorer_get_ranked (scorer, k);
      g_autoptr(MpProgram) program = g_list_model_get_item (G_LIST_MODEL (store), index);
      g_autofree char *score = format_number (mp_scorer_get_score (scorer, index), 1);
      g_autofree char *id = tsv_field (mp_program_get_id (program));
      g_autofree char *name = tsv_field (mp_program_get_name (program));
      double contributions[MP_N_CRITERIA];

      g_string_append_printf (out, "%u\t%s\t%s\t%s\t%s", k + 1, score, id, name,
                              mp_program_kind_get_key (mp_program_get_kind (program)));
      mp_scorer_get_contributions (scorer, index, contributions);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          g_autofree char *points = format_number (contributions[c], 2);
          g_string_append_printf (out, "\t%s", points);
        }
      for (guint x = 0; x < n_columns; x++)
        {
          g_autofree char *cell = format_cell (&columns[x], k);
          g_string_append_printf (out, "\t%s", cell);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
add_rounded (JsonBuilder *builder,
             const char  *name,
             double       value,
             double       unit)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, round (value / unit) * unit);
}

static void
add_json_cell (JsonBuilder           *builder,
               const MpRankingColumn *column,
               guint                  rank)
{
  double value = column->values[rank];

  json_builder_set_member_name (builder, column->name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (column->type == MP_RANKING_COLUMN_BOOLEAN)
    json_builder_add_boolean_value (builder, value != 0);
  else if (column->type == MP_RANKING_COLUMN_WHOLE)
    json_builder_add_int_value (builder, (gint64) round (value));
  else
    json_builder_add_double_value (builder, round (value * pow (10, column->decimals)) /
                                            pow (10, column->decimals));
}

static void
add_json_program (JsonBuilder           *builder,
                  MpScorer              *scorer,
                  MpProgram             *program,
                  guint                  rank,
                  guint                  index,
                  const MpRankingColumn *columns,
                  guint                  n_columns)
{
  double contributions[MP_N_CRITERIA];

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rank");
  json_builder_add_int_value (builder, rank + 1);
  add_rounded (builder, "score", mp_scorer_get_score (scorer, index), 0.1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, mp_program_get_id (program));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, mp_program_get_name (program));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, mp_program_kind_get_key (mp_program_get_kind (program)));
  json_builder_set_member_name (builder, "contributions");
  json_builder_begin_object (builder);
  mp_scorer_get_contributions (scorer, index, contributions);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    add_rounded (builder, mp_criterion_get_key (c), contributions[c], 0.01);
  json_builder_end_object (builder);
  for (guint x = 0; x < n_columns; x++)
    add_json_cell (builder, &columns[x], rank);
  json_builder_end_object (builder);
}

char *
mp_ranking_to_json (MpScorer *scorer)
{
  return mp_ranking_to_json_with_columns (scorer, NULL, 0);
}

char *
mp_ranking_to_json_with_columns (MpScorer              *scorer,
                                 const MpRankingColumn *columns,
                                 guint                  n_columns)
{
  MpProgramStore *store = mp_scorer_get_store (scorer);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  MpWeights weights;

  mp_scorer_get_weights (scorer, &weights);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "weights");
  json_builder_begin_object (builder);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      json_builder_set_member_name (builder, mp_criterion_get_key (c));
      json_builder_add_double_value (builder, weights.w[c]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "ranking");
  json_builder_begin_array (builder);
  for (guint k = 0; k < mp_scorer_get_n_ranked (scorer); k++)
    {
      guint index = mp_scorer_get_ranked (scorer, k);
      g_autoptr(MpProgram) program = g_list_model_get_item (G_LIST_MODEL (store), index);

      add_json_program (builder, scorer, program, k, index, columns, n_columns);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  /* A final line break, as a text file has. */
  return g_strconcat (text, "\n", NULL);
}
