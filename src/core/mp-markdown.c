/* mp-markdown.c: md4c callbacks that build the block model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-markdown.h"

#include <glib/gi18n.h>
#include <md4c.h>
#include <string.h>

#include "mp-utils.h"

G_DEFINE_QUARK (mp-markdown-error-quark, mp_markdown_error)

#define MD_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS | \
                  MD_FLAG_TASKLISTS)
/* md4c 0.4.8 finds bare "http://…" and "www.…" addresses in time that grows
 * with the square of their number in one paragraph: 20 000 take 0.6 s,
 * 50 000 (nested links) 43 s. Past MP_MARKDOWN_MAX_BARE_URLS in one
 * paragraph (a real one has a handful) the file is read without them. */
#define BARE_URL_FLAGS (MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS)
/* Quotes and lists nested deeper than this are kept flat, so that a file
 * of ten thousand ">" cannot exhaust the stack of recursive walks. */
#define MAX_NESTING 32

/* An inline whose text grew past MP_MARKDOWN_MAX_LINE_CHARS bytes. */
typedef struct {
  MpInline *inline_;
  guint     line;
  guint     column;
} LongInline;

typedef struct {
  const char     *input;
  gsize           length;
  const char     *file_name;
  MpMarkdownTree *tree;

  GPtrArray      *containers;   /* open quote, list and item blocks */
  guint           flattened;    /* containers not opened past MAX_NESTING */
  MpBlock        *leaf;         /* open heading, paragraph or code block */
  gboolean        leaf_implicit;
  GString        *code;
  GArray         *open_spans;   /* indices into the current inline's spans */

  MpBlock        *table;
  MpInline       *cell;
  guint           row;
  guint           column;

  guint           image_depth;
  GString        *alt;
  char           *image_src;

  GHashTable     *ids;          /* heading id → TRUE */
  GHashTable     *id_counters;  /* slug → next number to try */
  MpBlock        *section;      /* the last heading */
  gsize           line_offset;  /* a cursor: line_no is the line at line_offset */
  guint           line_no;

  const char     *inline_start; /* the input where the current inline's text began */
  GArray         *long_inlines; /* LongInline */
  gboolean        flatten_noted;
  gboolean        flatten_pending;

  GCancellable   *cancellable;
  MpMarkdownProgressFunc progress;
  gpointer        progress_data;
  guint           calls;        /* callbacks since the last check */
  const char     *furthest;     /* the furthest text seen, for progress */
} Builder;

MpInline *
mp_inline_new (void)
{
  MpInline *inline_ = g_new0 (MpInline, 1);

  inline_->text = g_string_new (NULL);
  inline_->spans = g_array_new (FALSE, FALSE, sizeof (MpSpan));
  return inline_;
}

void
mp_inline_free (MpInline *inline_)
{
  if (inline_ == NULL)
    return;
  for (guint i = 0; i < inline_->spans->len; i++)
    {
      MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);
      g_free (span->target);
      g_free (span->alt);
      g_free (span->id);
    }
  g_array_unref (inline_->spans);
  g_string_free (inline_->text, TRUE);
  g_free (inline_);
}

static void
table_free (MpTable *table)
{
  g_free (table->aligns);
  g_ptr_array_unref (table->cells);
  g_free (table);
}

void
mp_block_free (MpBlock *block)
{
  if (block == NULL)
    return;
  mp_inline_free (block->inline_);
  g_free (block->id);
  g_free (block->label);
  g_free (block->code);
  g_free (block->lang);
  g_clear_pointer (&block->table, table_free);
  g_clear_pointer (&block->chart, mp_chart_free);
  g_clear_pointer (&block->children, g_ptr_array_unref);
  g_free (block);
}

static void
mermaid_block_free (MpMermaidBlock *mermaid)
{
  g_free (mermaid->source);
  g_free (mermaid->section_id);
  g_free (mermaid->section_title);
  g_free (mermaid);
}

