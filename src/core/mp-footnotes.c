/* mp-footnotes.c: footnotes as GitHub reads them (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-footnotes.h"

#include <string.h>

typedef struct {
  GString   *source;   /* the definition's Markdown, continuation lines unindented */
  guint      number;   /* 0 until first referenced */
  guint      n_refs;
  GPtrArray *blocks;   /* MpBlock*, parsed when first referenced */
  char      *plain;    /* its text, for a reference's tooltip */
} Note;

struct _MpFootnotes
{
  GHashTable *notes;   /* folded label → Note* */
  GPtrArray  *used;    /* Note*, by number */
  const char *file_name;
};

static void
note_free (Note *note)
{
  g_string_free (note->source, TRUE);
  g_clear_pointer (&note->blocks, g_ptr_array_unref);
  g_free (note->plain);
  g_free (note);
}

void
mp_footnotes_free (MpFootnotes *footnotes)
{
  if (footnotes == NULL)
    return;
  g_hash_table_unref (footnotes->notes);
  g_ptr_array_unref (footnotes->used);
  g_free (footnotes);
}

/* -- taking the definitions out -------------------------------------------- */

static gsize
line_length (const char  *p,
             const char  *end,
             const char **next)
{
  const char *eol = memchr (p, '\n', end - p);

  if (eol == NULL)
    eol = end;
  *next = eol < end ? eol + 1 : end;
  return eol - p;
}

static guint
indent_of (const char *line,
           gsize       length)
{
  guint indent = 0;

  for (gsize i = 0; i < length && (line[i] == ' ' || line[i] == '\t'); i++)
    indent += line[i] == '\t' ? 4 - indent % 4 : 1;
  return indent;
}

/* How many bytes of @line hold its first @columns columns of indent. A tab
 * is one byte but up to four columns, so columns and bytes differ. */
static gsize
indent_bytes (const char *line,
              gsize       length,
              guint       columns)
{
  guint indent = 0;
  gsize i;

  for (i = 0; i < length && indent < columns && (line[i] == ' ' || line[i] == '\t'); i++)
    indent += line[i] == '\t' ? 4 - indent % 4 : 1;
  return i;
}

static gboolean
is_blank (const char *line,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* The label of a "[^label]" at @p (its length in @label_length), or NULL.
 * Labels are case-insensitive and hold no blanks, as on GitHub. */
static char *
read_label (const char *p,
            const char *end,
            gsize      *label_length)
{
  const char *q;

  if (end - p < 4 || p[0] != '[' || p[1] != '^')
    return NULL;
  for (q = p + 2; q < end && *q != ']'; q++)
    if (g_ascii_isspace (*q) || *q == '[')
      return NULL;
  if (q >= end || q == p + 2)
    return NULL;
  *label_length = q + 1 - p;
  return g_utf8_casefold (p + 2, q - p - 2);
}

static gboolean
opens_fence (const char *line,
             gsize       length)
{
  guint indent = indent_of (line, length);

  return indent <= 3 && length >= indent + 3 &&
         (strncmp (line + indent, "```", 3) == 0 || strncmp (line + indent, "~~~", 3) == 0);
}

/* A line that would start a block of its own ends a note's paragraph. */
static gboolean
continues_lazily (const char *line,
                  gsize       length)
{
  const char *p = line + indent_of (line, length);
  gsize rest = line + length - p;

  if (rest == 0 || strchr ("#>|", *p) != NULL || opens_fence (line, length))
    return FALSE;
  if (rest >= 2 && strchr ("-*+", p[0]) != NULL && p[1] == ' ')
    return FALSE;
  return !(rest >= 2 && p[0] == '[' && p[1] == '^');
}

typedef struct {
  MpFootnotes *fn;
  char        *body;     /* the text with definitions blanked, once one is found */
  const char  *text;
  gsize        length;
  Note        *current;  /* the definition that may go on */
  gboolean     blank_before;
} Extractor;

static void
blank_out (Extractor  *x,
           const char *line,
           gsize       length)
{
  memset (x->body + (line - x->text), ' ', length);
}

static gboolean
start_definition (Extractor  *x,
                  const char *line,
                  gsize       length)
{
  guint indent = indent_of (line, length);
  g_autofree char *label = NULL;
  gsize label_length = 0;
  const char *rest;
  Note *note;

  if (indent > 3 || (label = read_label (line + indent, line + length, &label_length)) == NULL ||
      indent + label_length >= length || line[indent + label_length] != ':')
    return FALSE;
  if (x->fn == NULL)
    {
      x->fn = g_new0 (MpFootnotes, 1);
      x->fn->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) note_free);
      x->fn->used = g_ptr_array_new ();
      x->body = g_strndup (x->text, x->length);
    }
  rest = line + indent + label_length + 1;
  note = g_new0 (Note, 1);
  note->source = g_string_new_len (rest, line + length - rest);
  /* The first definition of a label wins. */
  if (!g_hash_table_contains (x->fn->notes, label))
    g_hash_table_insert (x->fn->notes, g_steal_pointer (&label), note);
  else
    note_free (g_steal_pointer (&note));
  x->current = note;
  x->blank_before = FALSE;
  blank_out (x, line, length);
  return TRUE;
}

