/* mp-flow-book.c: a document's flowcharts, walks, errors and warnings
 *
 * Each mermaid block is parsed once here, for the pane, the article's card
 * and the command line alike; messages get their "FILE:LINE:COLUMN" here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-book.h"
#include "mp-flow-check.h"
#include "mp-mermaid-parser.h"

#include <string.h>

typedef struct {
  char        *source;
  guint        first_line;
  char        *section_id;
  char        *section_title;
  MpFlowchart *chart;
  MpFlowWalk  *walk;
  MpFlowWalk  *last_good_walk;  /* when this block no longer parses after a reload */
  MpFlowNote  *error;
  GArray      *warnings;  /* MpFlowNote */
} Entry;

struct _MpFlowBook
{
  GObject    parent_instance;

  char      *display_name;
  GPtrArray *entries;  /* Entry */
};

G_DEFINE_FINAL_TYPE (MpFlowBook, mp_flow_book, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
note_clear (MpFlowNote *note)
{
  g_free (note->message);
  g_free (note->source_line);
}

static void
entry_free (Entry *entry)
{
  g_free (entry->source);
  g_free (entry->section_id);
  g_free (entry->section_title);
  g_clear_object (&entry->chart);
  g_clear_object (&entry->walk);
  g_clear_object (&entry->last_good_walk);
  if (entry->error != NULL)
    note_clear (entry->error);
  g_free (entry->error);
  g_array_unref (entry->warnings);
  g_free (entry);
}

static void
mp_flow_book_finalize (GObject *object)
{
  MpFlowBook *self = MP_FLOW_BOOK (object);

  g_free (self->display_name);
  g_ptr_array_unref (self->entries);
  G_OBJECT_CLASS (mp_flow_book_parent_class)->finalize (object);
}

static void
mp_flow_book_class_init (MpFlowBookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_flow_book_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_flow_book_init (MpFlowBook *self)
{
  self->display_name = g_strdup ("");
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

MpFlowBook *
mp_flow_book_new (void)
{
  return g_object_new (MP_TYPE_FLOW_BOOK, NULL);
}

char *
mp_flow_book_format_message (MpFlowBook *self,
                             const char *text)
{
  g_return_val_if_fail (MP_IS_FLOW_BOOK (self), NULL);

  return g_strdup_printf ("%s:%s", self->display_name, text);
}

/* Line @line of the file, from a block whose first line is @first_line. */
static char *
source_line (const Entry *entry,
             guint        line)
{
  const char *p = entry->source;

  if (line < entry->first_line)
    return NULL;
  for (guint i = entry->first_line; i < line && p != NULL; i++)
    {
      p = strchr (p, '\n');
      p = p != NULL ? p + 1 : NULL;
    }
  if (p == NULL)
    return NULL;
  return g_strndup (p, strcspn (p, "\n"));
}

static void
add_warning (MpFlowBook          *self,
             Entry               *entry,
             const MpFlowWarning *warning)
{
  g_autofree char *text = g_strdup_printf ("%u:%u: %s", warning->line, warning->column, warning->message);
  MpFlowNote note = { mp_flow_book_format_message (self, text), warning->line, warning->column,
                      source_line (entry, warning->line) };

  g_array_append_val (entry->warnings, note);
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const MpFlowNote *x = a, *y = b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column;
}

static void
parse_entry (MpFlowBook *self,
             Entry      *entry)
{
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;
  GArray *findings;

  entry->chart = mp_flowchart_parse (entry->source, -1, entry->first_line, &line, &column, &error);
  if (entry->chart == NULL)
    {
      entry->error = g_new0 (MpFlowNote, 1);
      entry->error->message = mp_flow_book_format_message (self, error->message);
      entry->error->line = line + entry->first_line - 1;
      entry->error->column = column;
      entry->error->source_line = source_line (entry, entry->error->line);
      return;
    }
  entry->walk = mp_flow_walk_new (entry->chart);
  for (guint i = 0; i < mp_flowchart_get_n_warnings (entry->chart); i++)
    add_warning (self, entry, mp_flowchart_get_warning (entry->chart, i));
  findings = mp_flow_check_run (entry->chart, entry->first_line);
  for (guint i = 0; i < findings->len; i++)
    add_warning (self, entry, &g_array_index (findings, MpFlowWarning, i));
  mp_flow_check_free (findings);
  g_array_sort (entry->warnings, compare_notes);
}

static Entry *
entry_new (const char *source,
           guint       first_line,
           const char *section_id,
           const char *section_title)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->source = g_strdup (source);
  entry->first_line = MAX (first_line, 1);
  entry->section_id = g_strdup (section_id);
  entry->section_title = g_strdup (section_title);
  entry->warnings = g_array_new (FALSE, TRUE, sizeof (MpFlowNote));
  g_array_set_clear_func (entry->warnings, (GDestroyNotify) note_clear);
  return entry;
}

/* The answers of the walk of block @index before the reload, replayed as
 * far as the new chart still has their nodes and edges. The walk shown
 * while the block did not parse counts: the pane kept it on screen. */
static void
keep_walk (Entry *entry,
           Entry *old)
{
  g_autofree char *answers = NULL;
  MpFlowWalk *old_walk;

  if (old == NULL)
    return;
  old_walk = old->walk != NULL ? old->walk : old->last_good_walk;
  if (old_walk == NULL)
    return;
  /* A save that broke the block keeps the walk going until a good one. */
  if (entry->walk == NULL)
    {
      g_set_object (&entry->last_good_walk, old_walk);
      return;
    }
  answers = mp_flow_walk_serialize (old_walk);
  mp_flow_walk_restore (entry->walk, answers);
}

static void
replace_entries (MpFlowBook *self,
                 GPtrArray  *entries,
                 gboolean    keep_walks)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      parse_entry (self, entry);
      if (keep_walks && i < self->entries->len)
        keep_walk (entry, g_ptr_array_index (self->entries, i));
    }
  g_ptr_array_unref (self->entries);
  self->entries = entries;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
load_document (MpFlowBook *self,
               MpDocument *document,
               const char *display_name,
               gboolean    keep_walks)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  g_free (self->display_name);
  self->display_name = g_strdup (display_name != NULL ? display_name : "");
  for (guint i = 0; document != NULL && i < mp_document_get_n_mermaid_blocks (document); i++)
    {
      const MpMermaidBlock *block = mp_document_get_mermaid_block (document, i);

      g_ptr_array_add (entries, entry_new (block->source, block->line, block->section_id, block->section_title));
    }
  replace_entries (self, entries, keep_walks);
}

