/* mp-article-print-table.c: a table on the printed page, as a ruled grid
 *
 * Columns get their text's natural width when the table fits the column,
 * else at least their longest word and a share of the rest. A row never
 * breaks across pages, and the header row comes again at the top of each
 * page the table goes on to; only a row taller than a whole page is
 * split, cell by cell at line ends, with a note under each part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-article-print-private.h"
#include "mp-print-text.h"

#define CELL_PAD 4.0
#define TABLE_SIZE 9.0

typedef struct {
  const MpTable *table;
  guint          n_rows;
  double        *widths;   /* per column, padding included */
  double         x;
  PangoLayout  **header;
  double         header_h;
} Grid;

static MpPrintFont
cell_font (double   width,
           gboolean header,
           MpAlign  align)
{
  return (MpPrintFont) { "Sans", TABLE_SIZE, header, FALSE, width, PANGO_WRAP_WORD_CHAR,
                         align == MP_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                         : align == MP_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT };
}

static const MpInline *
cell_at (const Grid *grid,
         guint       row,
         guint       column)
{
  return g_ptr_array_index (grid->table->cells, row * grid->table->n_columns + column);
}

static double
size_of (PangoLayout *layout,
         gboolean     height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) (height ? h : w) / PANGO_SCALE;
}

/* The widest text of the cell on one line, and its longest word. */
static void
measure_cell (MpArticlePrint *self,
              const MpInline *cell,
              gboolean        header,
              double         *natural,
              double         *minimum)
{
  MpPrintFont font = cell_font (-1, header, MP_ALIGN_LEFT);
  g_autoptr(PangoLayout) layout = mp_print_text_new_inline (self->pango, cell, 0, cell->text->len,
                                                            &font);

  *natural = size_of (layout, FALSE);
  /* Every word on a line of its own: the widest line is the longest word. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, 1);
  *minimum = size_of (layout, FALSE);
}

static void
share_widths (double *widths,
              double *natural,
              double *minimum,
              guint   n,
              double  available)
{
  double sum_natural = 0, sum_minimum = 0;

  for (guint c = 0; c < n; c++)
    {
      sum_natural += natural[c];
      sum_minimum += minimum[c];
    }
  for (guint c = 0; c < n; c++)
    if (sum_natural <= available)
      widths[c] = natural[c];
    else if (sum_minimum <= available)
      widths[c] = minimum[c] + (natural[c] - minimum[c]) * (available - sum_minimum) /
                               MAX (sum_natural - sum_minimum, 1);
    else
      /* Words longer than their share break between letters. */
      widths[c] = minimum[c] * available / sum_minimum;
}

static void
column_widths (MpArticlePrint *self,
               Grid           *grid)
{
  guint n = grid->table->n_columns;
  g_autofree double *natural = g_new0 (double, n);
  g_autofree double *minimum = g_new0 (double, n);

  for (guint r = 0; r < grid->n_rows; r++)
    for (guint c = 0; c < n; c++)
      {
        double nat, min;

        measure_cell (self, cell_at (grid, r, c), r == 0, &nat, &min);
        natural[c] = MAX (natural[c], nat + 2 * CELL_PAD);
        minimum[c] = MAX (minimum[c], min + 2 * CELL_PAD);
      }
  share_widths (grid->widths, natural, minimum, n, mp_article_print_content_width (self));
}

static PangoLayout **
row_layouts (MpArticlePrint *self,
             Grid           *grid,
             guint           row)
{
  guint n = grid->table->n_columns;
  PangoLayout **layouts = g_new0 (PangoLayout *, n);

  for (guint c = 0; c < n; c++)
    {
      const MpInline *cell = cell_at (grid, row, c);
      MpPrintFont font = cell_font (grid->widths[c] - 2 * CELL_PAD, row == 0,
                                    grid->table->aligns[c]);

      layouts[c] = mp_print_text_new_inline (self->pango, cell, 0, cell->text->len, &font);
    }
  return layouts;
}

static void
free_layouts (PangoLayout **layouts,
              guint         n)
{
  for (guint c = 0; c < n; c++)
    g_clear_object (&layouts[c]);
  g_free (layouts);
}

static double
row_height (Grid         *grid,
            PangoLayout **layouts)
{
  double h = 0;

  for (guint c = 0; c < grid->table->n_columns; c++)
    h = MAX (h, size_of (layouts[c], TRUE));
  return h + 2 * CELL_PAD;
}

static void
rule (MpArticlePrint *self,
      double          x,
      double          y,
      double          w,
      double          h)
{
  Piece *line = mp_article_print_add_piece (self, PIECE_LINE, x, y, w, h);

  line->grey = 0.35;
  line->line_width = 0.5;
}

/* The rules around a row of @h points at the pen; the top one only on a
 * page's first row (the row above draws it otherwise). */
static void
rule_row (MpArticlePrint *self,
          Grid           *grid,
          double          h,
          gboolean        top)
{
  double x = grid->x, width = 0;

  for (guint c = 0; c < grid->table->n_columns; c++)
    width += grid->widths[c];
  if (top)
    rule (self, grid->x, self->y, width, 0);
  rule (self, grid->x, self->y + h, width, 0);
  rule (self, x, self->y, 0, h);
  for (guint c = 0; c < grid->table->n_columns; c++)
    {
      x += grid->widths[c];
      rule (self, x, self->y, 0, h);
    }
}

static void
add_cell (MpArticlePrint *self,
          PangoLayout    *layout,
          double          x,
          double          y,
          int             first,
          int             n)
{
  Piece *piece = mp_article_print_add_piece (self, PIECE_TEXT, x, y, 0, 0);

  piece->layout = g_object_ref (layout);
  piece->first_line = first;
  piece->n_lines = n;
}

