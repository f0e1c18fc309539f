/* test-program-save.c: the user's programs are never lost: backups, broken
 * files, links, two windows, a full disk and a read-only folder, driven
 * through the real MpProgramStore in temporary folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "mp-program-store.h"
#include "mp-safe-file.h"
#include "mp-test-utils.h"

typedef struct {
  char           *dir;
  char           *path;
  GFile          *file;
  MpProgramStore *store;
  GPtrArray      *mirror;
  char           *mount;
} Fixture;

/* Keeps its own copy of the store's list from items-changed alone, as the
 * scorer and the list views do: a signal that miscounts the items it
 * removes fails here instead of corrupting a listener's memory. */
static void
mirror_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (model));
}

static void
assert_mirror_in_step (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (fixture->store);

  g_assert_cmpuint (fixture->mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < fixture->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (g_ptr_array_index (fixture->mirror, i) == (gpointer) item);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("mp-save-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "programs.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->store = mp_program_store_new ();
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->store, "items-changed", G_CALLBACK (mirror_items_changed),
                    fixture->mirror);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->mount != NULL)
    {
      g_autofree char *command = g_strdup_printf ("umount %s", fixture->mount);

      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
      g_free (fixture->mount);
    }
  assert_mirror_in_step (fixture);
  g_assert_finalize_object (fixture->store);
  g_ptr_array_unref (fixture->mirror);
  g_object_unref (fixture->file);
  mp_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static MpProgram *
user_program (const char *id,
              const char *name)
{
  MpProgram *program = mp_program_new (id, name);

  mp_program_set_user_defined (program, TRUE);
  mp_program_set_duration_years (program, 2);
  return program;
}

static void
add_program (MpProgramStore *store,
             const char     *id)
{
  g_autoptr(MpProgram) program = user_program (id, id);

  mp_program_store_add (store, program);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return text;
}

static void
save (MpProgramStore *store,
      GFile          *file)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_program_store_save_user (store, file, &error));
  g_assert_no_error (error);
}

static char *
find_aside (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "programs.json.broken-"))
        return g_build_filename (fixture->dir, name, NULL);
    }
  return NULL;
}

/* One bad program (a duration of 50 years, as the old dialog saved) no
 * longer sets the whole file aside: the others load, the bad one is named
 * and kept in a copy of the file. */
static void
test_one_bad_program (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char text[] =
    "{\"schema_version\": 1, \"programs\": [\n"
    "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 1, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}},\n"
    "  {\"id\": \"b\", \"name\": \"B\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 50, \"hours_per_week\": 10, \"tuition_usd\": 1, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}},\n"
    "  {\"id\": \"c\", \"name\": \"C\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 3, \"hours_per_week\": 10, \"tuition_usd\": 1, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n"
    "]}\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_text = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_file_set_contents (fixture->path, text, -1, NULL));
  g_assert_false (mp_program_store_load_user (fixture->store, fixture->file, &error));
  g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_PARTIAL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 2);
  g_assert_nonnull (mp_program_store_find (fixture->store, "a"));
  g_assert_nonnull (mp_program_store_find (fixture->store, "c"));
  aside = find_aside (fixture);
  g_assert_nonnull (aside);
  aside_text = read_text (aside);
  g_assert_cmpstr (aside_text, ==, text);
  expected = g_strdup_printf ("%s:3:85: “duration_years” must be a number from 0 to 10, not 50. "
                              "This program was not loaded; the others were. The file as it was "
                              "is kept as “%s”.", fixture->path, aside);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (mp_program_store_has_unsaved_changes (fixture->store));
}

static void
write_two_programs (Fixture *fixture)
{
  g_autoptr(MpProgramStore) earlier = mp_program_store_new ();

  add_program (earlier, "first");
  add_program (earlier, "second");
  save (earlier, fixture->file);
  save (earlier, fixture->file);
}

/* A broken main file with a good backup: the backup is offered; the first
 * save moves it to PATH.unrestored, which later saves leave alone and the
 * next start offers again; restoring it brings its programs back, and the
 * save after that removes it. */
