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
#include "mp-safe-file.h"
#include "mp-value-paint.h"

#define MARGIN 48.0     /* points: about 1.7 cm */
#define GAP 6.0
#define FOOTER 24.0
#define BODY_SIZE 10.0
#define VALUE_CHART_HEIGHT 190.0

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

/* A paragraph; @keep: points that must fit after it on the same page. */
static void
paragraph (Pen        *pen,
           const char *markup,
           double      size,
           double      indent,
           double      keep)
{
  g_autoptr(PangoLayout) layout = new_layout (pen, markup, size, content_width (pen) - indent);
  double h = layout_height (layout);

  make_room (pen, h + keep);
  show (pen, layout, MARGIN + indent, pen->y);
  pen->y += h + GAP;
}

static void
heading (Pen        *pen,
         const char *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

  pen->y += GAP;
  paragraph (pen, markup, 13, 0, 40);
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

static void
render_title (Pen     *pen,
              MpBrief *brief)
{
  /* Translators: the date on the decision brief, in g_date_time_format() codes. */
  g_autofree char *date = g_date_time_format (brief->date, C_("brief date", "%-d %B %Y"));
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

static void
render_weights (Pen     *pen,
                MpBrief *brief)
{
  heading (pen, _("Weights"));
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      g_autofree char *label = g_markup_escape_text (mp_criterion_get_label (c), -1);
      g_autofree char *value = g_strdup_printf ("<b>%.0f</b>", brief->weights.w[c]);
      g_autoptr(PangoLayout) name = new_layout (pen, label, BODY_SIZE, 150);
      g_autoptr(PangoLayout) number = new_layout (pen, value, BODY_SIZE, 30);
      double h = layout_height (name);

      make_room (pen, h);
      show (pen, name, MARGIN, pen->y);
      pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
      show (pen, number, MARGIN + 150, pen->y);
      bar (pen, MARGIN + 190, pen->y + 2, 2.0 * brief->weights.w[c], BODY_SIZE, criterion_grey[c]);
      pen->y += h + 2;
    }
  pen->y += GAP;
}

#define RANK_W 20.0
#define SCORE_W 42.0
#define PART_W 54.0
#define HEADER_SIZE 6.5
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
  if (brief == NULL || !brief->has_costs)
    return g_strdup ("");
  return g_strdup_printf (_("; $%'.0f out of pocket; %.0f h%s"), entry->costs.out_of_pocket_usd,
                          entry->costs.total_hours,
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
  g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>\n<small>%s%s</small>",
                                                   entry->name, entry->kind, costs);
  g_autofree char *score = g_strdup_printf ("<b>%.1f</b>", entry->score);
  g_autoptr(PangoLayout) probe = new_layout (pen, name, TABLE_SIZE, name_w - 4);
  double h = layout_height (probe), bar_x = MARGIN + RANK_W;
  int page;

  page = pen->page;
  make_room (pen, h + 10);
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
  cell (pen, score, x - SCORE_W, SCORE_W, FALSE);
  for (guint c = 0; c < MP_N_CRITERIA; c++, x += PART_W)
    {
      g_autofree char *part = g_strdup_printf ("%.1f", entry->contributions[c]);
      double w = (name_w - 8) * entry->contributions[c] / 100.0;

      cell (pen, part, x, PART_W, FALSE);
      bar (pen, bar_x, pen->y + h + 2, w, 5, criterion_grey[c]);
      bar_x += w;
    }
  pen->y += h + 10;
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
  paragraph (pen, intro, 9, 0, 0);
  for (guint i = 0; i < brief->top->len; i++)
    {
      const MpBriefEntry *e = &g_array_index (brief->top, MpBriefEntry, i);
      g_autofree char *ranks = e->rank_p5 == e->rank_p95
        ? g_strdup_printf ("%u", e->rank_p5) : g_strdup_printf ("%u–%u", e->rank_p5, e->rank_p95);
      /* Translators: rank, name, share first, share in the top three, ranks
       * in 90 % of the weightings */
      g_autofree char *line = g_markup_printf_escaped (_("%u. <b>%s</b>: first in %.0f %%, "
                                                         "in the top three in %.0f %%, "
                                                         "rank %s in 90 %%"),
                                                       e->rank, e->name, 100 * e->p_first,
                                                       100 * e->p_top3, ranks);

      paragraph (pen, line, TABLE_SIZE + 0.5, 12, 0);
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
  mp_value_paint (brief->value_plot, pen->cr, content_width (pen), VALUE_CHART_HEIGHT, &style);
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

  if (plot == NULL || mp_value_plot_get_n_points (plot) == 0)
    return;
  make_room (pen, 40 + VALUE_CHART_HEIGHT);
  heading (pen, _("Costs and value for money"));
  draw_value_chart (pen, brief);
  pen->y += VALUE_CHART_HEIGHT + GAP;
  for (guint k = 0; k < mp_value_plot_get_n_frontier (plot); k++)
    {
      guint i = mp_value_plot_get_frontier (plot, k);
      const MpValuePoint *p = mp_value_plot_get_point (plot, i);
      g_autofree char *item = g_strdup_printf ("%s (%.1f, $%'.0f)", mp_value_plot_get_name (plot, i),
                                               p->score, p->cost);

      g_string_append_printf (names, "%s%s", k > 0 ? "; " : "", item);
    }
  /* Translators: the programs of the value chart's frontier follow */
  caption = g_markup_printf_escaped (_("Best value — no other program scores higher for less "
                                       "out of pocket: %s."), names->str);
  paragraph (pen, caption, 9, 0, 0);
}

static char *
choice_text (MpBrief *brief)
{
  const MpBriefEntry *first;

  if (brief->choice_id == NULL)
    return g_markup_escape_text (_("Not filled in."), -1);
  if (*brief->choice_id == '\0')
    return g_markup_printf_escaped ("<b>%s</b>", _("None of the programs"));
  if (brief->choice_rank == 1)
    return g_markup_printf_escaped (_("<b>%s</b>, first in the ranking"), brief->choice_name);
  if (brief->choice_rank == 0 || brief->top->len == 0)
    return g_markup_printf_escaped (_("<b>%s</b>, which the ranking above leaves out"),
                                    brief->choice_name);
  first = &g_array_index (brief->top, MpBriefEntry, 0);
  return g_markup_printf_escaped (_("<b>%s</b>, ranked %d; the ranking puts %s first"),
                                  brief->choice_name, brief->choice_rank, first->name);
}

static void
render_choice (Pen     *pen,
               MpBrief *brief)
{
  g_autofree char *choice = choice_text (brief);
  g_autofree char *why = brief->why != NULL ? g_markup_escape_text (brief->why, -1)
                                            : g_markup_escape_text (_("Not filled in."), -1);
  g_autofree char *why_title = g_markup_printf_escaped ("<b>%s</b>", _("Why"));

  heading (pen, _("My choice"));
  paragraph (pen, choice, 11, 0, 0);
  paragraph (pen, why_title, BODY_SIZE, 0, 14);
  paragraph (pen, why, BODY_SIZE, 12, 0);
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
         int      target)
{
  Pen pen = { cr, width, height, MARGIN, 0, target, brief };

  render_title (&pen, brief);
  render_flowchart (&pen, brief);
  render_weights (&pen, brief);
  render_ranking (&pen, brief);
  render_confidence (&pen, brief);
  render_value (&pen, brief);
  render_choice (&pen, brief);
  return pen.page + 1;
}

guint
mp_brief_render (MpBrief *brief,
                 cairo_t *cr,
                 double   width,
                 double   height,
                 int      page)
{
  guint n_pages;

  g_return_val_if_fail (brief != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  n_pages = lay_out (brief, cr, width, height, -1);
  if (page >= 0 && (guint) page < n_pages)
    {
      Pen pen = { cr, width, height, MARGIN, page, page, brief };

      cairo_save (cr);
      lay_out (brief, cr, width, height, page);
      render_footer (&pen, n_pages);
      cairo_restore (cr);
    }
  return n_pages;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
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
  double width, height;
  guint n_pages;

  g_return_val_if_fail (brief != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  mp_brief_paper_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Decision Brief"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Master Plan");
  cr = cairo_create (surface);
  n_pages = mp_brief_render (brief, cr, width, height, -1);
  for (guint p = 0; p < n_pages; p++)
    {
      mp_brief_render (brief, cr, width, height, (int) p);
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