/* A line after a definition: part of it, or not (then FALSE). */
static gboolean
continue_definition (Extractor  *x,
                     const char *line,
                     gsize       length)
{
  guint indent = indent_of (line, length);
  GString *source = x->current != NULL ? x->current->source : NULL;

  if (is_blank (line, length))
    {
      x->blank_before = TRUE;
      if (source != NULL)
        g_string_append_c (source, '\n');
      return TRUE;
    }
  if (indent < 4 && (x->blank_before || !continues_lazily (line, length)))
    return FALSE;
  if (source != NULL)
    {
      gsize skip = indent_bytes (line, length, 4);

      g_string_append_c (source, '\n');
      /* Continuation lines lose the indent that made them part of the note. */
      g_string_append_len (source, line + skip, length - skip);
    }
  x->blank_before = FALSE;
  blank_out (x, line, length);
  return TRUE;
}

MpFootnotes *
mp_footnotes_extract (const char  *text,
                      gsize        length,
                      char       **body)
{
  Extractor x = { NULL, NULL, text, length, NULL, FALSE };
  const char *end = text + length, *next;
  gboolean in_fence = FALSE, in_note = FALSE;

  for (const char *p = text; p < end; p = next)
    {
      gsize n = line_length (p, end, &next);

      if (in_note && continue_definition (&x, p, n))
        continue;
      in_note = FALSE;
      x.current = NULL;
      if (opens_fence (p, n))
        in_fence = !in_fence;
      else if (!in_fence && start_definition (&x, p, n))
        in_note = TRUE;
    }
  *body = x.body;
  return x.fn;
}

/* -- references and notes ---------------------------------------------------- */

static void process_blocks (MpFootnotes *fn, GPtrArray *blocks);

static gboolean
in_code (const MpInline *inline_,
         guint           pos)
{
  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);

      if (span->type == MP_SPAN_CODE && span->start <= pos && pos < span->end)
        return TRUE;
    }
  return FALSE;
}

static void
append_plain (GString   *out,
              GPtrArray *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      const MpBlock *block = g_ptr_array_index (blocks, i);

      if (block->inline_ != NULL)
        g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", block->inline_->text->str);
      else if (block->code != NULL)
        g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", block->code);
      append_plain (out, block->children);
    }
}

/* A note is parsed when it is first referenced, as Markdown of its own. */
static void
number_note (MpFootnotes *fn,
             Note        *note)
{
  MpMarkdownTree tree = { NULL, };
  g_autoptr(GString) plain = g_string_new (NULL);

  g_ptr_array_add (fn->used, note);
  note->number = fn->used->len;
  if (mp_markdown_parse (note->source->str, note->source->len, fn->file_name, &tree, NULL))
    note->blocks = g_steal_pointer (&tree.blocks);
  mp_markdown_tree_clear (&tree);
  if (note->blocks == NULL)
    note->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_block_free);
  append_plain (plain, note->blocks);
  note->plain = g_string_free (g_steal_pointer (&plain), FALSE);
}

/* Spans are kept in opening order: a new one goes after those that open
 * at or before it. */
static void
insert_span (MpInline *inline_,
             MpSpan    span)
{
  guint i = 0;

  while (i < inline_->spans->len && g_array_index (inline_->spans, MpSpan, i).start <= span.start)
    i++;
  g_array_insert_val (inline_->spans, i, span);
}

/* Text from @start to @old_end became @new_length bytes long. */
static void
shift_spans (MpInline *inline_,
             guint     start,
             guint     old_end,
             guint     new_length)
{
  for (guint i = 0; i < inline_->spans->len; i++)
    {
      MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);

      span->start = span->start >= old_end ? span->start - old_end + start + new_length
                    : span->start > start ? start : span->start;
      span->end = span->end >= old_end ? span->end - old_end + start + new_length
                  : span->end > start ? start + new_length : span->end;
    }
}

