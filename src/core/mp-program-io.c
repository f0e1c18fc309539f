/* mp-program-io.c: helpers shared by the JSON and CSV program readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-io.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mp-utils.h"

void
mp_program_io_position (const char *data,
                        gsize       offset,
                        guint      *line,
                        guint      *column)
{
  const char *line_start = data;
  guint n = 1;

  for (const char *p = data; p < data + offset; p++)
    {
      if (*p == '\n')
        {
          n++;
          line_start = p + 1;
        }
    }
  *line = n;
  /* Counts characters, not bytes; invalid UTF-8 counts byte by byte. */
  *column = 1;
  for (const char *p = line_start; p < data + offset; p = g_utf8_next_char (p))
    (*column)++;
}

void
mp_program_io_set_error (GError               **error,
                         int                    code,
                         const MpProgramSource *source,
                         guint                  line,
                         guint                  column,
                         const char            *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, source->domain, code, "%s:%u:%u: %s",
               source->display_name, line, column, message);
}

gboolean
mp_program_io_check_text (const MpProgramSource *source,
                          GError               **error)
{
  const char *end = NULL;
  const char *nul;
  guint line, column;

  nul = memchr (source->data, '\0', source->length);
  if (nul != NULL)
    {
      mp_program_io_position (source->data, nul - source->data, &line, &column);
      mp_program_io_set_error (error, MP_PROGRAM_IO_SYNTAX, source, line, column,
                               _("the file contains a NUL byte; it is not a text file"));
      return FALSE;
    }
  if (!g_utf8_validate_len (source->data, source->length, &end))
    {
      mp_program_io_position (source->data, end - source->data, &line, &column);
      mp_program_io_set_error (error, MP_PROGRAM_IO_SYNTAX, source, line, column,
                               _("the text is not valid UTF-8; save the file as UTF-8"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
id_is_taken (const char *id,
             GHashTable *taken_ids,
             GHashTable *file_ids)
{
  return (taken_ids != NULL && g_hash_table_contains (taken_ids, id)) ||
         (file_ids != NULL && g_hash_table_contains (file_ids, id));
}

char *
mp_program_io_generate_id (const char *name,
                           GHashTable *taken_ids,
                           GHashTable *file_ids,
                           GHashTable *next_suffix)
{
  g_autofree char *slug = mp_utils_slugify (name);
  guint i = 2;
  char *id;

  if (slug[0] == '\0')
    mp_utils_set_str (&slug, "program");
  if (next_suffix != NULL && g_hash_table_contains (next_suffix, slug))
    i = GPOINTER_TO_UINT (g_hash_table_lookup (next_suffix, slug));
  else if (!id_is_taken (slug, taken_ids, file_ids))
    return g_steal_pointer (&slug);
  /* Suffixes tried once stay tried: n equal names cost n steps, not n². */
  for (id = g_strdup_printf ("%s-%u", slug, i); id_is_taken (id, taken_ids, file_ids);
       id = g_strdup_printf ("%s-%u", slug, ++i))
    g_free (id);
  if (next_suffix != NULL)
    g_hash_table_insert (next_suffix, g_strdup (slug), GUINT_TO_POINTER (i + 1));
  return id;
}

gboolean
mp_program_io_check_range (const MpProgramSource *source,
                           guint                  line,
                           guint                  column,
                           const char            *what,
                           MpProgramValue         value,
                           double                 number,
                           GError               **error)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];
  char max_text[G_ASCII_DTOSTR_BUF_SIZE];

  if (mp_program_rules_in_range (value, number))
    return TRUE;
  g_ascii_dtostr (value_text, sizeof value_text, number);
  g_ascii_formatd (max_text, sizeof max_text, "%.0f", mp_program_rules_get_max (value));
  mp_program_io_set_error (error, MP_PROGRAM_IO_INVALID, source, line, column,
                           _("“%s” must be a number from 0 to %s, not %s"),
                           what, max_text, value_text);
  return FALSE;
}

void
mp_program_io_set_fact (MpProgram  *program,
                        const char *field,
                        double      value)
{
  MpCriterion c;

  if (mp_criterion_from_key (field, &c))
    mp_program_set_rating (program, c, value);
  else if (strcmp (field, "duration_years") == 0)
    mp_program_set_duration_years (program, value);
  else if (strcmp (field, "hours_per_week") == 0)
    mp_program_set_hours_per_week (program, value);
  else if (strcmp (field, "tuition_usd") == 0)
    mp_program_set_tuition (program, value);
  else
    g_assert_not_reached ();
}

MpProgram *
mp_program_io_new_program (const MpProgramFields *fields)
{
  MpProgram *program = mp_program_new (fields->id, fields->name);

  mp_program_set_kind (program, fields->kind);
  mp_program_set_format (program, fields->format);
  mp_program_set_thesis (program, fields->thesis);
  mp_program_set_institution (program, fields->institution != NULL ? fields->institution : "");
  mp_program_set_note (program, fields->note != NULL ? fields->note : "");
  mp_program_set_duration_years (program, fields->duration_years);
  mp_program_set_hours_per_week (program, fields->hours_per_week);
  mp_program_set_tuition (program, fields->tuition);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      if (fields->unknown_ratings & (1u << c))
        mp_program_set_rating_unknown (program, c);
      else
        mp_program_set_rating_range (program, c, fields->rating_lo[c], fields->rating_hi[c]);
    }
  return program;
}

void
mp_program_io_get_fields (MpProgram       *program,
                          MpProgramFields *fields)
{
  fields->id = mp_program_get_id (program);
  fields->name = mp_program_get_name (program);
  fields->institution = mp_program_get_institution (program);
  fields->note = mp_program_get_note (program);
  fields->kind = mp_program_get_kind (program);
  fields->format = mp_program_get_format (program);
  fields->thesis = mp_program_get_thesis (program);
  fields->duration_years = mp_program_get_duration_years (program);
  fields->hours_per_week = mp_program_get_hours_per_week (program);
  fields->tuition = mp_program_get_tuition (program);
  fields->unknown_ratings = 0;
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      mp_program_get_rating_range (program, c, &fields->rating_lo[c], &fields->rating_hi[c]);
      if (mp_program_get_rating_unknown (program, c))
        fields->unknown_ratings |= 1u << c;
    }
}

GBytes *
mp_program_io_read_file (GFile   *file,
                         GQuark   domain,
                         int      code,
                         GError **error)
{
  g_autofree char *name = mp_utils_file_display_name (file);
  g_autoptr(GError) io_error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &io_error);

  if (bytes == NULL)
    {
      /* GIO's own message repeats the whole path; say it shorter when we can. */
      const char *reason = g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                           ? _("there is no such file") : io_error->message;

      g_set_error (error, domain, code, _("%s: cannot read the file: %s"), name, reason);
    }
  return bytes;
}

/* A UTF-8 byte order mark (spreadsheets write one) is not part of the text. */
void
mp_program_io_source_init (MpProgramSource *source,
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
  source->skipped = NULL;
  source->domain = 0;
}
