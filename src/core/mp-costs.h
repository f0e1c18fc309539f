/* mp-costs.h: what a program costs the user: money, hours, and the value
 * for money across programs (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

/* Teaching weeks a year assumed for total hours: two terms of 15 weeks, the
 * common length of a semester; summers and breaks are left out. */
#define MP_COSTS_TEACHING_WEEKS_PER_YEAR 30

#define MP_COSTS_ERROR (mp_costs_error_quark ())

typedef enum {
  MP_COSTS_ERROR_FUNDING,  /* not "none", "all" or an amount */
  MP_COSTS_ERROR_HOURS,    /* not a number of hours a week, 0–168 */
  MP_COSTS_ERROR_HOUR_VALUE, /* not an amount in USD for an hour */
} MpCostsError;

typedef enum {
  MP_FUNDING_NONE,
  MP_FUNDING_AMOUNT,
  MP_FUNDING_ALL,    /* all of the tuition */
} MpFunding;

/* The user's circumstances. */
typedef struct {
  MpFunding funding;
  double    funding_usd;     /* with MP_FUNDING_AMOUNT, ≥ 0 */
  double    hours_per_week;  /* the user can give; < 0: not said */
  double    hour_value_usd;  /* what an hour of theirs is worth; < 0: not said */
} MpCircumstances;

typedef struct {
  double   out_of_pocket_usd;  /* tuition − funding, never below 0 */
  double   total_hours;        /* hours a week × teaching weeks × years */
  gboolean fits_hours;         /* TRUE also when the user's hours are not said */
  double   opportunity_usd;    /* total hours × an hour's value; < 0 when not said */
} MpProgramCosts;

GQuark   mp_costs_error_quark        (void);
/* No funding, hours and an hour's value not said. */
void     mp_circumstances_init       (MpCircumstances       *circumstances);
/* "none", "all", or an amount in USD ("12000", "12000.50"), 0–10 000 000. */
gboolean mp_circumstances_parse_funding (MpCircumstances    *circumstances,
                                      const char            *text,
                                      GError               **error);
/* Hours a week, 0–168. */
gboolean mp_circumstances_parse_hours (MpCircumstances      *circumstances,
                                      const char            *text,
                                      GError               **error);
/* What an hour of the user's time is worth, in USD ("45", "45.50"),
 * 0–10 000 000. */
gboolean mp_circumstances_parse_hour_value (MpCircumstances *circumstances,
                                      const char            *text,
                                      GError               **error);
/* Tuition less the funding, never below 0: what the frontier compares. */
double   mp_costs_out_of_pocket      (const MpCircumstances *circumstances,
                                      double                 tuition_usd);
void     mp_costs_compute            (const MpCircumstances *circumstances,
                                      double                 tuition_usd,
                                      double                 hours_per_week,
                                      double                 duration_years,
                                      MpProgramCosts        *costs);
void     mp_costs_compute_for        (const MpCircumstances *circumstances,
                                      MpProgram             *program,
                                      MpProgramCosts        *costs);
/* "$27,000 tuition − $10,000 funding = $17,000 out of pocket; 14 hours a
 * week × 30 teaching weeks × 2 years = 840 hours" (translated): the formula
 * in words, for the details pane and the brief. */
char    *mp_costs_describe           (const MpCircumstances *circumstances,
                                      MpProgram             *program);
/* mp_costs_describe() as a sentence, then whether the program asks for more
 * hours a week than the user can give and, when an hour's value is said, the
 * opportunity cost as a formula: the details pane's full account. */
char    *mp_costs_describe_full      (const MpCircumstances *circumstances,
                                      MpProgram             *program);

/* "$17,000 · 840 h" (translated), a ranking row's compact account:
 * out of pocket and total hours, led by "⚠ " when the program asks for more
 * hours a week than the user can give (@fits_hours, nullable, says which).
 * @spoken (nullable) gets the same in words, for screen readers. */
char    *mp_costs_describe_compact   (const MpCircumstances *circumstances,
                                      MpProgram             *program,
                                      gboolean              *fits_hours,
                                      char                 **spoken);

/* The value-for-money frontier: @on_frontier[i] is set TRUE when no other
 * program has a score at least as high for a cost at most as high, and is
 * better in one of the two. Equal programs are both on it. O(n log n). */
void     mp_costs_pareto_frontier    (const double          *score,
                                      const double          *cost,
                                      guint                  n,
                                      gboolean              *on_frontier);

G_END_DECLS
