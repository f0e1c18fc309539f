/* mp-program-rules.c: what a program's values may be, one rule per value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-rules.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

/* Inclusive upper limits; a limit changed here changes the dialog, both
 * readers and the setters at once. */
static const double value_max[MP_N_PROGRAM_VALUES] = {
  [MP_PROGRAM_VALUE_DURATION_YEARS] = 10,
  [MP_PROGRAM_VALUE_HOURS_PER_WEEK] = 168,
  [MP_PROGRAM_VALUE_TUITION] = 10000000,
  [MP_PROGRAM_VALUE_RATING] = 10,
};

/* Spaces that people and locales put between digit groups. */
static const char * const group_spaces[] = { " ", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89" };

typedef struct {
  const char *decimal;
  const char *group;
} NumberSigns;

double
mp_program_rules_get_max (MpProgramValue value)
{
  g_return_val_if_fail (value < MP_N_PROGRAM_VALUES, 0);
  return value_max[value];
}

/* Numbers read from a file or typed keep four decimals: finer figures mean
 * nothing for a fee, an hour or a rating, and json-glib writes a value such
 * as 5e-80 as "5e-80.0", which no JSON reader (its own included) takes back,
 * so a file read in must save as one that reads again. */
double
mp_program_rules_round (double number)
{
  if (!isfinite (number))
    return number;
  return round (number * 10000.0) / 10000.0;
}

gboolean
mp_program_rules_in_range (MpProgramValue value,
                           double         number)
{
  g_return_val_if_fail (value < MP_N_PROGRAM_VALUES, FALSE);
  return isfinite (number) && number >= 0 && number <= value_max[value];
}

gboolean
mp_program_rules_name_is_valid (const char *name)
{
  if (name == NULL)
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

static void
number_signs (NumberSigns *signs)
{
  const struct lconv *conv = localeconv ();

  signs->decimal = conv->decimal_point != NULL && conv->decimal_point[0] != '\0'
                   ? conv->decimal_point : ".";
  signs->group = conv->thousands_sep;
  /* Locales without a grouping sign (C, POSIX) still meet "12,500". */
  if (signs->group == NULL || signs->group[0] == '\0' || strcmp (signs->group, signs->decimal) == 0)
    signs->group = strcmp (signs->decimal, ",") == 0 ? "." : ",";
}

static gsize
match_group_sign (const NumberSigns *signs,
                  const char        *p)
{
  if (g_str_has_prefix (p, signs->group))
    return strlen (signs->group);
  for (guint i = 0; i < G_N_ELEMENTS (group_spaces); i++)
    {
      if (g_str_has_prefix (p, group_spaces[i]))
        return strlen (group_spaces[i]);
    }
  return 0;
}

/* Copies the digits of "12,500" or "1 234" into @out; FALSE on a group
 * that is not three digits. Leaves *p after the whole part. */
static gboolean
read_whole_part (const NumberSigns  *signs,
                 const char        **p,
                 GString            *out)
{
  guint group_digits = 0;
  gboolean grouped = FALSE;

  for (;;)
    {
      gsize sign_len;

      if (g_ascii_isdigit (**p))
        {
          g_string_append_c (out, *(*p)++);
          group_digits++;
          continue;
        }
      sign_len = match_group_sign (signs, *p);
      if (sign_len == 0 || group_digits == 0 || (grouped && group_digits != 3) ||
          (!grouped && group_digits > 3) || !g_ascii_isdigit ((*p)[sign_len]))
        break;
      grouped = TRUE;
      group_digits = 0;
      *p += sign_len;
    }
  return !grouped || group_digits == 3;
}

/* Reads the text into a C-locale number string; FALSE when it is not one. */
static gboolean
normalize (MpProgramValue  value,
           const char     *text,
           GString        *out)
{
  NumberSigns signs;
  const char *p = text;

  number_signs (&signs);
  if (value == MP_PROGRAM_VALUE_TUITION && *p == '$')
    for (p++; *p == ' '; p++);
  if (*p == '-' || *p == '+')
    g_string_append_c (out, *p++);
  if (!read_whole_part (&signs, &p, out))
    return FALSE;
  if (g_str_has_prefix (p, signs.decimal) && g_ascii_isdigit (p[strlen (signs.decimal)]))
    {
      g_string_append_c (out, '.');
      for (p += strlen (signs.decimal); g_ascii_isdigit (*p); p++)
        g_string_append_c (out, *p);
    }
  return *p == '\0' && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]);
}

