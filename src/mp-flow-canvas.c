/* mp-flow-canvas.c: a laid-out flowchart drawn with GtkSnapshot and walked by clicks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-canvas.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mp-flow-render.h"

#define MIN_ZOOM 0.1
#define MAX_ZOOM 4.0
#define ZOOM_STEP 1.2
#define FIT_PADDING 12.0
#define FLY_DURATION_US (280 * G_TIME_SPAN_MILLISECOND)
#define CLICK_SLOP 4.0
#define EDGE_HIT_WIDTH 10.0

struct _MpFlowCanvas
{
  GtkWidget      parent_instance;

  MpFlowLayout  *layout;
  MpFlowWalk    *walk;
  MpFlowPalette  palette;

  double         zoom;
  double         off_x;
  double         off_y;
  gboolean       user_moved;
  gboolean       fitted;     /* the user asked for the whole chart */

  /* The drawn graph at base_zoom; panning only translates it. */
  GskRenderNode *base;
  double         base_zoom;
  guint          rebuild_id;

  int            hover_node;
  int            hover_edge;
  int            focus_edge;
  GArray        *matches;
  int            match_index;

  /* Flight: from (from_*) to (to_*) between start and start + duration. */
  guint          tick_id;
  gint64         fly_start;
  double         from_x, from_y, from_zoom;
  double         to_x, to_y, to_zoom;

  double         drag_x;
  double         drag_y;
  gboolean       dragging;
  double         pinch_zoom;
  double         pointer_x;
  double         pointer_y;
  cairo_t       *scratch;
};

enum { SEARCH_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpFlowCanvas, mp_flow_canvas, GTK_TYPE_WIDGET)

static void
invalidate (MpFlowCanvas *self)
{
  g_clear_pointer (&self->base, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
widget_to_layout (MpFlowCanvas *self,
                  double        x,
                  double        y,
                  double       *lx,
                  double       *ly)
{
  *lx = (x - self->off_x) / self->zoom;
  *ly = (y - self->off_y) / self->zoom;
}

void
mp_flow_canvas_layout_to_widget (MpFlowCanvas *self,
                                 double        lx,
                                 double        ly,
                                 double       *x,
                                 double       *y)
{
  g_return_if_fail (MP_IS_FLOW_CANVAS (self));

  *x = lx * self->zoom + self->off_x;
  *y = ly * self->zoom + self->off_y;
}

/* Colours ------------------------------------------------------------------ */

static gboolean
lookup_color (GtkStyleContext *context,
              const char      *const *names,
              GdkRGBA         *out)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (gtk_style_context_lookup_color (context, names[i], out))
      return TRUE;
  return FALSE;
}

static GdkRGBA
blend (const GdkRGBA *a,
       const GdkRGBA *b,
       double         t)
{
  return (GdkRGBA) { a->red + (b->red - a->red) * t, a->green + (b->green - a->green) * t,
                     a->blue + (b->blue - a->blue) * t, 1.0 };
}

static void
update_palette (MpFlowCanvas *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, bg;
  gboolean dark;

  gtk_style_context_get_color (context, &fg);
  dark = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
  mp_flow_palette_init (&self->palette, dark);
  self->palette.foreground = fg;
  if (lookup_color (context, (const char *[]) { "view_bg_color", "theme_base_color", NULL }, &bg))
    {
      self->palette.background = bg;
      self->palette.node_fill = blend (&bg, &fg, dark ? 0.10 : 0.04);
      self->palette.node_stroke = blend (&bg, &fg, 0.50);
      self->palette.edge = blend (&bg, &fg, 0.62);
      self->palette.cluster_stroke = blend (&bg, &fg, 0.22);
    }
  lookup_color (context, (const char *[]) { "accent_color", "accent_bg_color",
                                            "theme_selected_bg_color", NULL },
                &self->palette.accent);
  if (dark)
    {
      /* Theme accents are tuned as backgrounds; lines on a dark view need them lighter. */
      GdkRGBA white = { 1, 1, 1, 1 };

      self->palette.accent = blend (&self->palette.accent, &white, 0.35);
    }
  lookup_color (context, (const char *[]) { "warning_color", NULL }, &self->palette.match);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
mp_flow_canvas_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  MpFlowCanvas *self = MP_FLOW_CANVAS (widget);

  GTK_WIDGET_CLASS (mp_flow_canvas_parent_class)->css_changed (widget, change);
  update_palette (self);
  invalidate (self);
}

/* Drawing -------------------------------------------------------------------- */

/* A chart that fits in a few screens is drawn once into a texture, so that
 * panning only moves pixels; a bigger one stays a cairo recording, which
 * the renderer replays clipped to the view. Both are drawn at the current
 * zoom, so text is sharp. */
#define MAX_TEXTURE_PIXELS (4 * 1024 * 1024)

static gboolean
uses_cairo_renderer (MpFlowCanvas *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

/* The cairo renderer copies a texture's pixels on every frame; a cairo node
 * that paints the image keeps a reference instead. Other renderers keep
 * textures on the GPU. */
static GskRenderNode *
image_node (MpFlowCanvas    *self,
            cairo_surface_t *surface,
            graphene_rect_t *bounds)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  GskRenderNode *node;
  cairo_t *cr;

  if (uses_cairo_renderer (self))
    {
      node = gsk_cairo_node_new (bounds);
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_scale (cr, bounds->size.width / width, bounds->size.height / height);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return node;
    }
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  return gsk_texture_node_new (texture, bounds);
}

static GskRenderNode *
render_texture (MpFlowCanvas    *self,
                double           zoom,
                graphene_rect_t *bounds)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = (int) bounds->size.width * scale, height = (int) bounds->size.height * scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, zoom * scale, zoom * scale);
  mp_flow_render (cr, self->layout, self->walk, &self->palette);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return image_node (self, surface, bounds);
}

