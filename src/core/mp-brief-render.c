/* mp-brief-render.c: the decision brief's pages (Pango + cairo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-brief-render.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include "mp-criteria.h"
#include "mp-print-text.h"
#include "mp-safe-file.h"
#include "mp-utils.h"
#include "mp-value-paint.h"

#define MARGIN 48.0     /* points: about 1.7 cm */
#define GAP 6.0
#define FOOTER 24.0
#define BODY_SIZE 10.0
/* The value chart's height, and the lower one used when the brief would
 * otherwise run to a third page. */
#define VALUE_CHART_HEIGHT 140.0
#define VALUE_CHART_HEIGHT_TIGHT 96.0
/* The frontier named under the chart: more would crowd the second page. */
#define MAX_FRONTIER_NAMED 8

/* Only black and greys, so a grayscale printer loses nothing. */
static const double criterion_grey[MP_N_CRITERIA] = { 0.15, 0.35, 0.55, 0.72, 0.87 };

typedef struct {
  cairo_t *cr;
  double   width;
  double   height;
  double   y;
  int      page;    /* the page being laid out */
  int      target;  /* the page to draw, or -1 */
  MpBrief *brief;
  double   chart_height;
} Pen;

MpBriefPaper
mp_brief_paper_default (void)
{
#if defined(__GLIBC__) && defined(_NL_PAPER_WIDTH)
  /* glibc hands these integers back through the char pointer. */
  union { char *string; unsigned int word; } w, h;

  w.string = nl_langinfo (_NL_PAPER_WIDTH);
  h.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (w.word == 216 && h.word == 279)
    return MP_BRIEF_PAPER_LETTER;
#endif
  return MP_BRIEF_PAPER_A4;
}

void
mp_brief_paper_size (MpBriefPaper  paper,
                     double       *width,
                     double       *height)
{
  /* A4 is 210 × 297 mm; Letter 8.5 × 11 in. */
  *width = paper == MP_BRIEF_PAPER_LETTER ? 612.0 : 595.276;
  *height = paper == MP_BRIEF_PAPER_LETTER ? 792.0 : 841.89;
}

/* @text cut to @max characters at a word, with "…" when cut: a program's
 * name or the user's "why" may be of any length, the brief is not. */
static char *
cut_text (const char *text,
          glong       max)
{
  g_autofree char *head = NULL;
  char *space;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, max);
  space = strrchr (head, ' ');
  if (space != NULL && g_utf8_strlen (head, space - head) > max / 2)
    *space = '\0';
  return g_strconcat (g_strchomp (head), "…", NULL);
}

/* Long enough for any real program's name on two lines of the table. */
#define MAX_NAME_CHARS 48

static double
content_width (Pen *pen)
{
  return pen->width - 2 * MARGIN;
}

static gboolean
drawing (Pen *pen)
{
  return pen->target == pen->page;
}

static PangoLayout *
new_layout (Pen        *pen,
            const char *markup,
            double      size,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* Starts a new page unless @needed points fit below the pen. */
static void
make_room (Pen    *pen,
           double  needed)
{
  if (pen->y + needed <= pen->height - MARGIN - FOOTER || pen->y <= MARGIN)
    return;
  pen->page++;
  pen->y = MARGIN;
}

static void
show (Pen         *pen,
      PangoLayout *layout,
      double       x,
      double       y)
{
  if (!drawing (pen))
    return;
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, layout);
}

/* A paragraph followed by @gap points; @keep: points that must fit after it
 * on the same page. */
static void
paragraph_spaced (Pen        *pen,
                  const char *markup,
                  double      size,
                  double      indent,
                  double      keep,
                  double      gap)
{
  g_autoptr(PangoLayout) layout = new_layout (pen, markup, size, content_width (pen) - indent);
  double h = layout_height (layout);

  make_room (pen, h + keep);
  show (pen, layout, MARGIN + indent, pen->y);
  pen->y += h + gap;
}

