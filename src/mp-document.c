/* mp-document.c: placeholder until the reader lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-document.h"

#include "mp-utils.h"

struct _MpDocument
{
  GObject  parent_instance;
  GFile   *file;
  char    *display_name;
};

G_DEFINE_FINAL_TYPE (MpDocument, mp_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (mp-markdown-error-quark, mp_markdown_error)

static void
mp_document_finalize (GObject *object)
{
  MpDocument *self = MP_DOCUMENT (object);

  g_clear_object (&self->file);
  g_free (self->display_name);
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

MpDocument *
mp_document_new_from_data (const char  *text,
                           gssize       length,
                           GFile       *base,
                           GError     **error)
{
  MpDocument *self = g_object_new (MP_TYPE_DOCUMENT, NULL);

  self->file = base != NULL ? g_object_ref (base) : NULL;
  self->display_name = base != NULL ? mp_utils_file_display_name (base) : g_strdup ("untitled");
  return self;
}

MpDocument *
mp_document_new_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, error);

  if (bytes == NULL)
    return NULL;
  return mp_document_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    file, error);
}

GFile *
mp_document_get_file (MpDocument *self)
{
  return self->file;
}

const char *
mp_document_get_display_name (MpDocument *self)
{
  return self->display_name;
}

const char *
mp_document_get_title (MpDocument *self)
{
  return self->display_name;
}

guint
mp_document_get_n_mermaid_blocks (MpDocument *self)
{
  return 0;
}

const MpMermaidBlock *
mp_document_get_mermaid_block (MpDocument *self,
                               guint       index)
{
  return NULL;
}

gboolean
mp_document_has_heading (MpDocument *self,
                         const char *id)
{
  return FALSE;
}
