/* mp-costs.c: what a program costs the user: money, hours, and the value
 * for money across programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-costs.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "mp-program.h"
#include "mp-utils.h"

#define MAX_FUNDING_USD 10000000.0
#define HOURS_IN_A_WEEK 168.0

G_DEFINE_QUARK (mp-costs-error-quark, mp_costs_error)

void
mp_circumstances_init (MpCircumstances *circumstances)
{
  g_return_if_fail (circumstances != NULL);

  circumstances->funding = MP_FUNDING_NONE;
  circumstances->funding_usd = 0;
  circumstances->hours_per_week = -1;
  circumstances->hour_value_usd = -1;
}

/* A plain decimal number, nothing around it; FALSE otherwise. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;
  guint dots = 0;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  /* strtod would take exponents, hexadecimal and "inf" too. */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && (*p != '.' || ++dots > 1))
      return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

gboolean
mp_circumstances_parse_funding (MpCircumstances  *circumstances,
                                const char       *text,
                                GError          **error)
{
  double usd;

  g_return_val_if_fail (circumstances != NULL, FALSE);

  if (g_strcmp0 (text, "none") == 0)
    {
      circumstances->funding = MP_FUNDING_NONE;
      return TRUE;
    }
  if (g_strcmp0 (text, "all") == 0)
    {
      circumstances->funding = MP_FUNDING_ALL;
      return TRUE;
    }
  if (!parse_number (text, &usd) || usd > MAX_FUNDING_USD)
    {
      g_set_error (error, MP_COSTS_ERROR, MP_COSTS_ERROR_FUNDING,
                   _("“%s” is not a funding: give an amount in US dollars from 0 to "
                     "10000000 (digits only, e.g. 12000), “none” or “all”"),
                   text != NULL ? text : "");
      return FALSE;
    }
  circumstances->funding = MP_FUNDING_AMOUNT;
  circumstances->funding_usd = usd;
  return TRUE;
}

gboolean
mp_circumstances_parse_hours (MpCircumstances  *circumstances,
                              const char       *text,
                              GError          **error)
{
  double hours;

  g_return_val_if_fail (circumstances != NULL, FALSE);

  if (!parse_number (text, &hours) || hours > HOURS_IN_A_WEEK)
    {
      g_set_error (error, MP_COSTS_ERROR, MP_COSTS_ERROR_HOURS,
                   _("“%s” is not a number of hours a week: give one from 0 to 168, e.g. 10"),
                   text != NULL ? text : "");
      return FALSE;
    }
  circumstances->hours_per_week = hours;
  return TRUE;
}

gboolean
mp_circumstances_parse_hour_value (MpCircumstances  *circumstances,
                                   const char       *text,
                                   GError          **error)
{
  double usd;

  g_return_val_if_fail (circumstances != NULL, FALSE);

  if (!parse_number (text, &usd) || usd > MAX_FUNDING_USD)
    {
      g_set_error (error, MP_COSTS_ERROR, MP_COSTS_ERROR_HOUR_VALUE,
                   _("“%s” is not what an hour is worth: give an amount in US dollars from 0 "
                     "to 10000000 (digits only, e.g. 45)"),
                   text != NULL ? text : "");
      return FALSE;
    }
  circumstances->hour_value_usd = usd;
  return TRUE;
}

static double
funding_for (const MpCircumstances *circumstances,
             double                 tuition_usd)
{
  switch (circumstances->funding)
    {
    case MP_FUNDING_ALL:
      return tuition_usd;
    case MP_FUNDING_AMOUNT:
      return circumstances->funding_usd;
    case MP_FUNDING_NONE:
    default:
      return 0;
    }
}

double
mp_costs_out_of_pocket (const MpCircumstances *circumstances,
                        double                 tuition_usd)
{
  g_return_val_if_fail (circumstances != NULL, 0);

  return MAX (tuition_usd - funding_for (circumstances, tuition_usd), 0);
}

