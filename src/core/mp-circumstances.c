/* mp-circumstances.c: the user's circumstances as a value type, and the
 * rules that keep them valid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-circumstances.h"

#include <math.h>

static const char * const funding_keys[] = { "none", "amount", "all" };
static const char * const answer_keys[] = { "", "yes", "no" };

G_DEFINE_BOXED_TYPE (MpCircumstances, mp_circumstances,
                     mp_circumstances_copy, mp_circumstances_free)

MpCircumstances *
mp_circumstances_copy (const MpCircumstances *circumstances)
{
  MpCircumstances *copy;

  g_return_val_if_fail (circumstances != NULL, NULL);
  copy = g_new (MpCircumstances, 1);
  *copy = *circumstances;
  return copy;
}

void
mp_circumstances_free (MpCircumstances *circumstances)
{
  g_free (circumstances);
}

gboolean
mp_circumstances_equal (const MpCircumstances *a,
                        const MpCircumstances *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->funding == b->funding && a->funding_usd == b->funding_usd
         && a->hours_per_week == b->hours_per_week && a->hour_value_usd == b->hour_value_usd;
}

/* A value the user did not give stays -1; anything else is put in range. */
static double
clean_optional (double value,
                double max)
{
  if (isnan (value) || value < 0)
    return -1;
  return MIN (value, max);
}

void
mp_circumstances_clean (MpCircumstances *circumstances)
{
  g_return_if_fail (circumstances != NULL);

  if ((guint) circumstances->funding > MP_FUNDING_ALL)
    circumstances->funding = MP_FUNDING_NONE;
  if (isnan (circumstances->funding_usd))
    circumstances->funding_usd = 0;
  circumstances->funding_usd = CLAMP (circumstances->funding_usd, 0, MP_CIRCUMSTANCES_MAX_USD);
  circumstances->hours_per_week = clean_optional (circumstances->hours_per_week,
                                                  MP_CIRCUMSTANCES_MAX_HOURS);
  circumstances->hour_value_usd = clean_optional (circumstances->hour_value_usd,
                                                  MP_CIRCUMSTANCES_MAX_USD);
}

const char *
mp_funding_to_key (MpFunding funding)
{
  return (guint) funding < G_N_ELEMENTS (funding_keys) ? funding_keys[funding] : "none";
}

MpFunding
mp_funding_from_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (funding_keys); i++)
    if (g_strcmp0 (key, funding_keys[i]) == 0)
      return i;
  return MP_FUNDING_NONE;
}

const char *
mp_funding_answer_to_key (MpFundingAnswer answer)
{
  return (guint) answer < G_N_ELEMENTS (answer_keys) ? answer_keys[answer] : "";
}

MpFundingAnswer
mp_funding_answer_from_key (const char *key)
{
  for (guint i = 1; i < G_N_ELEMENTS (answer_keys); i++)
    if (g_strcmp0 (key, answer_keys[i]) == 0)
      return i;
  return MP_FUNDING_ANSWER_NONE;
}

gboolean
mp_funding_answer_apply (MpFundingAnswer  answer,
                         MpCircumstances *circumstances)
{
  g_return_val_if_fail (circumstances != NULL, FALSE);

  if (answer == MP_FUNDING_ANSWER_NO)
    circumstances->funding = MP_FUNDING_NONE;
  else if (answer == MP_FUNDING_ANSWER_YES)
    circumstances->funding = MP_FUNDING_ALL;
  else
    return FALSE;
  return TRUE;
}
