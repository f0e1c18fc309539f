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
#include "mp-program-io.h"
#include "mp-program-json.h"
#include "mp-safe-file.h"
#include "mp-utils.h"

#include <sys/stat.h>

#define SAMPLES_RESOURCE RESOURCE_BASE "/programs/sample-programs.json"

struct _MpProgramStore
{
  GObject    parent_instance;

  GPtrArray *programs;
  /* A user file that failed to load and could not be moved aside: never
   * saved over. */
  char      *blocked_path;
  /* The user's programs as last loaded or saved, the file they were synced
   * with, its state on disk then (disk_stamp()) and whether it was valid. */
  GPtrArray *synced;
  char      *synced_path;
  char      *synced_stamp;
  gboolean   synced_good;
  /* A backup offered for restore: PATH.bak after the main file failed, or
   * PATH.unrestored, where an offer not taken is kept across starts. */
  char      *backup_path;
  guint      backup_n_programs;
  /* PATH.unrestored restored: removed once a save has its programs. */
  char      *restored_path;
  /* A message for the user from the last save, see take_notice(). */
  char      *notice;
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
  g_clear_pointer (&self->synced, g_ptr_array_unref);
  g_clear_pointer (&self->synced_path, g_free);
  g_clear_pointer (&self->synced_stamp, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->restored_path, g_free);
  g_clear_pointer (&self->notice, g_free);

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

  mp_program_io_source_init (&source, display_name, data != NULL ? data : "", length, taken_ids);
  if (json_only)
    programs = mp_program_json_parse (&source, &reader_error);
  else
    programs = mp_program_parse_any (&source, &reader_error);
  if (reader_error != NULL)
    g_propagate_error (error, store_error_from_reader (reader_error));
  return programs;
}

static GBytes *
read_file (GFile   *file,
           GError **error)
{
  return mp_program_io_read_file (file, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO, error);
}

static GPtrArray *
parse_file (GFile       *file,
            gboolean     json_only,
            GHashTable  *taken_ids,
            GError     **error)
{
  g_autofree char *name = mp_utils_file_display_name (file);
  g_autoptr(GBytes) bytes = read_file (file, error);

  if (bytes == NULL)
    return NULL;
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

/* Where saves to @file really go: links followed, so a linked file is
 * updated in place instead of being replaced by a plain one. */
static char *
user_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path != NULL ? mp_safe_file_resolve (path) : NULL;
}

/* What identifies one state of a file on disk: a save renames a new inode
 * over it, so the inode, size and time change with every write. NULL when
 * there is no file. */
