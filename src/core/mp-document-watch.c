/* mp-document-watch.c: reads a Markdown file again when it changes on disk
 *
 * Editors save in bursts (write, then rename into place, then touch), so a
 * change is acted on once the file has been quiet for SETTLE_MS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-document-watch.h"

#define SETTLE_MS 120

struct _MpDocumentWatch
{
  GObject       parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  guint         settle_id;
};

G_DEFINE_FINAL_TYPE (MpDocumentWatch, mp_document_watch, G_TYPE_OBJECT)

enum {
  RELOADED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
reload (gpointer data)
{
  MpDocumentWatch *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = NULL;

  self->settle_id = 0;
  document = mp_document_new_from_file (self->file, NULL, &error);
  if (document != NULL)
    g_signal_emit (self, signals[RELOADED], 0, document);
  else
    g_signal_emit (self, signals[FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

static void
on_changed (MpDocumentWatch   *self,
            GFile             *file,
            GFile             *other,
            GFileMonitorEvent  event)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_DELETED:
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (SETTLE_MS, reload, self);
      break;
    default:
      break;
    }
}

static void
mp_document_watch_dispose (GObject *object)
{
  MpDocumentWatch *self = MP_DOCUMENT_WATCH (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (mp_document_watch_parent_class)->dispose (object);
}

static void
mp_document_watch_class_init (MpDocumentWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mp_document_watch_dispose;
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, MP_TYPE_DOCUMENT);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
mp_document_watch_init (MpDocumentWatch *self)
{
}

MpDocumentWatch *
mp_document_watch_new (GFile   *file,
                       GError **error)
{
  g_autoptr(MpDocumentWatch) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (MP_TYPE_DOCUMENT_WATCH, NULL);
  self->file = g_object_ref (file);
  /* Watching moves too: an editor's "write a copy, rename it over" save. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return NULL;
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  return g_steal_pointer (&self);
}

GFile *
mp_document_watch_get_file (MpDocumentWatch *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT_WATCH (self), NULL);

  return self->file;
}
