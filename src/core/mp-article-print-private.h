/* mp-article-print-private.h: the paginator's state, shared by the page
 * machinery (mp-article-print.c) and the blocks it places
 * (mp-article-print-blocks.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "mp-article-print.h"

G_BEGIN_DECLS

/* Points. The header and footer live in the margins. */
#define MARGIN 56.0
#define BODY_SIZE 10.5
#define CODE_SIZE 8.5
#define CODE_PAD 6.0
#define GAP 7.0

typedef enum {
  PIECE_TEXT,    /* lines [first_line, first_line + n_lines) of layout, top at y */
  PIECE_BOX,     /* a rectangle, filled grey, or outlined when stroke */
  PIECE_LINE,    /* from (x, y) to (x + w, y + h) */
  PIECE_MARK,    /* a code line's continuation, in the gutter */
  PIECE_FIGURE,  /* surface scaled into the rectangle */
} PieceKind;

typedef struct {
  PieceKind        kind;
  guint            page;
  guint            layer;      /* 0 under 1 */
  guint            seq;        /* placing order, kept within a layer */
  double           x, y, w, h;
  double           grey;
  double           line_width;
  gboolean         stroke;
  PangoLayout     *layout;
  int              first_line;
  int              n_lines;
  cairo_surface_t *surface;
  double           source_w, source_h;
} Piece;

typedef struct {
  double x;
  double top;
} Quote;

typedef struct {
  guint     n;
  double   *top;       /* from the layout's top */
  double   *bottom;
  gboolean *continued; /* a code line wrapped, not one of its own */
} Lines;

typedef enum {
  TEXT_BOX_NONE,
  TEXT_BOX_CODE,   /* shaded, padded, wrapped lines marked */
} TextBox;

struct _MpArticlePrint
{
  GObject                parent_instance;
  MpDocument            *document;
  GFile                 *base_dir;
  char                  *file_name;
  MpArticlePrintFigures  figures;
  gpointer               figures_data;
  PangoContext          *pango;
  GArray                *pieces;       /* Piece */
  GArray                *page_starts;  /* guint per page, then pieces->len */
  double                 width;
  double                 height;
  guint                  n_pages;
  /* while laying out */
  guint                  page;
  double                 y;
  double                 last_bottom;  /* of the last content placed */
  double                 indent;
  gboolean               tight;
  guint                  list_depth;
  int                    keep_from;    /* first piece of a heading waiting for content, or -1 */
  double                 keep_y;
  char                  *marker;       /* a list item's marker, before its first content */
  GArray                *quotes;       /* Quote, the open block quotes */
};

double  mp_article_print_content_width (MpArticlePrint *self);
double  mp_article_print_left          (MpArticlePrint *self);
double  mp_article_print_bottom        (MpArticlePrint *self);
gboolean mp_article_print_at_top       (MpArticlePrint *self);
Piece  *mp_article_print_add_piece     (MpArticlePrint *self,
                                        PieceKind       kind,
                                        double          x,
                                        double          y,
                                        double          w,
                                        double          h);
void    mp_article_print_new_page      (MpArticlePrint *self);
/* A new page unless @height points fit below the pen (or it is at the top). */
void    mp_article_print_make_room     (MpArticlePrint *self,
                                        double          height);
/* Content starts at @y: the list marker goes there, a waiting heading stays. */
void    mp_article_print_content_at    (MpArticlePrint *self,
                                        double          y);
void    mp_article_print_placed        (MpArticlePrint *self,
                                        double          bottom);
void    mp_article_print_place_text    (MpArticlePrint *self,
                                        PangoLayout    *layout,
                                        double          x,
                                        TextBox         box);
Lines  *mp_article_print_lines_measure (PangoLayout    *layout,
                                        gboolean        code);
/* How many lines from @first fit in @space points. */
guint   mp_article_print_lines_fit     (Lines          *lines,
                                        guint           first,
                                        double          space);
void    mp_article_print_lines_free    (Lines          *lines);
/* mp-article-print-blocks.c */
void    mp_article_print_place_block   (MpArticlePrint *self,
                                        const MpBlock  *block);
/* mp-article-print-table.c */
void    mp_article_print_place_table   (MpArticlePrint *self,
                                        const MpTable  *table);

G_END_DECLS
