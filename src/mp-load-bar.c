/* mp-load-bar.c: says which file is being read, how far, with Cancel
 *
 * A large article is read in a worker thread while the previous one stays
 * on screen; this bar over the top of the views says so and lets the user
 * give up (signal "cancel").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-load-bar.h"

#include <glib/gi18n.h>

struct _MpLoadBar
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *label;
  GtkProgressBar *progress;
  gboolean        active;      /* between start and stop, shown or not yet */
};

enum { CANCEL, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpLoadBar, mp_load_bar, GTK_TYPE_WIDGET)

static void
on_cancel_clicked (MpLoadBar *self)
{
  g_signal_emit (self, signals[CANCEL], 0);
}

static void
mp_load_bar_dispose (GObject *object)
{
  MpLoadBar *self = MP_LOAD_BAR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (mp_load_bar_parent_class)->dispose (object);
}

static void
mp_load_bar_class_init (MpLoadBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_load_bar_dispose;
  signals[CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_css_name (widget_class, "loadbar");
}

static void
mp_load_bar_init (MpLoadBar *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (self->label, 50);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->progress), 280, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reading the file"), -1);
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (self->box), texts);
  gtk_box_append (GTK_BOX (self->box), cancel);
  gtk_widget_add_css_class (self->box, "app-notification");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
mp_load_bar_new (void)
{
  return g_object_new (MP_TYPE_LOAD_BAR, NULL);
}

void
mp_load_bar_start (MpLoadBar  *self,
                   const char *name)
{
  g_autofree char *message = NULL;

  g_return_if_fail (MP_IS_LOAD_BAR (self));
  g_return_if_fail (name != NULL);

  /* Translators: while a large file is read; %s is its name */
  message = g_strdup_printf (_("Opening %s…"), name);
  gtk_label_set_text (self->label, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  gtk_progress_bar_set_fraction (self->progress, 0);
  self->active = TRUE;
}

void
mp_load_bar_reveal (MpLoadBar *self)
{
  g_return_if_fail (MP_IS_LOAD_BAR (self));

  gtk_widget_set_visible (GTK_WIDGET (self), self->active);
}

void
mp_load_bar_set_fraction (MpLoadBar *self,
                          double     fraction)
{
  g_return_if_fail (MP_IS_LOAD_BAR (self));

  gtk_progress_bar_set_fraction (self->progress, CLAMP (fraction, 0, 1));
}

void
mp_load_bar_stop (MpLoadBar *self)
{
  g_return_if_fail (MP_IS_LOAD_BAR (self));

  self->active = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

const char *
mp_load_bar_get_message (MpLoadBar *self)
{
  g_return_val_if_fail (MP_IS_LOAD_BAR (self), NULL);

  return self->active ? gtk_label_get_text (self->label) : NULL;
}
