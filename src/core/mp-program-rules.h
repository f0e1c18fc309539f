/* mp-program-rules.h: what a program's values may be, one rule per value,
 * used by the add/edit dialog, the JSON and CSV readers and MpProgram's own
 * setters, so that a value the app saves always loads (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MP_PROGRAM_VALUE_DURATION_YEARS,
  MP_PROGRAM_VALUE_HOURS_PER_WEEK,
  MP_PROGRAM_VALUE_TUITION,
  MP_PROGRAM_VALUE_RATING,
  MP_N_PROGRAM_VALUES
} MpProgramValue;

/* The largest value allowed (the smallest is always 0). */
double    mp_program_rules_get_max          (MpProgramValue  value);
/* @number kept to four decimals, as every number read in is. */
double    mp_program_rules_round            (double          number);
/* Finite and within [0, max]. */
gboolean  mp_program_rules_in_range         (MpProgramValue  value,
                                             double          number);
/* A name is text that is not only blanks. */
gboolean  mp_program_rules_name_is_valid    (const char     *name);
/* Reads a number typed by the user, in the user's locale (LC_NUMERIC):
 * the locale's decimal sign, its digit grouping sign (or, when it has
 * none, the other of "." and ","), spaces as grouping too, and "$" before
 * a tuition. Groups after the first are three digits, so "1,5" is never
 * read as 15. Returns NULL and sets @number, or a sentence for the user
 * that says what is wrong and what would be right. */
char     *mp_program_rules_parse            (MpProgramValue  value,
                                             const char     *text,
                                             double         *number);
/* "Read as 12500." when @text, accepted, is written otherwise than the
 * plain number; NULL when it is written plainly. */
char     *mp_program_rules_describe_reading (const char     *text,
                                             double          number);
/* @number as mp_program_rules_parse() reads it back: the locale's decimal
 * sign, no grouping, at most 6 significant digits after the point. */
char     *mp_program_rules_format           (double          number);
/* A rating range gives its lower end first (equal ends are an exact
 * rating); the readers and the dialog share this rule. */
gboolean  mp_program_rules_range_is_ordered (double          lo,
                                             double          hi);
/* A rating the user is not sure of, typed as its two ends: both blank is
 * unknown (@lo 0, @hi 10, @unknown TRUE); otherwise each end is read as
 * mp_program_rules_parse() reads a rating, the lower first. Returns NULL,
 * or a sentence for the user. */
char     *mp_program_rules_parse_rating_range (const char   *lo_text,
                                               const char   *hi_text,
                                               double       *lo,
                                               double       *hi,
                                               gboolean     *unknown);

G_END_DECLS
