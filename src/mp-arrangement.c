/* mp-arrangement.c: which of the window's three views are shown, by window size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-arrangement.h"

/* The three views side by side need the width of the article, the flowchart
 * with its question card beside it, and the height for the flowchart above
 * five sliders and the ranking's first rows. */
#define THREE_MIN_WIDTH  1200
#define THREE_MIN_HEIGHT 860
/* The article's minimum width (500) beside the panel's (660) and the
 * window's border: below this they cannot both be shown. */
#define TWO_MIN_WIDTH    1180

struct _MpArrangement
{
  GObject            parent_instance;

  GtkWidget         *article;
  GtkWidget         *flowchart;
  GtkWidget         *panel;
  GtkWidget         *side;
  GtkWidget         *header_switcher;
  GtkWidget         *bottom_switcher;

  MpArrangementMode  mode;
  char              *view;
  /* Whether the user (or the window on their behalf) asked for the view,
   * rather than the two-view arrangement filling the side with one. */
  gboolean           view_chosen;
  gboolean           has_flowchart;
  gboolean           show_flowchart;
  gboolean           show_panel;
};

enum { PROP_0, PROP_VIEW, PROP_SHOW_FLOWCHART, PROP_SHOW_PANEL, PROP_MODE, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MpArrangement, mp_arrangement, G_TYPE_OBJECT)

MpArrangementMode
mp_arrangement_mode_for_size (int width,
                              int height)
{
  if (width >= THREE_MIN_WIDTH && height >= THREE_MIN_HEIGHT)
    return MP_ARRANGEMENT_THREE;
  if (width >= TWO_MIN_WIDTH)
    return MP_ARRANGEMENT_TWO;
  return MP_ARRANGEMENT_ONE;
}

gboolean
mp_arrangement_get_flowchart_shown (MpArrangement *self)
{
  g_return_val_if_fail (MP_IS_ARRANGEMENT (self), FALSE);

  return self->has_flowchart && self->show_flowchart;
}

gboolean
mp_arrangement_get_panel_shown (MpArrangement *self)
{
  g_return_val_if_fail (MP_IS_ARRANGEMENT (self), FALSE);

  return self->show_panel;
}

static gboolean
view_available (MpArrangement *self,
                const char    *view)
{
  if (g_str_equal (view, "flowchart"))
    return mp_arrangement_get_flowchart_shown (self);
  if (g_str_equal (view, "panel"))
    return self->show_panel;
  return g_str_equal (view, "article");
}

/* The view to show beside the article when only one side view fits. */
static const char *
side_view (MpArrangement *self)
{
  if (!g_str_equal (self->view, "article") && view_available (self, self->view))
    return self->view;
  if (view_available (self, "flowchart"))
    return "flowchart";
  return view_available (self, "panel") ? "panel" : NULL;
}

