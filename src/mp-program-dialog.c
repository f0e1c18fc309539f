/* mp-program-dialog.c: add or edit one of the user's own programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-program-rules.h"

typedef enum {
  FIELD_NAME,
  FIELD_INSTITUTION,
  FIELD_DURATION,
  FIELD_HOURS,
  FIELD_TUITION,
  FIELD_NOTE,
  FIELD_FIRST_RATING,
  N_FIELDS = FIELD_FIRST_RATING + MP_N_CRITERIA
} Field;

typedef enum {
  CHECK_NONE,
  CHECK_REQUIRED,
  CHECK_NON_NEGATIVE,
  CHECK_RATING,
} Check;

typedef struct {
  const char *key;
  const char *label;
  Check       check;
} FieldInfo;

static const FieldInfo field_info[FIELD_FIRST_RATING] = {
  { "name", N_("_Name"), CHECK_REQUIRED },
  { "institution", N_("_Institution"), CHECK_NONE },
  { "duration", N_("_Duration (years)"), CHECK_NON_NEGATIVE },
  { "hours", N_("_Hours per week"), CHECK_NON_NEGATIVE },
  { "tuition", N_("_Tuition (US$)"), CHECK_NON_NEGATIVE },
  { "note", N_("N_ote"), CHECK_NONE },
};

struct _MpProgramDialog
{
  GtkWindow    parent_instance;

  GtkGrid     *form_grid;
  GtkWidget   *save_button;
  GtkDropDown *kind_dropdown;
  GtkDropDown *format_dropdown;
  GtkWidget   *thesis_check;

  GtkWidget   *entries[N_FIELDS];
  /* A rating the user is not sure of: the entry is the range's lower end. */
  GtkWidget   *unsure_checks[MP_N_CRITERIA];
  GtkWidget   *range_boxes[MP_N_CRITERIA];
  GtkWidget   *high_entries[MP_N_CRITERIA];
  GtkWidget   *messages[N_FIELDS];
  gboolean     touched[N_FIELDS];
  int          row;

  MpProgram   *original;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpProgramDialog, mp_program_dialog, GTK_TYPE_WINDOW)

static const char *
field_key (Field field)
{
  return field < FIELD_FIRST_RATING ? field_info[field].key
                                    : mp_criterion_get_key (field - FIELD_FIRST_RATING);
}

static Check
field_check (Field field)
{
  return field < FIELD_FIRST_RATING ? field_info[field].check : CHECK_RATING;
}

static MpProgramValue
field_rule (Field field)
{
  switch (field)
    {
    case FIELD_DURATION: return MP_PROGRAM_VALUE_DURATION_YEARS;
    case FIELD_HOURS: return MP_PROGRAM_VALUE_HOURS_PER_WEEK;
    case FIELD_TUITION: return MP_PROGRAM_VALUE_TUITION;
    default: return MP_PROGRAM_VALUE_RATING;
    }
}

/* The rules live in the model (mp-program-rules.c): the dialog accepts what
 * the loaders accept. Returns an error, or NULL with @hint saying how a
 * number was read when it was not written plainly. */
static char *
validate (Field        field,
          const char  *text,
          char       **hint)
{
  double value;
  char *message;

  *hint = NULL;
  switch (field_check (field))
    {
    case CHECK_REQUIRED:
      return mp_program_rules_name_is_valid (text) ? NULL : g_strdup (_("Enter a name."));
    case CHECK_NON_NEGATIVE:
    case CHECK_RATING:
      message = mp_program_rules_parse (field_rule (field), text, &value);
      if (message == NULL)
        *hint = mp_program_rules_describe_reading (text, value);
      return message;
    case CHECK_NONE:
    default:
      return NULL;
    }
}

static gboolean
rating_is_unsure (MpProgramDialog *self,
                  Field            field)
{
  return field >= FIELD_FIRST_RATING &&
         gtk_check_button_get_active (GTK_CHECK_BUTTON (self->unsure_checks[field - FIELD_FIRST_RATING]));
}

