/* mp-weights-panel.c: placeholder until the programs land
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-weights-panel.h"

#include <glib/gi18n.h>

struct _MpWeightsPanel
{
  GtkWidget  parent_instance;
  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (MpWeightsPanel, mp_weights_panel, GTK_TYPE_WIDGET)

static void
mp_weights_panel_dispose (GObject *object)
{
  g_clear_pointer (&MP_WEIGHTS_PANEL (object)->label, gtk_widget_unparent);
  G_OBJECT_CLASS (mp_weights_panel_parent_class)->dispose (object);
}

static void
mp_weights_panel_class_init (MpWeightsPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mp_weights_panel_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
mp_weights_panel_init (MpWeightsPanel *self)
{
  self->label = gtk_label_new (_("The program weighting panel is not available yet."));
  gtk_widget_add_css_class (self->label, "dim-label");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
mp_weights_panel_new (void)
{
  return g_object_new (MP_TYPE_WEIGHTS_PANEL, NULL);
}

void
mp_weights_panel_suggest_kind (MpWeightsPanel *self, MpKindFilter kind, const char *reason)
{
}

void
mp_weights_panel_import (MpWeightsPanel *self)
{
}

void
mp_weights_panel_export (MpWeightsPanel *self)
{
}

void
mp_weights_panel_add_program (MpWeightsPanel *self)
{
}
