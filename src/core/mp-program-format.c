/* mp-program-format.c: programs in whichever file format they come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-format.h"

#include "mp-program-csv.h"
#include "mp-program-json.h"

GPtrArray *
mp_program_parse_any (const MpProgramSource *source,
                      GError               **error)
{
  for (gsize i = 0; i < source->length; i++)
    {
      char c = source->data[i];

      if (c == '{' || c == '[')
        return mp_program_json_parse (source, error);
      if (!g_ascii_isspace (c))
        break;
    }
  return mp_program_csv_parse (source, error);
}