void
mp_costs_compute (const MpCircumstances *circumstances,
                  double                 tuition_usd,
                  double                 hours_per_week,
                  double                 duration_years,
                  MpProgramCosts        *costs)
{
  g_return_if_fail (circumstances != NULL);
  g_return_if_fail (costs != NULL);

  costs->out_of_pocket_usd = mp_costs_out_of_pocket (circumstances, tuition_usd);
  costs->total_hours = hours_per_week * MP_COSTS_TEACHING_WEEKS_PER_YEAR * duration_years;
  costs->fits_hours = circumstances->hours_per_week < 0 ||
                      hours_per_week <= circumstances->hours_per_week;
  costs->opportunity_usd = circumstances->hour_value_usd < 0
                             ? -1
                             : costs->total_hours * circumstances->hour_value_usd;
}

void
mp_costs_compute_for (const MpCircumstances *circumstances,
                      MpProgram             *program,
                      MpProgramCosts        *costs)
{
  g_return_if_fail (MP_IS_PROGRAM (program));

  mp_costs_compute (circumstances,
                    mp_program_get_tuition (program),
                    mp_program_get_hours_per_week (program),
                    mp_program_get_duration_years (program),
                    costs);
}

/* "$27,000": whole dollars with the locale's grouping. */
static char *
format_usd (double usd)
{
  return mp_utils_format_usd (usd);
}

static char *
format_hours (double hours)
{
  return mp_utils_format_grouped (hours);
}

/* The formulas for @costs, already computed for @program. */
static char *
describe_formulas (const MpCircumstances *circumstances,
                   MpProgram             *program,
                   const MpProgramCosts  *costs)
{
  g_autofree char *tuition = NULL;
  g_autofree char *funding = NULL;
  g_autofree char *pocket = NULL;
  g_autofree char *total = NULL;
  g_autofree char *per_week = NULL;
  g_autofree char *years = NULL;
  g_autofree char *money = NULL;
  g_autofree char *time = NULL;

  tuition = format_usd (mp_program_get_tuition (program));
  funding = format_usd (funding_for (circumstances, mp_program_get_tuition (program)));
  pocket = format_usd (costs->out_of_pocket_usd);
  total = format_hours (costs->total_hours);
  per_week = g_strdup_printf ("%g", mp_program_get_hours_per_week (program));
  years = g_strdup_printf ("%g", mp_program_get_duration_years (program));
  /* TRANSLATORS: the out-of-pocket cost as a formula: tuition, funding,
   * result; never below 0 */
  money = g_strdup_printf (_("%s tuition − %s funding = %s out of pocket"),
                           tuition, funding, pocket);
  /* TRANSLATORS: total hours as a formula: hours a week × teaching weeks a
   * year × years = total */
  time = g_strdup_printf (_("%s hours a week × %d teaching weeks × %s years = %s hours"),
                          per_week, MP_COSTS_TEACHING_WEEKS_PER_YEAR, years, total);
  return g_strdup_printf ("%s; %s", money, time);
}

char *
mp_costs_describe (const MpCircumstances *circumstances,
                   MpProgram             *program)
{
  MpProgramCosts costs;

  g_return_val_if_fail (circumstances != NULL, NULL);
  g_return_val_if_fail (MP_IS_PROGRAM (program), NULL);

  mp_costs_compute_for (circumstances, program, &costs);
  return describe_formulas (circumstances, program, &costs);
}

