/* mp-document.c: a parsed Markdown article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-document.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-footnotes.h"
#include "mp-utils.h"
#include "mp-text-encoding.h"

struct _MpDocument
{
  GObject         parent_instance;
  GFile          *file;
  char           *display_name;
  char           *title;
  MpFrontMatter  *front_matter;
  MpMarkdownTree  tree;
};

G_DEFINE_FINAL_TYPE (MpDocument, mp_document, G_TYPE_OBJECT)

static void
mp_document_finalize (GObject *object)
{
  MpDocument *self = MP_DOCUMENT (object);

  mp_markdown_tree_clear (&self->tree);
  g_clear_object (&self->file);
  g_free (self->display_name);
  g_free (self->title);
  mp_front_matter_free (self->front_matter);
  G_OBJECT_CLASS (mp_document_parent_class)->finalize (object);
}

static void
mp_document_class_init (MpDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_document_finalize;
}

static void
mp_document_init (MpDocument *self)
{
}

/* The short name that error messages start with. */
static char *
message_name (GFile *file)
{
  return file != NULL ? g_file_get_basename (file) : g_strdup (_("untitled"));
}

static void
set_too_large_error (GError     **error,
                     const char  *name,
                     guint64      size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_TOO_LARGE,
               /* Translators: %s: file name, %s: its size, e.g. "20.0 MiB" */
               _("%s: the file is too large (%s); the reader opens files up to 16 MiB"),
               name, size_text);
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_text (const char  *text,
            gsize        length,
            const char  *name,
            GError     **error)
{
  if (length > MP_DOCUMENT_MAX_SIZE)
    {
      set_too_large_error (error, name, length);
      return FALSE;
    }
  if (is_blank (text, length))
    {
      g_set_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_EMPTY,
                   _("%s: the file is empty"), name);
      return FALSE;
    }
  return mp_text_check_utf8 (name, text, length, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_ENCODING, error);
}

static void
find_title (MpDocument *self)
{
  if (self->front_matter != NULL && self->front_matter->title != NULL)
    {
      self->title = g_strdup (self->front_matter->title);
      return;
    }
  for (guint i = 0; i < self->tree.headings->len; i++)
    {
      const MpBlock *heading = g_ptr_array_index (self->tree.headings, i);

      if (heading->level == 1)
        {
          self->title = g_strdup (mp_block_get_label (heading));
          return;
        }
    }
  self->title = g_strdup (self->display_name);
}

/* The front matter and footnote definitions become blank lines, so that
 * lines keep their numbers in messages. */
typedef struct {
  GCancellable           *cancellable;
  MpMarkdownProgressFunc  progress;
  gpointer                progress_data;
} ParseOptions;

static gboolean
parse_body (MpDocument          *self,
            const char          *text,
            gsize                length,
            const char          *name,
            const ParseOptions  *options,
            GError             **error)
{
  g_autoptr(GString) body = NULL;
  g_autoptr(MpFootnotes) footnotes = NULL;
  g_autofree char *without_notes = NULL;

  if (self->front_matter != NULL)
    {
      body = g_string_sized_new (length);
      for (guint i = 0; i < self->front_matter->n_lines; i++)
        g_string_append_c (body, '\n');
      g_string_append_len (body, text + self->front_matter->length, length - self->front_matter->length);
      text = body->str;
      length = body->len;
    }
  footnotes = mp_footnotes_extract (text, length, &without_notes);
  if (!mp_markdown_parse_full (without_notes != NULL ? without_notes : text, length, name, &self->tree,
                               options->cancellable, options->progress, options->progress_data, error))
    return FALSE;
  if (footnotes != NULL)
    mp_footnotes_apply (footnotes, &self->tree, name);
  return TRUE;
}