void
mp_markdown_tree_clear (MpMarkdownTree *tree)
{
  g_clear_pointer (&tree->warnings, g_ptr_array_unref);
  g_clear_pointer (&tree->headings, g_ptr_array_unref);
  g_clear_pointer (&tree->blocks, g_ptr_array_unref);
  g_clear_pointer (&tree->mermaid, g_ptr_array_unref);
}

static MpBlock *
block_new (MpBlockType type)
{
  MpBlock *block = g_new0 (MpBlock, 1);

  block->type = type;
  return block;
}

/* The 1-based line of @ptr, when it points into the input. md4c hands out
 * pointers in document order, so the cursor only moves forward. */
static guint
line_at (Builder    *b,
         const char *ptr)
{
  gsize offset;
  const char *p;

  if (ptr < b->input || ptr > b->input + b->length)
    return 0;
  offset = ptr - b->input;
  if (offset < b->line_offset)
    {
      b->line_offset = 0;
      b->line_no = 1;
    }
  p = b->input + b->line_offset;
  while ((p = memchr (p, '\n', offset - (p - b->input))) != NULL)
    {
      b->line_no++;
      p++;
    }
  b->line_offset = offset;
  return b->line_no;
}

/* The 1-based column, in characters, of @ptr on its line. */
static guint
column_at (Builder    *b,
           const char *ptr)
{
  const char *line = ptr;

  if (ptr < b->input || ptr > b->input + b->length)
    return 0;
  while (line > b->input && line[-1] != '\n')
    line--;
  return g_utf8_strlen (line, ptr - line) + 1;
}

static void
add_warning (MpMarkdownTree *tree,
             char           *message)
{
  g_ptr_array_add (tree->warnings, message);
}

static void
append_entity (GString    *out,
               const char *text,
               gsize       size)
{
  static const struct { const char *name; const char *utf8; } named[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&apos;", "'" }, { "&nbsp;", "\u00a0" }, { "&mdash;", "—" }, { "&ndash;", "–" },
    { "&hellip;", "…" }, { "&copy;", "©" }, { "&reg;", "®" }, { "&trade;", "™" },
    { "&lsquo;", "‘" }, { "&rsquo;", "’" }, { "&ldquo;", "“" }, { "&rdquo;", "”" },
    { "&times;", "×" }, { "&middot;", "·" }, { "&bull;", "•" }, { "&euro;", "€" },
    { "&deg;", "°" }, { "&plusmn;", "±" }, { "&le;", "≤" }, { "&ge;", "≥" },
    { "&larr;", "←" }, { "&rarr;", "→" }, { "&shy;", "\u00ad" }, { "&sect;", "§" },
  };
  gunichar c;
  char *end = NULL;

  if (size > 3 && text[1] == '#')
    {
      gboolean hex = text[2] == 'x' || text[2] == 'X';

      c = (gunichar) g_ascii_strtoull (text + (hex ? 3 : 2), &end, hex ? 16 : 10);
      if (c == 0 || !g_unichar_validate (c))
        c = 0xFFFD;
      g_string_append_unichar (out, c);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (named); i++)
    if (strlen (named[i].name) == size && strncmp (named[i].name, text, size) == 0)
      {
        g_string_append (out, named[i].utf8);
        return;
      }
  g_string_append_len (out, text, size);
}

static char *
attribute_to_string (const MD_ATTRIBUTE *attr)
{
  GString *out = g_string_sized_new (attr->size);

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      const char *text = attr->text + attr->substr_offsets[i];
      gsize size = attr->substr_offsets[i + 1] - attr->substr_offsets[i];

      if (attr->substr_types[i] == MD_TEXT_ENTITY)
        append_entity (out, text, size);
      else if (attr->substr_types[i] == MD_TEXT_NULLCHAR)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, text, size);
    }
  return g_string_free (out, FALSE);
}

static void
add_block (Builder *b,
           MpBlock *block)
{
  if (b->containers->len > 0)
    {
      MpBlock *parent = g_ptr_array_index (b->containers, b->containers->len - 1);
      g_ptr_array_add (parent->children, block);
    }
  else
    g_ptr_array_add (b->tree->blocks, block);
}

