/* mp-brief-notes.c: the user's choice and why, for the decision brief
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-brief-notes.h"

#include "mp-utils.h"

struct _MpBriefNotes
{
  GObject  parent_instance;
  char    *choice;
  char    *why;
};

G_DEFINE_FINAL_TYPE (MpBriefNotes, mp_brief_notes, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHOICE,
  PROP_WHY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mp_brief_notes_finalize (GObject *object)
{
  MpBriefNotes *self = MP_BRIEF_NOTES (object);

  g_free (self->choice);
  g_free (self->why);
  G_OBJECT_CLASS (mp_brief_notes_parent_class)->finalize (object);
}

static void
mp_brief_notes_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MpBriefNotes *self = MP_BRIEF_NOTES (object);

  switch (prop_id)
    {
    case PROP_CHOICE:
      g_value_set_string (value, self->choice);
      break;
    case PROP_WHY:
      g_value_set_string (value, self->why);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_brief_notes_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MpBriefNotes *self = MP_BRIEF_NOTES (object);

  switch (prop_id)
    {
    case PROP_CHOICE:
      mp_brief_notes_set_choice (self, g_value_get_string (value));
      break;
    case PROP_WHY:
      mp_brief_notes_set_why (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_brief_notes_class_init (MpBriefNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_brief_notes_finalize;
  object_class->get_property = mp_brief_notes_get_property;
  object_class->set_property = mp_brief_notes_set_property;

  properties[PROP_CHOICE] =
    g_param_spec_string ("choice", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHY] =
    g_param_spec_string ("why", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_brief_notes_init (MpBriefNotes *self)
{
  self->choice = g_strdup ("");
  self->why = g_strdup ("");
}

MpBriefNotes *
mp_brief_notes_new (GSettings *settings)
{
  MpBriefNotes *self = g_object_new (MP_TYPE_BRIEF_NOTES, NULL);

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), self);

  if (settings != NULL)
    {
      g_settings_bind (settings, "brief-choice", self, "choice", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "brief-why", self, "why", G_SETTINGS_BIND_DEFAULT);
    }
  return self;
}

const char *
mp_brief_notes_get_choice (MpBriefNotes *self)
{
  g_return_val_if_fail (MP_IS_BRIEF_NOTES (self), NULL);
  return self->choice;
}

void
mp_brief_notes_set_choice (MpBriefNotes *self,
                           const char   *choice)
{
  g_return_if_fail (MP_IS_BRIEF_NOTES (self));

  if (mp_utils_set_str (&self->choice, choice != NULL ? choice : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
}

const char *
mp_brief_notes_get_why (MpBriefNotes *self)
{
  g_return_val_if_fail (MP_IS_BRIEF_NOTES (self), NULL);
  return self->why;
}

void
mp_brief_notes_set_why (MpBriefNotes *self,
                        const char   *why)
{
  g_return_if_fail (MP_IS_BRIEF_NOTES (self));

  if (mp_utils_set_str (&self->why, why != NULL ? why : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHY]);
}
