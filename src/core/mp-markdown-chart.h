/* mp-markdown-chart.h: the ```chart block of an article (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char   *label;
  double  value;
} MpChartBar;

/* A ```chart block: option lines, then one "Label: number" per bar. */
typedef struct {
  char   *title;
  char   *caption;
  char   *unit;
  double  max;          /* 0 means "the largest value" */
  GArray *bars;         /* of MpChartBar */
  char   *error;        /* set when the block cannot be drawn; names file and line */
} MpChart;

/* Parses a ```chart block's text; @first_line numbers errors.
 * Never fails: a chart that cannot be drawn carries its error. */
MpChart *mp_chart_parse      (const char *text,
                              const char *file_name,
                              guint       first_line);
void     mp_chart_free       (MpChart    *chart);

G_END_DECLS