/* A range, or both ends empty for unknown: the loaders' rule. */
static char *
validate_range (MpProgramDialog *self,
                Field            field,
                double          *lo,
                double          *hi,
                gboolean        *unknown)
{
  GtkWidget *high = self->high_entries[field - FIELD_FIRST_RATING];

  return mp_program_rules_parse_rating_range (gtk_editable_get_text (GTK_EDITABLE (self->entries[field])),
                                              gtk_editable_get_text (GTK_EDITABLE (high)),
                                              lo, hi, unknown);
}

static gboolean
check_field (MpProgramDialog *self,
             Field            field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entries[field]));
  g_autofree char *hint = NULL;
  g_autofree char *message = NULL;
  double lo, hi;
  gboolean unknown;

  if (rating_is_unsure (self, field))
    message = validate_range (self, field, &lo, &hi, &unknown);
  else
    message = validate (field, text, &hint);
  gboolean show = message != NULL && self->touched[field];
  const char *shown = message != NULL ? message : hint;

  gtk_label_set_label (GTK_LABEL (self->messages[field]), shown != NULL ? shown : "");
  gtk_widget_set_visible (self->messages[field], show || (hint != NULL && self->touched[field]));
  if (show)
    {
      gtk_widget_add_css_class (self->entries[field], "error");
      gtk_widget_add_css_class (self->messages[field], "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->entries[field], "error");
      gtk_widget_remove_css_class (self->messages[field], "error");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entries[field]),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, show ? message : "",
                                  -1);
  return message == NULL;
}

static void
on_entry_changed (GtkEditable     *entry,
                  MpProgramDialog *self)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->entries[f] == GTK_WIDGET (entry))
      {
        self->touched[f] = TRUE;
        check_field (self, f);
      }
}

static void
on_range_changed (MpProgramDialog *self)
{
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      gboolean unsure = rating_is_unsure (self, FIELD_FIRST_RATING + c);

      gtk_widget_set_visible (self->range_boxes[c], unsure);
      if (gtk_widget_has_focus (self->high_entries[c]))
        self->touched[FIELD_FIRST_RATING + c] = TRUE;
      check_field (self, FIELD_FIRST_RATING + c);
    }
}

/* "Not sure" beside a rating opens its range: the entry is the lower end,
 * and both ends empty mean unknown. */
static void
add_range (MpProgramDialog *self,
           MpCriterion      criterion,
           int              row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *range = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new_with_label (_("Not sure"));
  GtkWidget *high = gtk_entry_new ();
  /* Translators: between the two ends of a rating range, "6 to 8" */
  GtkWidget *to = gtk_label_new (_("to"));
  /* Translators: what a screen reader says for the upper end of a rating range */
  g_autofree char *spoken = g_strdup_printf (_("%s, highest rating"),
                                             mp_criterion_get_label (criterion));

  gtk_widget_set_tooltip_text (check, _("Give a range, or leave both ends empty if you do not "
                                        "know"));
  gtk_editable_set_width_chars (GTK_EDITABLE (high), 5);
  gtk_entry_set_input_purpose (GTK_ENTRY (high), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_activates_default (GTK_ENTRY (high), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (high), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_box_append (GTK_BOX (range), to);
  gtk_box_append (GTK_BOX (range), high);
  gtk_widget_set_visible (range, FALSE);
  gtk_box_append (GTK_BOX (box), range);
  gtk_box_append (GTK_BOX (box), check);
  gtk_grid_attach (self->form_grid, box, 2, row, 1, 1);
  self->unsure_checks[criterion] = check;
  self->range_boxes[criterion] = range;
  self->high_entries[criterion] = high;
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_range_changed), self);
  g_signal_connect_swapped (high, "changed", G_CALLBACK (on_range_changed), self);
}

static GtkWidget *
attach_labelled (MpProgramDialog *self,
                 const char      *label_text,
                 GtkWidget       *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (self->form_grid, label, 0, self->row, 1, 1);
  gtk_grid_attach (self->form_grid, widget, 1, self->row, 1, 1);
  self->row++;
  return label;
}