static char *
disk_stamp (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%lu:%lld:%lld.%09ld", (gulong) st.st_ino, (long long) st.st_size,
                          (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

static GPtrArray *
user_programs (MpProgramStore *self)
{
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->programs->len; i++)
    {
      MpProgram *program = g_ptr_array_index (self->programs, i);

      if (mp_program_get_user_defined (program))
        g_ptr_array_add (mine, g_object_ref (program));
    }
  return mine;
}

/* Remembers the user's programs and the file's state as they are on disk
 * now: the base that unsaved changes and other instances' saves are
 * measured from. */
static void
mark_synced (MpProgramStore *self,
             const char     *path,
             gboolean        disk_good)
{
  g_clear_pointer (&self->synced, g_ptr_array_unref);
  self->synced = user_programs (self);
  mp_utils_set_str (&self->synced_path, path);
  g_free (self->synced_stamp);
  self->synced_stamp = disk_stamp (path);
  self->synced_good = disk_good;
}

/* Moves a file that failed to load out of the way (or, with @copy, copies
 * it), so that no later save can overwrite what the user had in it. */
static char *
keep_aside (const char  *path,
            gboolean     copy,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strconcat (path, ".broken-", stamp, NULL);
  g_autofree char *aside = g_strdup (base);
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 2; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s-%u", base, i);
    }
  if (copy)
    {
      if (!g_file_get_contents (path, &contents, &length, error) ||
          !mp_safe_file_write (aside, contents, length, error))
        return NULL;
    }
  else if (g_rename (path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      return NULL;
    }
  return g_steal_pointer (&aside);
}

static void
append_to_message (GError     *error,
                   const char *text)
{
  gboolean ends_sentence = g_str_has_suffix (error->message, ".");
  char *message = g_strconcat (error->message, ends_sentence ? " " : ". ", text, NULL);

  g_free (error->message);
  error->message = message;
}

/* Keeps "FILE:LINE:COLUMN: …" first and says where the file went. */
static gboolean
report_kept_aside (const char *path,
                   gboolean    copy,
                   GError     *error)
{
  g_autoptr(GError) move_error = NULL;
  g_autofree char *aside = keep_aside (path, copy, &move_error);
  g_autofree char *text = NULL;

  if (aside != NULL && copy)
    text = g_strdup_printf (_("The file as it was is kept as “%s”."), aside);
  else if (aside != NULL)
    text = g_strdup_printf (_("The file was kept aside as “%s”: your programs in it are not "
                              "loaded, and nothing will be saved over it."), aside);
  else
    text = g_strdup_printf (_("The file could not be kept aside (%s); your programs in it are "
                              "not loaded."), move_error->message);
  append_to_message (error, text);
  return aside != NULL;
}

/* @base with @user merged in: a user program whose id is a sample's
 * replaces that sample in place (the user edited it); the others follow. */
static GPtrArray *
merged_with_user (GPtrArray *base,
                  GPtrArray *user)
{
  GPtrArray *merged = g_ptr_array_new_full (base->len + user->len, g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < user->len; i++)
    {
      MpProgram *program = g_ptr_array_index (user, i);

      g_hash_table_insert (by_id, (gpointer) mp_program_get_id (program), program);
    }
  for (guint i = 0; i < base->len; i++)
    {
      MpProgram *program = g_ptr_array_index (base, i);
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
  return merged;
}

static void
merge_user_programs (MpProgramStore *self,
                     GPtrArray      *user)
{
  replace_all (self, merged_with_user (self->programs, user));
}

/* The user's programs replaced by @user (samples stay), in one signal that
 * counts every item the list had: a listener's own copy stays in step. */
static void
set_user_programs (MpProgramStore *self,
                   GPtrArray      *user)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->programs->len; i++)
    {
      MpProgram *program = g_ptr_array_index (self->programs, i);

      if (!mp_program_get_user_defined (program))
        g_ptr_array_add (kept, g_object_ref (program));
    }
  replace_all (self, merged_with_user (kept, user));
}

static GPtrArray *
parse_user_bytes (GBytes      *bytes,
                  const char  *path,
                  GPtrArray   *skipped,
                  GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  MpProgramSource source;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GPtrArray *programs;

  GError *reader_error = NULL;

  mp_program_io_source_init (&source, name, data != NULL ? data : "", length, NULL);
  source.skipped = skipped;
  programs = mp_program_json_parse (&source, &reader_error);
  if (programs != NULL)
    set_user_defined (programs, TRUE);
  else
    g_propagate_error (error, store_error_from_reader (reader_error));
  return programs;
}

/* The programs of a readable, valid file at @path, or NULL. */
static GPtrArray *
parse_user_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  return bytes != NULL ? parse_user_bytes (bytes, path, NULL, NULL) : NULL;
}

static char *
unrestored_path (const char *path)
{
  return g_strconcat (path, ".unrestored", NULL);
}

/* What the offer of @n programs in @path brings, told as the banner does. */
static char *
offer_message (const char *path,
               guint       n)
{
  if (g_str_has_suffix (path, ".unrestored"))
    return g_strdup_printf (ngettext ("“%s” holds %u program from a backup that was not "
                                      "restored at an earlier start and is not in your list: "
                                      "choose Restore to add it.",
                                      "“%s” holds %u programs from a backup that was not "
                                      "restored at an earlier start and are not in your list: "
                                      "choose Restore to add them.", n), path, n);
  return g_strdup_printf (ngettext ("The backup “%s” holds %u program: choose Restore to load it.",
                                    "The backup “%s” holds %u programs: choose Restore to load "
                                    "them.", n), path, n);
}

/* After the main file failed: a valid backup is offered for restore (an
 * offer kept from an earlier start first, then PATH.bak), and no save
 * replaces it until the user has chosen. */
static void
offer_backup (MpProgramStore *self,
              const char     *path,
              GError         *error)
{
  g_autofree char *kept = unrestored_path (path);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  const char *candidates[] = { kept, bak };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(GPtrArray) programs = parse_user_path (candidates[i]);
      g_autofree char *text = NULL;

      if (programs == NULL || programs->len == 0)
        continue;
      mp_utils_set_str (&self->backup_path, candidates[i]);
      self->backup_n_programs = programs->len;
      text = offer_message (candidates[i], programs->len);
      append_to_message (error, text);
      return;
    }
}

