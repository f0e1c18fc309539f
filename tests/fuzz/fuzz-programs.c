/* fuzz-programs.c: programs JSON or CSV → MpProgram list → JSON → again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "mp-program-csv.h"
#include "mp-program-format.h"
#include "mp-program-json.h"

#ifndef FUZZ_PARSER
#define FUZZ_PARSER mp_program_parse_any
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

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