static void
test_backup_offered (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *bak = g_strconcat (fixture->path, ".bak", NULL);
  g_autofree char *kept = g_strconcat (fixture->path, ".unrestored", NULL);
  g_autofree char *bak_text = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  write_two_programs (fixture);
  bak_text = read_text (bak);
  g_assert_nonnull (bak_text);
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));

  g_assert_false (mp_program_store_load_user (fixture->store, fixture->file, &error));
  g_assert_nonnull (strstr (error->message, "programs.json.bak” holds 2 programs"));
  g_assert_cmpuint (mp_program_store_get_backup_offer (fixture->store), ==, 2);
  g_clear_error (&error);

  add_program (fixture->store, "new-one");
  save (fixture->store, fixture->file);
  add_program (fixture->store, "new-two");
  save (fixture->store, fixture->file);
  after = read_text (kept);
  g_assert_cmpstr (after, ==, bak_text);
  g_assert_cmpuint (mp_program_store_get_backup_offer (fixture->store), ==, 2);

  /* At the next start the file is gone (set aside): the backup is
   * offered again. */
  {
    g_autoptr(MpProgramStore) next = mp_program_store_new ();
    g_autofree char *aside = find_aside (fixture);
    g_autofree char *moved = g_strconcat (fixture->path, ".moved", NULL);
    g_autoptr(GError) next_error = NULL;

    g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
    g_assert_false (mp_program_store_load_user (next, fixture->file, &next_error));
    g_assert_nonnull (strstr (next_error->message, "there is no such file"));
    g_assert_cmpuint (mp_program_store_get_backup_offer (next), ==, 2);
    g_assert_cmpint (g_rename (moved, fixture->path), ==, 0);
  }
  g_assert_true (mp_program_store_restore_backup (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mp_program_store_get_backup_offer (fixture->store), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 4);
  g_assert_nonnull (mp_program_store_find (fixture->store, "first"));
  g_assert_nonnull (mp_program_store_find (fixture->store, "new-two"));
  g_assert_true (mp_program_store_has_unsaved_changes (fixture->store));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  save (fixture->store, fixture->file);
  g_assert_false (mp_program_store_has_unsaved_changes (fixture->store));
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
}

/* The main file loads, but an offer not taken at an earlier start waits in
 * PATH.unrestored: the load says so, counts only the programs the list
 * lacks, and Restore adds them without replacing the list's own. */
static void
test_unrestored_offered_at_next_start (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *kept = g_strconcat (fixture->path, ".unrestored", NULL);
  g_autoptr(MpProgramStore) next = mp_program_store_new ();
  g_autoptr(GError) error = NULL;
  MpProgram *first;

  write_two_programs (fixture);
  g_assert_true (g_file_set_contents (fixture->path, "{", -1, NULL));
  g_assert_false (mp_program_store_load_user (fixture->store, fixture->file, &error));
  g_clear_error (&error);
  {
    g_autoptr(MpProgram) mine = user_program ("first", "first");

    mp_program_set_note (mine, "mine");
    mp_program_store_add (fixture->store, mine);
  }
  add_program (fixture->store, "third");
  save (fixture->store, fixture->file);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));

  g_assert_false (mp_program_store_load_user (next, fixture->file, &error));
  g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_BACKUP_WAITING);
  g_assert_nonnull (strstr (error->message, "programs.json.unrestored” holds 1 program "));
  g_assert_cmpuint (mp_program_store_get_backup_offer (next), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (next)), ==, 2);

  g_assert_true (mp_program_store_restore_backup (next, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (next)), ==, 3);
  first = mp_program_store_find (next, "first");
  g_assert_cmpstr (mp_program_get_note (first), ==, "mine");
  g_assert_nonnull (mp_program_store_find (next, "second"));
  save (next, fixture->file);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
}

