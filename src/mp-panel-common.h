/* mp-panel-common.h: colours, number formats and styles the panel's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-criteria.h"
#include "mp-planner.h"

G_BEGIN_DECLS

/* The planner decides how many programs are compared; one colour each. */
#define MP_PANEL_MAX_COMPARED MP_PLANNER_MAX_COMPARED

/* One colour per criterion (the contribution bars and their legend). */
void  mp_panel_criterion_color (MpCriterion  criterion,
                                GdkRGBA     *color);
/* One colour per compared program, @slot < MP_PANEL_MAX_COMPARED. */
void  mp_panel_compare_color   (guint        slot,
                                GdkRGBA     *color);
/* "$42,000" with the locale's digit grouping; "Free" for 0. */
char *mp_panel_format_tuition  (double       usd);
/* "82.5" */
char *mp_panel_format_score    (double       score);
/* "1.5 years" */
char *mp_panel_format_years    (double       years);
/* "12 h/week" */
char *mp_panel_format_hours    (double       hours);
/* A small rounded square in @color: a legend entry. */
GtkWidget *mp_panel_swatch_new (const GdkRGBA *color);
/* Loads the panel's style sheet once for the default display. */
void  mp_panel_ensure_css      (void);

G_END_DECLS