static void
close_implicit_leaf (Builder *b)
{
  if (b->leaf_implicit)
    {
      b->leaf = NULL;
      b->leaf_implicit = FALSE;
      g_array_set_size (b->open_spans, 0);
    }
}

/* Where inline text goes; tight list items get their paragraph here. */
static MpInline *
current_inline (Builder *b)
{
  if (b->cell != NULL)
    return b->cell;
  if (b->leaf == NULL)
    {
      b->leaf = block_new (MP_BLOCK_PARAGRAPH);
      b->leaf->inline_ = mp_inline_new ();
      b->leaf_implicit = TRUE;
      add_block (b, b->leaf);
    }
  return b->leaf->inline_;
}

static void
open_container (Builder     *b,
                MpBlockType  type)
{
  MpBlock *block;

  close_implicit_leaf (b);
  /* Items of a list that was kept flat are kept flat too. */
  if (b->flattened > 0 || (type != MP_BLOCK_LIST_ITEM && b->containers->len >= MAX_NESTING))
    {
      /* Said once, where the first text that is kept flat stands. */
      if (!b->flatten_noted)
        b->flatten_pending = b->flatten_noted = TRUE;
      b->flattened++;
      return;
    }
  block = block_new (type);
  block->children = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_block_free);
  add_block (b, block);
  g_ptr_array_add (b->containers, block);
}

static void
open_list (Builder  *b,
           gboolean  ordered,
           guint     start,
           gboolean  tight)
{
  MpBlock *list;

  open_container (b, MP_BLOCK_LIST);
  if (b->flattened > 0)
    return;
  list = g_ptr_array_index (b->containers, b->containers->len - 1);
  list->ordered = ordered;
  list->start = start;
  list->tight = tight;
}

static void
open_item (Builder                  *b,
           const MD_BLOCK_LI_DETAIL *detail)
{
  MpBlock *item;

  open_container (b, MP_BLOCK_LIST_ITEM);
  if (b->flattened > 0 || !detail->is_task)
    return;
  item = g_ptr_array_index (b->containers, b->containers->len - 1);
  item->task = TRUE;
  item->checked = detail->task_mark == 'x' || detail->task_mark == 'X';
}

static void
open_leaf (Builder     *b,
           MpBlockType  type)
{
  close_implicit_leaf (b);
  b->leaf = block_new (type);
  if (type == MP_BLOCK_HEADING || type == MP_BLOCK_PARAGRAPH)
    b->leaf->inline_ = mp_inline_new ();
  add_block (b, b->leaf);
}

static void
open_code (Builder                    *b,
           const MD_BLOCK_CODE_DETAIL *detail)
{
  open_leaf (b, MP_BLOCK_CODE);
  b->code = g_string_new (NULL);
  if (detail == NULL)
    return;
  if (detail->lang.size > 0)
    b->leaf->lang = attribute_to_string (&detail->lang);
  /* md4c gives no line numbers, but the info string points into the input. */
  if (detail->fence_char != 0 && detail->info.size > 0)
    {
      guint fence_line = line_at (b, detail->info.text);
      b->leaf->line = fence_line > 0 ? fence_line + 1 : 0;
    }
}

static void
open_table (Builder                     *b,
            const MD_BLOCK_TABLE_DETAIL *detail)
{
  MpBlock *block = block_new (MP_BLOCK_TABLE);

  close_implicit_leaf (b);
  block->table = g_new0 (MpTable, 1);
  block->table->n_columns = MAX (detail->col_count, 1);
  block->table->aligns = g_new0 (MpAlign, block->table->n_columns);
  block->table->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_inline_free);
  add_block (b, block);
  b->table = block;
  b->row = 0;
}

