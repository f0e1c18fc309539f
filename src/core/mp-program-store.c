/* mp-program-store.c: the programs, as a GListModel of MpProgram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-store.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mp-program-csv.h"
#include "mp-program-format.h"
#include "mp-program-json.h"
#include "mp-utils.h"

#define SAMPLES_RESOURCE RESOURCE_BASE "/programs/sample-programs.json"

struct _MpProgramStore
{
  GObject    parent_instance;

  GPtrArray *programs;
  /* A user file that failed to load and could not be moved aside: never
   * saved over. */
  char      *blocked_path;
};

static void mp_program_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpProgramStore, mp_program_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mp_program_store_list_model_init))

G_DEFINE_QUARK (mp-program-store-error-quark, mp_program_store_error)

static GType
mp_program_store_get_item_type (GListModel *model)
{
  return MP_TYPE_PROGRAM;
}

static guint
mp_program_store_get_n_items (GListModel *model)
{
  return MP_PROGRAM_STORE (model)->programs->len;
}

static gpointer
mp_program_store_get_item (GListModel *model,
                           guint       position)
{
  MpProgramStore *self = MP_PROGRAM_STORE (model);

  if (position >= self->programs->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->programs, position));
}

static void
mp_program_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mp_program_store_get_item_type;
  iface->get_n_items = mp_program_store_get_n_items;
  iface->get_item = mp_program_store_get_item;
}

static void
mp_program_store_finalize (GObject *object)
{
  MpProgramStore *self = MP_PROGRAM_STORE (object);

  g_clear_pointer (&self->programs, g_ptr_array_unref);
  g_clear_pointer (&self->blocked_path, g_free);

  G_OBJECT_CLASS (mp_program_store_parent_class)->finalize (object);
}

static void
mp_program_store_class_init (MpProgramStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_program_store_finalize;
}

static void
mp_program_store_init (MpProgramStore *self)
{
  self->programs = g_ptr_array_new_with_free_func (g_object_unref);
}

MpProgramStore *
mp_program_store_new (void)
{
  return g_object_new (MP_TYPE_PROGRAM_STORE, NULL);
}

/* Replaces the whole list with @programs (taking them) in one signal. */
static void
replace_all (MpProgramStore *self,
             GPtrArray      *programs)
{
  guint removed = self->programs->len;

  g_ptr_array_unref (self->programs);
  self->programs = programs;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, programs->len);
}

static void
set_user_defined (GPtrArray *programs,
                  gboolean   user_defined)
{
  for (guint i = 0; i < programs->len; i++)
    mp_program_set_user_defined (g_ptr_array_index (programs, i), user_defined);
}

/* A UTF-8 byte order mark (spreadsheets write one) is not part of the text. */
static void
source_init (MpProgramSource *source,
             const char      *display_name,
             const char      *data,
             gsize            length,
             GHashTable      *taken_ids)
{
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  source->display_name = display_name;
  source->data = data;
  source->length = length;
  source->taken_ids = taken_ids;
  source->domain = 0;
}

/* The store's callers see one domain: a reader's error keeps its message
 * and becomes the store's error of the same kind. */
static GError *
store_error_from_reader (GError *error)
{
  if (g_error_matches (error, MP_PROGRAM_JSON_ERROR, MP_PROGRAM_JSON_ERROR_VERSION))
    error->code = MP_PROGRAM_STORE_ERROR_VERSION;
  else if (error->domain == MP_PROGRAM_JSON_ERROR || error->domain == MP_PROGRAM_CSV_ERROR)
    error->code = error->code == MP_PROGRAM_IO_SYNTAX ? MP_PROGRAM_STORE_ERROR_SYNTAX
                                                      : MP_PROGRAM_STORE_ERROR_INVALID;
  else
    return error;
  error->domain = MP_PROGRAM_STORE_ERROR;
  return error;
}

static GPtrArray *
parse_bytes (GBytes      *bytes,
             const char  *display_name,
             gboolean     json_only,
             GHashTable  *taken_ids,
             GError     **error)
{
  MpProgramSource source;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GPtrArray *programs;
  GError *reader_error = NULL;

  source_init (&source, display_name, data != NULL ? data : "", length, taken_ids);
  if (json_only)
    programs = mp_program_json_parse (&source, &reader_error);
  else
    programs = mp_program_parse_any (&source, &reader_error);
  if (reader_error != NULL)
    g_propagate_error (error, store_error_from_reader (reader_error));
  return programs;
}

