/* mp-flow-pane.c: placeholder until the flowchart lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-pane.h"

#include <glib/gi18n.h>

struct _MpFlowPane
{
  GtkWidget  parent_instance;
  GtkWidget *label;
  char      *walk_state;
};

enum { PROP_0, PROP_WALK_STATE, N_PROPS };
static GParamSpec *properties[N_PROPS];
enum { OPEN_SECTION, OUTCOME_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpFlowPane, mp_flow_pane, GTK_TYPE_WIDGET)

static void
mp_flow_pane_dispose (GObject *object)
{
  MpFlowPane *self = MP_FLOW_PANE (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->walk_state, g_free);
  G_OBJECT_CLASS (mp_flow_pane_parent_class)->dispose (object);
}

static void
mp_flow_pane_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  g_value_set_string (value, MP_FLOW_PANE (object)->walk_state);
}

static void
mp_flow_pane_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MpFlowPane *self = MP_FLOW_PANE (object);

  g_free (self->walk_state);
  self->walk_state = g_value_dup_string (value);
}

static void
mp_flow_pane_class_init (MpFlowPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_flow_pane_dispose;
  object_class->get_property = mp_flow_pane_get_property;
  object_class->set_property = mp_flow_pane_set_property;
  properties[PROP_WALK_STATE] = g_param_spec_string ("walk-state", NULL, NULL, NULL,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[OPEN_SECTION] = g_signal_new ("open-section", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[OUTCOME_CHANGED] = g_signal_new ("outcome-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING,
                                           G_TYPE_STRV);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
mp_flow_pane_init (MpFlowPane *self)
{
  self->label = gtk_label_new (_("The decision flowchart is not available yet."));
  gtk_widget_add_css_class (self->label, "dim-label");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
mp_flow_pane_new (void)
{
  return g_object_new (MP_TYPE_FLOW_PANE, NULL);
}

void
mp_flow_pane_set_document (MpFlowPane *self, MpDocument *document)
{
}

void
mp_flow_pane_start_search (MpFlowPane *self)
{
}

void
mp_flow_pane_zoom (MpFlowPane *self, int direction)
{
}
