/* mp-article-render.c: fills a GtkTextBuffer from an MpDocument
 *
 * The whole text goes into one GString and one insert; tags are applied
 * afterwards from recorded runs. That is four times faster on large files
 * than inserting run by run (see PERF-NOTES).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-render.h"

#include "mp-flowchart.h"
#include "mp-mermaid-parser.h"

#include "mp-article-code.h"

#include <string.h>

#define PLACEHOLDER "\xEF\xBF\xBC"   /* U+FFFC, where a widget will stand */

typedef struct {
  GtkTextTag *tag;
  int         start;
  int         end;
} TagRun;

typedef struct {
  GtkTextTagTable *tags;
  MpArticleRender *out;
  GString         *text;
  int              chars;
  GArray          *runs;
  GFile           *base_dir;
  MpLinkFunc       link_func;
  gpointer         link_data;
  guint            quote_depth;
  guint            list_depth;
  gboolean         tight;
  char            *marker;
  int              last_line_start;
  GtkTextTag      *span_tags[MP_SPAN_SUPERSCRIPT + 1];
} Renderer;

static const char *tag_names[] = {
  "h1", "h2", "h3", "h4", "h5", "h6", "li-tight", "quote", "meta", "widget-line",
  "block-end", "bold", "italic", "code", "strike", "link", "superscript", "match", "match-current",
  "section-highlight",
};

GtkTextTagTable *
mp_article_render_create_tags (void)
{
  GtkTextTagTable *table = gtk_text_tag_table_new ();

  /* Creation order is priority order: later tags win. */
  for (guint i = 0; i < G_N_ELEMENTS (tag_names); i++)
    {
      g_autoptr(GtkTextTag) tag = gtk_text_tag_new (tag_names[i]);
      gtk_text_tag_table_add (table, tag);
    }
  return table;
}

gboolean
mp_article_render_is_indent_tag (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), "mp-indent") != NULL;
}

/* Lines outside quotes and lists use the view's own margins: no tag. */
static GtkTextTag *
indent_tag (Renderer *r,
            gboolean  hanging)
{
  g_autofree char *name = NULL;
  GtkTextTag *tag;

  if (r->quote_depth == 0 && r->list_depth == 0 && !hanging)
    return NULL;
  name = g_strdup_printf ("indent-%u-%u-%d", r->quote_depth, r->list_depth, hanging);
  tag = gtk_text_tag_table_lookup (r->tags, name);

  if (tag == NULL)
    {
      tag = gtk_text_tag_new (name);
      g_object_set_data (G_OBJECT (tag), "mp-indent", GINT_TO_POINTER (1));
      g_object_set_data (G_OBJECT (tag), "mp-quote-depth", GUINT_TO_POINTER (r->quote_depth));
      g_object_set_data (G_OBJECT (tag), "mp-list-depth", GUINT_TO_POINTER (r->list_depth));
      g_object_set_data (G_OBJECT (tag), "mp-hanging", GINT_TO_POINTER (hanging));
      gtk_text_tag_table_add (r->tags, tag);
      g_object_unref (tag);
    }
  return tag;
}

static GtkTextTag *
tag (Renderer   *r,
     const char *name)
{
  GtkTextTag *found = gtk_text_tag_table_lookup (r->tags, name);

  g_assert (found != NULL);
  return found;
}

static void
add_run (Renderer   *r,
         GtkTextTag *tag,
         int         start,
         int         end)
{
  TagRun run = { tag, start, end };

  if (end > start)
    g_array_append_val (r->runs, run);
}

static void
append (Renderer   *r,
        const char *text,
        gssize      length)
{
  if (length < 0)
    length = strlen (text);
  g_string_append_len (r->text, text, length);
  r->chars += g_utf8_strlen (text, length);
}

/* Ends a line; tags that set paragraph properties cover the whole line. */
static void
end_line (Renderer   *r,
          int         line_start,
          GtkTextTag *style,
          GtkTextTag *indent)
{
  append (r, "\n", 1);
  if (style != NULL)
    add_run (r, style, line_start, r->chars);
  if (indent != NULL)
    add_run (r, indent, line_start, r->chars);
  if (r->quote_depth > 0)
    add_run (r, tag (r, "quote"), line_start, r->chars);
  r->last_line_start = line_start;
}

