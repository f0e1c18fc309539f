/* mp-markdown-chart.c: the ```chart block syntax
 *
 *   title: What matters most        (options, optional, before the bars)
 *   caption: …
 *   unit: points
 *   max: 100
 *   Faculty quality: 90             (one bar per line)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-markdown-chart.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

/* Option lines are only recognised before the first bar. */
static gboolean
parse_option (MpChart    *chart,
              const char *key,
              const char *value,
              char      **error)
{
  if (g_ascii_strcasecmp (key, "title") == 0)
    {
      g_free (chart->title);
      chart->title = g_strdup (value);
    }
  else if (g_ascii_strcasecmp (key, "caption") == 0)
    {
      g_free (chart->caption);
      chart->caption = g_strdup (value);
    }
  else if (g_ascii_strcasecmp (key, "unit") == 0)
    {
      g_free (chart->unit);
      chart->unit = g_strdup (value);
    }
  else if (g_ascii_strcasecmp (key, "max") == 0)
    {
      if (!parse_number (value, &chart->max) || chart->max <= 0)
        {
          /* Translators: an error in a ```chart block */
          *error = g_strdup_printf (_("“max:” needs a positive number, not “%s”"), value);
        }
    }
  else
    return FALSE;
  return TRUE;
}

static char *
parse_bar (MpChart    *chart,
           const char *key,
           const char *value,
           const char *line)
{
  MpChartBar bar;

  if (key == NULL || *key == '\0' || !parse_number (value, &bar.value))
    /* Translators: an error in a ```chart block; keep “Label: number” as is */
    return g_strdup_printf (_("“%s” is not a bar (“Label: number”)"), line);
  if (bar.value < 0)
    return g_strdup_printf (_("“%s”: a bar cannot be negative"), line);
  bar.label = g_strdup (key);
  g_array_append_val (chart->bars, bar);
  return NULL;
}

static void
chart_bar_clear (MpChartBar *bar)
{
  g_free (bar->label);
}

MpChart *
mp_chart_parse (const char *text,
                const char *file_name,
                guint       first_line)
{
  MpChart *chart = g_new0 (MpChart, 1);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean in_options = TRUE;
  char *error = NULL;
  guint i;

  chart->bars = g_array_new (FALSE, TRUE, sizeof (MpChartBar));
  g_array_set_clear_func (chart->bars, (GDestroyNotify) chart_bar_clear);

  for (i = 0; lines[i] != NULL && error == NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      const char *colon = strrchr (line, ':');
      g_autofree char *key = NULL;
      const char *value = "";

      if (*line == '\0')
        continue;
      if (colon != NULL)
        {
          key = g_strstrip (g_strndup (line, colon - line));
          value = colon + 1;
          while (g_ascii_isspace (*value))
            value++;
        }
      if (in_options && key != NULL && parse_option (chart, key, value, &error))
        continue;
      in_options = FALSE;
      error = parse_bar (chart, key, value, line);
    }

  if (error == NULL && chart->bars->len == 0)
    {
      i = 0;
      error = g_strdup (_("the chart has no bars (“Label: number” lines)"));
    }
  if (error != NULL)
    {
      guint line = first_line > 0 && i > 0 ? first_line + i - 1 : first_line;

      /* Translators: FILE:LINE: chart error */
      chart->error = line > 0 ? g_strdup_printf (_("%s:%u: %s"), file_name, line, error)
                              : g_strdup_printf (_("%s: %s"), file_name, error);
      g_free (error);
    }
  return chart;
}

void
mp_chart_free (MpChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->caption);
  g_free (chart->unit);
  g_free (chart->error);
  g_array_unref (chart->bars);
  g_free (chart);
}
