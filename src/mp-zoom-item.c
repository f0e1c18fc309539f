/* mp-zoom-item.c: the main menu's "− 100 % +" row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-zoom-item.h"

#include <glib/gi18n.h>
#include <math.h>

char *
mp_zoom_item_format (double zoom)
{
  /* Translators: a zoom level in the main menu, as in "120 %". */
  return g_strdup_printf (_("%d %%"), (int) lround (zoom * 100));
}

static gboolean
zoom_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_take_string (to, mp_zoom_item_format (g_value_get_double (from)));
  return TRUE;
}

static GtkWidget *
flat_button (const char *icon_name,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

GtkWidget *
mp_zoom_item_new (GObject    *source,
                  const char *property)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *reset = gtk_button_new ();

  gtk_widget_add_css_class (box, "mp-zoom-item");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reset), "win.zoom-reset");
  gtk_widget_set_tooltip_text (reset, _("Reset Zoom (Ctrl+0)"));
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_hexpand (reset, TRUE);
  /* The label says the level; the button resets it, as GNOME editors do. */
  g_object_bind_property_full (source, property, reset, "label", G_BINDING_SYNC_CREATE,
                               zoom_to_label, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (box), flat_button ("zoom-out-symbolic", "win.zoom-out", _("Zoom Out (Ctrl+−)")));
  gtk_box_append (GTK_BOX (box), reset);
  gtk_box_append (GTK_BOX (box), flat_button ("zoom-in-symbolic", "win.zoom-in", _("Zoom In (Ctrl++)")));
  return box;
}