static GskRenderNode *
render_graph (MpFlowCanvas *self,
              double        zoom)
{
  GtkSnapshot *snapshot;
  graphene_rect_t bounds;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_t *cr;

  graphene_rect_init (&bounds, 0, 0, ceil (mp_flow_layout_get_width (self->layout) * zoom),
                      ceil (mp_flow_layout_get_height (self->layout) * zoom));
  if (bounds.size.width * bounds.size.height * scale * scale <= MAX_TEXTURE_PIXELS)
    return render_texture (self, zoom, &bounds);
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_scale (cr, zoom, zoom);
  mp_flow_render (cr, self->layout, self->walk, &self->palette);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (snapshot);
}

GskRenderNode *
mp_flow_canvas_get_graph_node (MpFlowCanvas *self)
{
  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), NULL);

  if (self->layout == NULL)
    return NULL;
  if (self->base == NULL)
    {
      self->base = render_graph (self, self->zoom);
      self->base_zoom = self->zoom;
    }
  return self->base;
}

static gboolean
rebuild_at_zoom (gpointer data)
{
  MpFlowCanvas *self = data;

  self->rebuild_id = 0;
  invalidate (self);
  return G_SOURCE_REMOVE;
}

static void
append_overlay (MpFlowCanvas *self,
                GtkSnapshot  *snapshot,
                int           width,
                int           height)
{
  const GdkRGBA *accent = &self->palette.accent;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (self->hover_node < 0 && self->hover_edge < 0 && self->focus_edge < 0 &&
      (self->matches == NULL || self->matches->len == 0))
    return;
  graphene_rect_init (&bounds, 0, 0, width, height);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, self->off_x, self->off_y);
  cairo_scale (cr, self->zoom, self->zoom);
  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++)
    {
      gboolean current = (int) i == self->match_index;

      mp_flow_render_node_path (cr, self->layout, g_array_index (self->matches, guint, i), 5);
      gdk_cairo_set_source_rgba (cr, &self->palette.match);
      cairo_set_line_width (cr, (current ? 4.0 : 2.5) / MIN (self->zoom, 1.0));
      cairo_stroke (cr);
    }
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.55);
  cairo_set_line_width (cr, 3.0);
  if (self->hover_node >= 0)
    mp_flow_render_node_path (cr, self->layout, self->hover_node, 3);
  if (self->hover_edge >= 0)
    mp_flow_render_edge_path (cr, self->layout, self->hover_edge);
  cairo_stroke (cr);
  if (self->focus_edge >= 0)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (mp_flow_layout_get_chart (self->layout),
                                                      self->focus_edge);
      const MpFlowLayoutEdge *laid = mp_flow_layout_get_edge (self->layout, self->focus_edge);

      gdk_cairo_set_source_rgba (cr, accent);
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      if (!edge->to.is_subgraph)
        mp_flow_render_node_path (cr, self->layout, edge->to.index, 6);
      if (laid->has_label)
        cairo_rectangle (cr, laid->label.x - 3, laid->label.y - 3,
                         laid->label.width + 6, laid->label.height + 6);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
mp_flow_canvas_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MpFlowCanvas *self = MP_FLOW_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderNode *base;
  double scale;

  gtk_snapshot_append_color (snapshot, &self->palette.background,
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->layout == NULL)
    return;
  if (self->base == NULL)
    self->base_zoom = self->zoom;
  base = mp_flow_canvas_get_graph_node (self);
  scale = self->zoom / self->base_zoom;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->off_x, self->off_y));
  if (scale != 1.0)
    {
      /* Zooming: scale the old drawing now, draw afresh once zooming pauses. */
      gtk_snapshot_scale (snapshot, scale, scale);
      if (self->rebuild_id == 0 && self->tick_id == 0)
        self->rebuild_id = g_timeout_add (150, rebuild_at_zoom, self);
    }
  gtk_snapshot_append_node (snapshot, base);
  gtk_snapshot_restore (snapshot);
  append_overlay (self, snapshot, width, height);
  gtk_snapshot_pop (snapshot);
}

