/* mp-filter-button.c: the ranking's filter, a button with a popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-filter-button.h"

#include <glib/gi18n.h>

struct _MpFilterButton
{
  GtkWidget    parent_instance;

  /* template */
  GtkWidget   *button;
  GtkLabel    *filter_label;
  GtkDropDown *kind_dropdown;
  GtkDropDown *tuition_dropdown;
  GtkDropDown *hours_dropdown;
  GtkDropDown *format_dropdown;
  GtkCheckButton *best_value_check;

  MpPlanner   *planner;
};

G_DEFINE_FINAL_TYPE (MpFilterButton, mp_filter_button, GTK_TYPE_WIDGET)

static void
update_filter_label (MpFilterButton *self)
{
  GListModel *kinds = gtk_drop_down_get_model (self->kind_dropdown);
  MpProgramFilter filter;
  g_autoptr(GtkStringObject) kind = NULL;
  int extra;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  mp_planner_get_filter (self->planner, &filter);
  kind = g_list_model_get_item (kinds, filter.kind);
  extra = (filter.max_tuition >= 0) + (filter.max_hours_per_week >= 0) + (filter.format >= 0)
          + (filter.best_value != FALSE);
  if (extra == 0)
    text = g_strdup (gtk_string_object_get_string (kind));
  else
    /* Translators: a kind filter such as "Alternatives", then how many more filters are on */
    text = g_strdup_printf (ngettext ("%s +%d", "%s +%d", extra),
                            gtk_string_object_get_string (kind), extra);
  gtk_label_set_label (self->filter_label, text);
  if (filter.best_value)
    /* Translators: the accessible name of the filter button when only the
     * best value is shown, e.g. "Filters: Alternatives +1, only the best value" */
    accessible = g_strdup_printf (_("Filters: %s, only the best value"), text);
  else
    /* Translators: the accessible name of the filter button, e.g. "Filters: Alternatives +1" */
    accessible = g_strdup_printf (_("Filters: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static guint
key_index (const char * const *keys,
           guint               n,
           const char         *key)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;
  return 0;
}

/* The drop-downs show the planner's filter: key or limit ↔ item. */
static gboolean
key_to_item (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      keys)
{
  const char * const *k = keys;

  g_value_set_uint (to, key_index (k, g_strv_length ((char **) k), g_value_get_string (from)));
  return TRUE;
}

static gboolean
item_to_key (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      keys)
{
  const char * const *k = keys;
  guint i = g_value_get_uint (from);

  if (i >= g_strv_length ((char **) k))
    return FALSE;
  g_value_set_string (to, k[i]);
  return TRUE;
}

static gboolean
limit_to_item (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      tuition)
{
  guint n;
  const double *presets = tuition ? mp_planner_get_tuition_presets (&n)
                                  : mp_planner_get_hours_presets (&n);

  g_value_set_uint (to, mp_planner_preset_index (presets, n, g_value_get_double (from)));
  return TRUE;
}

static gboolean
item_to_limit (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      tuition)
{
  guint n;
  const double *presets = tuition ? mp_planner_get_tuition_presets (&n)
                                  : mp_planner_get_hours_presets (&n);
  guint i = g_value_get_uint (from);

  if (i >= n)
    return FALSE;
  g_value_set_double (to, presets[i]);
  return TRUE;
}

/* The planner drives the check; a toggle by the user goes through the
 * planner's undoable choice (the same value again does nothing). */
static void
on_best_value_toggled (MpFilterButton *self)
{
  if (self->planner != NULL)
    mp_planner_choose_best_value (self->planner,
                                  gtk_check_button_get_active (self->best_value_check));
}

static void
bind_filter (MpFilterButton *self)
{
  static const char * const kinds[] = { "all", "masters", "alternatives", NULL };
  static const char * const formats[] = { "any", "online", "hybrid", "in-person", NULL };
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  g_object_bind_property_full (self->planner, "kind-filter", self->kind_dropdown, "selected",
                               flags, key_to_item, item_to_key, (gpointer) kinds, NULL);
  g_object_bind_property_full (self->planner, "format-filter", self->format_dropdown, "selected",
                               flags, key_to_item, item_to_key, (gpointer) formats, NULL);
  g_object_bind_property_full (self->planner, "max-tuition", self->tuition_dropdown, "selected",
                               flags, limit_to_item, item_to_limit, GINT_TO_POINTER (TRUE), NULL);
  g_object_bind_property_full (self->planner, "max-hours-per-week", self->hours_dropdown,
                               "selected", flags, limit_to_item, item_to_limit, NULL, NULL);
  g_signal_connect_object (self->planner, "notify::kind-filter",
                           G_CALLBACK (update_filter_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::format-filter",
                           G_CALLBACK (update_filter_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::max-tuition",
                           G_CALLBACK (update_filter_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::max-hours-per-week",
                           G_CALLBACK (update_filter_label), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->planner, "best-value-filter", self->best_value_check, "active",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->planner, "notify::best-value-filter",
                           G_CALLBACK (update_filter_label), self, G_CONNECT_SWAPPED);
  update_filter_label (self);
}

static void
mp_filter_button_dispose (GObject *object)
{
  MpFilterButton *self = MP_FILTER_BUTTON (object);

  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_data (self->planner, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_FILTER_BUTTON);
  g_clear_object (&self->planner);

  G_OBJECT_CLASS (mp_filter_button_parent_class)->dispose (object);
}

static void
mp_filter_button_class_init (MpFilterButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_filter_button_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mp-filter-button.ui");
  gtk_widget_class_bind_template_child (widget_class, MpFilterButton, button);
  gtk_widget_class_bind_template_child (widget_class, MpFilterButton, filter_label);
  gtk_widget_class_bind_template_child (widget_class, MpFilterButton, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpFilterButton, tuition_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpFilterButton, hours_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpFilterButton, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpFilterButton, best_value_check);
  gtk_widget_class_bind_template_callback (widget_class, on_best_value_toggled);
}

static void
mp_filter_button_init (MpFilterButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
mp_filter_button_set_planner (MpFilterButton *self,
                              MpPlanner      *planner)
{
  g_return_if_fail (MP_IS_FILTER_BUTTON (self));
  g_return_if_fail (MP_IS_PLANNER (planner));
  g_return_if_fail (self->planner == NULL);

  self->planner = g_object_ref (planner);
  bind_filter (self);
}