static void
paragraph (Pen        *pen,
           const char *markup,
           double      size,
           double      indent,
           double      keep)
{
  paragraph_spaced (pen, markup, size, indent, keep, GAP);
}

static void
heading (Pen        *pen,
         const char *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

  pen->y += GAP / 2;
  paragraph (pen, markup, 12, 0, 40);
  if (drawing (pen))
    {
      cairo_set_source_rgb (pen->cr, 0.4, 0.4, 0.4);
      cairo_set_line_width (pen->cr, 0.75);
      cairo_move_to (pen->cr, MARGIN, pen->y - GAP / 2);
      cairo_line_to (pen->cr, pen->width - MARGIN, pen->y - GAP / 2);
      cairo_stroke (pen->cr);
    }
  pen->y += GAP / 2;
}

/* The brief's date in the language of the brief: %B would take the month's
 * name from the system's LC_TIME, which may be another language (“6 de
 * December de 2026”), so the month comes from the translation. */
static char *
format_brief_date (GDateTime *date)
{
  static const char * const months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  const char *month = g_dpgettext2 (GETTEXT_PACKAGE, "month",
                                    months[g_date_time_get_month (date) - 1]);
  /* Translators: the date on the decision brief, in g_date_time_format() codes;
   * %B is the month's name from the "month" strings */
  const char *layout = C_("brief date", "%-d %B %Y");
  g_autoptr(GString) format = g_string_new (layout);
  g_autoptr(GString) escaped = g_string_new (NULL);

  for (const char *c = month; *c != '\0'; c++)
    {
      if (*c == '%')
        g_string_append_c (escaped, '%');
      g_string_append_c (escaped, *c);
    }
  g_string_replace (format, "%B", escaped->str, 0);
  return g_date_time_format (date, format->str);
}

static void
render_title (Pen     *pen,
              MpBrief *brief)
{
  g_autofree char *date = format_brief_date (brief->date);
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", _("Decision Brief"));
  g_autofree char *line = g_markup_printf_escaped ("Master Plan · %s", date);

  paragraph (pen, title, 18, 0, 0);
  paragraph (pen, line, BODY_SIZE, 0, 0);
}

static void
render_flowchart (Pen     *pen,
                  MpBrief *brief)
{
  heading (pen, _("The flowchart"));
  for (guint i = 0; i < brief->steps->len; i++)
    {
      MpBriefStep *step = g_ptr_array_index (brief->steps, i);
      g_autofree char *markup = step->answer != NULL
        ? g_markup_printf_escaped ("%s  <b>%s</b>", step->question, step->answer)
        : g_markup_printf_escaped ("→ %s", step->question);
      paragraph (pen, markup, BODY_SIZE, 12, 0);
    }
  if (brief->outcome != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("%s <b>%s</b>", _("Outcome:"),
                                                         brief->outcome);
      paragraph (pen, markup, 11, 0, 0);
      if (brief->explanation != NULL)
        {
          g_autofree char *note = g_markup_printf_escaped ("<i>%s</i>", brief->explanation);
          paragraph (pen, note, BODY_SIZE, 12, 0);
        }
    }
  else if (brief->stopped_at != NULL && brief->steps->len > 0)
    {
      g_autofree char *markup = g_markup_printf_escaped (_("Not finished: the flowchart stands at “%s”."),
                                                         brief->stopped_at);
      paragraph (pen, markup, BODY_SIZE, 0, 0);
    }
  else
    paragraph (pen, _("The flowchart’s questions were not answered."), BODY_SIZE, 0, 0);
}

static void
bar (Pen    *pen,
     double  x,
     double  y,
     double  w,
     double  h,
     double  grey)
{
  if (!drawing (pen) || w <= 0)
    return;
  cairo_rectangle (pen->cr, x, y, w, h);
  cairo_set_source_rgb (pen->cr, grey, grey, grey);
  cairo_fill_preserve (pen->cr);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_stroke (pen->cr);
}