/* View ------------------------------------------------------------------------ */

static double
fit_zoom (MpFlowCanvas *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * FIT_PADDING;
  double h = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * FIT_PADDING;

  if (self->layout == NULL || w <= 0 || h <= 0)
    return 1.0;
  return CLAMP (MIN (w / mp_flow_layout_get_width (self->layout),
                     h / mp_flow_layout_get_height (self->layout)), MIN_ZOOM, 1.25);
}

static void
centre_offsets (MpFlowCanvas *self,
                double        zoom,
                double        lx,
                double        ly,
                double       *off_x,
                double       *off_y)
{
  *off_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - lx * zoom;
  *off_y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - ly * zoom;
}

static void
set_view (MpFlowCanvas *self,
          double        zoom,
          double        off_x,
          double        off_y)
{
  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  self->off_x = off_x;
  self->off_y = off_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
stop_flight (MpFlowCanvas *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
}

static gboolean
fly_tick (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  MpFlowCanvas *self = MP_FLOW_CANVAS (widget);
  double t = (gdk_frame_clock_get_frame_time (clock) - self->fly_start) / (double) FLY_DURATION_US;
  double e;

  t = CLAMP (t, 0.0, 1.0);
  e = 1.0 - pow (1.0 - t, 3);
  set_view (self, self->from_zoom + (self->to_zoom - self->from_zoom) * e,
            self->from_x + (self->to_x - self->from_x) * e,
            self->from_y + (self->to_y - self->from_y) * e);
  if (t < 1.0)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  if (self->base != NULL && self->base_zoom != self->zoom)
    invalidate (self);
  return G_SOURCE_REMOVE;
}

static void
fly_to (MpFlowCanvas *self,
        double        zoom,
        double        off_x,
        double        off_y)
{
  gboolean animations = TRUE;

  stop_flight (self);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !animations)
    {
      set_view (self, zoom, off_x, off_y);
      if (self->base != NULL && self->base_zoom != self->zoom)
        invalidate (self);
      return;
    }
  self->from_zoom = self->zoom;
  self->from_x = self->off_x;
  self->from_y = self->off_y;
  self->to_zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  self->to_x = off_x;
  self->to_y = off_y;
  self->fly_start = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fly_tick, NULL, NULL);
}

static void
fit (MpFlowCanvas *self,
     gboolean      animate)
{
  double zoom = fit_zoom (self), x, y;

  if (self->layout == NULL)
    return;
  centre_offsets (self, zoom, mp_flow_layout_get_width (self->layout) / 2,
                  mp_flow_layout_get_height (self->layout) / 2, &x, &y);
  if (animate)
    fly_to (self, zoom, x, y);
  else
    set_view (self, zoom, x, y);
}

static gboolean
node_visible (MpFlowCanvas *self,
              guint         node)
{
  const MpFlowRect *box = &mp_flow_layout_get_node (self->layout, node)->box;
  double x0, y0, x1, y1;

  mp_flow_canvas_layout_to_widget (self, box->x, box->y, &x0, &y0);
  mp_flow_canvas_layout_to_widget (self, box->x + box->width, box->y + box->height, &x1, &y1);
  return x0 >= 0 && y0 >= 0 && x1 <= gtk_widget_get_width (GTK_WIDGET (self)) &&
         y1 <= gtk_widget_get_height (GTK_WIDGET (self));
}

static void
show_node (MpFlowCanvas *self,
           guint         node,
           gboolean      always)
{
  const MpFlowLayoutNode *laid = mp_flow_layout_get_node (self->layout, node);
  double zoom = MAX (self->zoom, MIN (fit_zoom (self), 0.8)), x, y;

  if (!always && node_visible (self, node))
    return;
  centre_offsets (self, zoom, laid->x, laid->y, &x, &y);
  fly_to (self, zoom, x, y);
}

static void default_view (MpFlowCanvas *self,
                          gboolean      animate);

static void
follow_walk (MpFlowCanvas *self)
{
  g_autoptr(GArray) choices = NULL;
  MpFlowchart *chart;
  gboolean all_visible;

  if (self->layout == NULL)
    return;
  if (!self->user_moved && !self->fitted)
    {
      default_view (self, TRUE);
      return;
    }
  chart = mp_flow_layout_get_chart (self->layout);
  all_visible = node_visible (self, mp_flow_walk_get_current (self->walk));
  choices = mp_flow_walk_get_choices (self->walk);
  for (guint i = 0; i < choices->len && all_visible; i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, g_array_index (choices, guint, i));

      if (!edge->to.is_subgraph)
        all_visible = node_visible (self, edge->to.index);
    }
  if (!all_visible)
    show_node (self, mp_flow_walk_get_current (self->walk), TRUE);
}