static guint
count_not_mine (MpProgramStore *self,
                GPtrArray      *programs)
{
  guint n = 0;

  for (guint i = 0; i < programs->len; i++)
    {
      MpProgram *mine = mp_program_store_find (self, mp_program_get_id (programs->pdata[i]));

      if (mine == NULL || !mp_program_get_user_defined (mine))
        n++;
    }
  return n;
}

/* The main file loaded, but an offer not taken at an earlier start waits in
 * PATH.unrestored with programs the list lacks: offered again. */
static gboolean
offer_unrestored (MpProgramStore  *self,
                  const char      *path,
                  GError         **error)
{
  g_autofree char *kept = unrestored_path (path);
  g_autoptr(GPtrArray) programs = parse_user_path (kept);
  g_autofree char *text = NULL;
  guint n;

  if (programs == NULL || (n = count_not_mine (self, programs)) == 0)
    return FALSE;
  mp_utils_set_str (&self->backup_path, kept);
  self->backup_n_programs = n;
  text = offer_message (kept, n);
  if (error != NULL && *error != NULL)
    append_to_message (*error, text);
  else
    g_set_error_literal (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_BACKUP_WAITING,
                         text);
  return TRUE;
}

/* The file is gone (set aside at an earlier start) but its backup is
 * there: offered again, until the user restores it or saves anew. */
static gboolean
offer_backup_of_missing (MpProgramStore  *self,
                         const char      *path,
                         GError         **error)
{
  GError *missing = g_error_new (MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO,
                                 _("%s: there is no such file"), path);

  offer_backup (self, path, missing);
  if (self->backup_path == NULL)
    {
      g_error_free (missing);
      return FALSE;
    }
  g_propagate_error (error, missing);
  return TRUE;
}

static void
fail_whole_file (MpProgramStore *self,
                 const char     *path,
                 GError         *error)
{
  if (g_error_matches (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO) ||
      !report_kept_aside (path, FALSE, error))
    mp_utils_set_str (&self->blocked_path, path);
  offer_backup (self, path, error);
  mark_synced (self, path, FALSE);
}

/* Some programs were left out: the file is copied aside as it was, the
 * others load, and the message names each one left out. */
static void
report_skipped (const char  *path,
                GPtrArray   *skipped,
                GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GError *partial;

  for (guint i = 0; i < skipped->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", (char *) skipped->pdata[i]);
  g_string_append (text, ". ");
  g_string_append_printf (text, ngettext ("This program was not loaded; the others were.",
                                          "These %u programs were not loaded; the others were.",
                                          skipped->len), skipped->len);
  partial = g_error_new_literal (MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_PARTIAL,
                                 text->str);
  report_kept_aside (path, TRUE, partial);
  g_propagate_error (error, partial);
}

gboolean
mp_program_store_load_user (MpProgramStore  *self,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(GFile) default_file = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  GError *load_error = NULL;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file == NULL)
    file = default_file = default_user_file ();
  path = user_path (file);
  if (path == NULL)
    return TRUE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      mark_synced (self, path, FALSE);
      return !offer_backup_of_missing (self, path, error);
    }
  bytes = read_file (file, &load_error);
  if (bytes != NULL)
    programs = parse_user_bytes (bytes, path, skipped, &load_error);
  if (programs == NULL)
    {
      fail_whole_file (self, path, load_error);
      g_propagate_error (error, load_error);
      return FALSE;
    }
  merge_user_programs (self, programs);
  mark_synced (self, path, skipped->len == 0);
  if (skipped->len > 0)
    report_skipped (path, skipped, error);
  return !offer_unrestored (self, path, error) && skipped->len == 0;
}

static gboolean
program_changed (MpProgram *a,
                 MpProgram *b)
{
  if (a == NULL || b == NULL)
    return a != b;
  return a != b && !mp_program_equal (a, b);
}

static GHashTable *
index_by_id (GPtrArray *programs)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; programs != NULL && i < programs->len; i++)
    g_hash_table_insert (ids, (gpointer) mp_program_get_id (programs->pdata[i]),
                         programs->pdata[i]);
  return ids;
}

/* Three-way merge by id of the user's programs: what changed here since
 * the last sync wins, everything else comes from @theirs (the file another
 * instance saved). Returns how many programs both sides changed. */