static void
open_cell (Builder                  *b,
           const MD_BLOCK_TD_DETAIL *detail)
{
  g_assert (b->table != NULL);

  if (b->row == 0 && b->column < b->table->table->n_columns)
    b->table->table->aligns[b->column] = (MpAlign) detail->align;
  b->cell = mp_inline_new ();
  g_array_set_size (b->open_spans, 0);
}

static void
close_cell (Builder *b)
{
  if (b->column < b->table->table->n_columns)
    g_ptr_array_add (b->table->table->cells, b->cell);
  else
    mp_inline_free (b->cell);
  b->cell = NULL;
  b->column++;
}

static void
close_row (Builder *b)
{
  MpTable *table = b->table->table;

  while (table->cells->len % table->n_columns != 0)
    g_ptr_array_add (table->cells, mp_inline_new ());
  b->row++;
}

static char *
label_of (const char *text,
          gsize       length)
{
  GString *label = g_string_new_len (text, length);

  /* Line breaks put in long lines read as spaces in one line. */
  g_strdelimit (label->str, "\n", ' ');
  g_strchomp (label->str);
  g_string_set_size (label, strlen (label->str));
  g_string_append (label, "…");
  return g_string_free (label, FALSE);
}

/* A heading of thousands of characters (a pasted paragraph, a generated
 * file) would make an outline row or window title as long: they show the
 * first MP_MARKDOWN_MAX_LABEL_CHARS, and the file gets a warning. */
static void
cut_label (Builder *b,
           MpBlock *heading)
{
  const char *text = heading->inline_->text->str;
  glong chars = g_utf8_strlen (text, heading->inline_->text->len);
  const char *cut;

  if (chars <= MP_MARKDOWN_MAX_LABEL_CHARS)
    return;
  cut = g_utf8_offset_to_pointer (text, MP_MARKDOWN_MAX_LABEL_CHARS);
  heading->label = label_of (text, cut - text);
  add_warning (b->tree,
               /* Translators: FILE:LINE:COLUMN, then two numbers of characters */
               g_strdup_printf (_("%s:%u:%u: this heading is %'ld characters long; the outline and the "
                                  "window title show its first %'u"),
                                b->file_name, line_at (b, b->inline_start), column_at (b, b->inline_start),
                                chars, MP_MARKDOWN_MAX_LABEL_CHARS));
}

static void
close_heading (Builder *b)
{
  MpBlock *heading = b->leaf;
  char *slug = mp_utils_slugify (heading->inline_->text->str);
  char *id = g_strdup (slug);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (b->id_counters, slug));

  /* Repeats get "-1", "-2" …; the counter keeps many repeats linear. */
  while (g_hash_table_contains (b->ids, id))
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", slug, ++n);
    }
  g_hash_table_insert (b->id_counters, slug, GUINT_TO_POINTER (n));
  heading->id = id;
  g_hash_table_add (b->ids, g_strdup (id));
  g_ptr_array_add (b->tree->headings, heading);
  b->section = heading;
  cut_label (b, heading);
}

static void
close_code (Builder *b)
{
  MpBlock *block = b->leaf;

  if (b->code->len > 0 && b->code->str[b->code->len - 1] == '\n')
    g_string_truncate (b->code, b->code->len - 1);
  block->code = g_string_free (g_steal_pointer (&b->code), FALSE);

  if (g_strcmp0 (block->lang, "mermaid") == 0)
    {
      MpMermaidBlock *mermaid = g_new0 (MpMermaidBlock, 1);

      mermaid->source = g_strdup (block->code);
      mermaid->line = block->line;
      if (b->section != NULL)
        {
          mermaid->section_id = g_strdup (b->section->id);
          mermaid->section_title = g_strdup (mp_block_get_label (b->section));
        }
      block->type = MP_BLOCK_MERMAID;
      block->mermaid_index = b->tree->mermaid->len;
      g_ptr_array_add (b->tree->mermaid, mermaid);
    }
  else if (g_strcmp0 (block->lang, "chart") == 0)
    {
      block->type = MP_BLOCK_CHART;
      block->chart = mp_chart_parse (block->code, b->file_name, block->line);
    }
}