static void
add_node_box (MpFlowCanvas    *self,
              guint            node,
              graphene_rect_t *area)
{
  const MpFlowRect *box = &mp_flow_layout_get_node (self->layout, node)->box;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (box->x, box->y, box->width, box->height);

  graphene_rect_union (area, &rect, area);
}

/* The current step and the nodes its answers lead to, in layout units. */
static void
current_step_area (MpFlowCanvas    *self,
                   graphene_rect_t *area)
{
  MpFlowchart *chart = mp_flow_layout_get_chart (self->layout);
  guint current = mp_flow_walk_get_current (self->walk);
  const MpFlowRect *box = &mp_flow_layout_get_node (self->layout, current)->box;
  g_autoptr(GArray) choices = mp_flow_walk_get_choices (self->walk);

  graphene_rect_init (area, box->x, box->y, box->width, box->height);
  for (guint i = 0; i < choices->len; i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, g_array_index (choices, guint, i));

      if (!edge->to.is_subgraph)
        add_node_box (self, edge->to.index, area);
    }
}

/* Labels are laid out at the interface's text size, so the default view
 * draws them at zoom 1 where it can: a chart that fits at that size is shown
 * whole; a bigger one follows the walk, centred on the current step and the
 * nodes its answers lead to, zoomed out only as far as they need to fit. */
static void
default_view (MpFlowCanvas *self,
              gboolean      animate)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * FIT_PADDING;
  double h = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * FIT_PADDING;
  graphene_rect_t area;
  double zoom, x, y;

  if (self->layout == NULL || self->walk == NULL || fit_zoom (self) >= 1.0 || w <= 0 || h <= 0)
    {
      fit (self, animate);
      return;
    }
  current_step_area (self, &area);
  zoom = MIN (1.0, MIN (w / area.size.width, h / area.size.height));
  zoom = MAX (zoom, fit_zoom (self));
  centre_offsets (self, zoom, area.origin.x + area.size.width / 2,
                  area.origin.y + area.size.height / 2, &x, &y);
  if (animate)
    fly_to (self, zoom, x, y);
  else
    set_view (self, zoom, x, y);
}

static void
initial_view (MpFlowCanvas *self)
{
  if (self->fitted)
    fit (self, FALSE);
  else
    default_view (self, FALSE);
}

static void
mp_flow_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  MpFlowCanvas *self = MP_FLOW_CANVAS (widget);

  if (!self->user_moved)
    initial_view (self);
}

double
mp_flow_canvas_get_zoom (MpFlowCanvas *self)
{
  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), 1.0);
  return self->zoom;
}

void
mp_flow_canvas_zoom_at (MpFlowCanvas *self,
                        double        factor,
                        double        x,
                        double        y)
{
  double zoom, lx, ly;

  g_return_if_fail (MP_IS_FLOW_CANVAS (self));

  stop_flight (self);
  zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);
  widget_to_layout (self, x, y, &lx, &ly);
  self->user_moved = TRUE;
  set_view (self, zoom, x - lx * zoom, y - ly * zoom);
}

void
mp_flow_canvas_zoom (MpFlowCanvas *self,
                     int           direction)
{
  double cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  double lx, ly, zoom, x, y;

  g_return_if_fail (MP_IS_FLOW_CANVAS (self));

  if (direction == 0)
    {
      self->user_moved = FALSE;
      self->fitted = TRUE;
      fit (self, TRUE);
      return;
    }
  self->user_moved = TRUE;
  self->fitted = FALSE;
  widget_to_layout (self, cx, cy, &lx, &ly);
  zoom = CLAMP (self->zoom * (direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP), MIN_ZOOM, MAX_ZOOM);
  centre_offsets (self, zoom, lx, ly, &x, &y);
  fly_to (self, zoom, x, y);
}

void
mp_flow_canvas_pan (MpFlowCanvas *self,
                    double        dx,
                    double        dy)
{
  g_return_if_fail (MP_IS_FLOW_CANVAS (self));

  stop_flight (self);
  self->user_moved = TRUE;
  set_view (self, self->zoom, self->off_x + dx, self->off_y + dy);
}

/* Hit testing ------------------------------------------------------------------ */

static int
node_at (MpFlowCanvas *self,
         double        lx,
         double        ly)
{
  guint n = mp_flowchart_get_n_nodes (mp_flow_layout_get_chart (self->layout));

  for (guint i = n; i-- > 0;)
    {
      const MpFlowRect *box = &mp_flow_layout_get_node (self->layout, i)->box;
      gboolean inside;

      if (lx < box->x || ly < box->y || lx > box->x + box->width || ly > box->y + box->height)
        continue;
      cairo_new_path (self->scratch);
      mp_flow_render_node_path (self->scratch, self->layout, i, 2);
      inside = cairo_in_fill (self->scratch, lx, ly);
      cairo_new_path (self->scratch);
      if (inside)
        return (int) i;
    }
  return -1;
}

