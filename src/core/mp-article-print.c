/* mp-article-print.c: an article's printed pages
 *
 * The article is laid out once into pieces (a run of a layout's lines, a
 * rule, a shaded box, a figure), each with its page and place; a page is
 * drawn from its own pieces. Text goes to a page in whole lines, a table
 * row whole (only a row taller than a page is split, and says so), and a
 * heading moves to the next page with the first lines of what follows it.
 * Layouts drop their lines once measured, so that a long article does not
 * keep every line's glyphs: a page lays out again only its own text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-print.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "mp-article-print-private.h"
#include "mp-print-text.h"
#include "mp-safe-file.h"

G_DEFINE_FINAL_TYPE (MpArticlePrint, mp_article_print, G_TYPE_OBJECT)

static void
piece_clear (Piece *piece)
{
  g_clear_object (&piece->layout);
  g_clear_pointer (&piece->surface, cairo_surface_destroy);
}

static void
mp_article_print_finalize (GObject *object)
{
  MpArticlePrint *self = MP_ARTICLE_PRINT (object);

  g_clear_object (&self->document);
  g_clear_object (&self->base_dir);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->marker, g_free);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_pointer (&self->quotes, g_array_unref);
  G_OBJECT_CLASS (mp_article_print_parent_class)->finalize (object);
}

static void
mp_article_print_class_init (MpArticlePrintClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_article_print_finalize;
}

static void
mp_article_print_init (MpArticlePrint *self)
{
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (self->pieces, (GDestroyNotify) piece_clear);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->quotes = g_array_new (FALSE, FALSE, sizeof (Quote));
}

MpArticlePrint *
mp_article_print_new (MpDocument *document)
{
  MpArticlePrint *self;
  GFile *file;

  g_return_val_if_fail (MP_IS_DOCUMENT (document), NULL);

  self = g_object_new (MP_TYPE_ARTICLE_PRINT, NULL);
  self->document = g_object_ref (document);
  file = mp_document_get_file (document);
  self->base_dir = file != NULL ? g_file_get_parent (file) : NULL;
  self->file_name = file != NULL ? g_file_get_basename (file)
                                 : g_strdup (mp_document_get_display_name (document));
  return self;
}

void
mp_article_print_set_figures (MpArticlePrint              *self,
                              const MpArticlePrintFigures *figures,
                              gpointer                     user_data)
{
  g_return_if_fail (MP_IS_ARTICLE_PRINT (self));
  g_return_if_fail (figures != NULL);

  self->figures = *figures;
  self->figures_data = user_data;
}

/* -- pages ----------------------------------------------------------------- */

double
mp_article_print_content_width (MpArticlePrint *self)
{
  return self->width - 2 * MARGIN - self->indent;
}

double
mp_article_print_left (MpArticlePrint *self)
{
  return MARGIN + self->indent;
}

double
mp_article_print_bottom (MpArticlePrint *self)
{
  return self->height - MARGIN;
}

gboolean
mp_article_print_at_top (MpArticlePrint *self)
{
  return self->y <= MARGIN + 0.01;
}

Piece *
mp_article_print_add_piece (MpArticlePrint *self,
                            PieceKind       kind,
                            double          x,
                            double          y,
                            double          w,
                            double          h)
{
  Piece piece = { kind, self->page, kind == PIECE_BOX ? 0 : 1, self->pieces->len, x, y, w, h, };

  piece.grey = kind == PIECE_BOX ? 0.93 : 0.45;
  piece.line_width = 0.6;
  g_array_append_val (self->pieces, piece);
  return &g_array_index (self->pieces, Piece, self->pieces->len - 1);
}

/* The quote bars of the page being left end at its last content. */
static void
close_quote_bars (MpArticlePrint *self,
                  double          bottom)
{
  for (guint i = 0; i < self->quotes->len; i++)
    {
      Quote *quote = &g_array_index (self->quotes, Quote, i);

      if (bottom > quote->top)
        {
          Piece *bar = mp_article_print_add_piece (self, PIECE_LINE, quote->x, quote->top, 0,
                                                   bottom - quote->top);
          bar->line_width = 2.0;
          bar->grey = 0.6;
        }
      quote->top = MARGIN;
    }
}

/* A heading that would end the page goes to the next one with what
 * follows it: its pieces move down to the top. */
