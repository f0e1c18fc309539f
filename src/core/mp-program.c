/* mp-program.c: one program that can be ranked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program.h"

#include <string.h>

#include "mp-program-rules.h"
#include "mp-utils.h"

struct _MpProgram
{
  GObject          parent_instance;

  char            *id;
  char            *name;
  char            *institution;
  char            *note;
  MpProgramKind    kind;
  MpProgramFormat  format;
  double           duration_years;
  double           hours_per_week;
  double           tuition;
  double           ratings[MP_N_CRITERIA];   /* the middle of each range */
  double           rating_lo[MP_N_CRITERIA];
  double           rating_hi[MP_N_CRITERIA];
  guint            unknown_ratings;          /* bit per criterion */
  gboolean         thesis;
  gboolean         user_defined;
};

G_DEFINE_FINAL_TYPE (MpProgram, mp_program, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_INSTITUTION,
  PROP_KIND,
  PROP_FORMAT,
  PROP_DURATION_YEARS,
  PROP_HOURS_PER_WEEK,
  PROP_TUITION,
  PROP_THESIS,
  PROP_NOTE,
  PROP_USER_DEFINED,
  PROP_RATING_FIRST,
  N_PROPS = PROP_RATING_FIRST + MP_N_CRITERIA
};

static GParamSpec *properties[N_PROPS];

static void
mp_program_finalize (GObject *object)
{
  MpProgram *self = MP_PROGRAM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->institution);
  g_free (self->note);

  G_OBJECT_CLASS (mp_program_parent_class)->finalize (object);
}