/* A Bézier curve lies inside the box of its control points. */
static gboolean
near_control_box (const MpFlowLayoutEdge *laid,
                  double                  lx,
                  double                  ly,
                  double                  slack)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < laid->n_points; i++)
    {
      x0 = MIN (x0, laid->points[i].x);
      y0 = MIN (y0, laid->points[i].y);
      x1 = MAX (x1, laid->points[i].x);
      y1 = MAX (y1, laid->points[i].y);
    }
  return lx >= x0 - slack && lx <= x1 + slack && ly >= y0 - slack && ly <= y1 + slack;
}

static int
edge_at (MpFlowCanvas *self,
         double        lx,
         double        ly)
{
  guint n = mp_flowchart_get_n_edges (mp_flow_layout_get_chart (self->layout));
  double width = EDGE_HIT_WIDTH / MIN (self->zoom, 1.0);

  for (guint i = 0; i < n; i++)
    {
      const MpFlowLayoutEdge *laid = mp_flow_layout_get_edge (self->layout, i);
      const MpFlowRect *b = &laid->label;
      gboolean hit;

      if (laid->has_label && lx >= b->x && ly >= b->y && lx <= b->x + b->width &&
          ly <= b->y + b->height)
        return (int) i;
      if (!near_control_box (laid, lx, ly, width))
        continue;
      cairo_new_path (self->scratch);
      if (!mp_flow_render_edge_path (self->scratch, self->layout, i))
        continue;
      cairo_set_line_width (self->scratch, width);
      hit = cairo_in_stroke (self->scratch, lx, ly);
      cairo_new_path (self->scratch);
      if (hit)
        return (int) i;
    }
  return -1;
}

static gboolean
is_choice (MpFlowCanvas *self,
           int           edge)
{
  g_autoptr(GArray) choices = NULL;

  if (edge < 0 || self->walk == NULL)
    return FALSE;
  choices = mp_flow_walk_get_choices (self->walk);
  for (guint i = 0; i < choices->len; i++)
    if (g_array_index (choices, guint, i) == (guint) edge)
      return TRUE;
  return FALSE;
}

/* The answer a node stands for: the current question's edge leading to it. */
static int
choice_to_node (MpFlowCanvas *self,
                int           node)
{
  g_autoptr(GArray) choices = NULL;
  MpFlowchart *chart;

  if (node < 0 || self->walk == NULL)
    return -1;
  chart = mp_flow_layout_get_chart (self->layout);
  choices = mp_flow_walk_get_choices (self->walk);
  for (guint i = 0; i < choices->len; i++)
    {
      guint e = g_array_index (choices, guint, i);
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, e);

      if (!edge->to.is_subgraph && edge->to.index == (guint) node)
        return (int) e;
    }
  return -1;
}

static gboolean
is_earlier_step (MpFlowCanvas *self,
                 int           node)
{
  return node >= 0 && self->walk != NULL && mp_flow_walk_node_on_path (self->walk, node) &&
         mp_flow_walk_get_current (self->walk) != (guint) node;
}

/* Clicking a node the walk went through takes the answers back to it. */
static gboolean
go_back_to (MpFlowCanvas *self,
            int           node)
{
  return is_earlier_step (self, node) && mp_flow_walk_back_to (self->walk, node);
}

/* A node ahead of the walk (or off its path) cannot be jumped to: the
 * window says which question comes first. */
static void
explain_unreachable (MpFlowCanvas *self,
                     int           node)
{
  MpFlowchart *chart = mp_flow_layout_get_chart (self->layout);
  const MpFlowNode *target = mp_flowchart_get_node (chart, node);
  const MpFlowNode *current = mp_flowchart_get_node (chart, mp_flow_walk_get_current (self->walk));
  g_autofree char *message = NULL;

  if (mp_flow_walk_is_at_outcome (self->walk))
    /* Translators: a clicked node, then the outcome the walk is at */
    message = g_strdup_printf (_("“%s” is not on this path. Go back or start over to take another "
                                 "way from “%s”."), target->label, current->label);
  else
    /* Translators: a clicked node, then the question to answer first */
    message = g_strdup_printf (_("“%s” cannot be reached yet: answer “%s” first."),
                               target->label, current->label);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

gboolean
mp_flow_canvas_click (MpFlowCanvas *self,
                      double        x,
                      double        y)
{
  double lx, ly;
  int node, edge;

  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), FALSE);

  if (self->layout == NULL || self->walk == NULL)
    return FALSE;
  widget_to_layout (self, x, y, &lx, &ly);
  node = node_at (self, lx, ly);
  edge = choice_to_node (self, node);
  if (edge < 0 && node < 0)
    edge = edge_at (self, lx, ly);
  if (is_choice (self, edge))
    return mp_flow_walk_choose (self->walk, edge);
  if (go_back_to (self, node))
    return TRUE;
  if (node >= 0 && (guint) node != mp_flow_walk_get_current (self->walk))
    explain_unreachable (self, node);
  return FALSE;
}