static GPtrArray *
parse_file (GFile       *file,
            gboolean     json_only,
            GHashTable  *taken_ids,
            GError     **error)
{
  g_autofree char *name = mp_utils_file_display_name (file);
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &io_error);

  if (bytes == NULL)
    {
      /* GIO's own message repeats the whole path; say it shorter when we can. */
      const char *reason = g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                           ? _("there is no such file") : io_error->message;

      g_set_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO,
                   _("%s: cannot read the file: %s"), name, reason);
      return NULL;
    }
  return parse_bytes (bytes, name, json_only, taken_ids, error);
}

gboolean
mp_program_store_load_samples (MpProgramStore  *self,
                               GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) samples = NULL;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);

  bytes = g_resources_lookup_data (SAMPLES_RESOURCE, 0, error);
  if (bytes == NULL)
    return FALSE;
  samples = parse_bytes (bytes, "sample-programs.json", TRUE, NULL, error);
  if (samples == NULL)
    return FALSE;
  set_user_defined (samples, FALSE);
  /* The user's programs stay, after the samples. */
  for (guint i = 0; i < self->programs->len; i++)
    {
      MpProgram *program = g_ptr_array_index (self->programs, i);

      if (mp_program_get_user_defined (program))
        g_ptr_array_add (samples, g_object_ref (program));
    }
  replace_all (self, g_steal_pointer (&samples));
  return TRUE;
}

gboolean
mp_program_store_load_file (MpProgramStore  *self,
                            GFile           *file,
                            GError         **error)
{
  GPtrArray *programs;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  programs = parse_file (file, TRUE, NULL, error);
  if (programs == NULL)
    return FALSE;
  set_user_defined (programs, TRUE);
  replace_all (self, programs);
  return TRUE;
}

static GFile *
default_user_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "masterplan", "programs.json", NULL);
}

/* Moves a file that failed to load out of the way, so that no later save
 * can overwrite what the user had in it. */
static char *
move_aside (GFile   *file,
            GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = g_strconcat (path, ".broken-", stamp, NULL);
  char *aside = g_strdup (base);

  for (guint i = 2; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s-%u", base, i);
    }
  if (g_rename (path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      g_free (aside);
      return NULL;
    }
  return aside;
}

/* Keeps "FILE:LINE:COLUMN: …" first and says where the file went. */
static gboolean
report_moved_aside (GFile   *file,
                    GError  *error)
{
  g_autoptr(GError) move_error = NULL;
  g_autofree char *aside = move_aside (file, &move_error);
  char *message;

  if (aside != NULL)
    message = g_strdup_printf (_("%s. The file was kept aside as “%s”: your programs in it "
                                 "are not loaded, and nothing will be saved over it."),
                               error->message, aside);
  else
    message = g_strdup_printf (_("%s. The file could not be kept aside (%s); your programs "
                                 "in it are not loaded."), error->message, move_error->message);
  g_free (error->message);
  error->message = message;
  return aside != NULL;
}

/* User programs whose id is a sample's replace that sample in place: the
 * user edited it. */
static void
merge_user_programs (MpProgramStore *self,
                     GPtrArray      *user)
{
  GPtrArray *merged = g_ptr_array_new_full (self->programs->len + user->len, g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < user->len; i++)
    {
      MpProgram *program = g_ptr_array_index (user, i);

      g_hash_table_insert (by_id, (gpointer) mp_program_get_id (program), program);
    }
  for (guint i = 0; i < self->programs->len; i++)
    {
      MpProgram *program = g_ptr_array_index (self->programs, i);
      MpProgram *mine = g_hash_table_lookup (by_id, mp_program_get_id (program));

      g_ptr_array_add (merged, g_object_ref (mine != NULL ? mine : program));
      if (mine != NULL)
        g_hash_table_remove (by_id, mp_program_get_id (program));
    }
  for (guint i = 0; i < user->len; i++)
    {
      MpProgram *program = g_ptr_array_index (user, i);

      if (g_hash_table_contains (by_id, mp_program_get_id (program)))
        g_ptr_array_add (merged, g_object_ref (program));
    }
  replace_all (self, merged);
}

gboolean
mp_program_store_load_user (MpProgramStore  *self,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(GFile) default_file = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  GError *load_error = NULL;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file == NULL)
    file = default_file = default_user_file ();
  if (!g_file_query_exists (file, NULL))
    return TRUE;
  programs = parse_file (file, TRUE, NULL, &load_error);
  if (programs == NULL)
    {
      if (g_error_matches (load_error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO) ||
          !report_moved_aside (file, load_error))
        mp_utils_set_str (&self->blocked_path, g_file_peek_path (file));
      g_propagate_error (error, load_error);
      return FALSE;
    }
  set_user_defined (programs, TRUE);
  merge_user_programs (self, programs);
  return TRUE;
}

