/* mp-utils.h: small helpers that are not types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* GitHub-style heading slug: lower case; letters, digits, '-' and '_' kept;
 * spaces become '-'; everything else dropped. "Who should *not* do it?"
 * becomes "who-should-not-do-it". Callers add "-1", "-2" … to repeats. */
char     *mp_utils_slugify            (const char  *text);
/* Replaces *str_ptr with a copy of new_str; TRUE when it changed (g_set_str is GLib 2.76). */
gboolean  mp_utils_set_str            (char       **str_ptr,
                                       const char  *new_str);
/* TRUE for http, https and mailto URIs: the only links the app opens. */
gboolean  mp_utils_uri_is_openable    (const char  *uri);
/* Why @uri is not opened, naming it (cut to 160 characters), for the user;
 * NULL when it opens. The caller frees it. */
char     *mp_utils_uri_refusal        (const char  *uri);
/* Writes @contents to @file atomically (temporary file + rename), as a
 * document: a new file gets the permissions the umask gives, a replaced one
 * keeps its own. With @keep_backup, the previous file is kept as FILE.bak. */
gboolean  mp_utils_write_atomically   (GFile       *file,
                                       const char  *contents,
                                       gsize        length,
                                       gboolean     keep_backup,
                                       GError     **error);
/* A file's name for messages: its basename, or the URI for resources. */
char     *mp_utils_file_display_name  (GFile       *file);
/* A whole number with the digit grouping of LC_NUMERIC ("17,000",
 * "17.000"); where the locale groups nothing (C, POSIX) the translation's
 * separator is used, so the figure still reads well. */
char     *mp_utils_format_grouped     (double       value);
/* A whole amount of US dollars: "$17,000" ("17.000 US$" in Spanish). */
char     *mp_utils_format_usd         (double       usd);

G_END_DECLS
