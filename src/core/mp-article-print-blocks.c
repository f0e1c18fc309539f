/* mp-article-print-blocks.c: each kind of block on the printed page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-article-print-private.h"
#include "mp-print-text.h"

#define LIST_INDENT 18.0
#define QUOTE_INDENT 14.0
#define FIGURE_PAD 4.0

static const double heading_sizes[] = { 19, 15.5, 13, 11.5, 11, 10.5 };

static MpPrintFont
body_font (MpArticlePrint *self)
{
  return (MpPrintFont) { "Sans", BODY_SIZE, FALSE, FALSE, mp_article_print_content_width (self),
                         PANGO_WRAP_WORD_CHAR, PANGO_ALIGN_LEFT };
}

static void
gap (MpArticlePrint *self,
     double          points)
{
  if (!mp_article_print_at_top (self))
    self->y += points;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

/* A text that goes on a page whole, at the pen. */
static void
add_text (MpArticlePrint *self,
          PangoLayout    *layout,
          double          x,
          double          y)
{
  Piece *piece = mp_article_print_add_piece (self, PIECE_TEXT, x, y, 0, layout_height (layout));

  piece->layout = g_object_ref (layout);
  piece->n_lines = pango_layout_get_line_count (layout);
}

static Piece *
add_rule (MpArticlePrint *self,
          double          x,
          double          y,
          double          w,
          double          h,
          double          grey)
{
  Piece *line = mp_article_print_add_piece (self, PIECE_LINE, x, y, w, h);

  line->grey = grey;
  return line;
}

static void
place_heading (MpArticlePrint *self,
               const MpBlock  *block)
{
  guint level = CLAMP (block->level, 1, 6);
  MpPrintFont font = body_font (self);
  g_autoptr(PangoLayout) layout = NULL;
  int keep_from;
  double keep_y;
  guint first;

  font.size = heading_sizes[level - 1];
  font.bold = TRUE;
  font.italic = level == 6;
  layout = mp_print_text_new_inline (self->pango, block->inline_, 0, block->inline_->text->len,
                                     &font);
  gap (self, level <= 2 ? 14 : 10);
  mp_article_print_make_room (self, layout_height (layout) + 3 * BODY_SIZE * 1.25);
  keep_from = self->keep_from;
  keep_y = self->keep_y;
  first = self->pieces->len;
  mp_article_print_place_text (self, layout, mp_article_print_left (self), TEXT_BOX_NONE);
  /* The heading (after any heading just above it) waits for the first
   * lines of what follows it. */
  if (keep_from < 0 || g_array_index (self->pieces, Piece, keep_from).page != self->page)
    {
      keep_from = (int) first;
      while (g_array_index (self->pieces, Piece, keep_from).page != self->page)
        keep_from++;
      keep_y = g_array_index (self->pieces, Piece, keep_from).y;
    }
  self->keep_from = keep_from;
  self->keep_y = keep_y;
  if (level <= 2)
    {
      add_rule (self, mp_article_print_left (self), self->y + 2, mp_article_print_content_width (self),
                0, 0.55);
      self->y += 3;
    }
  self->y += 4;
}

static double
paragraph_gap (MpArticlePrint *self)
{
  return self->tight ? 2 : GAP;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static void
place_inline_text (MpArticlePrint *self,
                   const MpInline *inline_,
                   guint           from,
                   guint           to)
{
  MpPrintFont font = body_font (self);
  g_autoptr(PangoLayout) layout = NULL;

  if (is_blank (inline_->text->str + from, to - from))
    return;
  layout = mp_print_text_new_inline (self->pango, inline_, from, to, &font);
  mp_article_print_place_text (self, layout, mp_article_print_left (self), TEXT_BOX_NONE);
}

/* A box with a title line and a quieter reason: a figure that is not drawn. */
static void
place_card (MpArticlePrint *self,
            const char     *title,
            const char     *reason)
{
  MpPrintFont font = body_font (self);
  g_autoptr(PangoLayout) head = NULL;
  g_autoptr(PangoLayout) body = NULL;
  double x = mp_article_print_left (self) + 8, h;
  Piece *frame;

  font.width -= 16;
  font.bold = TRUE;
  head = mp_print_text_new (self->pango, title, -1, &font);
  font.bold = FALSE;
  font.italic = TRUE;
  font.size = 9;
  body = mp_print_text_new (self->pango, reason != NULL ? reason : "", -1, &font);
  h = layout_height (head) + (reason != NULL ? layout_height (body) + 2 : 0) + 12;
  mp_article_print_make_room (self, h);
  mp_article_print_content_at (self, self->y);
  frame = mp_article_print_add_piece (self, PIECE_BOX, mp_article_print_left (self), self->y,
                                      mp_article_print_content_width (self), h);
  frame->stroke = TRUE;
  frame->layer = 1;
  frame->grey = 0.4;
  add_text (self, head, x, self->y + 6);
  if (reason != NULL)
    add_text (self, body, x, self->y + 8 + layout_height (head));
  mp_article_print_placed (self, self->y + h);
}

/* The surface's own units, which the figure's size in points maps onto. */
static void
source_size (cairo_surface_t *surface,
             double          *width,
             double          *height)
{
  cairo_rectangle_t extents = { 0, 0, 1, 1 };

  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      extents.width = cairo_image_surface_get_width (surface);
      extents.height = cairo_image_surface_get_height (surface);
    }
  else if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_RECORDING)
    cairo_recording_surface_get_extents (surface, &extents);
  *width = MAX (extents.width, 1);
  *height = MAX (extents.height, 1);
}

