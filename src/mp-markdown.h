/* mp-markdown.h: the block model of a Markdown article (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MP_BLOCK_HEADING,
  MP_BLOCK_PARAGRAPH,
  MP_BLOCK_QUOTE,
  MP_BLOCK_LIST,
  MP_BLOCK_LIST_ITEM,
  MP_BLOCK_CODE,
  MP_BLOCK_RULE,
  MP_BLOCK_TABLE,
  MP_BLOCK_MERMAID,
  MP_BLOCK_CHART,
} MpBlockType;

typedef enum {
  MP_SPAN_BOLD,
  MP_SPAN_ITALIC,
  MP_SPAN_CODE,
  MP_SPAN_STRIKE,
  MP_SPAN_LINK,
  MP_SPAN_IMAGE,
} MpSpanType;

typedef enum {
  MP_ALIGN_DEFAULT,
  MP_ALIGN_LEFT,
  MP_ALIGN_CENTER,
  MP_ALIGN_RIGHT,
} MpAlign;

/* A styled range of an MpInline's text, in bytes. Images take no text:
 * start == end marks where the image stands, and alt holds its text. */
typedef struct {
  MpSpanType  type;
  guint       start;
  guint       end;
  char       *target;   /* link href or image src */
  char       *alt;      /* image alt text */
} MpSpan;

/* Text with spans, in the order they open (outer before inner). */
typedef struct {
  GString *text;
  GArray  *spans;       /* of MpSpan */
} MpInline;

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

typedef struct {
  guint      n_columns;
  MpAlign   *aligns;    /* n_columns */
  GPtrArray *cells;     /* MpInline*, row by row; the first row is the header */
} MpTable;

typedef struct _MpBlock MpBlock;

struct _MpBlock
{
  MpBlockType  type;
  guint        line;       /* 1-based first content line; for fenced blocks only, else 0 */
  MpInline    *inline_;    /* heading, paragraph */
  guint        level;      /* heading 1–6 */
  char        *id;         /* heading slug */
  gboolean     ordered;    /* list */
  guint        start;      /* ordered list's first number */
  gboolean     tight;      /* list */
  gboolean     task;       /* list item: "- [ ]" or "- [x]" */
  gboolean     checked;    /* task list item: "[x]" */
  char        *code;       /* code and mermaid blocks' text, without the last newline */
  char        *lang;       /* code block info word, or NULL */
  MpTable     *table;
  MpChart     *chart;
  guint        mermaid_index;
  GPtrArray   *children;   /* quote, list, list item: MpBlock* */
};

/* Parses a ```chart block's text; @first_line numbers errors.
 * Never fails: a chart that cannot be drawn carries its error. */
MpChart *mp_chart_parse      (const char *text,
                              const char *file_name,
                              guint       first_line);
void     mp_chart_free       (MpChart    *chart);

/* What mp_markdown_parse() builds. */
typedef struct {
  GPtrArray *blocks;     /* top-level MpBlock*, owned */
  GPtrArray *headings;   /* MpBlock* of every heading in order, borrowed from blocks */
  GPtrArray *mermaid;    /* MpMermaidBlock*, owned */
} MpMarkdownTree;

/* Parses valid UTF-8 @text; @file_name names the file in chart errors. */
gboolean  mp_markdown_parse       (const char     *text,
                                   gsize           length,
                                   const char     *file_name,
                                   MpMarkdownTree *tree,
                                   GError        **error);
void      mp_markdown_tree_clear  (MpMarkdownTree *tree);

void     mp_block_free       (MpBlock    *block);
MpInline *mp_inline_new      (void);
void     mp_inline_free      (MpInline   *inline_);

G_END_DECLS