void
mp_flow_book_load_document (MpFlowBook *self,
                            MpDocument *document,
                            const char *display_name)
{
  g_return_if_fail (MP_IS_FLOW_BOOK (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  load_document (self, document, display_name, FALSE);
}

void
mp_flow_book_reload_document (MpFlowBook *self,
                              MpDocument *document)
{
  g_autofree char *name = NULL;

  g_return_if_fail (MP_IS_FLOW_BOOK (self));
  g_return_if_fail (MP_IS_DOCUMENT (document));

  name = g_strdup (self->display_name);
  load_document (self, document, name, TRUE);
}

void
mp_flow_book_load_source (MpFlowBook *self,
                          const char *source,
                          const char *display_name)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  g_return_if_fail (MP_IS_FLOW_BOOK (self));

  g_free (self->display_name);
  self->display_name = g_strdup (display_name != NULL ? display_name : "");
  g_ptr_array_add (entries, entry_new (source != NULL ? source : "", 1, NULL, NULL));
  replace_entries (self, entries, FALSE);
}

static Entry *
entry_at (MpFlowBook *self,
          guint       index)
{
  g_return_val_if_fail (MP_IS_FLOW_BOOK (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, index);
}

const char *
mp_flow_book_get_display_name (MpFlowBook *self)
{
  g_return_val_if_fail (MP_IS_FLOW_BOOK (self), NULL);

  return self->display_name;
}

guint
mp_flow_book_get_n_charts (MpFlowBook *self)
{
  g_return_val_if_fail (MP_IS_FLOW_BOOK (self), 0);

  return self->entries->len;
}

MpFlowchart *
mp_flow_book_get_chart (MpFlowBook *self,
                        guint       index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->chart : NULL;
}

MpFlowWalk *
mp_flow_book_get_walk (MpFlowBook *self,
                       guint       index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->walk : NULL;
}

const MpFlowNote *
mp_flow_book_get_error (MpFlowBook *self,
                        guint       index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->error : NULL;
}

guint
mp_flow_book_get_n_warnings (MpFlowBook *self,
                             guint       index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->warnings->len : 0;
}

const MpFlowNote *
mp_flow_book_get_warning (MpFlowBook *self,
                          guint       index,
                          guint       warning)
{
  Entry *entry = entry_at (self, index);

  g_return_val_if_fail (entry != NULL && warning < entry->warnings->len, NULL);
  return &g_array_index (entry->warnings, MpFlowNote, warning);
}

const char *
mp_flow_book_get_section_id (MpFlowBook *self,
                             guint       index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->section_id : NULL;
}

const char *
mp_flow_book_get_section_title (MpFlowBook *self,
                                guint       index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->section_title : NULL;
}