#define CHECK_EVERY 4096   /* callbacks: a check costs a mutex-free read */

/* Non-zero stops md4c: the caller cancelled. Says how far the text is read. */
static int
check_progress (Builder    *b,
                const char *text)
{
  if (text != NULL && text > b->furthest && text <= b->input + b->length)
    b->furthest = text;
  if (++b->calls < CHECK_EVERY)
    return 0;
  b->calls = 0;
  if (g_cancellable_is_cancelled (b->cancellable))
    return -1;
  if (b->progress != NULL && b->length > 0)
    b->progress ((double) (b->furthest - b->input) / b->length, b->progress_data);
  return 0;
}

static int
on_enter_block (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Builder *b = user_data;

  if (check_progress (b, NULL) != 0)
    return -1;

  switch (type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
      break;
    case MD_BLOCK_QUOTE:
      open_container (b, MP_BLOCK_QUOTE);
      break;
    case MD_BLOCK_UL:
      open_list (b, FALSE, 1, ((MD_BLOCK_UL_DETAIL *) detail)->is_tight);
      break;
    case MD_BLOCK_OL:
      open_list (b, TRUE, ((MD_BLOCK_OL_DETAIL *) detail)->start,
                 ((MD_BLOCK_OL_DETAIL *) detail)->is_tight);
      break;
    case MD_BLOCK_LI:
      open_item (b, detail);
      break;
    case MD_BLOCK_HR:
      close_implicit_leaf (b);
      add_block (b, block_new (MP_BLOCK_RULE));
      break;
    case MD_BLOCK_H:
      open_leaf (b, MP_BLOCK_HEADING);
      b->leaf->level = ((MD_BLOCK_H_DETAIL *) detail)->level;
      break;
    case MD_BLOCK_P:
      open_leaf (b, MP_BLOCK_PARAGRAPH);
      break;
    case MD_BLOCK_CODE:
      open_code (b, detail);
      break;
    case MD_BLOCK_HTML:
      /* Raw HTML is shown as the text it is, never rendered. */
      open_code (b, NULL);
      break;
    case MD_BLOCK_TABLE:
      open_table (b, detail);
      break;
    case MD_BLOCK_TR:
      b->column = 0;
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      open_cell (b, detail);
      break;
    }
  return 0;
}

static int
on_leave_block (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Builder *b = user_data;

  switch (type)
    {
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
    case MD_BLOCK_LI:
      close_implicit_leaf (b);
      if (b->flattened > 0)
        b->flattened--;
      else
        g_ptr_array_set_size (b->containers, b->containers->len - 1);
      break;
    case MD_BLOCK_H:
      close_heading (b);
      b->leaf = NULL;
      break;
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML:
      close_code (b);
      b->leaf = NULL;
      break;
    case MD_BLOCK_P:
      b->leaf = NULL;
      break;
    case MD_BLOCK_TABLE:
      b->table = NULL;
      break;
    case MD_BLOCK_TR:
      close_row (b);
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      close_cell (b);
      break;
    default:
      break;
    }
  if (type != MD_BLOCK_LI && type != MD_BLOCK_DOC)
    g_array_set_size (b->open_spans, 0);
  return 0;
}

static MpSpanType
span_type (MD_SPANTYPE type)
{
  switch (type)
    {
    case MD_SPAN_STRONG:
      return MP_SPAN_BOLD;
    case MD_SPAN_CODE:
      return MP_SPAN_CODE;
    case MD_SPAN_DEL:
      return MP_SPAN_STRIKE;
    case MD_SPAN_A:
      return MP_SPAN_LINK;
    case MD_SPAN_EM:
    default:
      return MP_SPAN_ITALIC;
    }
}

static char *
link_target (const MD_SPAN_A_DETAIL *detail)
{
  char *href = attribute_to_string (&detail->href);

  /* Permissive "www." autolinks come without a scheme. */
  if (g_str_has_prefix (href, "www."))
    {
      char *with_scheme = g_strconcat ("http://", href, NULL);
      g_free (href);
      return with_scheme;
    }
  return href;
}