static MpDocument *
new_from_data (const char          *text,
               gssize               length,
               GFile               *base,
               const ParseOptions  *options,
               GError             **error)
{
  g_autoptr(MpDocument) self = NULL;
  g_autofree char *name = message_name (base);

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (base == NULL || G_IS_FILE (base), NULL);

  if (length < 0)
    length = strlen (text);
  if (!check_text (text, length, name, error))
    return NULL;
  /* A byte-order mark is not part of the text. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  self = g_object_new (MP_TYPE_DOCUMENT, NULL);
  self->file = base != NULL ? g_object_ref (base) : NULL;
  self->display_name = base != NULL ? mp_utils_file_display_name (base) : g_strdup (name);
  self->front_matter = mp_front_matter_parse (text, length);
  if (!parse_body (self, text, length, name, options, error))
    return NULL;
  find_title (self);
  return g_steal_pointer (&self);
}

MpDocument *
mp_document_new_from_data (const char  *text,
                           gssize       length,
                           GFile       *base,
                           GError     **error)
{
  ParseOptions options = { NULL, };

  return new_from_data (text, length, base, &options, error);
}

static void
set_io_error (GError     **error,
              const char  *name,
              GError      *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_IO,
                 _("%s: no such file"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_IO,
                 _("%s: this is a folder, not a file"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_IO,
                 _("%s: you do not have permission to read this file"), name);
  else
    g_set_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_IO,
                 _("%s: cannot read the file (%s)"), name, io_error->message);
}

static MpDocument *
new_from_file (GFile               *file,
               const ParseOptions  *options,
               GError             **error)
{
  GCancellable *cancellable = options->cancellable;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = message_name (file);
  /* Refuse a huge file before reading it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &io_error);
  if (info == NULL)
    {
      set_io_error (error, name, io_error);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_IO,
                   _("%s: this is a folder, not a file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > MP_DOCUMENT_MAX_SIZE)
    {
      set_too_large_error (error, name, g_file_info_get_size (info));
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, &io_error);
  if (bytes == NULL)
    {
      set_io_error (error, name, io_error);
      return NULL;
    }
  return new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), file, options, error);
}

MpDocument *
mp_document_new_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  ParseOptions options = { cancellable, };

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  return new_from_file (file, &options, error);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ParseOptions *options = task_data;
  GError *error = NULL;
  MpDocument *document = new_from_file (source_object, options, &error);

  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
mp_document_new_from_file_async (GFile                  *file,
                                 GCancellable           *cancellable,
                                 MpMarkdownProgressFunc  progress,
                                 gpointer                progress_data,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ParseOptions *options = g_new0 (ParseOptions, 1);

  g_return_if_fail (G_IS_FILE (file));

  options->cancellable = cancellable;
  options->progress = progress;
  options->progress_data = progress_data;
  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_document_new_from_file_async);
  g_task_set_task_data (task, options, g_free);
  /* The result is the parse's, even when cancelled after it finished. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, parse_in_thread);
}

MpDocument *
mp_document_new_from_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mp_document_new_from_file_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
mp_document_get_file (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
mp_document_get_display_name (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->display_name;
}

const char *
mp_document_get_title (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->title;
}

guint
mp_document_get_n_mermaid_blocks (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);
  return self->tree.mermaid->len;
}

const MpMermaidBlock *
mp_document_get_mermaid_block (MpDocument *self,
                               guint       index)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->tree.mermaid->len, NULL);
  return g_ptr_array_index (self->tree.mermaid, index);
}

gboolean
mp_document_has_heading (MpDocument *self,
                         const char *id)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);

  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < self->tree.headings->len; i++)
    if (g_str_equal (((MpBlock *) g_ptr_array_index (self->tree.headings, i))->id, id))
      return TRUE;
  return FALSE;
}

guint
mp_document_get_n_blocks (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);
  return self->tree.blocks->len;
}

const MpBlock *
mp_document_get_block (MpDocument *self,
                       guint       index)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->tree.blocks->len, NULL);
  return g_ptr_array_index (self->tree.blocks, index);
}

guint
mp_document_get_n_headings (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);
  return self->tree.headings->len;
}

const MpBlock *
mp_document_get_heading (MpDocument *self,
                         guint       index)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->tree.headings->len, NULL);
  return g_ptr_array_index (self->tree.headings, index);
}

const char *
mp_document_get_heading_text (const MpBlock *heading)
{
  g_return_val_if_fail (heading != NULL && heading->type == MP_BLOCK_HEADING, NULL);
  return mp_block_get_label (heading);
}

const MpFrontMatter *
mp_document_get_front_matter (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->front_matter;
}

guint
mp_document_get_n_warnings (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);

  return self->tree.warnings->len;
}

const char *
mp_document_get_warning (MpDocument *self,
                         guint       index)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->tree.warnings->len, NULL);

  return g_ptr_array_index (self->tree.warnings, index);
}