char *
mp_program_rules_format (double number)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  NumberSigns signs;
  GString *out;

  if (number == floor (number) && fabs (number) < 1e15)
    g_ascii_formatd (buf, sizeof buf, "%.0f", number);
  else
    {
      gsize len;

      g_ascii_formatd (buf, sizeof buf, "%.6f", number);
      for (len = strlen (buf); len > 0 && buf[len - 1] == '0'; len--)
        buf[len - 1] = '\0';
      if (len > 0 && buf[len - 1] == '.')
        buf[len - 1] = '\0';
    }
  number_signs (&signs);
  out = g_string_new (buf);
  if (strchr (out->str, '.') != NULL)
    g_string_replace (out, ".", signs.decimal, 1);
  return g_string_free (out, FALSE);
}

static char *
not_a_number_message (void)
{
  g_autofree char *example = mp_program_rules_format (1.5);
  NumberSigns signs;

  number_signs (&signs);
  /* Translators: the first %s is an example number such as 1.5, the second
   * the decimal sign of the user's language */
  return g_strdup_printf (_("Enter a number, such as %s; the decimal sign is “%s”."),
                          example, signs.decimal);
}

char *
mp_program_rules_parse (MpProgramValue  value,
                        const char     *text,
                        double         *number)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *stripped = NULL;
  g_autofree char *max = NULL;
  g_autofree char *read = NULL;

  g_return_val_if_fail (value < MP_N_PROGRAM_VALUES, NULL);
  g_return_val_if_fail (text != NULL && number != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (!normalize (value, stripped, clean))
    return not_a_number_message ();
  *number = mp_program_rules_round (g_ascii_strtod (clean->str, NULL));
  if (mp_program_rules_in_range (value, *number))
    return NULL;
  max = mp_program_rules_format (value_max[value]);
  if (!isfinite (*number))
    return g_strdup_printf (_("Enter a number from 0 to %s."), max);
  read = mp_program_rules_format (*number);
  /* Translators: the first %s is the number as understood, the second the largest allowed */
  return g_strdup_printf (_("Read as %s: enter a number from 0 to %s."), read, max);
}

char *
mp_program_rules_describe_reading (const char *text,
                                   double      number)
{
  g_autofree char *plain = mp_program_rules_format (number);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (strcmp (plain, stripped) == 0)
    return NULL;
  /* Translators: %s is a number as the program understood what was typed */
  return g_strdup_printf (_("Read as %s."), plain);
}

gboolean
mp_program_rules_range_is_ordered (double lo,
                                   double hi)
{
  return lo <= hi;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || !mp_program_rules_name_is_valid (text);
}

char *
mp_program_rules_parse_rating_range (const char *lo_text,
                                     const char *hi_text,
                                     double     *lo,
                                     double     *hi,
                                     gboolean   *unknown)
{
  char *message;

  g_return_val_if_fail (lo != NULL && hi != NULL && unknown != NULL, NULL);

  *unknown = is_blank (lo_text) && is_blank (hi_text);
  if (*unknown)
    {
      *lo = 0;
      *hi = value_max[MP_PROGRAM_VALUE_RATING];
      return NULL;
    }
  if (is_blank (lo_text) || is_blank (hi_text))
    return g_strdup (_("Enter both ends of the range, or leave both empty if you do not know."));
  message = mp_program_rules_parse (MP_PROGRAM_VALUE_RATING, lo_text, lo);
  if (message == NULL)
    message = mp_program_rules_parse (MP_PROGRAM_VALUE_RATING, hi_text, hi);
  if (message != NULL)
    return message;
  if (!mp_program_rules_range_is_ordered (*lo, *hi))
    return g_strdup (_("Enter the lower rating first."));
  return NULL;
}