/* @surface of @w × @h points, shrunk to the column and to most of a page. */
static void
place_figure (MpArticlePrint  *self,
              cairo_surface_t *surface,
              double           w,
              double           h)
{
  double max_w = mp_article_print_content_width (self);
  double max_h = (self->height - 2 * MARGIN) * 0.85;
  double scale = MIN (1.0, MIN (max_w / w, max_h / h));
  Piece *piece;

  mp_article_print_make_room (self, h * scale + 2 * FIGURE_PAD);
  mp_article_print_content_at (self, self->y);
  piece = mp_article_print_add_piece (self, PIECE_FIGURE, mp_article_print_left (self),
                                      self->y + FIGURE_PAD, w * scale, h * scale);
  piece->surface = surface;
  source_size (surface, &piece->source_w, &piece->source_h);
  mp_article_print_placed (self, self->y + h * scale + 2 * FIGURE_PAD);
}

static void
place_image (MpArticlePrint *self,
             const MpSpan   *span)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *reason = NULL;
  cairo_surface_t *surface = NULL;
  double w = 0, h = 0;

  if (self->figures.load_image != NULL)
    surface = self->figures.load_image (span->target, self->base_dir, &w, &h,
                                        self->figures_data, &error);
  else
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("images are not printed here"));
  if (surface != NULL && w > 0 && h > 0)
    {
      place_figure (self, surface, w, h);
      return;
    }
  g_clear_pointer (&surface, cairo_surface_destroy);
  /* Translators: a printed image's place when it cannot be shown; %s is its alt text */
  title = g_strdup_printf (_("Image: %s"), span->alt != NULL && *span->alt != '\0' ? span->alt
                                                                                   : span->target);
  reason = g_strdup_printf (_("Not shown (%s: %s)"), span->target,
                            error != NULL ? error->message : _("it has no size"));
  place_card (self, title, reason);
}

/* Text and the images inside it, in order; an image is a figure of its own. */
static void
place_paragraph (MpArticlePrint *self,
                 const MpInline *inline_)
{
  guint pos = 0;

  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);

      if (span->type != MP_SPAN_IMAGE || span->target == NULL)
        continue;
      place_inline_text (self, inline_, pos, span->start);
      pos = span->start;
      place_image (self, span);
    }
  place_inline_text (self, inline_, pos, inline_->text->len);
  gap (self, paragraph_gap (self));
}

static void
place_code (MpArticlePrint *self,
            const MpBlock  *block)
{
  MpPrintFont font = { "Monospace", CODE_SIZE, FALSE, FALSE,
                       mp_article_print_content_width (self) - 2 * CODE_PAD,
                       PANGO_WRAP_CHAR, PANGO_ALIGN_LEFT };
  g_autoptr(PangoLayout) layout = NULL;

  /* An empty block keeps one blank line. */
  layout = mp_print_text_new (self->pango, *block->code != '\0' ? block->code : " ", -1, &font);
  mp_article_print_place_text (self, layout, mp_article_print_left (self) + CODE_PAD,
                               TEXT_BOX_CODE);
  gap (self, GAP);
}

static void
place_blocks (MpArticlePrint *self,
              GPtrArray      *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    mp_article_print_place_block (self, g_ptr_array_index (blocks, i));
}

static char *
item_marker (const MpBlock *list,
             const MpBlock *item,
             guint          number,
             guint          depth)
{
  static const char *const bullets[] = { "•", "◦", "▪" };

  if (item->task)
    return g_strdup (item->checked ? "☑" : "☐");
  if (list->ordered)
    return g_strdup_printf ("%u.", number);
  return g_strdup (bullets[depth % G_N_ELEMENTS (bullets)]);
}