static void
add_entry (MpProgramDialog *self,
           Field            field,
           const char      *label_text)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *message = gtk_label_new (NULL);

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (field_check (field) == CHECK_NON_NEGATIVE || field_check (field) == CHECK_RATING)
    gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  attach_labelled (self, label_text, entry);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_set_visible (message, FALSE);
  gtk_grid_attach (self->form_grid, message, 1, self->row++, 1, 1);
  self->entries[field] = entry;
  self->messages[field] = message;
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), self);
}

static GtkDropDown *
add_dropdown (MpProgramDialog *self,
              const char      *label_text,
              GtkStringList   *strings)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (strings), NULL);

  attach_labelled (self, label_text, dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static void
build_form (MpProgramDialog *self)
{
  GtkStringList *kinds = gtk_string_list_new (NULL);
  GtkStringList *formats = gtk_string_list_new (NULL);
  GtkWidget *heading;

  for (MpProgramKind k = 0; k < MP_N_PROGRAM_KINDS; k++)
    gtk_string_list_append (kinds, mp_program_kind_get_label (k));
  for (MpProgramFormat f = 0; f < MP_N_PROGRAM_FORMATS; f++)
    gtk_string_list_append (formats, mp_program_format_get_label (f));
  add_entry (self, FIELD_NAME, _(field_info[FIELD_NAME].label));
  add_entry (self, FIELD_INSTITUTION, _(field_info[FIELD_INSTITUTION].label));
  self->kind_dropdown = add_dropdown (self, _("_Kind"), kinds);
  self->format_dropdown = add_dropdown (self, _("_Format"), formats);
  for (Field f = FIELD_DURATION; f <= FIELD_NOTE; f++)
    add_entry (self, f, _(field_info[f].label));
  self->thesis_check = gtk_check_button_new_with_mnemonic (_("Includes a _thesis or capstone"));
  gtk_grid_attach (self->form_grid, self->thesis_check, 1, self->row++, 1, 1);

  heading = gtk_label_new (_("Ratings, from 0 (poor) to 10 (excellent)"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_grid_attach (self->form_grid, heading, 0, self->row++, 2, 1);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      add_entry (self, FIELD_FIRST_RATING + c, mp_criterion_get_label (c));
      add_range (self, c, self->row - 2);
    }
}

static void
set_number (MpProgramDialog *self,
            Field            field,
            double           value)
{
  g_autofree char *text = mp_program_rules_format (value);

  gtk_editable_set_text (GTK_EDITABLE (self->entries[field]), text);
}

static void
fill_rating (MpProgramDialog *self,
             MpProgram       *p,
             MpCriterion      c)
{
  double lo, hi;
  g_autofree char *high = NULL;

  mp_program_get_rating_range (p, c, &lo, &hi);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->unsure_checks[c]), lo != hi);
  if (lo == hi)
    {
      set_number (self, FIELD_FIRST_RATING + c, lo);
      return;
    }
  if (mp_program_get_rating_unknown (p, c))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entries[FIELD_FIRST_RATING + c]), "");
      gtk_editable_set_text (GTK_EDITABLE (self->high_entries[c]), "");
      return;
    }
  set_number (self, FIELD_FIRST_RATING + c, lo);
  high = mp_program_rules_format (hi);
  gtk_editable_set_text (GTK_EDITABLE (self->high_entries[c]), high);
}