static int
on_enter_span (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Builder *b = user_data;
  MpInline *inline_ = current_inline (b);
  MpSpan span = { 0, };
  guint index;

  if (b->image_depth > 0 || type == MD_SPAN_IMG)
    {
      if (b->image_depth++ == 0)
        {
          b->alt = g_string_new (NULL);
          b->image_src = attribute_to_string (&((MD_SPAN_IMG_DETAIL *) detail)->src);
        }
      return 0;
    }
  span.type = span_type (type);
  span.start = span.end = inline_->text->len;
  if (type == MD_SPAN_A)
    span.target = link_target (detail);
  index = inline_->spans->len;
  g_array_append_val (inline_->spans, span);
  g_array_append_val (b->open_spans, index);
  return 0;
}

static int
on_leave_span (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Builder *b = user_data;
  MpInline *inline_ = current_inline (b);

  if (b->image_depth > 0)
    {
      if (--b->image_depth == 0)
        {
          MpSpan span = { MP_SPAN_IMAGE, inline_->text->len, inline_->text->len, NULL, NULL };

          span.target = g_steal_pointer (&b->image_src);
          span.alt = g_string_free (g_steal_pointer (&b->alt), FALSE);
          g_array_append_val (inline_->spans, span);
        }
      return 0;
    }
  if (b->open_spans->len > 0)
    {
      guint index = g_array_index (b->open_spans, guint, b->open_spans->len - 1);

      g_array_index (inline_->spans, MpSpan, index).end = inline_->text->len;
      g_array_set_size (b->open_spans, b->open_spans->len - 1);
    }
  return 0;
}

static void
note_flattened (Builder    *b,
                const char *text)
{
  b->flatten_pending = FALSE;
  add_warning (b->tree,
               /* Translators: %s:%u:%u is FILE:LINE:COLUMN; %u is a number of levels */
               g_strdup_printf (_("%s:%u:%u: quotes and lists are nested more than %u levels deep here; "
                                  "the deeper levels are shown at level %u"),
                                b->file_name, line_at (b, text), column_at (b, text),
                                MAX_NESTING, MAX_NESTING));
}

/* Remembers an inline that may hold a line too long to lay out; checked
 * once the whole file is read (break_long_lines). */
static void
note_if_long (Builder  *b,
              MpInline *inline_,
              gsize     adding)
{
  LongInline *last = b->long_inlines->len > 0
    ? &g_array_index (b->long_inlines, LongInline, b->long_inlines->len - 1) : NULL;
  LongInline noted = { inline_, 0, 0 };

  if (inline_->text->len + adding <= MP_MARKDOWN_MAX_LINE_CHARS || (last != NULL && last->inline_ == inline_))
    return;
  noted.line = line_at (b, b->inline_start);
  noted.column = column_at (b, b->inline_start);
  g_array_append_val (b->long_inlines, noted);
}

static int
on_text (MD_TEXTTYPE  type,
         const char  *text,
         MD_SIZE      size,
         void        *user_data)
{
  Builder *b = user_data;
  GString *out;

  /* md4c 0.4.8 can hand out a run that ends past the input (an underflowed
   * size, found by fuzz-markdown): text never outgrows the input it came
   * from, so such a run is dropped. */
  if (size > b->length)
    return 0;
  if (check_progress (b, text) != 0)
    return -1;
  if (b->code != NULL)
    {
      if (b->leaf->line == 0 && b->leaf->lang == NULL && b->code->len == 0)
        b->leaf->line = line_at (b, text);
      g_string_append_len (b->code, text, size);
      return 0;
    }
  if (b->flatten_pending)
    note_flattened (b, text);
  if (b->image_depth > 0)
    out = b->alt;
  else
    {
      MpInline *inline_ = current_inline (b);

      out = inline_->text;
      if (out->len == 0)
        b->inline_start = text;
      note_if_long (b, inline_, size);
    }
  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append_unichar (out, 0xFFFD);
      break;
    case MD_TEXT_BR:
      g_string_append_c (out, b->image_depth > 0 || b->cell != NULL ? ' ' : '\n');
      break;
    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ' ');
      break;
    case MD_TEXT_ENTITY:
      append_entity (out, text, size);
      break;
    default:
      g_string_append_len (out, text, size);
      break;
    }
  return 0;
}