static void
place_list (MpArticlePrint *self,
            const MpBlock  *list)
{
  gboolean was_tight = self->tight;

  self->tight = list->tight;
  self->indent += LIST_INDENT;
  for (guint i = 0; list->children != NULL && i < list->children->len; i++)
    {
      const MpBlock *item = g_ptr_array_index (list->children, i);

      g_free (self->marker);
      self->marker = item_marker (list, item, list->start + i, self->list_depth);
      self->list_depth++;
      place_blocks (self, item->children);
      self->list_depth--;
      /* An empty item still shows its marker. */
      if (self->marker != NULL)
        {
          mp_article_print_make_room (self, BODY_SIZE * 1.3);
          mp_article_print_content_at (self, self->y);
          mp_article_print_placed (self, self->y + BODY_SIZE * 1.3);
        }
    }
  self->indent -= LIST_INDENT;
  self->tight = was_tight;
  gap (self, was_tight ? 2 : GAP);
}

static void
place_quote (MpArticlePrint *self,
             const MpBlock  *block)
{
  Quote quote = { mp_article_print_left (self) + 4, self->y };
  Quote *open;

  g_array_append_val (self->quotes, quote);
  self->indent += QUOTE_INDENT;
  place_blocks (self, block->children);
  self->indent -= QUOTE_INDENT;
  open = &g_array_index (self->quotes, Quote, self->quotes->len - 1);
  if (self->last_bottom > open->top)
    {
      Piece *bar = add_rule (self, open->x, open->top, 0, self->last_bottom - open->top, 0.6);

      bar->line_width = 2.0;
    }
  g_array_set_size (self->quotes, self->quotes->len - 1);
  gap (self, GAP);
}

static void
place_rule (MpArticlePrint *self)
{
  mp_article_print_make_room (self, 12);
  add_rule (self, mp_article_print_left (self), self->y + 6, mp_article_print_content_width (self),
            0, 0.6);
  mp_article_print_placed (self, self->y + 12);
  gap (self, GAP);
}

static void
place_mermaid (MpArticlePrint *self,
               const MpBlock  *block)
{
  const MpMermaidBlock *mermaid = mp_document_get_mermaid_block (self->document,
                                                                 block->mermaid_index);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface = NULL;
  double w = 0, h = 0;

  if (mermaid == NULL)
    return;
  if (self->figures.draw_mermaid != NULL)
    surface = self->figures.draw_mermaid (mermaid, self->file_name, &w, &h,
                                          self->figures_data, &error);
  if (surface != NULL && w > 0 && h > 0)
    place_figure (self, surface, w, h);
  else
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      /* Translators: a flowchart's place on a printed page; %s is its section */
      title = mermaid->section_title != NULL ? g_strdup_printf (_("Flowchart: %s"), mermaid->section_title)
                                             : g_strdup (_("Flowchart"));
      place_card (self, title, error != NULL ? error->message
                                             : _("Walk it in the flowchart pane of Master Plan."));
    }
  gap (self, GAP);
}

/* -- the ```chart bar chart -------------------------------------------------- */

typedef struct {
  PangoLayout *label;
  PangoLayout *value;
} ChartRow;

static double
chart_max (const MpChart *chart)
{
  double max = chart->max;

  for (guint i = 0; max <= 0 && i < chart->bars->len; i++)
    max = MAX (max, g_array_index (chart->bars, MpChartBar, i).value);
  return max > 0 ? max : 1;
}

static PangoLayout *
small_text (MpArticlePrint *self,
            const char     *text,
            double          width,
            gboolean        italic)
{
  MpPrintFont font = { "Sans", 9, FALSE, italic, width, PANGO_WRAP_WORD_CHAR, PANGO_ALIGN_LEFT };

  return mp_print_text_new (self->pango, text, -1, &font);
}

static PangoLayout *
chart_title (MpArticlePrint *self,
             const char     *text,
             double          width)
{
  MpPrintFont font = { "Sans", 10, TRUE, FALSE, width, PANGO_WRAP_WORD_CHAR, PANGO_ALIGN_LEFT };

  return mp_print_text_new (self->pango, text, -1, &font);
}