static void
fill_from (MpProgramDialog *self,
           MpProgram       *p)
{
  const char *institution = mp_program_get_institution (p);
  const char *note = mp_program_get_note (p);

  gtk_editable_set_text (GTK_EDITABLE (self->entries[FIELD_NAME]), mp_program_get_name (p));
  gtk_editable_set_text (GTK_EDITABLE (self->entries[FIELD_INSTITUTION]),
                         institution != NULL ? institution : "");
  gtk_editable_set_text (GTK_EDITABLE (self->entries[FIELD_NOTE]), note != NULL ? note : "");
  set_number (self, FIELD_DURATION, mp_program_get_duration_years (p));
  set_number (self, FIELD_HOURS, mp_program_get_hours_per_week (p));
  set_number (self, FIELD_TUITION, mp_program_get_tuition (p));
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    fill_rating (self, p, c);
  gtk_drop_down_set_selected (self->kind_dropdown, mp_program_get_kind (p));
  gtk_drop_down_set_selected (self->format_dropdown, mp_program_get_format (p));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->thesis_check), mp_program_get_thesis (p));
}

static void
fill_defaults (MpProgramDialog *self)
{
  set_number (self, FIELD_DURATION, 1);
  set_number (self, FIELD_HOURS, 10);
  set_number (self, FIELD_TUITION, 0);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    set_number (self, FIELD_FIRST_RATING + c, 5);
}

static double
field_number (MpProgramDialog *self,
              Field            field)
{
  g_autofree char *message = NULL;
  double value = 0;

  message = mp_program_rules_parse (field_rule (field),
                                    gtk_editable_get_text (GTK_EDITABLE (self->entries[field])),
                                    &value);
  g_assert (message == NULL);
  return value;
}

static const char *
field_text (MpProgramDialog *self,
            Field            field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->entries[field]));
}

static void
set_rating (MpProgramDialog *self,
            MpProgram       *p,
            MpCriterion      c)
{
  g_autofree char *message = NULL;
  double lo, hi;
  gboolean unknown;

  if (!rating_is_unsure (self, FIELD_FIRST_RATING + c))
    {
      mp_program_set_rating (p, c, field_number (self, FIELD_FIRST_RATING + c));
      return;
    }
  message = validate_range (self, FIELD_FIRST_RATING + c, &lo, &hi, &unknown);
  g_assert (message == NULL);
  if (unknown)
    mp_program_set_rating_unknown (p, c);
  else if (lo == hi)
    mp_program_set_rating (p, c, lo);
  else
    mp_program_set_rating_range (p, c, lo, hi);
}

static MpProgram *
build_program (MpProgramDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (field_text (self, FIELD_NAME)));
  MpProgram *p;

  if (self->original != NULL)
    {
      p = mp_program_copy (self->original);
      mp_program_set_name (p, name);
    }
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *id = g_strconcat ("user-", uuid, NULL);

      p = mp_program_new (id, name);
    }
  mp_program_set_user_defined (p, TRUE);
  mp_program_set_institution (p, field_text (self, FIELD_INSTITUTION));
  mp_program_set_note (p, field_text (self, FIELD_NOTE));
  mp_program_set_kind (p, gtk_drop_down_get_selected (self->kind_dropdown));
  mp_program_set_format (p, gtk_drop_down_get_selected (self->format_dropdown));
  mp_program_set_thesis (p, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->thesis_check)));
  mp_program_set_duration_years (p, field_number (self, FIELD_DURATION));
  mp_program_set_hours_per_week (p, field_number (self, FIELD_HOURS));
  mp_program_set_tuition (p, field_number (self, FIELD_TUITION));
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    set_rating (self, p, c);
  return p;
}

static void
on_save_clicked (MpProgramDialog *self)
{
  mp_program_dialog_save (self);
}

static void
mp_program_dialog_dispose (GObject *object)
{
  MpProgramDialog *self = MP_PROGRAM_DIALOG (object);

  g_clear_object (&self->original);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_PROGRAM_DIALOG);
  G_OBJECT_CLASS (mp_program_dialog_parent_class)->dispose (object);
}