static guint
merge_with_disk (MpProgramStore *self,
                 GPtrArray      *theirs)
{
  g_autoptr(GPtrArray) ours = user_programs (self);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) base_ids = index_by_id (self->synced);
  g_autoptr(GHashTable) our_ids = index_by_id (ours);
  g_autoptr(GHashTable) their_ids = index_by_id (theirs);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *sides[] = { ours, theirs, self->synced };
  guint conflicts = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; sides[s] != NULL && i < sides[s]->len; i++)
      {
        const char *id = mp_program_get_id (sides[s]->pdata[i]);
        MpProgram *base = g_hash_table_lookup (base_ids, id);
        MpProgram *mine = g_hash_table_lookup (our_ids, id);
        MpProgram *other = g_hash_table_lookup (their_ids, id);
        MpProgram *keep;

        if (!g_hash_table_add (seen, (gpointer) id))
          continue;
        keep = program_changed (mine, base) ? mine : other;
        if (program_changed (mine, base) && program_changed (other, base) &&
            program_changed (mine, other))
          conflicts++;
        if (keep != NULL)
          g_ptr_array_add (result, g_object_ref (keep));
      }
  set_user_programs (self, result);
  return conflicts;
}

static void
note_merge (MpProgramStore *self,
            const char     *path,
            guint           conflicts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_printf (text, _("“%s” was changed by another Master Plan window since this one read "
                           "it; its changes are now shown here too."), path);
  if (conflicts > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u program was changed in both windows; this "
                                              "window’s version was saved.",
                                              "%u programs were changed in both windows; this "
                                              "window’s versions were saved.", conflicts),
                              conflicts);
    }
  mp_utils_set_str (&self->notice, text->str);
}

/* Before a save: takes in what another instance saved since our last sync,
 * and tells whether the file on disk now is a valid one worth backing up. */
static gboolean
catch_up_with_disk (MpProgramStore *self,
                    const char     *path)
{
  g_autofree char *stamp = disk_stamp (path);
  g_autoptr(GPtrArray) theirs = NULL;

  if (g_strcmp0 (stamp, self->synced_stamp) == 0 && g_strcmp0 (path, self->synced_path) == 0)
    return self->synced_good;
  if (stamp == NULL)
    return FALSE;
  theirs = parse_user_path (path);
  if (theirs != NULL && g_strcmp0 (path, self->synced_path) == 0)
    note_merge (self, path, merge_with_disk (self, theirs));
  return theirs != NULL;
}

static gboolean
offer_is_bak (MpProgramStore *self)
{
  return self->backup_path != NULL && g_str_has_suffix (self->backup_path, ".bak");
}

/* The programs of @earlier, then those of @later whose ids it lacks. */
static GPtrArray *
union_by_id (GPtrArray *earlier,
             GPtrArray *later)
{
  g_autoptr(GHashTable) ids = index_by_id (earlier);
  GPtrArray *both = g_ptr_array_new_full (earlier->len + later->len, g_object_unref);

  for (guint i = 0; i < earlier->len; i++)
    g_ptr_array_add (both, g_object_ref (earlier->pdata[i]));
  for (guint i = 0; i < later->len; i++)
    if (!g_hash_table_contains (ids, mp_program_get_id (later->pdata[i])))
      g_ptr_array_add (both, g_object_ref (later->pdata[i]));
  return both;
}

/* An offered PATH.bak still not restored when the user saves moves to
 * PATH.unrestored, which no save replaces and the next start offers again:
 * ignoring the offer never costs the backup's programs. An earlier
 * PATH.unrestored keeps its programs and gains the backup's others. When
 * anything fails, the offer stays on PATH.bak, which this session does not
 * replace either. */
static void
keep_offer_across_starts (MpProgramStore *self,
                          const char     *path)
{
  g_autofree char *kept = unrestored_path (path);
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(GPtrArray) both = NULL;
  g_autofree char *json = NULL;

  if (!g_file_test (kept, G_FILE_TEST_EXISTS))
    {
      if (g_rename (self->backup_path, kept) == 0)
        mp_utils_set_str (&self->backup_path, kept);
      return;
    }
  earlier = parse_user_path (kept);
  offered = parse_user_path (self->backup_path);
  if (earlier == NULL || offered == NULL)
    return;
  both = union_by_id (earlier, offered);
  json = mp_program_json_serialize ((MpProgram * const *) both->pdata, both->len);
  if (!mp_safe_file_write (kept, json, strlen (json), NULL))
    return;
  g_unlink (self->backup_path);
  self->backup_n_programs = both->len;
  mp_utils_set_str (&self->backup_path, kept);
}

