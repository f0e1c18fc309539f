/* mp-toast.c: a short message over the bottom of the window, one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-toast.h"

#include <glib/gi18n.h>

/* Long enough to read a file name and its folder. */
#define TOAST_SECONDS 6

struct _MpToast
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  guint        timeout_id;
};

G_DEFINE_FINAL_TYPE (MpToast, mp_toast, GTK_TYPE_WIDGET)

static gboolean
on_timeout (gpointer data)
{
  MpToast *self = data;

  self->timeout_id = 0;
  mp_toast_dismiss (self);
  return G_SOURCE_REMOVE;
}

void
mp_toast_show (MpToast    *self,
               const char *message)
{
  g_return_if_fail (MP_IS_TOAST (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (self->label, message);
  /* GTK 4.8 has no announcements: the status's label changes with it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (TOAST_SECONDS, on_timeout, self);
}

void
mp_toast_dismiss (MpToast *self)
{
  g_return_if_fail (MP_IS_TOAST (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

const char *
mp_toast_get_message (MpToast *self)
{
  g_return_val_if_fail (MP_IS_TOAST (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_text (self->label);
}

/* Hidden once folded away, so that it takes no clicks meant for the views. */
static void
on_child_revealed (MpToast *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
mp_toast_dispose (GObject *object)
{
  MpToast *self = MP_TOAST (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->revealer != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->revealer));
  self->revealer = NULL;

  G_OBJECT_CLASS (mp_toast_parent_class)->dispose (object);
}

static void
mp_toast_class_init (MpToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_toast_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_css_name (widget_class, "toast");
}

static void
mp_toast_init (MpToast *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_max_width_chars (self->label, 60);
  gtk_label_set_selectable (self->label, TRUE);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dismiss"), -1);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (mp_toast_dismiss), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), close);
  gtk_widget_add_css_class (box, "app-notification");
  gtk_revealer_set_child (self->revealer, box);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
  g_signal_connect_swapped (self->revealer, "notify::child-revealed",
                            G_CALLBACK (on_child_revealed), self);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_END);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Asks the window (through the action win.toast, found from @source up)
 * to say that @file was written; @format has the file's name, then its
 * folder. Nothing happens outside a window. */
void
mp_toast_request_for_file (GtkWidget  *source,
                           const char *format,
                           GFile      *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
  g_autofree char *message = NULL;

  g_return_if_fail (GTK_IS_WIDGET (source));
  g_return_if_fail (G_IS_FILE (file));

  message = g_strdup_printf (format, name, folder);
  gtk_widget_activate_action (source, "win.toast", "s", message);
}

GtkWidget *
mp_toast_new (void)
{
  return g_object_new (MP_TYPE_TOAST, NULL);
}