static void
add_anchor (Renderer  *r,
            GtkWidget *widget,
            GtkTextTag *indent)
{
  MpArticleAnchor anchor = { r->chars, g_object_ref_sink (widget), indent, NULL };

  append (r, PLACEHOLDER, -1);
  g_array_append_val (r->out->anchors, anchor);
}

typedef struct {
  const MpTable *table;
  MpLinkFunc     link_func;
  gpointer       link_data;
} TableSlot;

static GtkWidget *
make_table (gpointer data)
{
  TableSlot *slot = data;

  return mp_article_table_new (slot->table, slot->link_func, slot->link_data);
}

typedef struct {
  char  *src;
  char  *alt;
  GFile *base_dir;
} ImageSlot;

static GtkWidget *
make_image (gpointer data)
{
  ImageSlot *slot = data;

  return mp_article_image_new (slot->src, slot->alt, slot->base_dir);
}

static void
image_slot_free (ImageSlot *slot)
{
  g_free (slot->src);
  g_free (slot->alt);
  g_clear_object (&slot->base_dir);
  g_free (slot);
}

static GtkWidget *
make_chart (gpointer data)
{
  return mp_article_chart_new (data);
}

static GtkWidget *
make_code (gpointer data)
{
  const MpBlock *block = data;

  return mp_article_code_new (block->code, block->lang);
}

/* The block is made when it comes near the screen: GtkSourceView is
 * opened only then. */
static GtkWidget *
code_slot_new (const MpBlock *block)
{
  guint lines = 1;
  GtkWidget *widget;

  for (const char *p = block->code; *p != '\0'; p++)
    lines += *p == '\n';
  /* A monospace line is about 1.4 em, with the block's padding. */
  widget = mp_article_slot_new (make_code, (gpointer) block, NULL, 1.4 * lines + 1.6);
  /* Highlighting costs a few milliseconds a block: a reference with
   * hundreds of them highlights those the reader comes near, as figures
   * are decoded, not all of them in the background. */
  if (block->lang != NULL && *block->lang != '\0')
    mp_article_slot_set_fill_when_seen (widget, TRUE);
  /* Find looks into code blocks before they are made. */
  g_object_set_data (G_OBJECT (widget), "mp-code", block->code);
  return widget;
}

static GtkWidget *
table_slot_new (Renderer      *r,
                const MpTable *table)
{
  TableSlot *slot = g_new0 (TableSlot, 1);
  GtkWidget *widget;

  slot->table = table;
  slot->link_func = r->link_func;
  slot->link_data = r->link_data;
  /* A row of one line with its padding is about 2.2 em. */
  widget = mp_article_slot_new (make_table, slot, g_free, 2.2 * table->cells->len / table->n_columns);
  /* Find looks into tables before they are made. */
  g_object_set_data (G_OBJECT (widget), "mp-table", (gpointer) table);
  return widget;
}

static GtkWidget *
image_slot_new (Renderer     *r,
                const MpSpan *span)
{
  ImageSlot *slot = g_new0 (ImageSlot, 1);
  GtkWidget *widget;
  int width, height;

  slot->src = g_strdup (span->target);
  slot->alt = g_strdup (span->alt);
  slot->base_dir = r->base_dir != NULL ? g_object_ref (r->base_dir) : NULL;
  widget = mp_article_slot_new (make_image, slot, (GDestroyNotify) image_slot_free, 16);
  mp_article_slot_set_fill_when_seen (widget, TRUE);
  /* With its size known, the empty place has the image's exact size, and
   * nothing moves when the image is made. */
  if (mp_article_image_probe_size (span->target, r->base_dir, &width, &height))
    {
      g_object_set_data (G_OBJECT (widget), "mp-image-width", GINT_TO_POINTER (width));
      g_object_set_data (G_OBJECT (widget), "mp-image-height", GINT_TO_POINTER (height));
    }
  /* Until it is made, the slot speaks for the image. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  span->alt != NULL ? span->alt : "", -1);
  return widget;
}

static GtkWidget *
chart_slot_new (const MpChart *chart)
{
  double ems = chart->error != NULL ? 5 : 3.5 + 1.5 * chart->bars->len;

  return mp_article_slot_new (make_chart, (gpointer) chart, NULL, ems);
}

/* A footnote number stays with the word it follows: Pango would break
 * between "macOS." and "2", and GtkTextView 4.8 leaves a tag's
 * allow-breaks out of its layout. A word joiner goes before the number. */
static gboolean
needs_joiner (const MpInline *inline_,
              const MpSpan   *span)
{
  return span->type == MP_SPAN_SUPERSCRIPT && span->start > 0 &&
         !g_ascii_isspace (inline_->text->str[span->start - 1]);
}

#define WORD_JOINER "\u2060"

static void
append_inline_text (Renderer       *r,
                    const MpInline *inline_,
                    GtkTextTag     *indent)
{
  guint pos = 0;

  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);

      if (span->type != MP_SPAN_IMAGE && !needs_joiner (inline_, span))
        continue;
      append (r, inline_->text->str + pos, span->start - pos);
      pos = span->start;
      if (span->type == MP_SPAN_IMAGE)
        add_anchor (r, image_slot_new (r, span), indent);
      else
        append (r, WORD_JOINER, -1);
    }
  append (r, inline_->text->str + pos, inline_->text->len - pos);
}