/* What the trade-off answers suggest, in one paragraph under the weights:
 * the weights they give and where the sliders part from them. */
static void
render_tradeoff (Pen     *pen,
                 MpBrief *brief)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  if (brief->n_tradeoff_answers == 0)
    return;
  if (brief->has_tradeoff_weights)
    {
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                          "Your %u trade-off answer suggests:",
                                          "Your %u trade-off answers suggest:",
                                          brief->n_tradeoff_answers),
                       brief->n_tradeoff_answers);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        g_string_append_printf (text, "%s %s %.0f", c == 0 ? "" : ",",
                                mp_criterion_get_label (c), brief->tradeoff_weights.w[c]);
      g_string_append (text, ". ");
      g_string_append (text, brief->tradeoff_note != NULL
                             ? brief->tradeoff_note
                             : _("The weights above agree with them."));
      /* The disagreement sentence is written for a label, without a stop. */
      if (!g_str_has_suffix (text->str, "."))
        g_string_append_c (text, '.');
    }
  else
    {
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                          "Your %u trade-off answer gives no weights:",
                                          "Your %u trade-off answers give no weights:",
                                          brief->n_tradeoff_answers),
                       brief->n_tradeoff_answers);
      g_string_append_c (text, ' ');
      g_string_append (text, brief->tradeoff_note != NULL ? brief->tradeoff_note
                                                          : _("they contradict each other."));
    }
  escaped = g_markup_escape_text (text->str, -1);
  paragraph (pen, escaped, 9, 0, 0);
}

/* The five weights side by side: each criterion's name, its weight and a
 * bar, in a column of its own (a fifth of the width). */
static void
render_weights (Pen     *pen,
                MpBrief *brief)
{
  double column = content_width (pen) / MP_N_CRITERIA, label_h = 0;

  heading (pen, _("Weights"));
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      g_autofree char *label = g_markup_escape_text (mp_criterion_get_label (c), -1);
      g_autoptr(PangoLayout) name = new_layout (pen, label, 9, column - 6);

      pango_layout_set_wrap (name, PANGO_WRAP_WORD);
      label_h = MAX (label_h, layout_height (name));
    }
  make_room (pen, label_h + 14);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      double x = MARGIN + c * column;
      g_autofree char *label = g_markup_escape_text (mp_criterion_get_label (c), -1);
      g_autofree char *value = g_strdup_printf ("<b>%.0f</b>", brief->weights.w[c]);
      g_autoptr(PangoLayout) name = new_layout (pen, label, 9, column - 6);
      g_autoptr(PangoLayout) number = new_layout (pen, value, BODY_SIZE, 24);

      pango_layout_set_wrap (name, PANGO_WRAP_WORD);
      show (pen, name, x, pen->y);
      show (pen, number, x, pen->y + label_h + 1);
      bar (pen, x + 24, pen->y + label_h + 3, (column - 34) * brief->weights.w[c] / 100.0,
           BODY_SIZE - 1, criterion_grey[c]);
    }
  pen->y += label_h + 14 + GAP;
  render_tradeoff (pen, brief);
}

#define RANK_W 20.0
#define SCORE_W 42.0
#define PART_W 50.0
#define HEADER_SIZE 6.0
#define TABLE_SIZE 8.5

static double
program_column_width (Pen *pen)
{
  return content_width (pen) - RANK_W - SCORE_W - MP_N_CRITERIA * PART_W;
}