/* Events --------------------------------------------------------------------- */

static void
update_hover (MpFlowCanvas *self,
              double        x,
              double        y)
{
  int node = -1, edge = -1;
  gboolean clickable;
  double lx, ly;

  if (self->layout != NULL && x >= 0 && y >= 0)
    {
      widget_to_layout (self, x, y, &lx, &ly);
      node = node_at (self, lx, ly);
      if (node < 0)
        edge = edge_at (self, lx, ly);
    }
  clickable = is_choice (self, edge) || choice_to_node (self, node) >= 0 ||
              is_earlier_step (self, node);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->dragging ? "grabbing" : clickable ? "pointer" : NULL);
  if (node == self->hover_node && edge == self->hover_edge)
    return;
  self->hover_node = node;
  self->hover_edge = edge;
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (MpFlowCanvas *self,
           double        x,
           double        y)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (!self->dragging)
    update_hover (self, x, y);
}

static void
on_leave (MpFlowCanvas *self)
{
  self->pointer_x = self->pointer_y = -1;
  update_hover (self, -1, -1);
}

static void
on_drag_begin (MpFlowCanvas   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  self->drag_x = self->off_x;
  self->drag_y = self->off_y;
  self->dragging = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (MpFlowCanvas   *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (!self->dragging && hypot (dx, dy) < CLICK_SLOP)
    return;
  if (!self->dragging)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->dragging = TRUE;
  stop_flight (self);
  self->user_moved = TRUE;
  set_view (self, self->zoom, self->drag_x + dx, self->drag_y + dy);
}

static void
on_drag_end (MpFlowCanvas   *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (!self->dragging)
    mp_flow_canvas_click (self, x + dx, y + dy);
  self->dragging = FALSE;
  update_hover (self, x + dx, y + dy);
}

static gboolean
on_scroll (MpFlowCanvas             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean discrete = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (self->layout == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      if (self->pointer_x >= 0)
        {
          x = self->pointer_x;
          y = self->pointer_y;
        }
      mp_flow_canvas_zoom_at (self, pow (ZOOM_STEP, -dy * (discrete ? 1.0 : 0.1)), x, y);
      return TRUE;
    }
  mp_flow_canvas_pan (self, -dx * (discrete ? 40 : 1), -dy * (discrete ? 40 : 1));
  return TRUE;
}

static void
on_pinch_begin (MpFlowCanvas *self)
{
  self->pinch_zoom = self->zoom;
}

static void
on_pinch_scale (MpFlowCanvas   *self,
                double          scale,
                GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  mp_flow_canvas_zoom_at (self, self->pinch_zoom * scale / self->zoom, x, y);
}

static gboolean
on_query_tooltip (MpFlowCanvas *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  MpFlowchart *chart;
  double lx, ly;
  int node, edge;

  if (self->layout == NULL)
    return FALSE;
  chart = mp_flow_layout_get_chart (self->layout);
  widget_to_layout (self, x, y, &lx, &ly);
  node = node_at (self, lx, ly);
  if (node >= 0)
    {
      const MpFlowNode *n = mp_flowchart_get_node (chart, node);
      g_autofree char *text = n->tooltip != NULL ? g_strdup_printf ("%s\n\n%s", n->label, n->tooltip)
                                                 : g_strdup (n->label);

      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  edge = edge_at (self, lx, ly);
  if (edge >= 0 && mp_flowchart_get_edge (chart, edge)->label != NULL)
    {
      gtk_tooltip_set_text (tooltip, mp_flowchart_get_edge (chart, edge)->label);
      return TRUE;
    }
  return FALSE;
}

/* Keyboard ------------------------------------------------------------------- */

static void update_accessible (MpFlowCanvas *self);

static gboolean
move_focus (MpFlowCanvas *self,
            int           step)
{
  g_autoptr(GArray) choices = NULL;
  int position = -1, next;

  if (self->walk == NULL)
    return FALSE;
  choices = mp_flow_walk_get_choices (self->walk);
  if (choices->len == 0)
    return FALSE;
  for (guint i = 0; i < choices->len; i++)
    if ((int) g_array_index (choices, guint, i) == self->focus_edge)
      position = (int) i;
  next = position < 0 ? (step > 0 ? 0 : (int) choices->len - 1) : position + step;
  if (next < 0 || next >= (int) choices->len)
    return FALSE;
  self->focus_edge = (int) g_array_index (choices, guint, next);
  {
    const MpFlowEdge *edge = mp_flowchart_get_edge (mp_flow_walk_get_chart (self->walk),
                                                    self->focus_edge);
    if (!edge->to.is_subgraph)
      show_node (self, edge->to.index, FALSE);
  }
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
activate_focus (MpFlowCanvas *self)
{
  g_autoptr(GArray) choices = NULL;

  if (self->walk == NULL)
    return FALSE;
  if (self->focus_edge >= 0)
    return mp_flow_walk_choose (self->walk, self->focus_edge);
  choices = mp_flow_walk_get_choices (self->walk);
  if (choices->len == 1)
    return mp_flow_walk_choose (self->walk, g_array_index (choices, guint, 0));
  return move_focus (self, 1);
}

static gboolean
on_key_pressed (MpFlowCanvas          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  if ((state & GDK_CONTROL_MASK) && (keyval == GDK_KEY_f || keyval == GDK_KEY_F))
    {
      g_signal_emit (self, signals[SEARCH_REQUESTED], 0);
      return TRUE;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      return move_focus (self, (shift || keyval == GDK_KEY_ISO_Left_Tab) ? -1 : 1);
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      return move_focus (self, 1) || TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      return move_focus (self, -1) || TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      return activate_focus (self) || TRUE;
    case GDK_KEY_BackSpace:
      return self->walk != NULL && mp_flow_walk_back (self->walk);
    case GDK_KEY_Home:
      if (self->walk != NULL)
        mp_flow_walk_restart (self->walk);
      return self->walk != NULL;
    default:
      return FALSE;
    }
}

/* The dashed answer ring is a keyboard focus mark: it goes with the focus. */
static void
on_focus_leave (MpFlowCanvas *self)
{
  if (self->focus_edge < 0)
    return;
  self->focus_edge = -1;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Search ----------------------------------------------------------------------- */

guint
mp_flow_canvas_set_search (MpFlowCanvas *self,
                           const char   *text)
{
  g_autofree char *needle = NULL;
  MpFlowchart *chart;

  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), 0);

  g_array_set_size (self->matches, 0);
  self->match_index = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->layout == NULL || text == NULL || *text == '\0')
    return 0;
  chart = mp_flow_layout_get_chart (self->layout);
  needle = g_utf8_casefold (text, -1);
  for (guint i = 0; i < mp_flowchart_get_n_nodes (chart); i++)
    {
      const MpFlowNode *node = mp_flowchart_get_node (chart, i);
      g_autofree char *hay = g_utf8_casefold (node->label != NULL ? node->label : node->id, -1);

      if (strstr (hay, needle) != NULL)
        g_array_append_val (self->matches, i);
    }
  return self->matches->len;
}

int
mp_flow_canvas_next_match (MpFlowCanvas *self,
                           gboolean      backwards)
{
  guint n;
  int node;

  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), -1);

  n = self->matches->len;
  if (n == 0)
    return -1;
  if (self->match_index < 0)
    self->match_index = backwards ? (int) n - 1 : 0;
  else
    self->match_index = (self->match_index + (backwards ? n - 1 : 1)) % n;
  node = (int) g_array_index (self->matches, guint, self->match_index);
  self->user_moved = TRUE;
  show_node (self, node, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return node;
}