/* A save through a link updates the link's target; the link stays. */
static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *real_dir = g_build_filename (fixture->dir, "real", NULL);
  g_autofree char *target = g_build_filename (real_dir, "mine.json", NULL);
  g_autoptr(MpProgramStore) reloaded = mp_program_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_cmpint (symlink ("real/mine.json", fixture->path), ==, 0);
  add_program (fixture->store, "linked");
  save (fixture->store, fixture->file);
  save (fixture->store, fixture->file);
  link = g_file_read_link (fixture->path, NULL);
  g_assert_cmpstr (link, ==, "real/mine.json");
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  g_assert_true (mp_program_store_load_user (reloaded, fixture->file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (mp_program_store_find (reloaded, "linked"));
}

/* Temporary files of a save that was killed are removed by the next save. */
static void
test_temp_files_cleaned (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *stale = g_strconcat (fixture->path, ".saving-Ab12Cd", NULL);
  g_autofree char *other = g_strconcat (fixture->path, ".backup", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (g_file_set_contents (stale, "{\"half", -1, NULL));
  g_assert_true (g_file_set_contents (other, "the user's own file", -1, NULL));
  add_program (fixture->store, "x");
  save (fixture->store, fixture->file);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".saving-"));
}

/* Two windows on one file: the second save takes in the first's changes
 * and says so; nothing either added is lost. */
static void
test_two_instances (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MpProgramStore) other = mp_program_store_new ();
  g_autoptr(MpProgramStore) reloaded = mp_program_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autoptr(MpProgram) sample = mp_program_new ("a-sample", "A sample");

  /* A sample before the user's programs, as in the app: the merge must
   * count it among the items it replaces. */
  mp_program_store_add (fixture->store, sample);
  write_two_programs (fixture);
  g_assert_true (mp_program_store_load_user (fixture->store, fixture->file, &error));
  g_assert_true (mp_program_store_load_user (other, fixture->file, &error));
  g_assert_no_error (error);

  add_program (other, "from-other");
  g_assert_true (mp_program_store_remove (other, "first"));
  save (other, fixture->file);
  g_assert_null (mp_program_store_take_notice (other));

  add_program (fixture->store, "from-here");
  save (fixture->store, fixture->file);
  notice = mp_program_store_take_notice (fixture->store);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "was changed by another Master Plan window"));
  g_assert_nonnull (mp_program_store_find (fixture->store, "from-other"));
  g_assert_null (mp_program_store_find (fixture->store, "first"));
  g_assert_nonnull (mp_program_store_find (fixture->store, "a-sample"));

  g_assert_true (mp_program_store_load_user (reloaded, fixture->file, &error));
  g_assert_nonnull (mp_program_store_find (reloaded, "from-here"));
  g_assert_nonnull (mp_program_store_find (reloaded, "from-other"));
  g_assert_nonnull (mp_program_store_find (reloaded, "second"));
  g_assert_null (mp_program_store_find (reloaded, "first"));
}

/* A small tmpfs in the fixture's folder, or FALSE (test skipped). */
static gboolean
mount_small_disk (Fixture    *fixture,
                  const char *options)
{
  g_autofree char *mount = g_build_filename (fixture->dir, "disk", NULL);
  g_autofree char *command = NULL;
  int status = -1;

  if (getuid () != 0)
    {
      g_test_skip ("needs root to mount a small tmpfs");
      return FALSE;
    }
  g_assert_cmpint (g_mkdir (mount, 0700), ==, 0);
  command = g_strdup_printf ("mount -t tmpfs -o %s tmpfs %s", options, mount);
  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) || status != 0)
    {
      g_test_skip ("mount -t tmpfs is not permitted here");
      return FALSE;
    }
  fixture->mount = g_steal_pointer (&mount);
  g_free (fixture->path);
  fixture->path = g_build_filename (fixture->mount, "programs.json", NULL);
  g_object_unref (fixture->file);
  fixture->file = g_file_new_for_path (fixture->path);
  return TRUE;
}

static void
fill_disk (Fixture *fixture)
{
  g_autofree char *filler = g_build_filename (fixture->mount, "filler", NULL);
  g_autofree char *block = g_malloc0 (4096);
  FILE *out = fopen (filler, "w");

  g_assert_nonnull (out);
  while (fwrite (block, 1, 4096, out) == 4096 && fflush (out) == 0)
    ;
  fclose (out);
}

