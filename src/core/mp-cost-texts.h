/* mp-cost-texts.h: the ranking rows' compact costs, formatted once per
 * program and circumstances (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-planner.h"

G_BEGIN_DECLS

#define MP_TYPE_COST_TEXTS (mp_cost_texts_get_type ())

G_DECLARE_FINAL_TYPE (MpCostTexts, mp_cost_texts, MP, COST_TEXTS, GObject)

/* A slider step rebinds the visible rows to other programs, while a
 * program's costs change only with the circumstances or the program: the
 * texts are made the first time a row asks (mp_costs_describe_compact())
 * and kept until the planner's circumstances or its store change; then
 * "changed" tells the rows to ask again. */
MpCostTexts *mp_cost_texts_new    (MpPlanner   *planner);
/* The texts of the program at @program in the store; @spoken and
 * @fits_hours are nullable. The strings live until the next "changed". */
const char  *mp_cost_texts_get    (MpCostTexts *self,
                                   guint        program,
                                   const char **spoken,
                                   gboolean    *fits_hours);

/* The circumstances the texts are made for. */
void         mp_cost_texts_get_circumstances (MpCostTexts     *self,
                                   MpCircumstances *circumstances);

G_END_DECLS