static void
mp_program_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpProgram *self = MP_PROGRAM (object);

  if (prop_id >= PROP_RATING_FIRST && prop_id < N_PROPS)
    {
      g_value_set_double (value, self->ratings[prop_id - PROP_RATING_FIRST]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_INSTITUTION: g_value_set_string (value, self->institution); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_FORMAT: g_value_set_int (value, self->format); break;
    case PROP_DURATION_YEARS: g_value_set_double (value, self->duration_years); break;
    case PROP_HOURS_PER_WEEK: g_value_set_double (value, self->hours_per_week); break;
    case PROP_TUITION: g_value_set_double (value, self->tuition); break;
    case PROP_THESIS: g_value_set_boolean (value, self->thesis); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_USER_DEFINED: g_value_set_boolean (value, self->user_defined); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_program_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MpProgram *self = MP_PROGRAM (object);

  if (prop_id >= PROP_RATING_FIRST && prop_id < N_PROPS)
    {
      mp_program_set_rating (self, prop_id - PROP_RATING_FIRST, g_value_get_double (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      /* Construct-only: the id is what the store finds a program by. */
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME: mp_program_set_name (self, g_value_get_string (value)); break;
    case PROP_INSTITUTION: mp_program_set_institution (self, g_value_get_string (value)); break;
    case PROP_KIND: mp_program_set_kind (self, g_value_get_int (value)); break;
    case PROP_FORMAT: mp_program_set_format (self, g_value_get_int (value)); break;
    case PROP_DURATION_YEARS: mp_program_set_duration_years (self, g_value_get_double (value)); break;
    case PROP_HOURS_PER_WEEK: mp_program_set_hours_per_week (self, g_value_get_double (value)); break;
    case PROP_TUITION: mp_program_set_tuition (self, g_value_get_double (value)); break;
    case PROP_THESIS: mp_program_set_thesis (self, g_value_get_boolean (value)); break;
    case PROP_NOTE: mp_program_set_note (self, g_value_get_string (value)); break;
    case PROP_USER_DEFINED: mp_program_set_user_defined (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char  *name,
                 GParamFlags  extra)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS | extra);
}

static GParamSpec *
double_property (const char *name,
                 double      max)
{
  return g_param_spec_double (name, NULL, NULL, 0, max, 0,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS);
}

static void
mp_program_class_init (MpProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const rating_names[MP_N_CRITERIA] = {
    "rating-faculty", "rating-scholarship", "rating-funding",
    "rating-flexibility", "rating-brand",
  };

  object_class->finalize = mp_program_finalize;
  object_class->get_property = mp_program_get_property;
  object_class->set_property = mp_program_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                             G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = string_property ("name", 0);
  properties[PROP_INSTITUTION] = string_property ("institution", 0);
  properties[PROP_NOTE] = string_property ("note", 0);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, MP_N_PROGRAM_KINDS - 1,
                                            MP_PROGRAM_KIND_MASTERS, flags);
  properties[PROP_FORMAT] = g_param_spec_int ("format", NULL, NULL, 0, MP_N_PROGRAM_FORMATS - 1,
                                              MP_PROGRAM_FORMAT_ONLINE, flags);
  properties[PROP_DURATION_YEARS] = double_property ("duration-years",
                                                     mp_program_rules_get_max (MP_PROGRAM_VALUE_DURATION_YEARS));
  properties[PROP_HOURS_PER_WEEK] = double_property ("hours-per-week",
                                                     mp_program_rules_get_max (MP_PROGRAM_VALUE_HOURS_PER_WEEK));
  properties[PROP_TUITION] = double_property ("tuition",
                                              mp_program_rules_get_max (MP_PROGRAM_VALUE_TUITION));
  properties[PROP_THESIS] = boolean_property ("thesis");
  properties[PROP_USER_DEFINED] = boolean_property ("user-defined");
  /* "rating-faculty" … "rating-brand", 0–10 */
  for (guint i = 0; i < MP_N_CRITERIA; i++)
    properties[PROP_RATING_FIRST + i] = double_property (rating_names[i],
                                                        mp_program_rules_get_max (MP_PROGRAM_VALUE_RATING));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_program_init (MpProgram *self)
{
  self->name = g_strdup ("");
  self->institution = g_strdup ("");
  self->note = g_strdup ("");
}

MpProgram *
mp_program_new (const char *id,
                const char *name)
{
  MpProgram *self;

  g_return_val_if_fail (id != NULL, NULL);

  /* Fields set directly: readers make a million of these, and the property
   * machinery would be most of their cost. */
  self = g_object_new (MP_TYPE_PROGRAM, NULL);
  self->id = g_strdup (id);
  mp_utils_set_str (&self->name, name != NULL ? name : "");
  return self;
}

MpProgram *
mp_program_copy (MpProgram *self)
{
  MpProgram *copy;

  g_return_val_if_fail (MP_IS_PROGRAM (self), NULL);

  copy = mp_program_new (self->id, self->name);
  mp_utils_set_str (&copy->institution, self->institution);
  mp_utils_set_str (&copy->note, self->note);
  copy->kind = self->kind;
  copy->format = self->format;
  copy->duration_years = self->duration_years;
  copy->hours_per_week = self->hours_per_week;
  copy->tuition = self->tuition;
  copy->thesis = self->thesis;
  copy->user_defined = self->user_defined;
  memcpy (copy->ratings, self->ratings, sizeof copy->ratings);
  memcpy (copy->rating_lo, self->rating_lo, sizeof copy->rating_lo);
  memcpy (copy->rating_hi, self->rating_hi, sizeof copy->rating_hi);
  copy->unknown_ratings = self->unknown_ratings;
  return copy;
}

gboolean
mp_program_equal (MpProgram *a,
                  MpProgram *b)
{
  g_return_val_if_fail (MP_IS_PROGRAM (a) && MP_IS_PROGRAM (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->institution, b->institution) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         a->kind == b->kind &&
         a->format == b->format &&
         a->duration_years == b->duration_years &&
         a->hours_per_week == b->hours_per_week &&
         a->tuition == b->tuition &&
         a->thesis == b->thesis &&
         a->user_defined == b->user_defined &&
         memcmp (a->ratings, b->ratings, sizeof a->ratings) == 0 &&
         memcmp (a->rating_lo, b->rating_lo, sizeof a->rating_lo) == 0 &&
         memcmp (a->rating_hi, b->rating_hi, sizeof a->rating_hi) == 0 &&
         a->unknown_ratings == b->unknown_ratings;
}

const char *
mp_program_get_id (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), NULL);
  return self->id;
}

static void
set_string (MpProgram   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (mp_utils_set_str (field, value != NULL ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_double (MpProgram *self,
            double    *field,
            double     value,
            guint      prop_id)
{
  value = mp_program_rules_round (value);
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
mp_program_get_name (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), NULL);
  return self->name;
}

void
mp_program_set_name (MpProgram  *self,
                     const char *name)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
mp_program_get_institution (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), NULL);
  return self->institution;
}

void
mp_program_set_institution (MpProgram  *self,
                            const char *institution)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  set_string (self, &self->institution, institution, PROP_INSTITUTION);
}

MpProgramKind
mp_program_get_kind (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), MP_PROGRAM_KIND_MASTERS);
  return self->kind;
}

void
mp_program_set_kind (MpProgram     *self,
                     MpProgramKind  kind)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  g_return_if_fail (kind < MP_N_PROGRAM_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

MpProgramFormat
mp_program_get_format (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), MP_PROGRAM_FORMAT_ONLINE);
  return self->format;
}

void
mp_program_set_format (MpProgram       *self,
                       MpProgramFormat  format)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  g_return_if_fail (format < MP_N_PROGRAM_FORMATS);

  if (self->format == format)
    return;
  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

double
mp_program_get_duration_years (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), 0);
  return self->duration_years;
}

void
mp_program_set_duration_years (MpProgram *self,
                               double     years)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  g_return_if_fail (mp_program_rules_in_range (MP_PROGRAM_VALUE_DURATION_YEARS, years));
  set_double (self, &self->duration_years, years, PROP_DURATION_YEARS);
}