char *
mp_costs_describe_full (const MpCircumstances *circumstances,
                        MpProgram             *program)
{
  g_autofree char *formula = NULL;
  MpProgramCosts costs;
  GString *text;

  g_return_val_if_fail (circumstances != NULL, NULL);
  g_return_val_if_fail (MP_IS_PROGRAM (program), NULL);

  mp_costs_compute_for (circumstances, program, &costs);
  formula = describe_formulas (circumstances, program, &costs);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s.", formula);
  if (!costs.fits_hours)
    {
      g_string_append_c (text, ' ');
      /* TRANSLATORS: %g is the hours a week the user said they can give */
      g_string_append_printf (text, _("More hours a week than you can give (%g)."),
                              circumstances->hours_per_week);
    }
  if (costs.opportunity_usd >= 0)
    {
      g_autofree char *hours = format_hours (costs.total_hours);
      g_autofree char *value = format_usd (circumstances->hour_value_usd);
      g_autofree char *total = format_usd (costs.opportunity_usd);

      g_string_append_c (text, ' ');
      /* TRANSLATORS: the opportunity cost as a formula: total hours × the
       * value of an hour = the time's worth */
      g_string_append_printf (text, _("Your time: %s hours × %s an hour = %s."),
                              hours, value, total);
    }
  return g_string_free (text, FALSE);
}

char *
mp_costs_describe_compact (const MpCircumstances *circumstances,
                           MpProgram             *program,
                           gboolean              *fits_hours,
                           char                 **spoken)
{
  g_autofree char *pocket = NULL;
  g_autofree char *hours = NULL;
  MpProgramCosts costs;
  char *text;

  g_return_val_if_fail (circumstances != NULL, NULL);
  g_return_val_if_fail (MP_IS_PROGRAM (program), NULL);

  mp_costs_compute_for (circumstances, program, &costs);
  pocket = format_usd (costs.out_of_pocket_usd);
  hours = format_hours (costs.total_hours);
  /* TRANSLATORS: a ranking row's costs: out of pocket, then total hours
   * ("h" for hours); ⚠ leads when the hours a week do not fit */
  text = g_strdup_printf (costs.fits_hours ? _("%s · %s h") : _("⚠ %s · %s h"), pocket, hours);
  if (fits_hours != NULL)
    *fits_hours = costs.fits_hours;
  if (spoken == NULL)
    return text;
  if (costs.fits_hours)
    /* TRANSLATORS: what a screen reader says of a row's costs */
    *spoken = g_strdup_printf (_("%s out of pocket, %s hours in all"), pocket, hours);
  else
    /* TRANSLATORS: what a screen reader says of a row's costs when the
     * program asks more hours a week (%g) than the user can give (%g) */
    *spoken = g_strdup_printf (_("%s out of pocket, %s hours in all; %g hours a week, more "
                                 "than the %g you can give"),
                               pocket, hours, mp_program_get_hours_per_week (program),
                               circumstances->hours_per_week);
  return text;
}

typedef struct {
  double score;
  double cost;
  guint  index;
} Point;

/* Cheapest first; at one cost, best first. */
static int
compare_points (const void *a,
                const void *b)
{
  const Point *p = a, *q = b;

  if (p->cost != q->cost)
    return p->cost < q->cost ? -1 : 1;
  if (p->score != q->score)
    return p->score > q->score ? -1 : 1;
  return (p->index > q->index) - (p->index < q->index);
}

void
mp_costs_pareto_frontier (const double *score,
                          const double *cost,
                          guint         n,
                          gboolean     *on_frontier)
{
  g_autofree Point *points = g_new (Point, MAX (n, 1));
  double best_cheaper = -G_MAXDOUBLE;

  g_return_if_fail (n == 0 || (score != NULL && cost != NULL && on_frontier != NULL));

  for (guint i = 0; i < n; i++)
    points[i] = (Point) { score[i], cost[i], i };
  qsort (points, n, sizeof (Point), compare_points);
  /* A group of equal cost: its best score (the first) is on the frontier
   * unless a strictly cheaper program scores as high; the others of the
   * group are beaten by it unless they tie it. */
  for (guint start = 0; start < n;)
    {
      guint end = start;
      double top = points[start].score;

      while (end < n && points[end].cost == points[start].cost)
        {
          on_frontier[points[end].index] = points[end].score == top && top > best_cheaper;
          end++;
        }
      best_cheaper = MAX (best_cheaper, top);
      start = end;
    }
}