/* Where each newline was put in: before these bytes of the old text. */
static guint
count_before (GArray   *inserted,
              guint     byte,
              gboolean  inclusive)
{
  guint lo = 0, hi = inserted->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint at = g_array_index (inserted, guint, mid);

      if (at < byte || (inclusive && at == byte))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
shift_spans (MpInline *inline_,
             GArray   *inserted)
{
  for (guint i = 0; inserted->len > 0 && i < inline_->spans->len; i++)
    {
      MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);
      gboolean empty = span->start == span->end;

      span->start += count_before (inserted, span->start, TRUE);
      span->end = empty ? span->start : span->end + count_before (inserted, span->end, FALSE);
    }
}

/* Lines of more than MP_MARKDOWN_MAX_LINE_CHARS characters are broken:
 * at their last space when there is one (the text keeps its length),
 * else by a newline put in. Pango lays out a line as one piece in time
 * and memory that grow with its length (~5 µs and ~100 bytes a
 * character here): one 10 MB line took 65 s and 1.4 GB to show; pieces of
 * 10 000 characters take a few milliseconds each. Returns the longest
 * line's length in characters. */
static guint
break_long_lines (MpInline *inline_)
{
  GString *text = inline_->text;
  g_autoptr(GArray) inserted = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *out = g_string_sized_new (text->len + text->len / MP_MARKDOWN_MAX_LINE_CHARS + 1);
  gssize space = -1;
  guint chars = 0, after_space = 0, run = 0, longest = 0;

  for (const char *p = text->str; p < text->str + text->len; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        chars = run = 0, space = -1;
      else if (chars == MP_MARKDOWN_MAX_LINE_CHARS)
        {
          guint at = p - text->str;

          if (space >= 0)
            out->str[space] = '\n', chars = after_space;
          else
            g_string_append_c (out, '\n'), g_array_append_val (inserted, at), chars = 0;
          space = -1;
        }
      if (*p == ' ')
        space = out->len, after_space = 0;
      else
        after_space++;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      if (*p != '\n')
        {
          chars++;
          run++;
          longest = MAX (longest, run);
        }
    }
  shift_spans (inline_, inserted);
  g_string_free (text, TRUE);
  inline_->text = out;
  return longest;
}

static void
break_long_inlines (Builder *b)
{
  for (guint i = 0; i < b->long_inlines->len; i++)
    {
      LongInline *noted = &g_array_index (b->long_inlines, LongInline, i);
      guint longest = break_long_lines (noted->inline_);

      if (longest <= MP_MARKDOWN_MAX_LINE_CHARS)
        continue;
      add_warning (b->tree,
                   /* Translators: FILE:LINE:COLUMN, then two numbers of characters */
                   g_strdup_printf (_("%s:%u:%u: this paragraph runs %'u characters without a line break; "
                                      "it is shown in lines of at most %'u characters. "
                                      "Break it into shorter paragraphs to choose where lines end."),
                                    b->file_name, noted->line, noted->column, longest,
                                    MP_MARKDOWN_MAX_LINE_CHARS));
    }
}

/* The most bare web addresses in one stretch of lines between blank lines
 * (a paragraph, or more), and the line and column where that stretch starts. */