double
mp_program_get_hours_per_week (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), 0);
  return self->hours_per_week;
}

void
mp_program_set_hours_per_week (MpProgram *self,
                               double     hours)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  g_return_if_fail (mp_program_rules_in_range (MP_PROGRAM_VALUE_HOURS_PER_WEEK, hours));
  set_double (self, &self->hours_per_week, hours, PROP_HOURS_PER_WEEK);
}

double
mp_program_get_tuition (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), 0);
  return self->tuition;
}

void
mp_program_set_tuition (MpProgram *self,
                        double     usd)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  g_return_if_fail (mp_program_rules_in_range (MP_PROGRAM_VALUE_TUITION, usd));
  set_double (self, &self->tuition, usd, PROP_TUITION);
}

gboolean
mp_program_get_thesis (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), FALSE);
  return self->thesis;
}

void
mp_program_set_thesis (MpProgram *self,
                       gboolean   thesis)
{
  g_return_if_fail (MP_IS_PROGRAM (self));

  thesis = !!thesis;
  if (self->thesis == thesis)
    return;
  self->thesis = thesis;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THESIS]);
}

const char *
mp_program_get_note (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), NULL);
  return self->note;
}

void
mp_program_set_note (MpProgram  *self,
                     const char *note)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  set_string (self, &self->note, note, PROP_NOTE);
}

gboolean
mp_program_get_user_defined (MpProgram *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), FALSE);
  return self->user_defined;
}

void
mp_program_set_user_defined (MpProgram *self,
                             gboolean   user_defined)
{
  g_return_if_fail (MP_IS_PROGRAM (self));

  user_defined = !!user_defined;
  if (self->user_defined == user_defined)
    return;
  self->user_defined = user_defined;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_DEFINED]);
}

/* Every rating setter ends here: the range, its middle (what the plain
 * ranking uses) and whether it is unknown change together. */
static void
store_rating (MpProgram   *self,
              MpCriterion  criterion,
              double       lo,
              double       hi,
              gboolean     unknown)
{
  guint bit = 1u << criterion;
  gboolean was_unknown = (self->unknown_ratings & bit) != 0;

  lo = mp_program_rules_round (lo);
  hi = mp_program_rules_round (hi);
  if (self->rating_lo[criterion] == lo && self->rating_hi[criterion] == hi &&
      was_unknown == unknown)
    return;
  self->rating_lo[criterion] = lo;
  self->rating_hi[criterion] = hi;
  self->ratings[criterion] = lo == hi ? lo : (lo + hi) / 2;
  self->unknown_ratings = unknown ? self->unknown_ratings | bit : self->unknown_ratings & ~bit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING_FIRST + criterion]);
}

double
mp_program_get_rating (MpProgram   *self,
                       MpCriterion  criterion)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), 0);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, 0);
  return self->ratings[criterion];
}

void
mp_program_set_rating (MpProgram   *self,
                       MpCriterion  criterion,
                       double       rating)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  g_return_if_fail (criterion < MP_N_CRITERIA);
  g_return_if_fail (mp_program_rules_in_range (MP_PROGRAM_VALUE_RATING, rating));
  store_rating (self, criterion, rating, rating, FALSE);
}

void
mp_program_get_rating_range (MpProgram   *self,
                             MpCriterion  criterion,
                             double      *lo,
                             double      *hi)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  g_return_if_fail (criterion < MP_N_CRITERIA);

  if (lo != NULL)
    *lo = self->rating_lo[criterion];
  if (hi != NULL)
    *hi = self->rating_hi[criterion];
}

void
mp_program_set_rating_range (MpProgram   *self,
                             MpCriterion  criterion,
                             double       lo,
                             double       hi)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  g_return_if_fail (criterion < MP_N_CRITERIA);
  g_return_if_fail (mp_program_rules_in_range (MP_PROGRAM_VALUE_RATING, lo));
  g_return_if_fail (mp_program_rules_in_range (MP_PROGRAM_VALUE_RATING, hi));
  g_return_if_fail (lo <= hi);
  store_rating (self, criterion, lo, hi, FALSE);
}

gboolean
mp_program_get_rating_unknown (MpProgram   *self,
                               MpCriterion  criterion)
{
  g_return_val_if_fail (MP_IS_PROGRAM (self), FALSE);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, FALSE);
  return (self->unknown_ratings & (1u << criterion)) != 0;
}

void
mp_program_set_rating_unknown (MpProgram   *self,
                               MpCriterion  criterion)
{
  g_return_if_fail (MP_IS_PROGRAM (self));
  g_return_if_fail (criterion < MP_N_CRITERIA);
  store_rating (self, criterion, 0, mp_program_rules_get_max (MP_PROGRAM_VALUE_RATING), TRUE);
}