static void
mp_program_dialog_class_init (MpProgramDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_program_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, MP_TYPE_PROGRAM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mp-program-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpProgramDialog, form_grid);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mp_program_dialog_init (MpProgramDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_form (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

MpProgramDialog *
mp_program_dialog_new (GtkWindow *parent,
                       MpProgram *program)
{
  MpProgramDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (program == NULL || MP_IS_PROGRAM (program), NULL);

  self = g_object_new (MP_TYPE_PROGRAM_DIALOG,
                       "transient-for", parent,
                       "title", program != NULL ? _("Edit Program") : _("Add Program"),
                       NULL);
  if (program != NULL)
    {
      self->original = g_object_ref (program);
      fill_from (self, program);
    }
  else
    fill_defaults (self);
  memset (self->touched, 0, sizeof self->touched);
  for (guint f = 0; f < N_FIELDS; f++)
    check_field (self, f);
  gtk_widget_grab_focus (self->entries[FIELD_NAME]);
  return self;
}

MpProgramDialog *
mp_program_dialog_new_from (GtkWindow *parent,
                            MpProgram *template)
{
  MpProgramDialog *self;

  g_return_val_if_fail (MP_IS_PROGRAM (template), NULL);

  self = mp_program_dialog_new (parent, NULL);
  fill_from (self, template);
  memset (self->touched, 0, sizeof self->touched);
  for (guint f = 0; f < N_FIELDS; f++)
    check_field (self, f);
  return self;
}

static int
field_from_key (const char *key)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field_key (f), key) == 0)
      return f;
  return -1;
}

GtkEditable *
mp_program_dialog_get_field (MpProgramDialog *self,
                             const char      *key)
{
  int field = field_from_key (key);

  g_return_val_if_fail (MP_IS_PROGRAM_DIALOG (self), NULL);
  g_return_val_if_fail (field >= 0, NULL);
  return GTK_EDITABLE (self->entries[field]);
}

const char *
mp_program_dialog_get_message (MpProgramDialog *self,
                               const char      *key)
{
  int field = field_from_key (key);

  g_return_val_if_fail (MP_IS_PROGRAM_DIALOG (self), NULL);
  g_return_val_if_fail (field >= 0, NULL);
  if (!gtk_widget_get_visible (self->messages[field]) ||
      !gtk_widget_has_css_class (self->messages[field], "error"))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (self->messages[field]));
}

const char *
mp_program_dialog_get_hint (MpProgramDialog *self,
                            const char      *key)
{
  int field = field_from_key (key);

  g_return_val_if_fail (MP_IS_PROGRAM_DIALOG (self), NULL);
  g_return_val_if_fail (field >= 0, NULL);
  if (!gtk_widget_get_visible (self->messages[field]) ||
      gtk_widget_has_css_class (self->messages[field], "error"))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (self->messages[field]));
}

void
mp_program_dialog_set_kind (MpProgramDialog *self,
                            MpProgramKind    kind)
{
  g_return_if_fail (MP_IS_PROGRAM_DIALOG (self));
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

gboolean
mp_program_dialog_save (MpProgramDialog *self)
{
  g_autoptr(MpProgram) program = NULL;
  gboolean valid = TRUE;
  int first_invalid = -1;

  g_return_val_if_fail (MP_IS_PROGRAM_DIALOG (self), FALSE);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      self->touched[f] = TRUE;
      if (!check_field (self, f) && first_invalid < 0)
        first_invalid = f;
    }
  valid = first_invalid < 0;
  if (!valid)
    {
      gtk_widget_grab_focus (self->entries[first_invalid]);
      return FALSE;
    }
  program = build_program (self);
  g_signal_emit (self, signals[SAVED], 0, program);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
mp_program_dialog_set_unsure (MpProgramDialog *self,
                              MpCriterion      criterion,
                              gboolean         unsure)
{
  g_return_if_fail (MP_IS_PROGRAM_DIALOG (self));
  g_return_if_fail (criterion < MP_N_CRITERIA);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->unsure_checks[criterion]), unsure);
}

GtkEditable *
mp_program_dialog_get_high_field (MpProgramDialog *self,
                                  MpCriterion      criterion)
{
  g_return_val_if_fail (MP_IS_PROGRAM_DIALOG (self), NULL);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, NULL);
  return GTK_EDITABLE (self->high_entries[criterion]);
}