static gboolean
write_user_file (MpProgramStore  *self,
                 const char      *path,
                 GError         **error)
{
  g_autofree char *json = NULL;
  g_autofree char *backup = NULL;
  gboolean disk_good = catch_up_with_disk (self, path);

  if (offer_is_bak (self))
    keep_offer_across_starts (self, path);
  /* A broken or missing file never replaces the backup, nor does anything
   * while the offered backup is PATH.bak. A backup that cannot be made
   * does not stop the save: the old one stays as it was. */
  if (disk_good && !offer_is_bak (self))
    backup = mp_safe_file_prepare_backup (path, NULL);
  json = mp_program_store_to_json (self, TRUE);
  if (!mp_safe_file_write (path, json, strlen (json), error))
    {
      if (backup != NULL)
        g_unlink (backup);
      return FALSE;
    }
  if (backup != NULL)
    mp_safe_file_commit_backup (path, backup, NULL);
  /* The restored offer's programs are in the file now. */
  if (self->restored_path != NULL)
    g_unlink (self->restored_path);
  g_clear_pointer (&self->restored_path, g_free);
  mark_synced (self, path, TRUE);
  return TRUE;
}

gboolean
mp_program_store_save_user (MpProgramStore  *self,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(GFile) default_file = NULL;
  g_autofree char *path = NULL;
  gboolean saved;
  int lock;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file == NULL)
    file = default_file = default_user_file ();
  path = user_path (file);
  if (path == NULL)
    return mp_utils_write_atomically (file, "", 0, FALSE, error);
  if (g_strcmp0 (self->blocked_path, path) == 0)
    {
      g_set_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO,
                   _("Not saving: “%s” could not be read earlier, and saving would replace "
                     "the programs in it. Move it away, then save again."), path);
      return FALSE;
    }
  lock = mp_safe_file_lock (path);
  mp_safe_file_clean_temps (path);
  saved = write_user_file (self, path, error);
  mp_safe_file_unlock (lock);
  return saved;
}

gboolean
mp_program_store_save_copy (MpProgramStore  *self,
                            GFile           *file,
                            GError         **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json = mp_program_store_to_json (self, TRUE);
  return mp_utils_write_atomically (file, json, strlen (json), FALSE, error);
}

gboolean
mp_program_store_has_unsaved_changes (MpProgramStore *self)
{
  g_autoptr(GPtrArray) mine = NULL;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);

  mine = user_programs (self);
  if (self->synced == NULL)
    return mine->len > 0;
  if (mine->len != self->synced->len)
    return TRUE;
  for (guint i = 0; i < mine->len; i++)
    {
      if (program_changed (mine->pdata[i], self->synced->pdata[i]))
        return TRUE;
    }
  return FALSE;
}

guint
mp_program_store_get_backup_offer (MpProgramStore *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), 0);
  return self->backup_path != NULL ? self->backup_n_programs : 0;
}

char *
mp_program_store_describe_backup_offer (MpProgramStore *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), NULL);

  if (self->backup_path == NULL || self->backup_n_programs == 0)
    return NULL;
  return offer_message (self->backup_path, self->backup_n_programs);
}

gboolean
mp_program_store_restore_backup (MpProgramStore  *self,
                                 GError         **error)
{
  g_autoptr(GPtrArray) programs = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(GHashTable) ids = NULL;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), FALSE);

  if (self->backup_path == NULL)
    return TRUE;
  programs = parse_user_path (self->backup_path);
  if (programs == NULL)
    {
      g_set_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO,
                   _("The backup “%s” can no longer be read; nothing was restored."),
                   self->backup_path);
      return FALSE;
    }
  /* The list's own version of a program wins (it is the newer); programs
   * added since the start stay, after the restored ones. */
  mine = user_programs (self);
  ids = index_by_id (mine);
  restored = g_ptr_array_new_full (programs->len, g_object_unref);
  for (guint i = 0; i < programs->len; i++)
    {
      MpProgram *newer = g_hash_table_lookup (ids, mp_program_get_id (programs->pdata[i]));

      g_ptr_array_add (restored, g_object_ref (newer != NULL ? newer : programs->pdata[i]));
    }
  both = union_by_id (restored, mine);
  set_user_programs (self, both);
  if (g_str_has_suffix (self->backup_path, ".unrestored"))
    {
      g_free (self->restored_path);
      self->restored_path = g_steal_pointer (&self->backup_path);
    }
  g_clear_pointer (&self->backup_path, g_free);
  return TRUE;
}

void
mp_program_store_dismiss_backup (MpProgramStore *self)
{
  g_return_if_fail (MP_IS_PROGRAM_STORE (self));
  g_clear_pointer (&self->backup_path, g_free);
}

char *
mp_program_store_take_notice (MpProgramStore *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM_STORE (self), NULL);
  return g_steal_pointer (&self->notice);
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