static void
add_target (Renderer   *r,
            const char *id,
            int         offset)
{
  MpArticleHeading target = { offset, 0, id, NULL };

  g_array_append_val (r->out->targets, target);
}

/* A span's start or end, in bytes, to be turned into a buffer offset. */
typedef struct {
  guint byte;
  guint index;     /* span × 2, + 1 for its end */
} SpanPoint;

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const SpanPoint *pa = a, *pb = b;

  return pa->byte < pb->byte ? -1 : pa->byte > pb->byte;
}

/* Insertions (image anchors or word joiners) before @byte, at it too when
 * @inclusive: each takes one place. */
static guint
images_before (GArray   *images,
               guint     byte,
               gboolean  inclusive)
{
  guint lo = 0, hi = images->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint at = g_array_index (images, guint, mid);

      if (at < byte || (inclusive && at == byte))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Character offsets of every span's start and end from one pass over the
 * text: counting each span's length on its own made 50 000 nested spans
 * over 200 KB take a minute. */
static int *
span_offsets (const MpInline *inline_)
{
  const char *text = inline_->text->str;
  guint n = inline_->spans->len;
  g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (SpanPoint), 2 * n);
  g_autoptr(GArray) images = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) joiners = g_array_new (FALSE, FALSE, sizeof (guint));
  int *offsets = g_new (int, 2 * n);
  guint byte = 0;
  int chars = 0;

  for (guint i = 0; i < n; i++)
    {
      const MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);
      SpanPoint start = { span->start, 2 * i }, end = { span->end, 2 * i + 1 };

      /* Spans are stored in opening order, so both lists stay sorted. */
      if (span->type == MP_SPAN_IMAGE)
        g_array_append_val (images, span->start);
      else if (needs_joiner (inline_, span))
        g_array_append_val (joiners, span->start);
      g_array_append_val (points, start);
      g_array_append_val (points, end);
    }
  g_array_sort (points, compare_points);
  for (guint i = 0; i < points->len; i++)
    {
      const SpanPoint *point = &g_array_index (points, SpanPoint, i);
      gboolean is_end = point->index % 2 == 1;

      chars += g_utf8_strlen (text + byte, point->byte - byte);
      byte = point->byte;

      /* An image at a span's end is inside it; a joiner there belongs to
       * the footnote number that follows, so it counts for starts only. */
      offsets[point->index] = chars + images_before (images, byte, is_end) +
                              images_before (joiners, byte, !is_end);
    }
  return offsets;
}

static void
add_span_runs (Renderer       *r,
               const MpInline *inline_,
               int             base)
{
  g_autofree int *offsets = NULL;

  if (inline_->spans->len == 0)
    return;
  offsets = span_offsets (inline_);
  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);
      int start = base + offsets[2 * i], end = base + offsets[2 * i + 1];

      if (span->type == MP_SPAN_IMAGE)
        continue;
      add_run (r, r->span_tags[span->type], start, end);
      if (span->id != NULL)
        add_target (r, span->id, start);
      if (span->type == MP_SPAN_LINK && end > start)
        {
          MpArticleLink link = { start, end, g_strdup (span->target), g_strdup (span->alt) };
          g_array_append_val (r->out->links, link);
        }
    }
}

static void
append_inline (Renderer       *r,
               const MpInline *inline_,
               GtkTextTag     *indent)
{
  int base = r->chars;

  append_inline_text (r, inline_, indent);
  add_span_runs (r, inline_, base);
}

