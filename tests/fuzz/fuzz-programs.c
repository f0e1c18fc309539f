/* fuzz-programs.c: programs JSON or CSV → MpProgram list → JSON → again;
 * with FUZZ_JSON_STREAM, the stream reader of `--rank` must also give the
 * tree reader's verdict, message and programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "mp-program-csv.h"
#include "mp-program-format.h"
#include "mp-program-io.h"
#include "mp-program-json.h"
#include "mp-program-json-private.h"

#ifndef FUZZ_PARSER
#define FUZZ_PARSER mp_program_parse_any
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#ifdef FUZZ_JSON_STREAM
static gboolean
collect (const MpProgramFields  *fields,
         gpointer                programs,
         GError                **error)
{
  g_ptr_array_add (programs, mp_program_io_new_program (fields));
  return TRUE;
}

static void
drop_all (gpointer programs)
{
  g_ptr_array_set_size (programs, 0);
}

static GPtrArray *
stream_read (const MpProgramSource  *source,
             GError                **error)
{
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func (g_object_unref);

  if (!mp_program_json_read_each (source, collect, drop_all, programs, error))
    return NULL;
  return g_steal_pointer (&programs);
}

static void
assert_same_programs (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (mp_program_equal (a->pdata[i], b->pdata[i]));
}

/* Within the tree limit, the stream says exactly what the tree says. Over
 * it (a limit of 0 here), it may refuse json-glib's leniencies, but only
 * as syntax, and what it accepts is what the tree accepts. */
static void
check_stream (const MpProgramSource *source,
              GPtrArray             *tree,
              const GError          *tree_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) strict_error = NULL;
  g_autoptr(GPtrArray) streamed = stream_read (source, &error);
  g_autoptr(GPtrArray) strict = NULL;

  g_assert ((streamed == NULL) == (tree == NULL));
  if (tree == NULL)
    g_assert_cmpstr (error->message, ==, tree_error->message);
  else
    assert_same_programs (streamed, tree);

  mp_program_json_set_tree_limit (0);
  strict = stream_read (source, &strict_error);
  mp_program_json_set_tree_limit (32 * 1024 * 1024);
  if (strict != NULL)
    {
      g_assert_nonnull (tree);
      assert_same_programs (strict, tree);
    }
  else if (strict_error->code != MP_PROGRAM_JSON_ERROR_SYNTAX)
    {
      g_assert_null (tree);
      g_assert_cmpstr (strict_error->message, ==, tree_error->message);
    }
  else
    g_assert_true (g_str_has_prefix (strict_error->message, "fuzz:"));
}
#endif

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *json = NULL;
  MpProgramSource source = { "fuzz", (const char *) data, size, NULL };
  MpProgramSource round_trip = { "round-trip", NULL, 0, NULL };

  programs = FUZZ_PARSER (&source, &error);
  g_assert ((programs == NULL) == (error != NULL));
#ifdef FUZZ_JSON_STREAM
  check_stream (&source, programs, error);
#endif
  if (programs == NULL)
    {
      /* Every message names a position: "fuzz:LINE:COLUMN: …". */
      g_assert_true (g_str_has_prefix (error->message, "fuzz:"));
      return 0;
    }

  /* Whatever loads must save and load back to the same programs. */
  json = mp_program_json_serialize ((MpProgram * const *) programs->pdata, programs->len);
  round_trip.data = json;
  round_trip.length = strlen (json);
  again = mp_program_json_parse (&round_trip, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, programs->len);
  for (guint i = 0; i < programs->len; i++)
    g_assert_true (mp_program_equal (programs->pdata[i], again->pdata[i]));
  return 0;
}
