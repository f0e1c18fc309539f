/* mp-article-render.h: fills a GtkTextBuffer from an MpDocument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-article-blocks.h"
#include "mp-document.h"

G_BEGIN_DECLS

typedef struct {
  int   start;         /* character offsets in the buffer */
  int   end;
  char *target;
  char *title;         /* shown when pointed at instead of the target (a footnote's text), or NULL */
} MpArticleLink;

/* The buffer's text never changes once filled, so offsets stay true: a
 * mark each made 200 000 headings slow to open. */
typedef struct {
  int            offset;
  guint          level;
  const char    *id;   /* borrowed from the document */
  const char    *text;
} MpArticleHeading;

typedef struct {
  int                 offset;
  GtkWidget          *widget;
  GtkTextTag         *indent;  /* the line's indent tag */
  GtkTextChildAnchor *anchor;
} MpArticleAnchor;

typedef struct {
  MpDocument    *document;
  GtkTextBuffer *buffer;
  char          *text;       /* the buffer's text; U+FFFC where widgets stand */
  gsize          text_len;
  GArray        *links;      /* MpArticleLink, by offset */
  GArray        *headings;   /* MpArticleHeading, in order */
  GArray        *targets;    /* MpArticleHeading: other places "#id" links lead to (footnotes) */
  GArray        *anchors;    /* MpArticleAnchor */
  GArray        *runs;       /* tag runs, by offset; those before next_run are applied */
  guint          next_run;
} MpArticleRender;

/* Text before this offset is styled by mp_article_render_new(). */
#define MP_ARTICLE_RENDER_STYLED_NOW 16000

/* Tags the renderer uses; the view sizes and colours them. */
GtkTextTagTable *mp_article_render_create_tags (void);
/* Indent tags carry "mp-quote-depth", "mp-list-depth" and "mp-hanging". */
gboolean         mp_article_render_is_indent_tag (GtkTextTag *tag);

MpArticleRender *mp_article_render_new    (MpDocument      *document,
                                           GtkTextTagTable *tags,
                                           MpLinkFunc       link_func,
                                           gpointer         user_data);
/* Puts the block widgets into @view, whose buffer must be the render's. */
void             mp_article_render_attach (MpArticleRender *render,
                                           GtkTextView     *view);
void             mp_article_render_free   (MpArticleRender *render);
/* Applies up to @max_runs more tag runs; TRUE while some are left. */
gboolean         mp_article_render_apply_tags (MpArticleRender *render,
                                               guint            max_runs);
/* The link at a buffer offset, or NULL. */
const MpArticleLink *mp_article_render_find_link (MpArticleRender *render,
                                                  int              offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpArticleRender, mp_article_render_free)

G_END_DECLS