static void
chart_rows (MpArticlePrint *self,
            const MpChart  *chart,
            ChartRow       *rows,
            double          label_w)
{
  for (guint i = 0; i < chart->bars->len; i++)
    {
      const MpChartBar *bar = &g_array_index (chart->bars, MpChartBar, i);
      g_autofree char *value = g_strdup_printf ("%g%s%s", bar->value,
                                                chart->unit != NULL ? " " : "",
                                                chart->unit != NULL ? chart->unit : "");

      rows[i].label = small_text (self, bar->label, label_w, FALSE);
      pango_layout_set_alignment (rows[i].label, PANGO_ALIGN_RIGHT);
      rows[i].value = small_text (self, value, -1, FALSE);
    }
}

static double
chart_height (const MpChart *chart,
              ChartRow      *rows,
              PangoLayout   *title,
              PangoLayout   *caption)
{
  double h = (title != NULL ? layout_height (title) + 4 : 0) +
             (caption != NULL ? layout_height (caption) + 4 : 0);

  for (guint i = 0; i < chart->bars->len; i++)
    h += MAX (layout_height (rows[i].label), 11) + 4;
  return h;
}

static void
draw_chart_row (MpArticlePrint *self,
                ChartRow       *row,
                double          y,
                double          label_w,
                double          bar_space,
                double          fraction)
{
  double x = mp_article_print_left (self), h = MAX (layout_height (row->label), 11);
  Piece *track, *bar;

  add_text (self, row->label, x, y);
  track = mp_article_print_add_piece (self, PIECE_BOX, x + label_w + 6, y + h / 2 - 4, bar_space, 8);
  track->grey = 0.9;
  bar = mp_article_print_add_piece (self, PIECE_BOX, x + label_w + 6, y + h / 2 - 4,
                                    bar_space * CLAMP (fraction, 0, 1), 8);
  bar->grey = 0.3;
  bar->layer = 1;
  add_text (self, row->value, x + label_w + bar_space + 12, y + h / 2 - layout_height (row->value) / 2);
}

static void
place_chart_bars (MpArticlePrint *self,
                  const MpChart  *chart)
{
  double width = mp_article_print_content_width (self), label_w = width * 0.35;
  ChartRow *rows = g_new0 (ChartRow, chart->bars->len);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  double value_w = 0, max = chart_max (chart), y;

  if (chart->title != NULL)
    title = chart_title (self, chart->title, width);
  if (chart->caption != NULL)
    caption = small_text (self, chart->caption, width, TRUE);
  chart_rows (self, chart, rows, label_w);
  for (guint i = 0; i < chart->bars->len; i++)
    value_w = MAX (value_w, layout_width (rows[i].value));
  mp_article_print_make_room (self, chart_height (chart, rows, title, caption));
  mp_article_print_content_at (self, self->y);
  y = self->y;
  if (title != NULL)
    {
      add_text (self, title, mp_article_print_left (self), y);
      y += layout_height (title) + 4;
    }
  for (guint i = 0; i < chart->bars->len; i++)
    {
      draw_chart_row (self, &rows[i], y, label_w, width - label_w - value_w - 18,
                      g_array_index (chart->bars, MpChartBar, i).value / max);
      y += MAX (layout_height (rows[i].label), 11) + 4;
      g_object_unref (rows[i].label);
      g_object_unref (rows[i].value);
    }
  if (caption != NULL)
    {
      add_text (self, caption, mp_article_print_left (self), y);
      y += layout_height (caption) + 4;
    }
  g_free (rows);
  mp_article_print_placed (self, y);
}

static void
place_chart (MpArticlePrint *self,
             const MpChart  *chart)
{
  if (chart == NULL)
    return;
  if (chart->error != NULL)
    place_card (self, _("This chart cannot be drawn"), chart->error);
  else
    place_chart_bars (self, chart);
  gap (self, GAP);
}

void
mp_article_print_place_block (MpArticlePrint *self,
                              const MpBlock  *block)
{
  switch (block->type)
    {
    case MP_BLOCK_HEADING:
      place_heading (self, block);
      break;
    case MP_BLOCK_PARAGRAPH:
      place_paragraph (self, block->inline_);
      break;
    case MP_BLOCK_QUOTE:
      place_quote (self, block);
      break;
    case MP_BLOCK_LIST:
      place_list (self, block);
      break;
    case MP_BLOCK_LIST_ITEM:
      place_blocks (self, block->children);
      break;
    case MP_BLOCK_CODE:
      place_code (self, block);
      break;
    case MP_BLOCK_RULE:
      place_rule (self);
      break;
    case MP_BLOCK_TABLE:
      mp_article_print_place_table (self, block->table);
      gap (self, GAP);
      break;
    case MP_BLOCK_MERMAID:
      place_mermaid (self, block);
      break;
    case MP_BLOCK_CHART:
      place_chart (self, block->chart);
      break;
    }
}