static guint
most_bare_urls (const char *text,
                gsize       length,
                guint      *line,
                guint      *column)
{
  const char *end = text + length, *start = text;
  guint count = 0, most = 0, line_no = 1, start_line = 1;
  gboolean blank = TRUE;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '\n')
        {
          if (blank)
            count = 0, start = NULL;
          blank = TRUE;
          line_no++;
          continue;
        }
      if (*p == ' ' || *p == '\t' || *p == '\r')
        continue;
      if (blank && start == NULL)
        start = p, start_line = line_no;
      blank = FALSE;
      if ((*p == ':' && end - p >= 3 && p[1] == '/' && p[2] == '/') ||
          ((*p == 'w' || *p == 'W') && end - p >= 4 && g_ascii_strncasecmp (p, "www.", 4) == 0))
        {
          if (++count > most && start != NULL)
            {
              const char *line_start = start;

              while (line_start > text && line_start[-1] != '\n')
                line_start--;
              *line = start_line;
              *column = g_utf8_strlen (line_start, start - line_start) + 1;
            }
          most = MAX (most, count);
        }
    }
  return most;
}

static unsigned
parser_flags (const char     *text,
              gsize           length,
              const char     *file_name,
              MpMarkdownTree *tree)
{
  guint line = 1, column = 1;
  guint most = most_bare_urls (text, length, &line, &column);

  if (most <= MP_MARKDOWN_MAX_BARE_URLS)
    return MD_FLAGS;
  add_warning (tree,
               /* Translators: FILE:LINE:COLUMN, then a number; <…> and […](…) are Markdown, keep them */
               g_strdup_printf (_("%s:%u:%u: this paragraph has %'u web addresses; in this file, addresses "
                                  "are links only when written as <…> or […](…)"),
                                file_name, line, column, most));
  return MD_FLAGS & ~BARE_URL_FLAGS;
}

gboolean
mp_markdown_parse (const char      *text,
                   gsize            length,
                   const char      *file_name,
                   MpMarkdownTree  *tree,
                   GError         **error)
{
  return mp_markdown_parse_full (text, length, file_name, tree, NULL, NULL, NULL, error);
}

gboolean
mp_markdown_parse_full (const char              *text,
                        gsize                    length,
                        const char              *file_name,
                        MpMarkdownTree          *tree,
                        GCancellable            *cancellable,
                        MpMarkdownProgressFunc   progress,
                        gpointer                 progress_data,
                        GError                 **error)
{
  MD_PARSER parser = {
    0, 0, on_enter_block, on_leave_block, on_enter_span, on_leave_span, on_text,
    NULL, NULL
  };
  Builder b = { text, length, file_name, tree, };
  int status;

  b.cancellable = cancellable;
  b.progress = progress;
  b.progress_data = progress_data;
  b.furthest = text;

  tree->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_block_free);
  tree->headings = g_ptr_array_new ();
  tree->mermaid = g_ptr_array_new_with_free_func ((GDestroyNotify) mermaid_block_free);
  tree->warnings = g_ptr_array_new_with_free_func (g_free);
  parser.flags = parser_flags (text, length, file_name, tree);
  b.long_inlines = g_array_new (FALSE, FALSE, sizeof (LongInline));
  b.containers = g_ptr_array_new ();
  b.open_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  b.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.id_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.line_no = 1;

  status = md_parse (text, (MD_SIZE) length, &parser, &b);
  if (status == 0)
    break_long_inlines (&b);
  g_array_unref (b.long_inlines);

  if (b.code != NULL)
    g_string_free (b.code, TRUE);
  if (b.alt != NULL)
    g_string_free (b.alt, TRUE);
  g_free (b.image_src);
  g_ptr_array_unref (b.containers);
  g_array_unref (b.open_spans);
  g_hash_table_unref (b.ids);
  g_hash_table_unref (b.id_counters);

  if (status != 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      mp_markdown_tree_clear (tree);
      return FALSE;
    }
  if (status != 0)
    {
      g_set_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_PARSE,
                   _("%s: the Markdown parser failed (out of memory?)"), file_name);
      mp_markdown_tree_clear (tree);
      return FALSE;
    }
  return TRUE;
}

const char *
mp_block_get_label (const MpBlock *heading)
{
  g_return_val_if_fail (heading != NULL && heading->inline_ != NULL, NULL);

  return heading->label != NULL ? heading->label : heading->inline_->text->str;
}
