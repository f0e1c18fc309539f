/* mp-markdown.h: the block model of a Markdown article (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-markdown-chart.h"

G_BEGIN_DECLS

/* Raised by the parser and by MpDocument's loaders. */
#define MP_MARKDOWN_ERROR (mp_markdown_error_quark ())

typedef enum {
  MP_MARKDOWN_ERROR_IO,
  MP_MARKDOWN_ERROR_EMPTY,
  MP_MARKDOWN_ERROR_ENCODING,
  MP_MARKDOWN_ERROR_TOO_LARGE,
  MP_MARKDOWN_ERROR_PARSE,
} MpMarkdownError;

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
  MP_SPAN_SUPERSCRIPT,  /* footnote references */
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
  char       *alt;      /* image alt text; a footnote reference's note as text */
  char       *id;       /* where a link to "#id" leads (footnote references), or NULL */
} MpSpan;

/* Text with spans, in the order they open (outer before inner). */
typedef struct {
  GString *text;
  GArray  *spans;       /* of MpSpan */
} MpInline;

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
  char        *label;      /* heading: its text cut to MP_MARKDOWN_MAX_LABEL_CHARS for outlines
                            * and titles, or NULL when the text is short enough */
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

/* A ```mermaid fenced block of the article. */
typedef struct {
  char  *source;        /* the block's text, without the fences */
  guint  line;          /* 1-based line in the file of the block's first text line */
  char  *section_id;    /* id of the heading the block stands under, or NULL */
  char  *section_title; /* that heading's text, or NULL */
} MpMermaidBlock;

/* What mp_markdown_parse() builds. */
typedef struct {
  GPtrArray *blocks;     /* top-level MpBlock*, owned */
  GPtrArray *headings;   /* MpBlock* of every heading in order, borrowed from blocks */
  GPtrArray *mermaid;    /* MpMermaidBlock*, owned */
  GPtrArray *warnings;   /* char*, "FILE:LINE:COLUMN: …": what is shown simplified */
} MpMarkdownTree;

/* Limits that keep the reader responsive; each one passed adds a warning. */
#define MP_MARKDOWN_MAX_LINE_CHARS 10000
#define MP_MARKDOWN_MAX_BARE_URLS  2000
/* Outlines and window titles show a heading's first characters only. */
#define MP_MARKDOWN_MAX_LABEL_CHARS 200

/* Called in the parsing thread with how much of the text is read, 0–1. */
typedef void (*MpMarkdownProgressFunc) (double   fraction,
                                        gpointer user_data);

/* Parses valid UTF-8 @text; @file_name names the file in chart errors. */
gboolean  mp_markdown_parse       (const char     *text,
                                   gsize           length,
                                   const char     *file_name,
                                   MpMarkdownTree *tree,
                                   GError        **error);
/* The same, stopped early (G_IO_ERROR_CANCELLED) when @cancellable is
 * cancelled; @progress (nullable) is called now and then. */
gboolean  mp_markdown_parse_full  (const char             *text,
                                   gsize                   length,
                                   const char             *file_name,
                                   MpMarkdownTree         *tree,
                                   GCancellable           *cancellable,
                                   MpMarkdownProgressFunc  progress,
                                   gpointer                progress_data,
                                   GError                **error);
void      mp_markdown_tree_clear  (MpMarkdownTree *tree);
/* A heading's text as outlines and titles show it (its label, cut short). */
const char *mp_block_get_label    (const MpBlock  *heading);

GQuark    mp_markdown_error_quark (void);

void     mp_block_free       (MpBlock    *block);
MpInline *mp_inline_new      (void);
void     mp_inline_free      (MpInline   *inline_);

G_END_DECLS