gboolean
mp_program_store_save_user (MpProgramStore  *self,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(GFile) default_file = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file == NULL)
    file = default_file = default_user_file ();
  if (g_strcmp0 (self->blocked_path, g_file_peek_path (file)) == 0)
    {
      g_set_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO,
                   _("Not saving: “%s” could not be read earlier, and saving would replace "
                     "the programs in it. Move it away, then save again."),
                   g_file_peek_path (file));
      return FALSE;
    }
  json = mp_program_store_to_json (self, TRUE);
  return mp_utils_write_atomically (file, json, strlen (json), TRUE, error);
}

static GHashTable *
collect_ids (MpProgramStore *self)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->programs->len; i++)
    g_hash_table_add (ids, (gpointer) mp_program_get_id (g_ptr_array_index (self->programs, i)));
  return ids;
}

int
mp_program_store_import (MpProgramStore  *self,
                         GFile           *file,
                         GError         **error)
{
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  guint position;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), -1);
  g_return_val_if_fail (G_IS_FILE (file), -1);

  taken = collect_ids (self);
  programs = parse_file (file, FALSE, taken, error);
  if (programs == NULL)
    return -1;
  set_user_defined (programs, TRUE);
  position = self->programs->len;
  g_ptr_array_extend_and_steal (self->programs, g_steal_pointer (&programs));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, self->programs->len - position);
  return self->programs->len - position;
}

void
mp_program_store_add (MpProgramStore *self,
                      MpProgram      *program)
{
  g_return_if_fail (MP_IS_PROGRAM_STORE (self));
  g_return_if_fail (MP_IS_PROGRAM (program));
  g_return_if_fail (mp_program_store_find (self, mp_program_get_id (program)) == NULL);

  g_ptr_array_add (self->programs, g_object_ref (program));
  g_list_model_items_changed (G_LIST_MODEL (self), self->programs->len - 1, 0, 1);
}

static gboolean
find_position (MpProgramStore *self,
               const char     *id,
               guint          *position)
{
  for (guint i = 0; i < self->programs->len; i++)
    {
      if (g_strcmp0 (mp_program_get_id (g_ptr_array_index (self->programs, i)), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
mp_program_store_replace (MpProgramStore *self,
                          MpProgram      *program)
{
  g_autoptr(MpProgram) old = NULL;
  guint position;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);
  g_return_val_if_fail (MP_IS_PROGRAM (program), FALSE);

  if (!find_position (self, mp_program_get_id (program), &position))
    return FALSE;
  old = g_ptr_array_index (self->programs, position);
  g_ptr_array_index (self->programs, position) = g_object_ref (program);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

gboolean
mp_program_store_remove (MpProgramStore *self,
                         const char     *id)
{
  guint position;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find_position (self, id, &position))
    return FALSE;
  g_ptr_array_remove_index (self->programs, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

MpProgram *
mp_program_store_find (MpProgramStore *self,
                       const char     *id)
{
  guint position;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!find_position (self, id, &position))
    return NULL;
  return g_ptr_array_index (self->programs, position);
}

MpProgram *
mp_program_store_peek (MpProgramStore *self,
                       guint           position)
{
  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), NULL);
  g_return_val_if_fail (position < self->programs->len, NULL);

  return g_ptr_array_index (self->programs, position);
}

char *
mp_program_store_to_json (MpProgramStore *self,
                          gboolean        user_only)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), NULL);

  for (guint i = 0; i < self->programs->len; i++)
    {
      MpProgram *program = g_ptr_array_index (self->programs, i);

      if (!user_only || mp_program_get_user_defined (program))
        g_ptr_array_add (chosen, program);
    }
  return mp_program_json_serialize ((MpProgram * const *) chosen->pdata, chosen->len);
}

void
mp_program_store_splice (MpProgramStore  *self,
                         MpProgram      **programs,
                         guint            n_programs)
{
  guint position;

  g_return_if_fail (MP_IS_PROGRAM_STORE (self));
  g_return_if_fail (programs != NULL || n_programs == 0);

  position = self->programs->len;
  for (guint i = 0; i < n_programs; i++)
    g_ptr_array_add (self->programs, g_object_ref (programs[i]));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n_programs);
}
