/* mp-rank-extras.c: the optional columns of `masterplan --rank`: rank
 * confidence and the user's costs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-rank-extras.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-confidence.h"
#include "mp-program-store.h"

G_DEFINE_QUARK (mp-rank-extras-error-quark, mp_rank_extras_error)

static gboolean
argument_error (GError     **error,
                const char  *option,
                const char  *message)
{
  g_set_error (error, MP_RANK_EXTRAS_ERROR, MP_RANK_EXTRAS_ERROR_ARGUMENT,
               "%s: %s", option, message);
  return FALSE;
}

static gboolean
parse_whole (const char *text,
             guint64     max,
             guint64    *value)
{
  return text != NULL && g_ascii_isdigit (text[0]) &&
         g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

static gboolean
parse_confidence (MpRankExtras           *extras,
                  const MpRankExtrasArgs *args,
                  GError                **error)
{
  guint64 whole;
  char *end = NULL;

  if (args->spread != NULL)
    {
      extras->spread = g_ascii_strtod (args->spread, &end);
      if (!g_ascii_isdigit (args->spread[0]) || *end != '\0' || !(extras->spread <= 100))
        return argument_error (error, "--spread",
                               _("give the weights’ spread in points, from 0 to 100, e.g. 15"));
    }
  if (args->samples != NULL)
    {
      if (!parse_whole (args->samples, MP_RANK_EXTRAS_MAX_SAMPLES, &whole) || whole == 0)
        return argument_error (error, "--samples",
                               _("give a whole number of samples from 1 to 10000000, e.g. 10000"));
      extras->samples = whole;
    }
  if (args->seed != NULL)
    {
      if (!parse_whole (args->seed, G_MAXUINT64, &whole))
        return argument_error (error, "--seed",
                               _("give a whole number from 0 to 18446744073709551615"));
      extras->seed = whole;
    }
  return TRUE;
}

gboolean
mp_rank_extras_parse (MpRankExtras           *extras,
                      const MpRankExtrasArgs *args,
                      GError                **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (extras != NULL && args != NULL, FALSE);

  extras->confidence = args->confidence;
  extras->spread = MP_CONFIDENCE_DEFAULT_SPREAD;
  extras->samples = MP_CONFIDENCE_DEFAULT_SAMPLES;
  extras->seed = 0;
  extras->costs = args->funding != NULL || args->hours != NULL;
  mp_circumstances_init (&extras->circumstances);
  if (!args->confidence && (args->spread != NULL || args->samples != NULL || args->seed != NULL))
    return argument_error (error, "--spread, --samples, --seed",
                           _("these belong to --confidence; add --confidence"));
  if (!parse_confidence (extras, args, error))
    return FALSE;
  if (args->funding != NULL &&
      !mp_circumstances_parse_funding (&extras->circumstances, args->funding, &local))
    return argument_error (error, "--funding", local->message);
  if (args->hours != NULL &&
      !mp_circumstances_parse_hours (&extras->circumstances, args->hours, &local))
    return argument_error (error, "--hours", local->message);
  return TRUE;
}

static void
add_column (MpRankingColumn     *columns,
            guint               *n_columns,
            const char          *name,
            MpRankingColumnType  type,
            int                  decimals,
            const double        *values)
{
  columns[*n_columns] = (MpRankingColumn) { name, type, decimals, values };
  (*n_columns)++;
}

static gboolean
add_confidence (const MpRankExtras        *extras,
                const MpRankExtrasSource  *source,
                double                    *values,
                MpRankingColumn           *columns,
                guint                     *n_columns,
                GError                   **error)
{
  guint n = source->n_ranked;
  g_autoptr(MpConfidenceInput) input = source->confidence_input (source->data, extras->spread);
  g_autoptr(MpConfidenceResult) result = NULL;

  /* Refused before any work, with the number that fits: a long list at
   * the default samples would otherwise run for minutes. */
  if ((guint64) n * extras->samples > MP_RANK_EXTRAS_MAX_WORK)
    {
      g_autofree char *message =
        g_strdup_printf (_("%u programs with %u samples each is more than %u program-samples; "
                           "give --samples %u or fewer"),
                         n, extras->samples, (guint) MP_RANK_EXTRAS_MAX_WORK,
                         (guint) MAX (MP_RANK_EXTRAS_MAX_WORK / n, 1));

      return argument_error (error, "--confidence", message);
    }
  mp_confidence_input_set_samples (input, extras->samples);
  mp_confidence_input_set_seed (input, extras->seed);
  if (n > 0 && (result = mp_confidence_compute (input, NULL, error)) == NULL)
    return FALSE;
  /* Slot k is rank k. */
  for (guint k = 0; k < n; k++)
    {
      values[k] = mp_confidence_result_get_p_first (result, k);
      values[n + k] = mp_confidence_result_get_p_top3 (result, k);
      values[2 * n + k] = mp_confidence_result_get_rank_p5 (result, k);
      values[3 * n + k] = mp_confidence_result_get_rank_p95 (result, k);
    }
  add_column (columns, n_columns, "p_first", MP_RANKING_COLUMN_NUMBER, 4, values);
  add_column (columns, n_columns, "p_top3", MP_RANKING_COLUMN_NUMBER, 4, values + n);
  add_column (columns, n_columns, "rank_p5", MP_RANKING_COLUMN_WHOLE, 0, values + 2 * n);
  add_column (columns, n_columns, "rank_p95", MP_RANKING_COLUMN_WHOLE, 0, values + 3 * n);
  return TRUE;
}

