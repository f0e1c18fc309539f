/* mp-program-json-private.h: what the JSON tree reader and the JSON stream
 * reader share: one set of checks and messages (private to the programs
 * module and its tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mp-program-io.h"

G_BEGIN_DECLS

/* Checks values found in a programs file against the rules, with messages
 * placed by a walk over @source's text when one is needed. */
typedef struct _MpProgramJsonReader MpProgramJsonReader;

MpProgramJsonReader *mp_program_json_reader_new         (const MpProgramSource *source);
void                 mp_program_json_reader_free        (MpProgramJsonReader   *reader);
/* The number text of the last "schema_version" member as a stream read it,
 * and how many such members the root has: lets a plain version skip the
 * walk over the text. @token must outlive the reader's use. */
void                 mp_program_json_reader_set_version_token (MpProgramJsonReader *reader,
                                                          const char            *token,
                                                          guint                  n_members);
/* The root's checks before its programs (an object, the version, "programs"
 * an array); returns that array or NULL with @error. */
JsonArray           *mp_program_json_reader_read_head   (MpProgramJsonReader   *reader,
                                                         JsonNode              *root,
                                                         GError               **error);
/* Program @index of the file into @fields (strings borrowed from @node). */
gboolean             mp_program_json_reader_read_program (MpProgramJsonReader  *reader,
                                                         JsonNode              *node,
                                                         guint                  index,
                                                         MpProgramFields       *fields,
                                                         GError               **error);

/* Encoding, emptiness and nesting depth, before any parsing. */
gboolean             mp_program_json_check_text         (const MpProgramSource *source,
                                                         GError               **error);
/* The offset of the innermost bracket or string left open, or -1. */
gssize               mp_program_json_find_unclosed      (const char            *data,
                                                         gsize                  length);
void                 mp_program_json_set_unclosed_error (const MpProgramSource *source,
                                                         gsize                  unclosed,
                                                         GError               **error);
/* The whole text as one json-glib tree, then the checks: the reader of
 * record, whose verdicts and messages the stream reader repeats. */
gboolean             mp_program_json_read_tree          (const MpProgramSource *source,
                                                         MpProgramSink          sink,
                                                         gpointer               user_data,
                                                         GError               **error);
/* Above this many bytes the stream reader no longer falls back to the tree
 * for a syntax error's message (the tree costs ~10 bytes a byte); tests
 * lower it. */
void                 mp_program_json_set_tree_limit     (gsize                  bytes);

G_END_DECLS