guint
mp_flow_canvas_get_n_matches (MpFlowCanvas *self)
{
  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), 0);
  return self->matches->len;
}

int
mp_flow_canvas_get_match_index (MpFlowCanvas *self)
{
  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), -1);
  return self->match_index;
}

int
mp_flow_canvas_get_focus_edge (MpFlowCanvas *self)
{
  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), -1);
  return self->focus_edge;
}

/* Chart -------------------------------------------------------------------------- */

static const char *
endpoint_name (MpFlowchart          *chart,
               const MpFlowEndpoint *endpoint)
{
  if (endpoint->is_subgraph)
    return mp_flowchart_get_subgraph (chart, endpoint->index)->title;
  return mp_flowchart_get_node (chart, endpoint->index)->label;
}

/* Screen readers learn where the walk stands from the description, which
 * changes with every answer and every answer the keyboard focuses. */
static char *
describe_walk (MpFlowCanvas *self)
{
  MpFlowchart *chart = mp_flow_walk_get_chart (self->walk);
  const MpFlowNode *node = mp_flowchart_get_node (chart, mp_flow_walk_get_current (self->walk));
  g_autoptr(GArray) choices = mp_flow_walk_get_choices (self->walk);
  GString *text = g_string_new (NULL);

  if (mp_flow_walk_is_at_outcome (self->walk))
    /* Translators: what a screen reader hears on the flowchart; %s is the outcome */
    g_string_append_printf (text, _("Outcome: %s"), node->label);
  else
    /* Translators: what a screen reader hears on the flowchart; %s is the question */
    g_string_append_printf (text, _("Current step: %s"), node->label);
  if (text->len > 0 && strchr (".?!", text->str[text->len - 1]) == NULL)
    g_string_append_c (text, '.');
  for (guint i = 0; i < choices->len; i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, g_array_index (choices, guint, i));
      const char *answer = edge->label != NULL ? edge->label : endpoint_name (chart, &edge->to);

      if (i == 0)
        /* Translators: followed by the answers, separated by commas */
        g_string_append_printf (text, " %s ", _("Answers:"));
      else
        g_string_append (text, ", ");
      g_string_append (text, answer);
      if ((int) g_array_index (choices, guint, i) == self->focus_edge)
        /* Translators: after the answer the keyboard is on */
        g_string_append_printf (text, " (%s)", _("selected"));
    }
  if (choices->len > 0)
    /* Translators: follows the list of answers, hence the leading full stop */
    g_string_append (text, _(". Arrow keys choose an answer, Enter takes it, Backspace goes back."));
  return g_string_free (text, FALSE);
}