static void
set_view_silently (MpArrangement *self,
                   const char    *view)
{
  if (view == NULL || g_strcmp0 (self->view, view) == 0)
    return;
  g_free (self->view);
  self->view = g_strdup (view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/* A switcher is a box of toggle buttons for the action win.view; a button
 * whose view is not available is hidden. Returns how many remain. */
static guint
filter_switcher (MpArrangement *self,
                 GtkWidget     *switcher,
                 gboolean       with_article)
{
  guint n = 0;

  for (GtkWidget *button = gtk_widget_get_first_child (switcher); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
      const char *view = target != NULL ? g_variant_get_string (target, NULL) : "";
      gboolean shown = view_available (self, view) && (with_article || !g_str_equal (view, "article"));

      gtk_widget_set_visible (button, shown);
      n += shown;
    }
  return n;
}

static void
show_views (MpArrangement *self,
            gboolean       article,
            gboolean       flowchart,
            gboolean       panel)
{
  gtk_widget_set_visible (self->article, article);
  gtk_widget_set_visible (self->flowchart, flowchart);
  gtk_widget_set_visible (self->panel, panel);
  gtk_widget_set_visible (self->side, flowchart || panel);
}

static void
apply (MpArrangement *self)
{
  gboolean flowchart = mp_arrangement_get_flowchart_shown (self);
  const char *view;

  switch (self->mode)
    {
    case MP_ARRANGEMENT_THREE:
      show_views (self, TRUE, flowchart, self->show_panel);
      gtk_widget_set_visible (self->header_switcher, FALSE);
      gtk_widget_set_visible (self->bottom_switcher, FALSE);
      break;
    case MP_ARRANGEMENT_TWO:
      view = side_view (self);
      set_view_silently (self, view);
      show_views (self, TRUE, g_strcmp0 (view, "flowchart") == 0, g_strcmp0 (view, "panel") == 0);
      gtk_widget_set_visible (self->header_switcher,
                              filter_switcher (self, self->header_switcher, FALSE) > 1);
      gtk_widget_set_visible (self->bottom_switcher, FALSE);
      break;
    case MP_ARRANGEMENT_ONE:
    default:
      /* A side view the two-view arrangement picked by itself does not
       * replace the article when only one view fits. */
      view = self->view_chosen && view_available (self, self->view) ? self->view : "article";
      set_view_silently (self, view);
      show_views (self, g_str_equal (view, "article"), g_str_equal (view, "flowchart"),
                  g_str_equal (view, "panel"));
      gtk_widget_set_visible (self->header_switcher, FALSE);
      gtk_widget_set_visible (self->bottom_switcher,
                              filter_switcher (self, self->bottom_switcher, TRUE) > 1);
      break;
    }
}

void
mp_arrangement_set_size (MpArrangement *self,
                         int            width,
                         int            height)
{
  MpArrangementMode mode;

  g_return_if_fail (MP_IS_ARRANGEMENT (self));

  mode = mp_arrangement_mode_for_size (width, height);
  if (mode == self->mode)
    return;
  self->mode = mode;
  apply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

MpArrangementMode
mp_arrangement_get_mode (MpArrangement *self)
{
  g_return_val_if_fail (MP_IS_ARRANGEMENT (self), MP_ARRANGEMENT_THREE);

  return self->mode;
}

void
mp_arrangement_set_has_flowchart (MpArrangement *self,
                                  gboolean       has_flowchart)
{
  g_return_if_fail (MP_IS_ARRANGEMENT (self));

  self->has_flowchart = !!has_flowchart;
  apply (self);
}

void
mp_arrangement_show_view (MpArrangement *self,
                          const char    *view)
{
  g_return_if_fail (MP_IS_ARRANGEMENT (self));
  g_return_if_fail (view != NULL);

  self->view_chosen = TRUE;
  if (g_strcmp0 (self->view, view) != 0)
    {
      g_free (self->view);
      self->view = g_strdup (view);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
    }
  apply (self);
}

const char *
mp_arrangement_get_view (MpArrangement *self)
{
  g_return_val_if_fail (MP_IS_ARRANGEMENT (self), NULL);

  return self->view;
}

static void
set_shown (MpArrangement *self,
           gboolean      *field,
           gboolean       shown,
           guint          prop)
{
  if (*field == !!shown)
    return;
  *field = !!shown;
  apply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
mp_arrangement_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MpArrangement *self = MP_ARRANGEMENT (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      mp_arrangement_show_view (self, g_value_get_string (value));
      break;
    case PROP_SHOW_FLOWCHART:
      set_shown (self, &self->show_flowchart, g_value_get_boolean (value), PROP_SHOW_FLOWCHART);
      break;
    case PROP_SHOW_PANEL:
      set_shown (self, &self->show_panel, g_value_get_boolean (value), PROP_SHOW_PANEL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_arrangement_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MpArrangement *self = MP_ARRANGEMENT (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    case PROP_SHOW_FLOWCHART:
      g_value_set_boolean (value, self->show_flowchart);
      break;
    case PROP_SHOW_PANEL:
      g_value_set_boolean (value, self->show_panel);
      break;
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_arrangement_finalize (GObject *object)
{
  MpArrangement *self = MP_ARRANGEMENT (object);

  g_free (self->view);

  G_OBJECT_CLASS (mp_arrangement_parent_class)->finalize (object);
}

static void
mp_arrangement_class_init (MpArrangementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_arrangement_finalize;
  object_class->get_property = mp_arrangement_get_property;
  object_class->set_property = mp_arrangement_set_property;

  /* "article", "flowchart" or "panel": the view chosen with a switcher. */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "article",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_FLOWCHART] =
    g_param_spec_boolean ("show-flowchart", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PANEL] =
    g_param_spec_boolean ("show-panel", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, MP_ARRANGEMENT_ONE, MP_ARRANGEMENT_THREE,
                      MP_ARRANGEMENT_THREE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_arrangement_init (MpArrangement *self)
{
  self->view = g_strdup ("article");
  self->mode = MP_ARRANGEMENT_THREE;
  self->has_flowchart = TRUE;
  self->show_flowchart = TRUE;
  self->show_panel = TRUE;
}

/* The widgets belong to the window's template, which outlives this object. */
MpArrangement *
mp_arrangement_new (GtkWidget *article,
                    GtkWidget *flowchart,
                    GtkWidget *panel,
                    GtkWidget *side,
                    GtkWidget *header_switcher,
                    GtkWidget *bottom_switcher)
{
  MpArrangement *self = g_object_new (MP_TYPE_ARRANGEMENT, NULL);

  self->article = article;
  self->flowchart = flowchart;
  self->panel = panel;
  self->side = side;
  self->header_switcher = header_switcher;
  self->bottom_switcher = bottom_switcher;
  apply (self);
  return self;
}