static void
add_costs (const MpRankExtras       *extras,
           const MpRankExtrasSource *source,
           double                   *values,
           MpRankingColumn          *columns,
           guint                    *n_columns)
{
  guint n = source->n_ranked;
  gboolean hours_said = extras->circumstances.hours_per_week >= 0;

  for (guint k = 0; k < n; k++)
    {
      MpProgramCosts costs;
      double tuition, hours, years;

      source->facts (source->data, k, &tuition, &hours, &years);
      mp_costs_compute (&extras->circumstances, tuition, hours, years, &costs);
      values[k] = costs.out_of_pocket_usd;
      values[n + k] = costs.total_hours;
      values[2 * n + k] = hours_said ? costs.fits_hours : NAN;
    }
  add_column (columns, n_columns, "out_of_pocket_usd", MP_RANKING_COLUMN_NUMBER, 0, values);
  add_column (columns, n_columns, "total_hours", MP_RANKING_COLUMN_NUMBER, 1, values + n);
  add_column (columns, n_columns, "fits_hours", MP_RANKING_COLUMN_BOOLEAN, 0, values + 2 * n);
}

double *
mp_rank_extras_compute_from (const MpRankExtras        *extras,
                             const MpRankExtrasSource  *source,
                             MpRankingColumn           *columns,
                             guint                     *n_columns,
                             GError                   **error)
{
  guint n;
  double *values;

  g_return_val_if_fail (extras != NULL && source != NULL, NULL);
  g_return_val_if_fail (columns != NULL && n_columns != NULL, NULL);

  n = source->n_ranked;
  values = g_new0 (double, (gsize) MAX (n, 1) * MP_RANK_EXTRAS_MAX_COLUMNS);
  *n_columns = 0;
  if (extras->confidence &&
      !add_confidence (extras, source, values, columns, n_columns, error))
    {
      g_free (values);
      return NULL;
    }
  if (extras->costs)
    add_costs (extras, source, values + 4 * (gsize) MAX (n, 1), columns, n_columns);
  return values;
}

static MpConfidenceInput *
scorer_confidence_input (gpointer scorer,
                         double   spread)
{
  return mp_confidence_input_new_from_scorer (scorer, mp_scorer_get_store (scorer), spread);
}

static void
scorer_facts (gpointer  scorer,
              guint     k,
              double   *tuition,
              double   *hours,
              double   *years)
{
  MpProgram *program = mp_program_store_peek (mp_scorer_get_store (scorer),
                                              mp_scorer_get_ranked (scorer, k));

  *tuition = mp_program_get_tuition (program);
  *hours = mp_program_get_hours_per_week (program);
  *years = mp_program_get_duration_years (program);
}

double *
mp_rank_extras_compute (const MpRankExtras  *extras,
                        MpScorer            *scorer,
                        MpRankingColumn     *columns,
                        guint               *n_columns,
                        GError             **error)
{
  MpRankExtrasSource source;

  g_return_val_if_fail (MP_IS_SCORER (scorer), NULL);

  source = (MpRankExtrasSource) {
    mp_scorer_get_n_ranked (scorer), scorer_confidence_input, scorer_facts, scorer,
  };
  return mp_rank_extras_compute_from (extras, &source, columns, n_columns, error);
}
