/* mp-program-store.h: the programs, as a GListModel of MpProgram (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-program.h"

G_BEGIN_DECLS

#define MP_PROGRAM_STORE_ERROR (mp_program_store_error_quark ())

typedef enum {
  MP_PROGRAM_STORE_ERROR_IO,
  MP_PROGRAM_STORE_ERROR_SYNTAX,   /* not JSON / CSV at all */
  MP_PROGRAM_STORE_ERROR_INVALID,  /* well-formed but wrong: types, ranges, fields */
  MP_PROGRAM_STORE_ERROR_VERSION,
  MP_PROGRAM_STORE_ERROR_PARTIAL,  /* some programs left out, the others loaded */
  MP_PROGRAM_STORE_ERROR_BACKUP_WAITING, /* loaded; a backup not restored earlier is offered */
} MpProgramStoreError;

#define MP_TYPE_PROGRAM_STORE (mp_program_store_get_type ())

G_DECLARE_FINAL_TYPE (MpProgramStore, mp_program_store, MP, PROGRAM_STORE, GObject)

/* Every load error reads "FILE:LINE:COLUMN: message" and leaves the store as
 * it was. Saves are atomic; the previous file is kept as FILE.bak. */
GQuark          mp_program_store_error_quark   (void);
MpProgramStore *mp_program_store_new           (void);
/* The bundled sample programs (a GResource); replaces the samples already
 * in the store, keeps the user's programs after them. */
gboolean        mp_program_store_load_samples  (MpProgramStore  *self,
                                                GError         **error);
/* Replaces all programs with those of a programs JSON file. */
gboolean        mp_program_store_load_file     (MpProgramStore  *self,
                                                GFile           *file,
                                                GError         **error);
/* Loads the user's own programs (appended, user-defined) from @file, by
 * default $XDG_DATA_HOME/masterplan/programs.json when @file is NULL. A
 * missing file is no error. A file that is not valid as a whole is renamed
 * FILE.broken-DATE aside, never overwritten, and the error says so and
 * offers a valid FILE.bak (get_backup_offer()); a file that cannot be read
 * (or moved) is never saved over by mp_program_store_save_user(). Programs
 * that break a rule are left out, the others load, the file is copied aside
 * as it was, and the error (MP_PROGRAM_STORE_ERROR_PARTIAL) names each one.
 * A backup offered at an earlier start and not restored then is kept as
 * FILE.unrestored and offered again while it holds programs the list lacks
 * (MP_PROGRAM_STORE_ERROR_BACKUP_WAITING, the file itself loaded).
 * A user program with a sample's id replaces that sample in place (the
 * user edited it). */
gboolean        mp_program_store_load_user     (MpProgramStore  *self,
                                                GFile           *file,
                                                GError         **error);
/* Saving the user's programs never loses a state of them: links are
 * followed (the target is updated), the write is atomic, PATH.bak becomes
 * the previous file only when that one was valid (and never while a backup
 * is offered for restore), and changes another instance saved meanwhile are
 * merged in first (see take_notice()). A failed save changes nothing on
 * disk, keeps the programs in the store (has_unsaved_changes() stays TRUE)
 * and names the file and the reason. */
gboolean        mp_program_store_save_user     (MpProgramStore  *self,
                                                GFile           *file,
                                                GError         **error);
/* Writes the user's programs to @file (somewhere else, e.g. when the usual
 * file cannot be written); does not count as saved. */
gboolean        mp_program_store_save_copy     (MpProgramStore  *self,
                                                GFile           *file,
                                                GError         **error);
/* TRUE when the user's programs differ from those last loaded or saved. */
gboolean        mp_program_store_has_unsaved_changes (MpProgramStore *self);
/* The number of programs a backup offered for restore would bring (after
 * load_user() failed on the main file: those in FILE.bak; an offer kept
 * from an earlier start: those the list lacks), else 0. */
guint           mp_program_store_get_backup_offer (MpProgramStore *self);
/* The offer told in a sentence for the user (naming the file and the
 * number of programs), or NULL without one; the caller frees it. */
char           *mp_program_store_describe_backup_offer (MpProgramStore *self);
/* Loads the offered backup's programs as the user's; where the list has a
 * program of the same id, the list's stays, and programs added since stay.
 * save_user() then writes them (and removes FILE.unrestored once saved). */
gboolean        mp_program_store_restore_backup (MpProgramStore  *self,
                                                 GError         **error);
void            mp_program_store_dismiss_backup (MpProgramStore  *self);
/* A message for the user left by the last save (another window's changes
 * merged), or NULL; the caller frees it. */
char           *mp_program_store_take_notice   (MpProgramStore  *self);
/* Imports CSV (header row names the columns) or JSON, chosen by content;
 * all-or-nothing. Returns the number imported, or -1 with @error. */
int             mp_program_store_import        (MpProgramStore  *self,
                                                GFile           *file,
                                                GError         **error);
void            mp_program_store_add           (MpProgramStore  *self,
                                                MpProgram       *program);
/* Replaces the program with the same id. Programs in the store are not
 * edited in place: replace them with an edited copy. */
gboolean        mp_program_store_replace       (MpProgramStore  *self,
                                                MpProgram       *program);
gboolean        mp_program_store_remove        (MpProgramStore  *self,
                                                const char      *id);
MpProgram      *mp_program_store_find          (MpProgramStore  *self,
                                                const char      *id);
/* The program at @position without a new reference (for hot loops such as
 * binding list rows); valid until the store changes. */
MpProgram      *mp_program_store_peek          (MpProgramStore  *self,
                                                guint            position);
/* Serialises the programs as the schema-versioned JSON the loaders read. */
char           *mp_program_store_to_json       (MpProgramStore  *self,
                                                gboolean         user_only);
/* Bulk add for benchmarks and tests: no per-item signals, one items-changed.
 * The ids must be new and unique (not checked). */
void            mp_program_store_splice        (MpProgramStore  *self,
                                                MpProgram      **programs,
                                                guint            n_programs);

G_END_DECLS