/* A cell, right-aligned unless @left; returns its height. */
static double
cell_sized (Pen        *pen,
            const char *markup,
            double      size,
            double      x,
            double      width,
            gboolean    left)
{
  g_autoptr(PangoLayout) layout = new_layout (pen, markup, size, width - 4);
  double h = layout_height (layout);

  pango_layout_set_alignment (layout, left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  /* Criteria's names break between words only. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  show (pen, layout, x, pen->y);
  return h;
}

static double
cell (Pen        *pen,
      const char *markup,
      double      x,
      double      width,
      gboolean    left)
{
  return cell_sized (pen, markup, TABLE_SIZE, x, width, left);
}

static void
table_header (Pen *pen)
{
  double x = MARGIN + RANK_W + program_column_width (pen) + SCORE_W;
  g_autofree char *program = g_markup_printf_escaped ("<b>%s</b>", _("Program"));
  g_autofree char *score = g_markup_printf_escaped ("<b>%s</b>", _("Score"));
  double h = 0;

  cell (pen, "<b>#</b>", MARGIN, RANK_W, TRUE);
  cell (pen, program, MARGIN + RANK_W, program_column_width (pen), TRUE);
  cell_sized (pen, score, HEADER_SIZE, x - SCORE_W, SCORE_W, FALSE);
  for (guint c = 0; c < MP_N_CRITERIA; c++, x += PART_W)
    {
      g_autofree char *label = g_markup_escape_text (mp_criterion_get_label (c), -1);

      h = MAX (h, cell_sized (pen, label, HEADER_SIZE, x, PART_W, FALSE));
    }
  /* The key to the bars' greys, under each criterion's name. */
  x = MARGIN + RANK_W + program_column_width (pen) + SCORE_W;
  for (guint c = 0; c < MP_N_CRITERIA; c++, x += PART_W)
    bar (pen, x + PART_W - 16, pen->y + h + 1, 12, 6, criterion_grey[c]);
  pen->y += h + 12;
}

/* "; $17,000 out of pocket; 840 h, more than you can give" or "". */
static char *
costs_text (MpBrief            *brief,
            const MpBriefEntry *entry)
{
  g_autofree char *pocket = NULL;
  g_autofree char *hours = NULL;

  if (brief == NULL || !brief->has_costs)
    return g_strdup ("");
  pocket = mp_utils_format_usd (entry->costs.out_of_pocket_usd);
  hours = mp_utils_format_grouped (entry->costs.total_hours);
  /* Translators: after a program's kind on the brief: its out-of-pocket
   * cost ("$17,000"), total hours ("840") and maybe the next string */
  return g_strdup_printf (_("; %s out of pocket; %s h%s"), pocket, hours,
                          entry->costs.fits_hours ? "" : _(", more than you can give"));
}

static void
table_row (Pen                *pen,
           const MpBriefEntry *entry)
{
  double name_w = program_column_width (pen);
  double x = MARGIN + RANK_W + name_w + SCORE_W;
  g_autofree char *rank = g_strdup_printf ("%u", entry->rank);
  g_autofree char *costs = costs_text (pen->brief, entry);
  g_autofree char *short_name = cut_text (entry->name, MAX_NAME_CHARS);
  g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", short_name);
  /* The kind and costs run under the numbers too: one line, not three. */
  g_autofree char *detail = g_markup_printf_escaped ("%s%s", entry->kind, costs);
  g_autofree char *score = g_strdup_printf ("<b>%.1f</b>", entry->score);
  g_autoptr(PangoLayout) probe = new_layout (pen, name, TABLE_SIZE, name_w - 4);
  g_autoptr(PangoLayout) detail_layout = new_layout (pen, detail, 7.5,
                                                     content_width (pen) - RANK_W - 4);
  double name_h = layout_height (probe), h = name_h + layout_height (detail_layout);
  double bar_x = MARGIN + RANK_W;
  int page;

  page = pen->page;
  make_room (pen, h + 9);
  /* A table that goes on over a page break repeats its header. */
  if (pen->page != page)
    {
      table_header (pen);
      x = MARGIN + RANK_W + name_w + SCORE_W;
    }
  if (drawing (pen))
    {
      cairo_set_source_rgb (pen->cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (pen->cr, 0.5);
      cairo_move_to (pen->cr, MARGIN, pen->y - 1);
      cairo_line_to (pen->cr, pen->width - MARGIN, pen->y - 1);
      cairo_stroke (pen->cr);
    }
  cell (pen, rank, MARGIN, RANK_W, TRUE);
  cell (pen, name, MARGIN + RANK_W, name_w, TRUE);
  show (pen, detail_layout, MARGIN + RANK_W, pen->y + name_h);
  cell (pen, score, x - SCORE_W, SCORE_W, FALSE);
  for (guint c = 0; c < MP_N_CRITERIA; c++, x += PART_W)
    {
      g_autofree char *part = g_strdup_printf ("%.1f", entry->contributions[c]);
      double w = (name_w - 8) * entry->contributions[c] / 100.0;

      cell (pen, part, x, PART_W, FALSE);
      bar (pen, bar_x, pen->y + h + 2, w, 5, criterion_grey[c]);
      bar_x += w;
    }
  pen->y += h + 9;
}

static void
draw_table (Pen     *pen,
            MpBrief *brief)
{
  table_header (pen);
  for (guint i = 0; i < brief->top->len; i++)
    table_row (pen, &g_array_index (brief->top, MpBriefEntry, i));
}

/* The height of the header and the first two rows, measured on an endless
 * page: no fewer go below the section's heading. */
static double
table_start_height (Pen     *pen,
                    MpBrief *brief)
{
  Pen scratch = *pen;

  scratch.target = -1;
  scratch.y = 0;
  scratch.height = G_MAXFLOAT;
  table_header (&scratch);
  for (guint i = 0; i < MIN (brief->top->len, 2); i++)
    table_row (&scratch, &g_array_index (brief->top, MpBriefEntry, i));
  return scratch.y;
}

static void
render_ranking (Pen     *pen,
                MpBrief *brief)
{
  g_autofree char *intro = NULL;

  /* The heading stays with the start of the table. */
  make_room (pen, 60 + table_start_height (pen, brief));
  heading (pen, _("The top five"));
  if (!brief->has_scores || brief->top->len == 0)
    {
      paragraph (pen, brief->has_scores ? _("No program passes the filter.")
                                        : _("All weights are zero, so nothing is ranked."),
                 BODY_SIZE, 0, 0);
      return;
    }
  intro = g_strdup_printf (_("Score out of 100 and the points each criterion brings, of %u programs ranked."),
                           brief->n_ranked);
  paragraph (pen, intro, 9, 0, 0);
  draw_table (pen, brief);
}

/* Each of the top five: how often it is first, in the top three, and the
 * ranks it takes in nine weightings in ten. */
static void
render_confidence (Pen     *pen,
                   MpBrief *brief)
{
  g_autofree char *intro = NULL;

  if (!brief->has_confidence)
    return;
  make_room (pen, 60 + 3 * 14);
  heading (pen, _("How sure the ranking is"));
  /* Translators: %g is the spread in weight points, %u the number of samples */
  intro = g_strdup_printf (_("Shares of %u weightings drawn with each weight up to %g points "
                             "either side of yours, and unknown ratings anywhere from 0 to 10."),
                           brief->confidence_samples, brief->confidence_spread);
  paragraph_spaced (pen, intro, 8.5, 0, 0, 3);
  for (guint i = 0; i < brief->top->len; i++)
    {
      const MpBriefEntry *e = &g_array_index (brief->top, MpBriefEntry, i);
      g_autofree char *name = cut_text (e->name, MAX_NAME_CHARS);
      g_autofree char *ranks = e->rank_p5 == e->rank_p95
        ? g_strdup_printf ("%u", e->rank_p5) : g_strdup_printf ("%u–%u", e->rank_p5, e->rank_p95);
      /* Translators: rank, name, share first, share in the top three, ranks
       * in 90 % of the weightings */
      g_autofree char *line = g_markup_printf_escaped (_("%u. <b>%s</b>: first in %.0f %%, "
                                                         "in the top three in %.0f %%, "
                                                         "rank %s in 90 %%"),
                                                       e->rank, name, 100 * e->p_first,
                                                       100 * e->p_top3, ranks);

      paragraph_spaced (pen, line, TABLE_SIZE, 12, 0, 2);
    }
}

static void
draw_value_chart (Pen     *pen,
                  MpBrief *brief)
{
  MpValueStyle style;

  if (!drawing (pen))
    return;
  mp_value_style_init_print (&style);
  style.font_size = 7.5;
  cairo_save (pen->cr);
  cairo_translate (pen->cr, MARGIN, pen->y);
  mp_value_paint (brief->value_plot, pen->cr, content_width (pen), pen->chart_height, &style);
  cairo_restore (pen->cr);
}

/* The value chart and its reading: the frontier in words. */
static void
render_value (Pen     *pen,
              MpBrief *brief)
{
  MpValuePlot *plot = brief->value_plot;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *caption = NULL;
  guint n_frontier;

  if (plot == NULL || mp_value_plot_get_n_points (plot) == 0)
    return;
  make_room (pen, 40 + pen->chart_height);
  heading (pen, _("Costs and value for money"));
  draw_value_chart (pen, brief);
  pen->y += pen->chart_height + GAP;
  n_frontier = mp_value_plot_get_n_frontier (plot);
  for (guint k = 0; k < MIN (n_frontier, MAX_FRONTIER_NAMED); k++)
    {
      guint i = mp_value_plot_get_frontier (plot, k);
      const MpValuePoint *p = mp_value_plot_get_point (plot, i);
      g_autofree char *name = cut_text (mp_value_plot_get_name (plot, i), MAX_NAME_CHARS);
      g_autofree char *cost = mp_utils_format_usd (p->cost);

      g_string_append_printf (names, "%s%s (%.1f, %s)", k > 0 ? "; " : "", name, p->score, cost);
    }
  if (n_frontier > MAX_FRONTIER_NAMED)
    {
      /* Translators: ends the list of best-value programs when it is cut short */
      g_string_append_printf (names, _("; and %u more"), n_frontier - MAX_FRONTIER_NAMED);
    }
  /* Translators: the programs of the value chart's frontier follow */
  caption = g_markup_printf_escaped (_("Best value — no other program scores higher for less "
                                       "out of pocket: %s."), names->str);
  paragraph (pen, caption, 8.5, 0, 0);
}

static char *
choice_text (MpBrief *brief)
{
  g_autofree char *chosen = NULL;
  g_autofree char *first = NULL;

  if (brief->choice_id == NULL)
    return g_markup_escape_text (_("Not filled in."), -1);
  if (*brief->choice_id == '\0')
    return g_markup_printf_escaped ("<b>%s</b>", _("None of the programs"));
  chosen = cut_text (brief->choice_name, MAX_NAME_CHARS);
  if (brief->choice_rank == 1)
    return g_markup_printf_escaped (_("<b>%s</b>, first in the ranking"), chosen);
  if (brief->choice_rank == 0 || brief->top->len == 0)
    return g_markup_printf_escaped (_("<b>%s</b>, which the ranking above leaves out"), chosen);
  first = cut_text (g_array_index (brief->top, MpBriefEntry, 0).name, MAX_NAME_CHARS);
  return g_markup_printf_escaped (_("<b>%s</b>, ranked %d; the ranking puts %s first"),
                                  chosen, brief->choice_rank, first);
}

static void
render_choice (Pen     *pen,
               MpBrief *brief)
{
  g_autofree char *choice = NULL;
  g_autofree char *why = NULL;
  g_autofree char *why_line = NULL;

  heading (pen, _("My choice"));
  /* Nothing filled in: one line, not two empty fields. */
  if (brief->choice_id == NULL && brief->why == NULL)
    {
      paragraph (pen, _("Not filled in: the program chosen and why."), BODY_SIZE, 0, 0);
      return;
    }
  choice = choice_text (brief);
  paragraph (pen, choice, BODY_SIZE, 0, 0);
  why = cut_text (brief->why != NULL ? brief->why : _("Not filled in."), MP_BRIEF_WHY_MAX_CHARS);
  /* Translators: the user's reasons on the brief; %s is their text */
  why_line = g_markup_printf_escaped (_("<b>Why:</b> %s"), why);
  paragraph (pen, why_line, 9, 0, 0);
}

static void
render_footer (Pen   *pen,
               guint  n_pages)
{
  /* Translators: the footer of each page of the decision brief. */
  g_autofree char *text = g_strdup_printf (_("Master Plan decision brief · page %d of %u"),
                                           pen->target + 1, n_pages);
  g_autoptr(PangoLayout) layout = new_layout (pen, "", 8, content_width (pen));

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (pen->cr, 0.3, 0.3, 0.3);
  cairo_move_to (pen->cr, MARGIN, pen->height - MARGIN);
  pango_cairo_show_layout (pen->cr, layout);
}

static guint
lay_out (MpBrief *brief,
         cairo_t *cr,
         double   width,
         double   height,
         double   chart_height,
         int      target)
{
  Pen pen = { cr, width, height, MARGIN, 0, target, brief, chart_height };

  render_title (&pen, brief);
  render_flowchart (&pen, brief);
  render_weights (&pen, brief);
  render_ranking (&pen, brief);
  render_confidence (&pen, brief);
  render_value (&pen, brief);
  render_choice (&pen, brief);
  return pen.page + 1;
}

void
mp_brief_lay_out (MpBrief       *brief,
                  cairo_t       *cr,
                  double         width,
                  double         height,
                  MpBriefLayout *layout)
{
  g_return_if_fail (brief != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  layout->width = width;
  layout->height = height;
  /* The full chart unless it pushes the brief onto a third page. */
  layout->chart_height = VALUE_CHART_HEIGHT;
  layout->n_pages = lay_out (brief, cr, width, height, VALUE_CHART_HEIGHT, -1);
  if (layout->n_pages > 2)
    {
      layout->chart_height = VALUE_CHART_HEIGHT_TIGHT;
      layout->n_pages = lay_out (brief, cr, width, height, VALUE_CHART_HEIGHT_TIGHT, -1);
    }
}

void
mp_brief_draw_page (MpBrief             *brief,
                    cairo_t             *cr,
                    const MpBriefLayout *layout,
                    guint                page)
{
  Pen pen = { cr, layout->width, layout->height, MARGIN, (int) page, (int) page, brief,
              layout->chart_height };

  g_return_if_fail (brief != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < layout->n_pages);

  cairo_save (cr);
  lay_out (brief, cr, layout->width, layout->height, layout->chart_height, (int) page);
  render_footer (&pen, layout->n_pages);
  cairo_restore (cr);
}

gboolean
mp_brief_write_pdf (MpBrief      *brief,
                    MpBriefPaper  paper,
                    const char   *path,
                    GError      **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  MpBriefLayout layout;
  double width, height;

  g_return_val_if_fail (brief != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  mp_brief_paper_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (mp_print_append_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Decision Brief"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Master Plan");
  cr = cairo_create (surface);
  /* Measured once for all pages; each page then draws only its part. */
  mp_brief_lay_out (brief, cr, width, height, &layout);
  for (guint p = 0; p < layout.n_pages; p++)
    {
      mp_brief_draw_page (brief, cr, &layout, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  /* A brief is shared (printed, mailed): not the private mode of user data. */
  return mp_safe_file_write_full (path, (const char *) bytes->data, bytes->len,
                                  MP_SAFE_FILE_DOCUMENT, error);
}
