/* mp-criteria.c: the weighting criteria, program kinds and formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-criteria.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

static const char * const criterion_keys[MP_N_CRITERIA] = {
  "faculty", "scholarship", "funding", "flexibility", "brand",
};

static const char * const criterion_labels[MP_N_CRITERIA] = {
  N_("Faculty quality"),
  N_("Scholarship support"),
  N_("Funding"),
  N_("Schedule flexibility"),
  N_("Brand name"),
};

static const double article_weights[MP_N_CRITERIA] = { 90, 80, 75, 70, 50 };

static const char * const kind_keys[MP_N_PROGRAM_KINDS] = {
  "masters", "certificate", "fellowship", "short-course", "faculty-development",
};

static const char * const kind_labels[MP_N_PROGRAM_KINDS] = {
  N_("Master’s degree"),
  N_("Certificate"),
  N_("Fellowship"),
  N_("Short course"),
  N_("Faculty development"),
};

static const char * const format_keys[MP_N_PROGRAM_FORMATS] = {
  "online", "hybrid", "in-person",
};

static const char * const format_labels[MP_N_PROGRAM_FORMATS] = {
  N_("Online"),
  N_("Hybrid"),
  N_("In person"),
};

G_DEFINE_QUARK (mp-weights-error-quark, mp_weights_error)

static gboolean
lookup_key (const char * const *keys,
            guint               n_keys,
            const char         *key,
            int                *index)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < n_keys; i++)
    {
      if (strcmp (keys[i], key) == 0)
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
mp_criterion_get_key (MpCriterion criterion)
{
  g_return_val_if_fail (criterion < MP_N_CRITERIA, NULL);
  return criterion_keys[criterion];
}

const char *
mp_criterion_get_label (MpCriterion criterion)
{
  g_return_val_if_fail (criterion < MP_N_CRITERIA, NULL);
  return _(criterion_labels[criterion]);
}

gboolean
mp_criterion_from_key (const char  *key,
                       MpCriterion *criterion)
{
  int index;

  if (!lookup_key (criterion_keys, MP_N_CRITERIA, key, &index))
    return FALSE;
  if (criterion != NULL)
    *criterion = index;
  return TRUE;
}

void
mp_weights_init_article (MpWeights *weights)
{
  g_return_if_fail (weights != NULL);
  memcpy (weights->w, article_weights, sizeof weights->w);
}

void
mp_weights_init_equal (MpWeights *weights)
{
  g_return_if_fail (weights != NULL);
  for (guint i = 0; i < MP_N_CRITERIA; i++)
    weights->w[i] = 50;
}

gboolean
mp_weights_all_zero (const MpWeights *weights)
{
  g_return_val_if_fail (weights != NULL, TRUE);
  for (guint i = 0; i < MP_N_CRITERIA; i++)
    {
      if (weights->w[i] > 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
mp_weights_equal (const MpWeights *a,
                  const MpWeights *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  for (guint i = 0; i < MP_N_CRITERIA; i++)
    {
      if (a->w[i] != b->w[i])
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_weight_value (const char  *key,
                    const char  *text,
                    double      *value,
                    GError     **error)
{
  char *end = NULL;
  double v;

  /* Decimal only: g_ascii_strtod() would also read "0x10" and "inf". */
  v = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || text[strspn (text, "0123456789.+-eE")] != '\0' ||
      !isfinite (v))
    {
      g_set_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_NOT_A_NUMBER,
                   _("The weight of “%s” must be a number from 0 to 100, not “%s”"), key, text);
      return FALSE;
    }
  if (v < 0 || v > 100)
    {
      g_set_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_OUT_OF_RANGE,
                   _("The weight of “%s” must be from 0 to 100, not %s"), key, text);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

static gboolean
parse_weight_item (const char  *item,
                   MpWeights   *weights,
                   gboolean     seen[MP_N_CRITERIA],
                   GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (item, "=", 2);
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  MpCriterion c;

  key = g_strstrip (g_strdup (parts[0] != NULL ? parts[0] : ""));
  if (parts[0] == NULL || parts[1] == NULL)
    {
      g_set_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_SYNTAX,
                   _("“%s” is not of the form criterion=weight, e.g. faculty=90"), item);
      return FALSE;
    }
  if (!mp_criterion_from_key (key, &c))
    {
      g_set_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_UNKNOWN_KEY,
                   _("Unknown criterion “%s”; the criteria are faculty, scholarship, "
                     "funding, flexibility and brand"), key);
      return FALSE;
    }
  if (seen[c])
    {
      g_set_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_DUPLICATE,
                   _("The weight of “%s” is given twice"), key);
      return FALSE;
    }
  seen[c] = TRUE;
  value = g_strstrip (g_strdup (parts[1]));
  return parse_weight_value (key, value, &weights->w[c], error);
}

gboolean
mp_weights_parse (MpWeights   *weights,
                  const char  *spec,
                  GError     **error)
{
  g_auto(GStrv) items = NULL;
  gboolean seen[MP_N_CRITERIA] = { FALSE, };
  MpWeights parsed;

  g_return_val_if_fail (weights != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  /* Messages quote the spec: never copy bytes that are not text. */
  if (!g_utf8_validate (spec, -1, NULL))
    {
      g_set_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_SYNTAX,
                   _("The weights are not valid UTF-8 text; write e.g. faculty=90,brand=50"));
      return FALSE;
    }
  parsed = *weights;
  items = g_strsplit (spec, ",", -1);
  if (items[0] == NULL)
    {
      g_set_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_SYNTAX,
                   _("No weights given; write e.g. faculty=90,brand=50"));
      return FALSE;
    }
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (!parse_weight_item (items[i], &parsed, seen, error))
        return FALSE;
    }
  *weights = parsed;
  return TRUE;
}

char *
mp_weights_to_string (const MpWeights *weights)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (weights != NULL, NULL);

  for (guint i = 0; i < MP_N_CRITERIA; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (s, "%s%s=%s", i > 0 ? "," : "", criterion_keys[i],
                              g_ascii_dtostr (buf, sizeof buf, weights->w[i]));
    }
  return g_string_free (s, FALSE);
}

const char *
mp_program_kind_get_key (MpProgramKind kind)
{
  g_return_val_if_fail (kind < MP_N_PROGRAM_KINDS, NULL);
  return kind_keys[kind];
}

const char *
mp_program_kind_get_label (MpProgramKind kind)
{
  g_return_val_if_fail (kind < MP_N_PROGRAM_KINDS, NULL);
  return _(kind_labels[kind]);
}

gboolean
mp_program_kind_from_key (const char    *key,
                          MpProgramKind *kind)
{
  int index;

  if (!lookup_key (kind_keys, MP_N_PROGRAM_KINDS, key, &index))
    return FALSE;
  if (kind != NULL)
    *kind = index;
  return TRUE;
}

gboolean
mp_program_kind_is_alternative (MpProgramKind kind)
{
  return kind != MP_PROGRAM_KIND_MASTERS;
}

const char *
mp_program_format_get_key (MpProgramFormat format)
{
  g_return_val_if_fail (format < MP_N_PROGRAM_FORMATS, NULL);
  return format_keys[format];
}

const char *
mp_program_format_get_label (MpProgramFormat format)
{
  g_return_val_if_fail (format < MP_N_PROGRAM_FORMATS, NULL);
  return _(format_labels[format]);
}

gboolean
mp_program_format_from_key (const char      *key,
                            MpProgramFormat *format)
{
  int index;

  if (!lookup_key (format_keys, MP_N_PROGRAM_FORMATS, key, &index))
    return FALSE;
  if (format != NULL)
    *format = index;
  return TRUE;
}