/* A list item's marker goes before its first line. */
static GtkTextTag *
take_marker (Renderer *r)
{
  if (r->marker == NULL)
    return indent_tag (r, FALSE);
  append (r, r->marker, -1);
  append (r, "\t", 1);
  g_clear_pointer (&r->marker, g_free);
  return indent_tag (r, TRUE);
}

static void
render_heading (Renderer      *r,
                const MpBlock *block)
{
  MpArticleHeading heading = { r->chars, block->level, block->id, block->inline_->text->str };
  int start = r->chars;
  GtkTextTag *indent = take_marker (r);
  char name[3] = { 'h', '0' + CLAMP (block->level, 1, 6), '\0' };

  g_array_append_val (r->out->headings, heading);
  append_inline (r, block->inline_, indent);
  end_line (r, start, tag (r, name), indent);
}

static void
render_paragraph (Renderer      *r,
                  const MpBlock *block)
{
  int start = r->chars;
  GtkTextTag *indent = take_marker (r);

  append_inline (r, block->inline_, indent);
  /* Plain paragraphs take the view's spacing: no tag. */
  end_line (r, start, r->tight ? tag (r, "li-tight") : NULL, indent);
}

static void
render_widget (Renderer  *r,
               GtkWidget *widget)
{
  int start;
  GtkTextTag *indent;

  if (r->marker != NULL)
    {
      start = r->chars;
      indent = take_marker (r);
      end_line (r, start, tag (r, "li-tight"), indent);
    }
  start = r->chars;
  indent = indent_tag (r, FALSE);
  add_anchor (r, widget, indent);
  end_line (r, start, tag (r, "widget-line"), indent);
}

static void render_blocks (Renderer *r, GPtrArray *blocks);

/* Front matter other than the title: small and quiet, one entry a line,
 * above the article. */
static void
render_front_matter (Renderer            *r,
                     const MpFrontMatter *fm)
{
  if (fm == NULL || fm->keys->len == 0)
    return;
  for (guint i = 0; i < fm->keys->len; i++)
    {
      int start = r->chars;

      append (r, g_ptr_array_index (fm->keys, i), -1);
      append (r, ": ", 2);
      append (r, g_ptr_array_index (fm->values, i), -1);
      end_line (r, start, tag (r, "meta"), NULL);
    }
  add_run (r, tag (r, "block-end"), r->last_line_start, r->chars);
}

static char *
list_marker (const MpBlock *list,
             guint          index,
             guint          depth)
{
  static const char *bullets[] = { "•", "◦", "▪" };
  const MpBlock *item = g_ptr_array_index (list->children, index);

  /* Ballot boxes: read-only check marks. */
  if (item->task)
    return g_strdup (item->checked ? "☑" : "☐");

  if (list->ordered)
    return g_strdup_printf ("%u.", list->start + index);
  return g_strdup (bullets[(depth - 1) % G_N_ELEMENTS (bullets)]);
}

static void
render_list (Renderer      *r,
             const MpBlock *list)
{
  gboolean was_tight = r->tight;

  r->list_depth++;
  r->tight = list->tight;
  for (guint i = 0; i < list->children->len; i++)
    {
      const MpBlock *item = g_ptr_array_index (list->children, i);

      g_free (r->marker);
      r->marker = list_marker (list, i, r->list_depth);
      if (item->id != NULL)
        add_target (r, item->id, r->chars);
      render_blocks (r, item->children);
      if (r->marker != NULL)
        {
          /* An empty item still shows its marker. */
          int start = r->chars;
          GtkTextTag *indent = take_marker (r);
          end_line (r, start, tag (r, "li-tight"), indent);
        }
    }
  r->tight = was_tight;
  r->list_depth--;
  if (r->list_depth == 0)
    add_run (r, tag (r, "block-end"), r->last_line_start, r->chars);
}

static void
render_quote (Renderer      *r,
              const MpBlock *quote)
{
  gboolean was_tight = r->tight;

  r->quote_depth++;
  r->tight = FALSE;
  render_blocks (r, quote->children);
  r->tight = was_tight;
  r->quote_depth--;
}


/* The card names the error the flowchart pane shows for the same block, so a
 * reader who never opens the pane still learns why there is no flowchart.
 * Parsing again costs well under a millisecond for an article's chart. */
