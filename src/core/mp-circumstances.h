/* mp-circumstances.h: the user's circumstances as a value type, and the
 * rules that keep them valid (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mp-costs.h"

G_BEGIN_DECLS

/* The highest funding and hour value accepted, in US dollars. */
#define MP_CIRCUMSTANCES_MAX_USD 10000000.0
#define MP_CIRCUMSTANCES_MAX_HOURS 168.0

#define MP_TYPE_CIRCUMSTANCES (mp_circumstances_get_type ())

/* The flowchart's funding question, as answered. */
typedef enum {
  MP_FUNDING_ANSWER_NONE,  /* not reached or not answered */
  MP_FUNDING_ANSWER_YES,
  MP_FUNDING_ANSWER_NO,
} MpFundingAnswer;

/* MpCircumstances (mp-costs.h) as a boxed type, for properties. */
GType            mp_circumstances_get_type    (void) G_GNUC_CONST;
MpCircumstances *mp_circumstances_copy        (const MpCircumstances *circumstances);
void             mp_circumstances_free        (MpCircumstances       *circumstances);
gboolean         mp_circumstances_equal       (const MpCircumstances *a,
                                               const MpCircumstances *b);
/* Brings every field into its range: funding 0–MP_CIRCUMSTANCES_MAX_USD,
 * hours -1 (not said) or 0–168, hour value -1 (not said) or 0–max; NaN and
 * other broken values become "not said" or 0. What a loader or the settings
 * hand over goes through here, as typed text goes through the parsers. */
void             mp_circumstances_clean       (MpCircumstances       *circumstances);

/* "none", "amount", "all": the settings' and the "funding" property's keys. */
const char      *mp_funding_to_key            (MpFunding              funding);
MpFunding        mp_funding_from_key          (const char            *key);

/* "yes", "no" or "" (none). */
const char      *mp_funding_answer_to_key     (MpFundingAnswer        answer);
MpFundingAnswer  mp_funding_answer_from_key   (const char            *key);
/* The funding an answer starts from: No → none, Yes → all of the tuition
 * (the user then says how much); FALSE for MP_FUNDING_ANSWER_NONE. */
gboolean         mp_funding_answer_apply      (MpFundingAnswer        answer,
                                               MpCircumstances       *circumstances);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpCircumstances, mp_circumstances_free)

G_END_DECLS
