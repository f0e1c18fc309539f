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

/* Digits by hand: printf's parsing of its format is most of the cost of a
 * row when a million are written. */
static void
append_whole (GString  *out,
              guint64   value,
              int       min_digits)
{
  char digits[24];
  int n = 0;

  do
    {
      digits[n++] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0 || n < min_digits);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* A non-negative number with 1 or 2 decimals, C locale, without printf's
 * floating-point path (a million rows print six each). */
static void
append_decimals (GString *out,
                 double   value,
                 int      decimals)
{
  int scale = decimals == 1 ? 10 : 100;
  long long scaled;

  if (!isfinite (value) || value < 0 || value > 1e15)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (buf, sizeof buf, decimals == 1 ? "%.1f" : "%.2f",
                                             value));
      return;
    }
  scaled = llround (value * scale);
  append_whole (out, scaled / scale, 1);
  g_string_append_c (out, '.');
  append_whole (out, scaled % scale, decimals);
}

/* Tabs and line breaks inside a field would break the TSV rows. */
static void
append_tsv_field (GString    *out,
                  const char *text)
{
  gsize start = out->len;

  g_string_append (out, text);
  for (gsize i = start; i < out->len; i++)
    {
      if (out->str[i] == '\t' || out->str[i] == '\r' || out->str[i] == '\n')
        out->str[i] = ' ';
    }
}

/* An added column's value as text: "" (TSV) or "null" (JSON) for none. */
static void
append_cell (GString               *out,
             const MpRankingColumn *column,
             guint                  rank,
             const char            *none)
{
  double value = column->values[rank];
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  int decimals = column->type == MP_RANKING_COLUMN_WHOLE ? 0 : column->decimals;
  char format[8];

  if (isnan (value))
    g_string_append (out, none);
  else if (column->type == MP_RANKING_COLUMN_BOOLEAN)
    g_string_append (out, value != 0 ? "true" : "false");
  else
    {
      g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 9));
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, format, value));
    }
}

void
mp_ranking_append_tsv_header (GString               *out,
                              const MpRankingColumn *columns,
                              guint                  n_columns)
{
  g_string_append (out, "rank\tscore\tid\tname\tkind");
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    g_string_append_printf (out, "\t%s", mp_criterion_get_key (c));
  for (guint x = 0; x < n_columns; x++)
    g_string_append_printf (out, "\t%s", columns[x].name);
  g_string_append_c (out, '\n');
}

void
mp_ranking_append_tsv_row (GString               *out,
                           const MpRankingRow    *row,
                           const MpRankingColumn *columns,
                           guint                  n_columns)
{
  append_whole (out, (guint64) row->rank + 1, 1);
  g_string_append_c (out, '\t');
  append_decimals (out, row->score, 1);
  g_string_append_c (out, '\t');
  append_tsv_field (out, row->id);
  g_string_append_c (out, '\t');
  append_tsv_field (out, row->name);
  g_string_append_c (out, '\t');
  g_string_append (out, mp_program_kind_get_key (row->kind));
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      g_string_append_c (out, '\t');
      append_decimals (out, row->contributions[c], 2);
    }
  for (guint x = 0; x < n_columns; x++)
    {
      g_string_append_c (out, '\t');
      append_cell (out, &columns[x], row->rank, "");
    }
  g_string_append_c (out, '\n');
}

/* Rank @k of the scorer's ranking as a row. */
static void
scorer_row (MpScorer     *scorer,
            guint         k,
            MpRankingRow *row)
{
  guint index = mp_scorer_get_ranked (scorer, k);
  MpProgram *program = mp_program_store_peek (mp_scorer_get_store (scorer), index);

  row->rank = k;
  row->score = mp_scorer_get_score (scorer, index);
  row->id = mp_program_get_id (program);
  row->name = mp_program_get_name (program);
  row->kind = mp_program_get_kind (program);
  mp_scorer_get_contributions (scorer, index, row->contributions);
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
  guint n = mp_scorer_get_n_ranked (scorer);
  /* About 80 bytes a row: one allocation instead of a doubling series. */
  GString *out = g_string_sized_new (64 + (gsize) n * 80);

  mp_ranking_append_tsv_header (out, columns, n_columns);
  for (guint k = 0; k < n; k++)
    {
      MpRankingRow row;

      scorer_row (scorer, k, &row);
      mp_ranking_append_tsv_row (out, &row, columns, n_columns);
    }
  return g_string_free (out, FALSE);
}