static char *
mermaid_block_error (MpDocument    *document,
                     const MpBlock *block)
{
  const MpMermaidBlock *mermaid = mp_document_get_mermaid_block (document, block->mermaid_index);
  g_autoptr(MpFlowchart) chart = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = mp_document_get_file (document);
  g_autofree char *name = NULL;

  if (mermaid == NULL)
    return NULL;
  chart = mp_flowchart_parse (mermaid->source, -1, mermaid->line, NULL, NULL, &error);
  if (chart != NULL)
    return NULL;
  name = file != NULL ? g_file_get_basename (file)
                      : g_strdup (mp_document_get_display_name (document));
  return g_strdup_printf ("%s:%s", name, error->message);
}

static void
render_block (Renderer      *r,
              const MpBlock *block)
{
  switch (block->type)
    {
    case MP_BLOCK_HEADING:
      render_heading (r, block);
      break;
    case MP_BLOCK_PARAGRAPH:
      render_paragraph (r, block);
      break;
    case MP_BLOCK_QUOTE:
      render_quote (r, block);
      break;
    case MP_BLOCK_LIST:
      render_list (r, block);
      break;
    case MP_BLOCK_LIST_ITEM:
      render_blocks (r, block->children);
      break;
    case MP_BLOCK_CODE:
      render_widget (r, code_slot_new (block));
      break;
    case MP_BLOCK_RULE:
      render_widget (r, mp_article_rule_new ());
      break;
    case MP_BLOCK_TABLE:
      render_widget (r, table_slot_new (r, block->table));
      break;
    case MP_BLOCK_MERMAID:
      {
        g_autofree char *error = mermaid_block_error (r->out->document, block);

        render_widget (r, mp_article_mermaid_card_new (error));
      }
      break;
    case MP_BLOCK_CHART:
      render_widget (r, chart_slot_new (block->chart));
      break;
    }
}

static void
render_blocks (Renderer  *r,
               GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    render_block (r, g_ptr_array_index (blocks, i));
}

static void
link_clear (MpArticleLink *link)
{
  g_free (link->target);
  g_free (link->title);
}

static void
anchor_clear (MpArticleAnchor *anchor)
{
  g_clear_object (&anchor->widget);
  g_clear_object (&anchor->anchor);
}

static int
compare_runs_by_tag (gconstpointer a,
                     gconstpointer b)
{
  const TagRun *ra = a, *rb = b;

  if (ra->tag != rb->tag)
    return ra->tag < rb->tag ? -1 : 1;
  return ra->start < rb->start ? -1 : ra->start > rb->start;
}

static int
compare_runs_by_start (gconstpointer a,
                       gconstpointer b)
{
  const TagRun *ra = a, *rb = b;

  return ra->start < rb->start ? -1 : ra->start > rb->start;
}

/* Each apply costs a few microseconds whatever its length, so runs of one
 * tag that touch (consecutive lines of a list, say) become one. */
static void
merge_runs (GArray *runs)
{
  guint kept = 0;

  g_array_sort (runs, compare_runs_by_tag);
  for (guint i = 0; i < runs->len; i++)
    {
      TagRun *run = &g_array_index (runs, TagRun, i);
      TagRun *last = kept > 0 ? &g_array_index (runs, TagRun, kept - 1) : NULL;

      if (last != NULL && last->tag == run->tag && run->start <= last->end)
        last->end = MAX (last->end, run->end);
      else
        g_array_index (runs, TagRun, kept++) = *run;
    }
  g_array_set_size (runs, kept);
  g_array_sort (runs, compare_runs_by_start);
}

static void
apply_run (GtkTextBuffer *buffer,
           const TagRun  *run)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, run->start);
  end = start;
  gtk_text_iter_forward_chars (&end, run->end - run->start);
  gtk_text_buffer_apply_tag (buffer, run->tag, &start, &end);
}

gboolean
mp_article_render_apply_tags (MpArticleRender *render,
                              guint            max_runs)
{
  for (guint n = 0; render->next_run < render->runs->len && n < max_runs; n++)
    apply_run (render->buffer, &g_array_index (render->runs, TagRun, render->next_run++));
  return render->next_run < render->runs->len;
}