/* A full disk: both failed saves keep the file and its backup whole, the
 * change stays in memory, and the message names the file and the reason. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *bak = NULL;
  g_autofree char *main_text = NULL;
  g_autofree char *bak_text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(MpProgram) big = NULL;
  g_autofree char *note = NULL;

  if (!mount_small_disk (fixture, "size=64k"))
    return;
  bak = g_strconcat (fixture->path, ".bak", NULL);
  add_program (fixture->store, "one");
  save (fixture->store, fixture->file);
  add_program (fixture->store, "two");
  save (fixture->store, fixture->file);
  main_text = read_text (fixture->path);
  bak_text = read_text (bak);
  g_assert_cmpuint (strlen (bak_text), >, 0);
  fill_disk (fixture);

  big = user_program ("big", "Big");
  note = g_strnfill (32768, 'n');
  mp_program_set_note (big, note);
  mp_program_store_add (fixture->store, big);
  expected = g_strdup_printf ("cannot write “%s”: the disk is full", fixture->path);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *main_now = NULL;
      g_autofree char *bak_now = NULL;

      g_assert_false (mp_program_store_save_user (fixture->store, fixture->file, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, expected);
      main_now = read_text (fixture->path);
      bak_now = read_text (bak);
      g_assert_cmpstr (main_now, ==, main_text);
      g_assert_cmpstr (bak_now, ==, bak_text);
      g_assert_true (mp_program_store_has_unsaved_changes (fixture->store));
    }
}

/* A read-only folder: the save fails with a message naming the file, and
 * the program stays, unsaved. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *expected = NULL;

  if (!mount_small_disk (fixture, "size=64k"))
    return;
  add_program (fixture->store, "one");
  save (fixture->store, fixture->file);
  command = g_strdup_printf ("mount -o remount,ro %s", fixture->mount);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  add_program (fixture->store, "two");
  g_assert_false (mp_program_store_save_user (fixture->store, fixture->file, &error));
  expected = g_strdup_printf ("cannot write “%s”: the folder cannot be written to",
                              fixture->path);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_true (mp_program_store_has_unsaved_changes (fixture->store));
  g_assert_nonnull (mp_program_store_find (fixture->store, "two"));
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* The user's data stays private (0600); a document gets the usual mode,
 * 0666 less the umask, or keeps the mode of the file it replaces. */
static void
test_modes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *doc = g_build_filename (fixture->dir, "brief.pdf", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  g_assert_true (mp_safe_file_write (fixture->path, "[]", 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);

  g_assert_true (mp_safe_file_write_full (doc, "%PDF", 4, MP_SAFE_FILE_DOCUMENT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (doc), ==, 0644);
  g_unlink (doc);

  umask (027);
  g_assert_true (mp_safe_file_write_full (doc, "%PDF", 4, MP_SAFE_FILE_DOCUMENT, &error));
  g_assert_cmpuint (file_mode (doc), ==, 0640);

  g_assert_cmpint (g_chmod (doc, 0604), ==, 0);
  g_assert_true (mp_safe_file_write_full (doc, "%PDF-2", 6, MP_SAFE_FILE_DOCUMENT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (doc), ==, 0604);
  umask (old_umask);
  g_unlink (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/program-save/one-bad-program", test_one_bad_program);
  ADD ("/program-save/backup-offered", test_backup_offered);
  ADD ("/program-save/unrestored-offered-at-next-start", test_unrestored_offered_at_next_start);
  ADD ("/program-save/symlink", test_symlink);
  ADD ("/program-save/temp-files-cleaned", test_temp_files_cleaned);
  ADD ("/program-save/two-instances", test_two_instances);
  ADD ("/program-save/full-disk", test_full_disk);
  ADD ("/program-save/read-only", test_read_only);
  ADD ("/program-save/modes", test_modes);
#undef ADD

  return g_test_run ();
}