/* JSON is written by hand so that numbers read as the UI shows them
 * (73.3, 17.26), not as the nearest doubles printed in full
 * (73.299999999999997). */
static gboolean
needs_escape (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\' || *p == '/')
        return TRUE;
    }
  return FALSE;
}

/* Plain printable ASCII, the usual id and name, is quoted as it is (a
 * million rows would build two million json-glib nodes); anything else is
 * escaped by json-glib, as it always was. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *quoted = NULL;

  if (!needs_escape (text))
    {
      g_string_append_c (out, '"');
      g_string_append (out, text);
      g_string_append_c (out, '"');
      return;
    }
  node = json_node_init_string (json_node_alloc (), text);
  quoted = json_to_string (node, FALSE);

  g_string_append (out, quoted);
}

static void
append_json_contributions (GString            *out,
                           const MpRankingRow *row)
{
  g_string_append (out, "      \"contributions\" : {\n");
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      g_string_append_printf (out, "        \"%s\" : ", mp_criterion_get_key (c));
      append_decimals (out, row->contributions[c], 2);
      g_string_append (out, c + 1 < MP_N_CRITERIA ? ",\n" : "\n");
    }
  g_string_append (out, "      }");
}

void
mp_ranking_append_json_row (GString               *out,
                            const MpRankingRow    *row,
                            gboolean               last,
                            const MpRankingColumn *columns,
                            guint                  n_columns)
{
  g_string_append_printf (out, "    {\n      \"rank\" : %u,\n      \"score\" : ", row->rank + 1);
  append_decimals (out, row->score, 1);
  g_string_append (out, ",\n      \"id\" : ");
  append_json_string (out, row->id);
  g_string_append (out, ",\n      \"name\" : ");
  append_json_string (out, row->name);
  g_string_append_printf (out, ",\n      \"kind\" : \"%s\",\n",
                          mp_program_kind_get_key (row->kind));
  append_json_contributions (out, row);
  for (guint x = 0; x < n_columns; x++)
    {
      g_string_append_printf (out, ",\n      \"%s\" : ", columns[x].name);
      append_cell (out, &columns[x], row->rank, "null");
    }
  g_string_append (out, last ? "\n    }\n" : "\n    },\n");
}

void
mp_ranking_append_json_head (GString         *out,
                             const MpWeights *weights)
{
  g_string_append (out, "{\n  \"weights\" : {\n");
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "    \"%s\" : %s%s\n", mp_criterion_get_key (c),
                              g_ascii_formatd (buf, sizeof buf, "%.15g", weights->w[c]),
                              c + 1 < MP_N_CRITERIA ? "," : "");
    }
  g_string_append (out, "  },\n  \"ranking\" : [\n");
}

void
mp_ranking_append_json_tail (GString *out)
{
  /* A final line break, as a text file has. */
  g_string_append (out, "  ]\n}\n");
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
  GString *out = g_string_new (NULL);
  MpWeights weights;
  guint n = mp_scorer_get_n_ranked (scorer);

  mp_scorer_get_weights (scorer, &weights);
  mp_ranking_append_json_head (out, &weights);
  for (guint k = 0; k < n; k++)
    {
      MpRankingRow row;

      scorer_row (scorer, k, &row);
      mp_ranking_append_json_row (out, &row, k + 1 == n, columns, n_columns);
    }
  mp_ranking_append_json_tail (out);
  return g_string_free (out, FALSE);
}