static void
replace_reference (MpFootnotes *fn,
                   MpInline    *inline_,
                   guint        start,
                   gsize        length,
                   Note        *note)
{
  g_autofree char *number = NULL;
  guint n;

  if (note->number == 0)
    number_note (fn, note);
  note->n_refs++;
  number = g_strdup_printf ("%u", note->number);
  n = strlen (number);
  g_string_erase (inline_->text, start, length);
  g_string_insert (inline_->text, start, number);
  shift_spans (inline_, start, start + length, n);
  insert_span (inline_, (MpSpan) { MP_SPAN_LINK, start, start + n, g_strdup_printf ("#fn-%u", note->number),
                                   g_strdup (note->plain),
                                   note->n_refs == 1 ? g_strdup_printf ("fnref-%u", note->number)
                                   : g_strdup_printf ("fnref-%u-%u", note->number, note->n_refs) });
  insert_span (inline_, (MpSpan) { MP_SPAN_SUPERSCRIPT, start, start + n, NULL, NULL, NULL });
}

static void
process_inline (MpFootnotes *fn,
                MpInline    *inline_)
{
  const char *hit;
  guint pos = 0;

  while (pos < inline_->text->len && (hit = strstr (inline_->text->str + pos, "[^")) != NULL)
    {
      guint start = hit - inline_->text->str;
      gsize length = 0;
      g_autofree char *label = read_label (hit, inline_->text->str + inline_->text->len, &length);
      Note *note = label != NULL ? g_hash_table_lookup (fn->notes, label) : NULL;

      pos = start + 2;
      if (note == NULL || in_code (inline_, start))
        continue;
      replace_reference (fn, inline_, start, length, note);
      pos = start + 1;
    }
}

static void
process_blocks (MpFootnotes *fn,
                GPtrArray   *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      MpBlock *block = g_ptr_array_index (blocks, i);

      if (block->inline_ != NULL)
        process_inline (fn, block->inline_);
      if (block->table != NULL)
        for (guint c = 0; c < block->table->cells->len; c++)
          process_inline (fn, g_ptr_array_index (block->table->cells, c));
      process_blocks (fn, block->children);
    }
}

static MpBlock *
block_new (MpBlockType type)
{
  MpBlock *block = g_new0 (MpBlock, 1);

  block->type = type;
  if (type == MP_BLOCK_PARAGRAPH)
    block->inline_ = mp_inline_new ();
  else if (type == MP_BLOCK_LIST || type == MP_BLOCK_LIST_ITEM)
    block->children = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_block_free);
  return block;
}

static void
append_link (MpInline   *inline_,
             const char *text,
             char       *target)
{
  guint start;

  g_string_append_c (inline_->text, ' ');
  start = inline_->text->len;
  g_string_append (inline_->text, text);
  g_array_append_val (inline_->spans, ((MpSpan) { MP_SPAN_LINK, start, inline_->text->len, target, NULL, NULL }));
}

/* "↩" back to each reference, at the end of the note's last paragraph. */
static void
add_back_links (Note    *note,
                MpBlock *item)
{
  MpBlock *last = item->children->len > 0 ? g_ptr_array_index (item->children, item->children->len - 1) : NULL;

  if (last == NULL || last->type != MP_BLOCK_PARAGRAPH)
    {
      last = block_new (MP_BLOCK_PARAGRAPH);
      g_ptr_array_add (item->children, last);
    }
  for (guint k = 1; k <= note->n_refs; k++)
    {
      g_autofree char *text = k == 1 ? g_strdup ("↩") : g_strdup_printf ("↩%u", k);

      append_link (last->inline_, text, k == 1 ? g_strdup_printf ("#fnref-%u", note->number)
                                               : g_strdup_printf ("#fnref-%u-%u", note->number, k));
    }
}

void
mp_footnotes_apply (MpFootnotes    *fn,
                    MpMarkdownTree *tree,
                    const char     *file_name)
{
  MpBlock *list;

  g_return_if_fail (fn != NULL && tree != NULL);

  fn->file_name = file_name;
  process_blocks (fn, tree->blocks);
  /* Notes may refer to notes, which then join the end of the list. */
  for (guint i = 0; i < fn->used->len; i++)
    process_blocks (fn, ((Note *) g_ptr_array_index (fn->used, i))->blocks);
  if (fn->used->len == 0)
    return;
  g_ptr_array_add (tree->blocks, block_new (MP_BLOCK_RULE));
  list = block_new (MP_BLOCK_LIST);
  list->ordered = TRUE;
  list->start = 1;
  list->tight = TRUE;
  for (guint i = 0; i < fn->used->len; i++)
    {
      Note *note = g_ptr_array_index (fn->used, i);
      MpBlock *item = block_new (MP_BLOCK_LIST_ITEM);

      item->id = g_strdup_printf ("fn-%u", note->number);
      g_ptr_array_extend_and_steal (item->children, g_steal_pointer (&note->blocks));
      add_back_links (note, item);
      g_ptr_array_add (list->children, item);
    }
  g_ptr_array_add (tree->blocks, list);
}