static void
carry_heading (MpArticlePrint *self,
               guint           end)
{
  double shift = MARGIN - self->keep_y;

  for (guint i = (guint) self->keep_from; i < end; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);

      piece->page = self->page;
      piece->y += shift;
    }
  self->y += shift;
}

void
mp_article_print_new_page (MpArticlePrint *self)
{
  gboolean carry = self->keep_from >= 0 && self->keep_y > MARGIN + 0.01;

  if (carry)
    {
      self->page++;
      carry_heading (self, self->pieces->len);
      self->page--;
    }
  close_quote_bars (self, carry ? self->keep_y : self->last_bottom);
  self->page++;
  if (!carry)
    self->y = MARGIN;
  self->keep_from = -1;
}

void
mp_article_print_make_room (MpArticlePrint *self,
                            double          height)
{
  if (self->y + height > mp_article_print_bottom (self) && !mp_article_print_at_top (self))
    mp_article_print_new_page (self);
}

static void
emit_marker (MpArticlePrint *self,
             double          y)
{
  MpPrintFont font = { "Sans", BODY_SIZE, FALSE, FALSE, 0, PANGO_WRAP_WORD, PANGO_ALIGN_LEFT };
  PangoLayout *layout;
  int width;
  Piece *piece;

  if (self->marker == NULL)
    return;
  layout = mp_print_text_new (self->pango, self->marker, -1, &font);
  pango_layout_get_size (layout, &width, NULL);
  piece = mp_article_print_add_piece (self, PIECE_TEXT, mp_article_print_left (self) - 5 -
                                      (double) width / PANGO_SCALE, y, 0, 0);
  piece->layout = layout;
  piece->n_lines = 1;
  g_clear_pointer (&self->marker, g_free);
}

void
mp_article_print_content_at (MpArticlePrint *self,
                             double          y)
{
  emit_marker (self, y);
  self->keep_from = -1;
}

void
mp_article_print_placed (MpArticlePrint *self,
                         double          bottom)
{
  self->last_bottom = bottom;
  self->y = bottom;
}

/* -- text ------------------------------------------------------------------ */