static void
emit_row (MpArticlePrint *self,
          Grid           *grid,
          PangoLayout   **layouts,
          double          h,
          gboolean        header,
          gboolean        top)
{
  double x = grid->x;

  mp_article_print_content_at (self, self->y);
  if (header)
    {
      Piece *shade = mp_article_print_add_piece (self, PIECE_BOX, grid->x, self->y, 0, h);

      for (guint c = 0; c < grid->table->n_columns; c++)
        shade->w += grid->widths[c];
      shade->grey = 0.88;
    }
  for (guint c = 0; c < grid->table->n_columns; c++)
    {
      add_cell (self, layouts[c], x + CELL_PAD, self->y + CELL_PAD, 0,
                pango_layout_get_line_count (layouts[c]));
      x += grid->widths[c];
    }
  rule_row (self, grid, h, top);
  mp_article_print_placed (self, self->y + h);
}

static void
next_page (MpArticlePrint *self,
           Grid           *grid)
{
  mp_article_print_new_page (self);
  emit_row (self, grid, grid->header, grid->header_h, TRUE, TRUE);
}

static void
note_continued (MpArticlePrint *self)
{
  MpPrintFont font = { "Sans", 7.5, FALSE, TRUE, mp_article_print_content_width (self),
                       PANGO_WRAP_WORD_CHAR, PANGO_ALIGN_LEFT };
  g_autoptr(PangoLayout) note = mp_print_text_new (self->pango,
                                                   _("This row is taller than a page: it goes on "
                                                     "over the next page."), -1, &font);

  add_cell (self, note, mp_article_print_left (self), self->y + 2, 0, pango_layout_get_line_count (note));
}

/* One part of a row too tall for any page: as many lines of each cell as
 * fit. Returns whether any cell has lines left. */
static gboolean
emit_row_part (MpArticlePrint *self,
               Grid           *grid,
               PangoLayout   **layouts,
               Lines         **lines,
               guint          *next)
{
  double space = mp_article_print_bottom (self) - self->y - 2 * CELL_PAD - 14, part = 0, x = grid->x;
  gboolean more = FALSE;

  mp_article_print_content_at (self, self->y);
  for (guint c = 0; c < grid->table->n_columns; c++)
    {
      guint n = mp_article_print_lines_fit (lines[c], next[c], space);

      if (n > 0)
        {
          add_cell (self, layouts[c], x + CELL_PAD, self->y + CELL_PAD, (int) next[c], (int) n);
          part = MAX (part, lines[c]->bottom[next[c] + n - 1] - lines[c]->top[next[c]]);
        }
      next[c] += n;
      more |= next[c] < lines[c]->n;
      x += grid->widths[c];
    }
  rule_row (self, grid, part + 2 * CELL_PAD, FALSE);
  mp_article_print_placed (self, self->y + part + 2 * CELL_PAD);
  return more;
}

static void
emit_tall_row (MpArticlePrint *self,
               Grid           *grid,
               PangoLayout   **layouts)
{
  guint n = grid->table->n_columns;
  Lines **lines = g_new0 (Lines *, n);
  guint *next = g_new0 (guint, n);

  for (guint c = 0; c < n; c++)
    lines[c] = mp_article_print_lines_measure (layouts[c], FALSE);
  while (emit_row_part (self, grid, layouts, lines, next))
    {
      note_continued (self);
      next_page (self, grid);
    }
  for (guint c = 0; c < n; c++)
    mp_article_print_lines_free (lines[c]);
  g_free (lines);
  g_free (next);
}

static void
place_body_row (MpArticlePrint *self,
                Grid           *grid,
                guint           row)
{
  PangoLayout **layouts = row_layouts (self, grid, row);
  double h = row_height (grid, layouts);
  double page_room = self->height - 2 * MARGIN - grid->header_h;

  if (self->y + h > mp_article_print_bottom (self))
    {
      if (h > page_room)
        {
          /* Start it on a page of its own unless most of this one is left. */
          if (mp_article_print_bottom (self) - self->y < page_room / 2)
            next_page (self, grid);
          emit_tall_row (self, grid, layouts);
          free_layouts (layouts, grid->table->n_columns);
          return;
        }
      next_page (self, grid);
    }
  emit_row (self, grid, layouts, h, FALSE, FALSE);
  free_layouts (layouts, grid->table->n_columns);
}

void
mp_article_print_place_table (MpArticlePrint *self,
                              const MpTable  *table)
{
  Grid grid = { table, 0, };
  double first_h = 0;

  if (table == NULL || table->n_columns == 0 || table->cells->len < table->n_columns)
    return;
  grid.n_rows = table->cells->len / table->n_columns;
  grid.widths = g_new0 (double, table->n_columns);
  grid.x = mp_article_print_left (self);
  column_widths (self, &grid);
  grid.header = row_layouts (self, &grid, 0);
  grid.header_h = row_height (&grid, grid.header);
  if (grid.n_rows > 1)
    {
      PangoLayout **first = row_layouts (self, &grid, 1);

      first_h = MIN (row_height (&grid, first), BODY_SIZE * 4);
      free_layouts (first, table->n_columns);
    }
  /* The header goes with the first row (and a heading above with both). */
  mp_article_print_make_room (self, grid.header_h + first_h);
  emit_row (self, &grid, grid.header, grid.header_h, TRUE, TRUE);
  for (guint r = 1; r < grid.n_rows; r++)
    place_body_row (self, &grid, r);
  free_layouts (grid.header, table->n_columns);
  g_free (grid.widths);
}