static void
fill_buffer (Renderer *r)
{
  GtkTextBuffer *buffer = r->out->buffer;
  GtkTextIter start, end;

  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, r->text->str, r->text->len);

  /* Replacing a placeholder by an anchor keeps every offset valid. */
  for (guint i = 0; i < r->out->anchors->len; i++)
    {
      MpArticleAnchor *anchor = &g_array_index (r->out->anchors, MpArticleAnchor, i);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, anchor->offset);
      end = start;
      gtk_text_iter_forward_char (&end);
      gtk_text_buffer_delete (buffer, &start, &end);
      anchor->anchor = g_object_ref (gtk_text_buffer_create_child_anchor (buffer, &start));
    }

  /* The first screens are styled now, the rest by the view in the
   * background (mp_article_render_apply_tags). */
  merge_runs (r->runs);
  r->out->runs = g_array_ref (r->runs);
  while (r->out->next_run < r->runs->len &&
         g_array_index (r->runs, TagRun, r->out->next_run).start < MP_ARTICLE_RENDER_STYLED_NOW)
    apply_run (buffer, &g_array_index (r->runs, TagRun, r->out->next_run++));

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

MpArticleRender *
mp_article_render_new (MpDocument      *document,
                       GtkTextTagTable *tags,
                       MpLinkFunc       link_func,
                       gpointer         user_data)
{
  MpArticleRender *out = g_new0 (MpArticleRender, 1);

  /* Slots point into the document's blocks. */
  out->document = g_object_ref (document);
  Renderer r = { tags, out, };
  GPtrArray *blocks = g_ptr_array_new ();
  GFile *file = mp_document_get_file (document);
  static const char *span_tag_names[] = { "bold", "italic", "code", "strike", "link", NULL, "superscript" };

  out->buffer = gtk_text_buffer_new (tags);
  out->links = g_array_new (FALSE, FALSE, sizeof (MpArticleLink));
  g_array_set_clear_func (out->links, (GDestroyNotify) link_clear);
  out->headings = g_array_new (FALSE, FALSE, sizeof (MpArticleHeading));
  out->targets = g_array_new (FALSE, FALSE, sizeof (MpArticleHeading));
  out->anchors = g_array_new (FALSE, FALSE, sizeof (MpArticleAnchor));
  g_array_set_clear_func (out->anchors, (GDestroyNotify) anchor_clear);

  r.text = g_string_sized_new (64 * 1024);
  r.runs = g_array_new (FALSE, FALSE, sizeof (TagRun));
  r.base_dir = file != NULL ? g_file_get_parent (file) : NULL;
  r.link_func = link_func;
  r.link_data = user_data;
  for (guint i = 0; i < G_N_ELEMENTS (span_tag_names); i++)
    r.span_tags[i] = span_tag_names[i] != NULL ? tag (&r, span_tag_names[i]) : NULL;

  for (guint i = 0; i < mp_document_get_n_blocks (document); i++)
    g_ptr_array_add (blocks, (gpointer) mp_document_get_block (document, i));
  render_front_matter (&r, mp_document_get_front_matter (document));
  render_blocks (&r, blocks);
  /* No empty line after the last block. */
  if (r.text->len > 0 && r.text->str[r.text->len - 1] == '\n')
    {
      g_string_truncate (r.text, r.text->len - 1);
      r.chars--;
    }
  fill_buffer (&r);

  out->text_len = r.text->len;
  out->text = g_string_free (r.text, FALSE);
  g_array_unref (r.runs);
  g_ptr_array_unref (blocks);
  g_clear_object (&r.base_dir);
  g_free (r.marker);
  return out;
}

void
mp_article_render_attach (MpArticleRender *render,
                          GtkTextView     *view)
{
  g_return_if_fail (gtk_text_view_get_buffer (view) == render->buffer);

  for (guint i = 0; i < render->anchors->len; i++)
    {
      MpArticleAnchor *anchor = &g_array_index (render->anchors, MpArticleAnchor, i);
      gtk_text_view_add_child_at_anchor (view, anchor->widget, anchor->anchor);
    }
}

void
mp_article_render_free (MpArticleRender *render)
{
  if (render == NULL)
    return;
  g_array_unref (render->anchors);
  g_array_unref (render->links);
  g_array_unref (render->headings);
  g_array_unref (render->targets);
  g_clear_pointer (&render->runs, g_array_unref);
  g_clear_object (&render->buffer);
  g_free (render->text);
  g_clear_object (&render->document);
  g_free (render);
}

const MpArticleLink *
mp_article_render_find_link (MpArticleRender *render,
                             int              offset)
{
  guint lo = 0, hi = render->links->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const MpArticleLink *link = &g_array_index (render->links, MpArticleLink, mid);

      if (offset < link->start)
        hi = mid;
      else if (offset >= link->end)
        lo = mid + 1;
      else
        return link;
    }
  return NULL;
}