Lines *
mp_article_print_lines_measure (PangoLayout *layout,
               gboolean     code)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);
  Lines *lines = g_new0 (Lines, 1);
  guint n = pango_layout_get_line_count (layout), i = 0;

  lines->n = n;
  lines->top = g_new (double, n);
  lines->bottom = g_new (double, n);
  lines->continued = g_new0 (gboolean, n);
  do
    {
      int y0, y1, start = pango_layout_iter_get_index (iter);

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      lines->top[i] = (double) y0 / PANGO_SCALE;
      lines->bottom[i] = (double) y1 / PANGO_SCALE;
      /* A code line wrapped because it is too long, not a line of its own. */
      lines->continued[i] = code && start > 0 && text[start - 1] != '\n';
      i++;
    }
  while (i < n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

void
mp_article_print_lines_free (Lines *lines)
{
  g_free (lines->top);
  g_free (lines->bottom);
  g_free (lines->continued);
  g_free (lines);
}

guint
mp_article_print_lines_fit (Lines  *lines,
                guint   first,
                double  space)
{
  guint k = 0;

  while (first + k < lines->n && lines->bottom[first + k] - lines->top[first] <= space)
    k++;
  return k;
}

/* How many lines from @first go on this page: never a line cut, no lone
 * first line at a page's foot, no lone last line at the next one's top. */
static guint
lines_for_page (MpArticlePrint *self,
                Lines          *lines,
                guint           first,
                double          pad)
{
  double space = mp_article_print_bottom (self) - self->y - 2 * pad;
  guint fit = mp_article_print_lines_fit (lines, first, space);
  guint rest = lines->n - first;

  if (mp_article_print_at_top (self))
    return MAX (fit, 1);
  if (fit == 0 || (first == 0 && fit == 1 && rest >= 3))
    return 0;
  if (fit < rest && rest - fit == 1 && fit >= 3)
    fit--;
  return fit;
}

static void
add_marks (MpArticlePrint *self,
           Lines          *lines,
           guint           first,
           guint           n,
           double          x,
           double          y)
{
  for (guint i = first; i < first + n; i++)
    if (lines->continued[i])
      mp_article_print_add_piece (self, PIECE_MARK, x - CODE_PAD + 1.5,
                                  y + lines->top[i] - lines->top[first], 0,
                                  lines->bottom[i] - lines->top[i]);
}

void
mp_article_print_place_text (MpArticlePrint *self,
                             PangoLayout    *layout,
                             double          x,
                             TextBox         box)
{
  gboolean code = box == TEXT_BOX_CODE;
  double pad = code ? CODE_PAD : 0;
  Lines *lines = mp_article_print_lines_measure (layout, code);
  guint first = 0;

  while (first < lines->n)
    {
      guint n = lines_for_page (self, lines, first, pad);
      double top = self->y + pad, height;
      Piece *piece;

      if (n == 0)
        {
          mp_article_print_new_page (self);
          continue;
        }
      height = lines->bottom[first + n - 1] - lines->top[first];
      mp_article_print_content_at (self, top);
      if (code)
        {
          mp_article_print_add_piece (self, PIECE_BOX, x - pad, self->y,
                                      self->width - MARGIN - x + pad, height + 2 * pad);
          add_marks (self, lines, first, n, x, top);
        }
      piece = mp_article_print_add_piece (self, PIECE_TEXT, x, top, 0, height);
      piece->layout = g_object_ref (layout);
      piece->first_line = first;
      piece->n_lines = n;
      mp_article_print_placed (self, top + height + pad);
      first += n;
      if (first < lines->n)
        mp_article_print_new_page (self);
    }
  mp_article_print_lines_free (lines);
}

/* -- drawing --------------------------------------------------------------- */

static void
draw_text (cairo_t     *cr,
           const Piece *piece)
{
  PangoLayoutIter *iter = pango_layout_get_iter (piece->layout);
  int i = 0, top = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  do
    {
      PangoRectangle logical;
      int y0, y1;

      if (i < piece->first_line)
        continue;
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (i == piece->first_line)
        top = y0;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, piece->x + (double) logical.x / PANGO_SCALE,
                     piece->y + (double) (pango_layout_iter_get_baseline (iter) - top) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (++i < piece->first_line + piece->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_box (cairo_t     *cr,
          const Piece *piece)
{
  cairo_rectangle (cr, piece->x, piece->y, piece->w, piece->h);
  cairo_set_source_rgb (cr, piece->grey, piece->grey, piece->grey);
  if (piece->stroke)
    {
      cairo_set_line_width (cr, piece->line_width);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static void
draw_line (cairo_t     *cr,
           const Piece *piece)
{
  cairo_move_to (cr, piece->x, piece->y);
  cairo_line_to (cr, piece->x + piece->w, piece->y + piece->h);
  cairo_set_source_rgb (cr, piece->grey, piece->grey, piece->grey);
  cairo_set_line_width (cr, piece->line_width);
  cairo_stroke (cr);
}

/* A hooked arrow in the gutter: the line goes on from the one above. */
static void
draw_mark (cairo_t     *cr,
           const Piece *piece)
{
  double mid = piece->y + piece->h / 2, x = piece->x;

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 0.7);
  cairo_move_to (cr, x, piece->y + 1.5);
  cairo_line_to (cr, x, mid);
  cairo_line_to (cr, x + 4.5, mid);
  cairo_stroke (cr);
  cairo_move_to (cr, x + 5.5, mid);
  cairo_line_to (cr, x + 3.5, mid - 1.5);
  cairo_line_to (cr, x + 3.5, mid + 1.5);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_figure (cairo_t     *cr,
             const Piece *piece)
{
  cairo_save (cr);
  cairo_rectangle (cr, piece->x, piece->y, piece->w, piece->h);
  cairo_clip (cr);
  cairo_translate (cr, piece->x, piece->y);
  cairo_scale (cr, piece->w / piece->source_w, piece->h / piece->source_h);
  cairo_set_source_surface (cr, piece->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_piece (cairo_t     *cr,
            const Piece *piece)
{
  switch (piece->kind)
    {
    case PIECE_TEXT:
      draw_text (cr, piece);
      break;
    case PIECE_BOX:
      draw_box (cr, piece);
      break;
    case PIECE_LINE:
      draw_line (cr, piece);
      break;
    case PIECE_MARK:
      draw_mark (cr, piece);
      break;
    case PIECE_FIGURE:
      draw_figure (cr, piece);
      break;
    }
}

static void
draw_margins (MpArticlePrint *self,
              cairo_t        *cr,
              guint           page)
{
  MpPrintFont font = { "Sans", 8, FALSE, FALSE, self->width - 2 * MARGIN, PANGO_WRAP_WORD,
                       PANGO_ALIGN_CENTER };
  /* Translators: the footer of each printed page of an article */
  g_autofree char *footer = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) foot = mp_print_text_new (self->pango, footer, -1, &font);
  g_autoptr(PangoLayout) head = NULL;

  font.align = PANGO_ALIGN_LEFT;
  font.wrap = PANGO_WRAP_WORD_CHAR;
  head = mp_print_text_new (self->pango, mp_document_get_title (self->document), -1, &font);
  pango_layout_set_ellipsize (head, PANGO_ELLIPSIZE_END);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, MARGIN, MARGIN / 2 - 4);
  pango_cairo_show_layout (cr, head);
  cairo_move_to (cr, MARGIN, self->height - MARGIN / 2 - 6);
  pango_cairo_show_layout (cr, foot);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, MARGIN, MARGIN / 2 + 8);
  cairo_line_to (cr, self->width - MARGIN, MARGIN / 2 + 8);
  cairo_stroke (cr);
}

void
mp_article_print_draw_page (MpArticlePrint *self,
                            cairo_t        *cr,
                            guint           page)
{
  guint start, end;

  g_return_if_fail (MP_IS_ARTICLE_PRINT (self));
  g_return_if_fail (cr != NULL);

  if (page >= self->n_pages)
    return;
  start = g_array_index (self->page_starts, guint, page);
  end = g_array_index (self->page_starts, guint, page + 1);
  cairo_save (cr);
  /* Paper is white whatever the window's theme. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = start; i < end; i++)
    draw_piece (cr, &g_array_index (self->pieces, Piece, i));
  draw_margins (self, cr, page);
  cairo_restore (cr);
}

/* -- pagination ------------------------------------------------------------ */

static int
compare_pieces (gconstpointer a,
                gconstpointer b)
{
  const Piece *pa = a, *pb = b;

  if (pa->page != pb->page)
    return pa->page < pb->page ? -1 : 1;
  if (pa->layer != pb->layer)
    return pa->layer < pb->layer ? -1 : 1;
  return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

/* Pieces in page order, each page's shading under its text; then every
 * layout forgets its lines until its page is drawn. */
static void
index_pages (MpArticlePrint *self)
{
  guint p = 0;

  g_array_sort (self->pieces, compare_pieces);
  g_array_set_size (self->page_starts, 0);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);

      while (p <= piece->page)
        {
          g_array_append_val (self->page_starts, i);
          p++;
        }
      if (piece->layout != NULL)
        pango_layout_context_changed (piece->layout);
    }
  while (p < self->n_pages)
    {
      g_array_append_val (self->page_starts, self->pieces->len);
      p++;
    }
  g_array_append_val (self->page_starts, self->pieces->len);
}

guint
mp_article_print_paginate (MpArticlePrint *self,
                           cairo_t        *cr,
                           double          width,
                           double          height)
{
  g_return_val_if_fail (MP_IS_ARTICLE_PRINT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 4 * MARGIN && height > 4 * MARGIN, 0);

  g_array_set_size (self->pieces, 0);
  g_array_set_size (self->quotes, 0);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->marker, g_free);
  self->pango = mp_print_text_context_new (cr);
  self->width = width;
  self->height = height;
  self->page = 0;
  self->y = MARGIN;
  self->last_bottom = MARGIN;
  self->indent = 0;
  self->keep_from = -1;
  self->tight = FALSE;
  for (guint i = 0; i < mp_document_get_n_blocks (self->document); i++)
    mp_article_print_place_block (self, mp_document_get_block (self->document, i));
  self->n_pages = self->page + 1;
  index_pages (self);
  return self->n_pages;
}

guint
mp_article_print_get_n_pages (MpArticlePrint *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_PRINT (self), 0);

  return self->n_pages;
}

gboolean
mp_article_print_write_pdf (MpArticlePrint *self,
                            MpBriefPaper    paper,
                            const char     *path,
                            GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (MP_IS_ARTICLE_PRINT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  mp_brief_paper_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (mp_print_append_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  mp_document_get_title (self->document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Master Plan");
  cr = cairo_create (surface);
  mp_article_print_paginate (self, cr, width, height);
  for (guint p = 0; p < self->n_pages; p++)
    {
      mp_article_print_draw_page (self, cr, p);
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
  return mp_safe_file_write_full (path, (const char *) bytes->data, bytes->len,
                                  MP_SAFE_FILE_DOCUMENT, error);
}