static void
update_accessible (MpFlowCanvas *self)
{
  MpFlowchart *chart = self->walk != NULL ? mp_flow_walk_get_chart (self->walk) : NULL;
  const char *title = chart != NULL ? mp_flowchart_get_acc_title (chart) : NULL;
  const char *about = chart != NULL ? mp_flowchart_get_acc_description (chart) : NULL;
  g_autofree char *walk = self->walk != NULL ? describe_walk (self) : NULL;
  g_autofree char *description = NULL;

  if (title == NULL && chart != NULL)
    title = mp_flowchart_get_title (chart);
  if (walk != NULL && about != NULL)
    description = g_strconcat (walk, " ", about, NULL);
  else
    description = g_strdup (walk != NULL ? walk : about != NULL ? about : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Decision flowchart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
on_walk_changed (MpFlowCanvas *self)
{
  self->focus_edge = -1;
  update_accessible (self);
  invalidate (self);
  follow_walk (self);
}

void
mp_flow_canvas_set_chart (MpFlowCanvas *self,
                          MpFlowLayout *layout,
                          MpFlowWalk   *walk)
{
  g_return_if_fail (MP_IS_FLOW_CANVAS (self));
  g_return_if_fail (layout == NULL || MP_IS_FLOW_LAYOUT (layout));
  g_return_if_fail (walk == NULL || MP_IS_FLOW_WALK (walk));

  if (self->walk != walk)
    {
      if (self->walk != NULL)
        g_signal_handlers_disconnect_by_func (self->walk, on_walk_changed, self);
      g_set_object (&self->walk, walk);
      if (walk != NULL)
        g_signal_connect_object (walk, "changed", G_CALLBACK (on_walk_changed), self,
                                 G_CONNECT_SWAPPED);
    }
  g_set_object (&self->layout, layout);
  self->hover_node = self->hover_edge = self->focus_edge = -1;
  g_array_set_size (self->matches, 0);
  self->match_index = -1;
  self->user_moved = FALSE;
  self->fitted = FALSE;
  stop_flight (self);
  update_accessible (self);
  initial_view (self);
  invalidate (self);
}

MpFlowLayout *
mp_flow_canvas_get_layout (MpFlowCanvas *self)
{
  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), NULL);
  return self->layout;
}

MpFlowWalk *
mp_flow_canvas_get_walk (MpFlowCanvas *self)
{
  g_return_val_if_fail (MP_IS_FLOW_CANVAS (self), NULL);
  return self->walk;
}

/* Type ---------------------------------------------------------------------------- */

static void
mp_flow_canvas_dispose (GObject *object)
{
  MpFlowCanvas *self = MP_FLOW_CANVAS (object);

  stop_flight (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->walk != NULL)
    g_signal_handlers_disconnect_by_func (self->walk, on_walk_changed, self);
  g_clear_object (&self->walk);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->base, gsk_render_node_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->scratch, cairo_destroy);

  G_OBJECT_CLASS (mp_flow_canvas_parent_class)->dispose (object);
}

static void
mp_flow_canvas_class_init (MpFlowCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_flow_canvas_dispose;
  widget_class->snapshot = mp_flow_canvas_snapshot;
  widget_class->size_allocate = mp_flow_canvas_size_allocate;
  widget_class->css_changed = mp_flow_canvas_css_changed;

  signals[SEARCH_REQUESTED] = g_signal_new ("search-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "flowcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
add_controllers (MpFlowCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll), self);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect_swapped (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect_swapped (pinch, "scale-changed", G_CALLBACK (on_pinch_scale), self);
  gtk_widget_add_controller (widget, motion);
  gtk_widget_add_controller (widget, scroll);
  gtk_widget_add_controller (widget, key);
  gtk_widget_add_controller (widget, focus);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

static void
mp_flow_canvas_init (MpFlowCanvas *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);

  self->scratch = cairo_create (surface);
  cairo_surface_destroy (surface);
  self->zoom = self->base_zoom = 1.0;
  self->hover_node = self->hover_edge = self->focus_edge = -1;
  self->match_index = -1;
  self->pointer_x = self->pointer_y = -1;
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  mp_flow_palette_init (&self->palette, FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (invalidate), NULL);
  add_controllers (self);
  update_accessible (self);
}

GtkWidget *
mp_flow_canvas_new (void)
{
  return g_object_new (MP_TYPE_FLOW_CANVAS, NULL);
}
