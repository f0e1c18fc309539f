/* mp-circumstances-button.c: "My circumstances", a button with a popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-circumstances-button.h"

#include <glib/gi18n.h>

#include "mp-utils.h"

struct _MpCircumstancesButton
{
  GtkWidget    parent_instance;

  GtkWidget   *button;
  GtkDropDown *funding_dropdown;
  GtkEntry    *amount_entry;
  GtkEntry    *hours_entry;
  GtkEntry    *value_entry;
  GtkLabel    *error_label;

  MpPlanner   *planner;
  gboolean     syncing;  /* the entries are being filled from the planner */
  gboolean     applying; /* the planner is being set from the entries */
};

G_DEFINE_FINAL_TYPE (MpCircumstancesButton, mp_circumstances_button, GTK_TYPE_WIDGET)

/* "12000", "12000.5": what the parsers read back. */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

static void
set_entry_text (GtkEntry *entry,
                double    value)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *text = NULL;

  /* Leave what the user is typing ("12000.", a bad value) alone unless the
   * planner's value changed from elsewhere. */
  if (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"))
    return;
  if (*current == '\0' ? value < 0 : g_ascii_strtod (current, NULL) == value)
    return;
  text = value >= 0 ? format_number (value) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Not set_sensitive(): in GTK 4.8, making a control of the closed popover
 * insensitive moved the window's focus (the keyboard test caught it). */
static void
set_amount_editable (MpCircumstancesButton *self,
                     gboolean               editable)
{
  gtk_editable_set_editable (GTK_EDITABLE (self->amount_entry), editable);
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_entry), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_entry), "dim-label");
}

static void
update_label (MpCircumstancesButton *self,
              const MpCircumstances *c)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (c->funding == MP_FUNDING_ALL)
    text = g_strdup (_("Funded"));
  else if (c->funding == MP_FUNDING_AMOUNT)
    {
      g_autofree char *amount = mp_utils_format_usd (c->funding_usd);

      /* Translators: the circumstances button when the user expects some
       * funding; %s is the amount, e.g. "$12,000 funded" */
      text = g_strdup_printf (_("%s funded"), amount);
    }
  else
    text = g_strdup (_("No funding"));
  if (c->hours_per_week >= 0)
    {
      g_autofree char *funding = g_steal_pointer (&text);

      /* Translators: the circumstances button: the funding, then the hours a week the user can give */
      text = g_strdup_printf (_("%s · %g h/wk"), funding, c->hours_per_week);
    }
  /* An icon keeps the toolbar narrow (the window must fit 600 px); the
   * summary goes to the tooltip and to screen readers. */
  tooltip = g_strdup_printf (_("My circumstances: %s"), text);
  gtk_widget_set_tooltip_text (self->button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
sync_from_planner (MpCircumstancesButton *self)
{
  MpCircumstances c;

  mp_planner_get_circumstances (self->planner, &c);
  /* The user's own edit changed the planner: refilling the fields now would
   * land between the halves of a replace (delete, then insert). */
  if (self->applying)
    {
      update_label (self, &c);
      return;
    }
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->funding_dropdown, c.funding);
  if (c.funding == MP_FUNDING_AMOUNT)
    set_entry_text (self->amount_entry, c.funding_usd);
  set_amount_editable (self, c.funding == MP_FUNDING_AMOUNT);
  set_entry_text (self->hours_entry, c.hours_per_week);
  set_entry_text (self->value_entry, c.hour_value_usd);
  self->syncing = FALSE;
  update_label (self, &c);
}

typedef gboolean (*ParseFunc) (MpCircumstances *, const char *, GError **);

/* Empty means "not said" (0); otherwise the core's rule decides: 1 when
 * read into @c, -1 when bad (the message goes to @errors). */
static int
read_entry (GtkEntry         *entry,
            ParseFunc         parse,
            MpCircumstances  *c,
            GString          *errors)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0' || parse (c, stripped, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      return *stripped != '\0' ? 1 : 0;
    }
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  g_string_append_printf (errors, "%s%s", errors->len > 0 ? "\n" : "", error->message);
  return -1;
}

static void
apply_to_planner (MpCircumstancesButton *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  MpCircumstances old, c, read;
  guint funding = gtk_drop_down_get_selected (self->funding_dropdown);

  if (self->syncing || self->planner == NULL)
    return;
  mp_planner_get_circumstances (self->planner, &old);
  c = old;
  c.funding = MIN (funding, MP_FUNDING_ALL);
  set_amount_editable (self, funding == MP_FUNDING_AMOUNT);
  /* A bad field keeps the planner's last good value for it. */
  read = c;
  if (funding == MP_FUNDING_AMOUNT
      && read_entry (self->amount_entry, mp_circumstances_parse_funding, &read, errors) > 0)
    {
      c.funding = read.funding;
      c.funding_usd = read.funding_usd;
    }
  read = c;
  switch (read_entry (self->hours_entry, mp_circumstances_parse_hours, &read, errors))
    {
    case 0: c.hours_per_week = -1; break;
    case 1: c.hours_per_week = read.hours_per_week; break;
    default: break;
    }
  read = c;
  switch (read_entry (self->value_entry, mp_circumstances_parse_hour_value, &read, errors))
    {
    case 0: c.hour_value_usd = -1; break;
    case 1: c.hour_value_usd = read.hour_value_usd; break;
    default: break;
    }
  gtk_label_set_label (self->error_label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), errors->len > 0);
  self->applying = TRUE;
  mp_planner_set_circumstances (self->planner, &c);
  self->applying = FALSE;
}

/* "An amount" chosen by Set Amount… but nothing typed: show the planner's
 * funding again. */
static void
on_popover_closed (MpCircumstancesButton *self)
{
  if (self->planner != NULL)
    sync_from_planner (self);
}

static GtkWidget *
field (GtkWidget  *grid,
       int         row,
       const char *title,
       GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return widget;
}

static GtkEntry *
new_entry (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  return GTK_ENTRY (entry);
}

static GtkWidget *
build_popover_content (MpCircumstancesButton *self)
{
  static const char * const choices[] = { N_("None"), N_("An amount"), N_("All of the tuition"), NULL };
  const char *translated[G_N_ELEMENTS (choices)];
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (_("My circumstances"));
  GtkWidget *note;
  g_autofree char *weeks = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    translated[i] = choices[i] != NULL ? _(choices[i]) : NULL;
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 2, 1);
  self->funding_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
  field (grid, 1, _("_Funding I expect"), GTK_WIDGET (self->funding_dropdown));
  self->amount_entry = new_entry (_("e.g. 12000"));
  field (grid, 2, _("_Amount (USD)"), GTK_WIDGET (self->amount_entry));
  self->hours_entry = new_entry (_("not said"));
  field (grid, 3, _("_Hours a week I can give"), GTK_WIDGET (self->hours_entry));
  self->value_entry = new_entry (_("optional"));
  field (grid, 4, _("An hour of my time is _worth (USD)"), GTK_WIDGET (self->value_entry));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_max_width_chars (self->error_label, 40);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->error_label), 0, 5, 2, 1);
  weeks = g_strdup_printf (_("Total hours assume %d teaching weeks a year."),
                           MP_COSTS_TEACHING_WEEKS_PER_YEAR);
  note = gtk_label_new (weeks);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_grid_attach (GTK_GRID (grid), note, 0, 6, 2, 1);
  return grid;
}

static void
mp_circumstances_button_dispose (GObject *object)
{
  MpCircumstancesButton *self = MP_CIRCUMSTANCES_BUTTON (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->planner);

  G_OBJECT_CLASS (mp_circumstances_button_parent_class)->dispose (object);
}

static void
mp_circumstances_button_class_init (MpCircumstancesButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_circumstances_button_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mp_circumstances_button_init (MpCircumstancesButton *self)
{
  GtkWidget *popover = gtk_popover_new ();

  self->button = gtk_menu_button_new ();
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "avatar-default-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("My circumstances"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), build_popover_content (self));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  g_signal_connect_swapped (self->funding_dropdown, "notify::selected",
                            G_CALLBACK (apply_to_planner), self);
  g_signal_connect_swapped (self->amount_entry, "changed", G_CALLBACK (apply_to_planner), self);
  g_signal_connect_swapped (self->hours_entry, "changed", G_CALLBACK (apply_to_planner), self);
  g_signal_connect_swapped (self->value_entry, "changed", G_CALLBACK (apply_to_planner), self);
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (on_popover_closed), self);
}

void
mp_circumstances_button_set_planner (MpCircumstancesButton *self,
                                     MpPlanner             *planner)
{
  g_return_if_fail (MP_IS_CIRCUMSTANCES_BUTTON (self));
  g_return_if_fail (MP_IS_PLANNER (planner));
  g_return_if_fail (self->planner == NULL);

  self->planner = g_object_ref (planner);
  sync_from_planner (self);
  g_signal_connect_object (planner, "notify::circumstances", G_CALLBACK (sync_from_planner),
                           self, G_CONNECT_SWAPPED);
}

void
mp_circumstances_button_popup (MpCircumstancesButton *self)
{
  g_return_if_fail (MP_IS_CIRCUMSTANCES_BUTTON (self));

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
  gtk_widget_grab_focus (GTK_WIDGET (self->funding_dropdown));
}

void
mp_circumstances_button_popup_amount (MpCircumstancesButton *self)
{
  g_return_if_fail (MP_IS_CIRCUMSTANCES_BUTTON (self));

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
  /* Shown, not applied: the planner keeps its funding until a number is
   * typed (apply_to_planner() then reads the amount). */
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->funding_dropdown, MP_FUNDING_AMOUNT);
  set_amount_editable (self, TRUE);
  self->syncing = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
}

GtkWidget *
mp_circumstances_button_get_amount_entry (MpCircumstancesButton *self)
{
  g_return_val_if_fail (MP_IS_CIRCUMSTANCES_BUTTON (self), NULL);
  return GTK_WIDGET (self->amount_entry);
}
