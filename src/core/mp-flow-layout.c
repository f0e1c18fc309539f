/* mp-flow-layout.c: a flowchart laid out by Graphviz dot (no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-layout.h"
#include "mp-flow-shape.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <graphviz/gvc.h>

/* The dot layout plugin is linked in, so no plugin (and no Pango text
 * plugin) is loaded from disk. */
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;

static const lt_symlist_t builtin_plugins[] = {
  { "gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library },
  { NULL, NULL },
};

#define PAD_X 14.0
#define PAD_Y 9.0
#define LABEL_PAD 4.0
/* Graphviz estimates Courier text as 0.6 em per character and 1.2 em per
 * line: edge and cluster labels are sized through that rule (see fake_label). */
#define COURIER_ADVANCE 0.6
#define GV_LINE_SPACING 1.2

struct _MpFlowLayout
{
  GObject               parent_instance;

  MpFlowchart          *chart;
  PangoFontDescription *font;
  double                width;
  double                height;
  MpFlowLayoutNode     *nodes;
  MpFlowLayoutEdge     *edges;
  MpFlowLayoutCluster  *clusters;
};

G_DEFINE_FINAL_TYPE (MpFlowLayout, mp_flow_layout, G_TYPE_OBJECT)

G_DEFINE_QUARK (mp-flow-layout-error-quark, mp_flow_layout_error)

static GMutex gv_lock;
static GVC_t *gv_context;

/* Built while laying out; freed before returning. */
typedef struct {
  MpFlowLayout  *layout;
  PangoContext  *pango;
  Agraph_t      *graph;
  Agraph_t     **clusters;
  Agnode_t     **nodes;
  Agedge_t     **edges;
  MpFlowEdgeLabels labels;
  double         bb_height;
  double         bb_x;
} Builder;

static void
mp_flow_layout_finalize (GObject *object)
{
  MpFlowLayout *self = MP_FLOW_LAYOUT (object);
  guint n_edges = mp_flowchart_get_n_edges (self->chart);

  for (guint i = 0; self->edges != NULL && i < n_edges; i++)
    g_free (self->edges[i].points);
  g_free (self->nodes);
  g_free (self->edges);
  g_free (self->clusters);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (mp_flow_layout_parent_class)->finalize (object);
}

static void
mp_flow_layout_class_init (MpFlowLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_flow_layout_finalize;
}

static void
mp_flow_layout_init (MpFlowLayout *self)
{
}

double
mp_flow_layout_wrap_width (MpNodeShape shape)
{
  switch (shape)
    {
    case MP_NODE_SHAPE_DIAMOND:
    case MP_NODE_SHAPE_TRIANGLE:
    case MP_NODE_SHAPE_FLIPPED_TRIANGLE:
      return 140.0;
    case MP_NODE_SHAPE_CIRCLE:
    case MP_NODE_SHAPE_DOUBLE_CIRCLE:
      return 170.0;
    default:
      return 220.0;
    }
}

void
mp_flow_layout_setup_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics make line breaks and widths the same at every zoom. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  /* Whole-pixel glyph positions, rounded before the chart is scaled, make
   * uneven gaps between letters ("Sk ip") once it is drawn zoomed. */
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
}

PangoLayout *
mp_flow_layout_create_text (PangoContext               *context,
                            const PangoFontDescription *font,
                            const char                 *markup,
                            const char                 *plain,
                            double                      wrap_width)
{
  PangoLayout *text = pango_layout_new (context);

  pango_layout_set_font_description (text, font);
  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
  if (wrap_width > 0)
    pango_layout_set_width (text, (int) (wrap_width * PANGO_SCALE));
  if (markup == NULL || !pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    pango_layout_set_text (text, plain != NULL ? plain : "", -1);
  else
    pango_layout_set_markup (text, markup, -1);
  return text;
}

static void
measure (Builder    *b,
         const char *markup,
         const char *plain,
         double      wrap_width,
         double     *width,
         double     *height,
         int        *n_lines)
{
  g_autoptr(PangoLayout) text = NULL;
  PangoRectangle logical;

  text = mp_flow_layout_create_text (b->pango, b->layout->font, markup, plain, wrap_width);
  pango_layout_get_extents (text, NULL, &logical);
  *width = ceil ((double) logical.width / PANGO_SCALE);
  *height = ceil ((double) logical.height / PANGO_SCALE);
  if (n_lines != NULL)
    *n_lines = MAX (1, pango_layout_get_line_count (text));
}

static void
set_attr (void       *object,
          const char *name,
          const char *value)
{
  agsafeset (object, (char *) name, (char *) value, (char *) "");
}

static void
set_attr_double (void       *object,
                 const char *name,
                 double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_attr (object, name, g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

/* Graphviz sizes a label from its text. Without its Pango plugin it
 * estimates; a Courier string of the right length and font size gives a
 * box of the Pango-measured size. */
static void
fake_label (void       *object,
            const char *attribute,
            double      width,
            double      height,
            int         n_lines)
{
  double font_size = height / (GV_LINE_SPACING * n_lines);
  guint n_chars = (guint) ceil (width / (COURIER_ADVANCE * font_size));
  g_autoptr(GString) text = g_string_new (NULL);

  for (int line = 0; line < n_lines; line++)
    {
      if (line > 0)
        g_string_append_c (text, '\n');
      for (guint i = 0; i < n_chars; i++)
        g_string_append_c (text, 'x');
    }
  set_attr (object, "fontname", "Courier");
  set_attr_double (object, "fontsize", font_size);
  set_attr (object, attribute, text->str);
}

static const char *
dot_shape (MpNodeShape shape)
{
  switch (shape)
    {
    case MP_NODE_SHAPE_CIRCLE:            return "circle";
    case MP_NODE_SHAPE_DOUBLE_CIRCLE:     return "circle";
    case MP_NODE_SHAPE_SMALL_CIRCLE:      return "circle";
    case MP_NODE_SHAPE_FILLED_CIRCLE:     return "circle";
    case MP_NODE_SHAPE_FRAMED_CIRCLE:     return "circle";
    case MP_NODE_SHAPE_CROSSED_CIRCLE:    return "circle";
    case MP_NODE_SHAPE_ELLIPSE:           return "ellipse";
    case MP_NODE_SHAPE_TRIANGLE:          return "triangle";
    case MP_NODE_SHAPE_FLIPPED_TRIANGLE:  return "invtriangle";
    case MP_NODE_SHAPE_DIAMOND:           return "diamond";
    case MP_NODE_SHAPE_HEXAGON:           return "hexagon";
    case MP_NODE_SHAPE_PARALLELOGRAM:     return "parallelogram";
    case MP_NODE_SHAPE_TRAPEZOID:         return "trapezium";
    case MP_NODE_SHAPE_TRAPEZOID_ALT:     return "invtrapezium";
    default:                              return "box";
    }
}

/* Room for the outline of Mermaid 11's newer shapes around the label box
 * (@w × @h on entry: the label and its padding). */
static void
newer_shape_size (MpNodeShape  shape,
                  double       tw,
                  double       th,
                  double      *w,
                  double      *h)
{
  switch ((int) shape)
    {
    case MP_NODE_SHAPE_SMALL_CIRCLE:
      *w = *h = 16; break;
    case MP_NODE_SHAPE_FILLED_CIRCLE:
      *w = *h = 10; break;
    case MP_NODE_SHAPE_FRAMED_CIRCLE:
      *w = *h = 22; break;
    case MP_NODE_SHAPE_CROSSED_CIRCLE:
      *w = *h = 30; break;
    case MP_NODE_SHAPE_FORK:
      *w = 70, *h = 10; break;
    case MP_NODE_SHAPE_BOLT:
      *w = 36, *h = 56; break;
    case MP_NODE_SHAPE_ELLIPSE:
      *w = tw * G_SQRT2 + 2 * PAD_X, *h = th * G_SQRT2 + 2 * PAD_Y; break;
    case MP_NODE_SHAPE_CLOUD: case MP_NODE_SHAPE_BANG:
      *w = tw * 1.5 + 2 * PAD_X, *h = th * 1.6 + 2 * PAD_Y + 12; break;
    case MP_NODE_SHAPE_TEXT:
      *w = tw + 8, *h = th + 8; break;
    case MP_NODE_SHAPE_TRIANGLE: case MP_NODE_SHAPE_FLIPPED_TRIANGLE:
      *w = 2 * (tw + PAD_X), *h = MAX (2 * (th + PAD_Y), *w * 0.6); break;
    case MP_NODE_SHAPE_HOURGLASS:
      /* a 30 × 40 glass with the label under it (mp-flow-outline.c) */
      *w = MAX (tw + 8, 30.0), *h = 40 + 6 + th; break;
    case MP_NODE_SHAPE_DOCUMENT: case MP_NODE_SHAPE_TAGGED_DOCUMENT: case MP_NODE_SHAPE_LINED_DOCUMENT:
    case MP_NODE_SHAPE_FLAG: case MP_NODE_SHAPE_SLOPED_RECT: case MP_NODE_SHAPE_DIVIDED_RECT:
      *h += 14; *w += 8; break;
    case MP_NODE_SHAPE_DOCUMENTS:
      *h += 26; *w += 20; break;
    case MP_NODE_SHAPE_STACKED_RECT:
      *h += 12; *w += 12; break;
    case MP_NODE_SHAPE_LINED_CYLINDER:
      *h += 24; break;
    case MP_NODE_SHAPE_H_CYLINDER: case MP_NODE_SHAPE_BOW_RECT:
      *w += 24; break;
    case MP_NODE_SHAPE_DELAY: case MP_NODE_SHAPE_CURVED_TRAPEZOID:
      *w += *h / 2 + 8; break;
    case MP_NODE_SHAPE_WINDOW_PANE:
      *w += 10, *h += 10; break;
    default:
      /* cards, pentagons, lined and tagged boxes, braces, data stores */
      *w += 18; break;
    }
}

/* The outer size of a node whose label measures @tw × @th. */
static void
node_size (MpNodeShape  shape,
           double       tw,
           double       th,
           double      *width,
           double      *height)
{
  double w = tw + 2 * PAD_X;
  double h = MAX (th + 2 * PAD_Y, 36.0);

  switch (shape)
    {
    case MP_NODE_SHAPE_DIAMOND:
      /* The text box fits inside when tw/W + th/H ≤ 1; halving each is the
       * smallest such diamond. */
      h = 2 * th + 2 * PAD_Y;
      w = MAX (2 * tw + 2 * PAD_Y, h);
      break;
    case MP_NODE_SHAPE_HEXAGON:
      w = (tw + 2 * PAD_X) / (1.0 - 0.5 * th / h);
      break;
    case MP_NODE_SHAPE_CIRCLE:
    case MP_NODE_SHAPE_DOUBLE_CIRCLE:
      w = h = hypot (tw, th) + 2 * PAD_Y + (shape == MP_NODE_SHAPE_DOUBLE_CIRCLE ? 10 : 0);
      break;
    case MP_NODE_SHAPE_PARALLELOGRAM:
    case MP_NODE_SHAPE_PARALLELOGRAM_ALT:
    case MP_NODE_SHAPE_TRAPEZOID:
    case MP_NODE_SHAPE_TRAPEZOID_ALT:
      w += h;
      break;
    case MP_NODE_SHAPE_ASYMMETRIC:
      w += h / 2;
      break;
    case MP_NODE_SHAPE_SUBROUTINE:
      w += 16;
      break;
    case MP_NODE_SHAPE_CYLINDER:
      h += 16;
      break;
    case MP_NODE_SHAPE_STADIUM:
      w += h / 2;
      break;
    default:
      newer_shape_size (shape, tw, th, &w, &h);
      break;
    }
  *width = ceil (w);
  *height = ceil (h);
}

static void
add_node (Builder *b,
          guint    index)
{
  const MpFlowNode *node = mp_flowchart_get_node (b->layout->chart, index);
  MpFlowLayoutNode *out = &b->layout->nodes[index];
  char name[32];
  Agnode_t *n;

  g_snprintf (name, sizeof name, "n%u", index);
  n = agnode (b->graph, name, TRUE);
  if (mp_flow_shape_shows_label (node->shape))
    measure (b, node->label_markup, node->label, mp_flow_layout_wrap_width (node->shape),
             &out->text_width, &out->text_height, NULL);
  node_size (node->shape, out->text_width, out->text_height, &out->box.width, &out->box.height);
  set_attr (n, "shape", dot_shape (node->shape));
  set_attr (n, "fixedsize", "true");
  set_attr (n, "label", "");
  set_attr_double (n, "width", out->box.width / 72.0);
  set_attr_double (n, "height", out->box.height / 72.0);
  b->nodes[index] = n;
}

static gboolean
is_horizontal (MpFlowDirection direction)
{
  return direction == MP_FLOW_DIRECTION_LR || direction == MP_FLOW_DIRECTION_RL;
}

static Agraph_t *
ensure_cluster (Builder *b,
                int      index)
{
  const MpFlowSubgraph *sub;
  Agraph_t *parent;
  char name[32];
  double tw, th;
  int n_lines;

  if (b->clusters[index] != NULL)
    return b->clusters[index];
  sub = mp_flowchart_get_subgraph (b->layout->chart, index);
  parent = sub->parent >= 0 ? ensure_cluster (b, sub->parent) : b->graph;
  g_snprintf (name, sizeof name, "cluster_%d", index);
  b->clusters[index] = agsubg (parent, name, TRUE);
  if (sub->title != NULL && *sub->title != '\0')
    {
      measure (b, sub->title_markup, sub->title, 0, &tw, &th, &n_lines);
      fake_label (b->clusters[index], "label", tw + 2 * LABEL_PAD, th + 2 * LABEL_PAD, n_lines);
      b->layout->clusters[index].title.width = tw;
      b->layout->clusters[index].title.height = th;
    }
  set_attr (b->clusters[index], "margin", "14");
  set_attr (b->clusters[index], "labeljust", "l");
  return b->clusters[index];
}

/* dot has one rank direction per graph. A subgraph that runs across it
 * (`direction LR` in a TB chart) keeps its own nodes on one rank. */
static Agraph_t *
cross_direction_row (Builder *b,
                     guint    index)
{
  const MpFlowSubgraph *sub = mp_flowchart_get_subgraph (b->layout->chart, index);
  Agraph_t *row;

  if (!sub->has_direction ||
      is_horizontal (sub->direction) == is_horizontal (mp_flowchart_get_direction (b->layout->chart)))
    return b->clusters[index];
  row = agsubg (b->clusters[index], (char *) "row", TRUE);
  set_attr (row, "rank", "same");
  return row;
}

/* The node that stands for a subgraph at an edge's end (its first node). */
static int
subgraph_anchor (Builder *b,
                 guint    subgraph)
{
  guint n_nodes = mp_flowchart_get_n_nodes (b->layout->chart);

  for (guint i = 0; i < n_nodes; i++)
    {
      int s = mp_flowchart_get_node (b->layout->chart, i)->subgraph;

      while (s >= 0 && (guint) s != subgraph)
        s = mp_flowchart_get_subgraph (b->layout->chart, s)->parent;
      if (s >= 0)
        return (int) i;
    }
  return -1;
}

static int
endpoint_node (Builder              *b,
               const MpFlowEndpoint *end,
               Agraph_t            **cluster)
{
  *cluster = NULL;
  if (!end->is_subgraph)
    return (int) end->index;
  *cluster = b->clusters[end->index];
  return subgraph_anchor (b, end->index);
}

static void
add_edge (Builder *b,
          guint    index)
{
  const MpFlowEdge *edge = mp_flowchart_get_edge (b->layout->chart, index);
  Agraph_t *tail_cluster, *head_cluster;
  int tail = endpoint_node (b, &edge->from, &tail_cluster);
  int head = endpoint_node (b, &edge->to, &head_cluster);
  char name[32];
  Agedge_t *e;

  if (tail < 0 || head < 0)
    return;
  g_snprintf (name, sizeof name, "e%u", index);
  e = agedge (b->graph, b->nodes[tail], b->nodes[head], name, TRUE);
  b->edges[index] = e;
  if (tail_cluster != NULL && !(head_cluster == tail_cluster))
    set_attr (e, "ltail", agnameof (tail_cluster));
  if (head_cluster != NULL && !(head_cluster == tail_cluster))
    set_attr (e, "lhead", agnameof (head_cluster));
  set_attr (e, "dir", "both");
  set_attr (e, "arrowtail", edge->start_end != MP_EDGE_END_NONE ? "normal" : "none");
  set_attr (e, "arrowhead", edge->end_end != MP_EDGE_END_NONE ? "normal" : "none");
  set_attr_double (e, "arrowsize", 0.9);
  if (edge->length > 1)
    set_attr_double (e, "minlen", edge->length);
  if (edge->label != NULL && *edge->label != '\0')
    {
      MpFlowLayoutEdge *out = &b->layout->edges[index];
      int n_lines;

      measure (b, edge->label_markup, edge->label, 200, &out->label.width, &out->label.height,
               &n_lines);
      out->label.width += 2 * LABEL_PAD;
      out->label.height += 2 * LABEL_PAD;
      out->has_label = TRUE;
      fake_label (e, b->labels == MP_FLOW_EDGE_LABELS_INLINE ? "label" : "xlabel",
                  out->label.width, out->label.height, n_lines);
    }
}

static const char *
rank_direction (MpFlowDirection direction)
{
  switch (direction)
    {
    case MP_FLOW_DIRECTION_BT: return "BT";
    case MP_FLOW_DIRECTION_LR: return "LR";
    case MP_FLOW_DIRECTION_RL: return "RL";
    default:                   return "TB";
    }
}

static void
build_graph (Builder *b)
{
  MpFlowchart *chart = b->layout->chart;
  guint n_nodes = mp_flowchart_get_n_nodes (chart);
  guint n_edges = mp_flowchart_get_n_edges (chart);
  guint n_subgraphs = mp_flowchart_get_n_subgraphs (chart);

  b->graph = agopen ((char *) "flowchart", Agdirected, NULL);
  set_attr (b->graph, "rankdir", rank_direction (mp_flowchart_get_direction (chart)));
  set_attr (b->graph, "nodesep", "0.4");
  set_attr (b->graph, "ranksep", "0.45");
  set_attr (b->graph, "compound", "true");
  set_attr (b->graph, "forcelabels", "true");
  set_attr (b->graph, "labelloc", "t");
  b->nodes = g_new0 (Agnode_t *, n_nodes);
  b->edges = g_new0 (Agedge_t *, n_edges);
  b->clusters = g_new0 (Agraph_t *, n_subgraphs);
  for (guint i = 0; i < n_nodes; i++)
    add_node (b, i);
  for (guint i = 0; i < n_subgraphs; i++)
    ensure_cluster (b, i);
  for (guint i = 0; i < n_nodes; i++)
    {
      int s = mp_flowchart_get_node (chart, i)->subgraph;

      if (s >= 0)
        agsubnode (cross_direction_row (b, s), b->nodes[i], TRUE);
    }
  for (guint i = 0; i < n_edges; i++)
    add_edge (b, i);
}

static MpFlowPoint
to_pixels (Builder *b,
           pointf   p)
{
  return (MpFlowPoint) { p.x - b->bb_x + MP_FLOW_LAYOUT_MARGIN,
                         b->bb_height - p.y + MP_FLOW_LAYOUT_MARGIN };
}

static MpFlowRect
box_to_pixels (Builder *b,
               boxf     box)
{
  MpFlowPoint ll = to_pixels (b, box.LL);
  MpFlowPoint ur = to_pixels (b, box.UR);

  return (MpFlowRect) { ll.x, ur.y, ur.x - ll.x, ll.y - ur.y };
}

static void
read_node (Builder *b,
           guint    index)
{
  MpFlowLayoutNode *out = &b->layout->nodes[index];
  MpFlowPoint centre = to_pixels (b, ND_coord (b->nodes[index]));

  out->x = centre.x;
  out->y = centre.y;
  out->box.x = centre.x - out->box.width / 2;
  out->box.y = centre.y - out->box.height / 2;
}

static MpFlowPoint
lerp (MpFlowPoint a,
      MpFlowPoint b,
      double      t)
{
  return (MpFlowPoint) { a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t };
}

static void
straight_edge (MpFlowLayoutEdge *out,
               MpFlowPoint       from,
               MpFlowPoint       to)
{
  out->n_points = 4;
  out->points = g_new (MpFlowPoint, 4);
  for (guint i = 0; i < 4; i++)
    out->points[i] = lerp (from, to, i / 3.0);
  out->start = from;
  out->end = to;
}

static void
read_edge (Builder *b,
           guint    index)
{
  MpFlowLayoutEdge *out = &b->layout->edges[index];
  Agedge_t *e = b->edges[index];
  textlabel_t *label;

  if (e == NULL)
    return;
  if (ED_spl (e) != NULL && ED_spl (e)->size > 0 && ED_spl (e)->list[0].size >= 4)
    {
      bezier *bz = &ED_spl (e)->list[0];

      out->n_points = bz->size;
      out->points = g_new (MpFlowPoint, bz->size);
      for (int i = 0; i < bz->size; i++)
        out->points[i] = to_pixels (b, bz->list[i]);
      out->start = bz->sflag ? to_pixels (b, bz->sp) : out->points[0];
      out->end = bz->eflag ? to_pixels (b, bz->ep) : out->points[out->n_points - 1];
    }
  else
    straight_edge (out, to_pixels (b, ND_coord (agtail (e))), to_pixels (b, ND_coord (aghead (e))));

  if (!out->has_label)
    return;
  label = b->labels == MP_FLOW_EDGE_LABELS_INLINE ? ED_label (e) : ED_xlabel (e);
  if (label != NULL && label->set)
    {
      MpFlowPoint c = to_pixels (b, label->pos);

      out->label.x = c.x - out->label.width / 2;
      out->label.y = c.y - out->label.height / 2;
    }
  else
    {
      MpFlowPoint c = out->points[out->n_points / 2];

      out->label.x = c.x - out->label.width / 2;
      out->label.y = c.y - out->label.height / 2;
    }
}

static void
read_cluster (Builder *b,
              guint    index)
{
  MpFlowLayoutCluster *out = &b->layout->clusters[index];
  Agraph_t *g = b->clusters[index];

  if (agfstnode (g) == NULL)
    return;
  out->box = box_to_pixels (b, GD_bb (g));
  if (GD_label (g) != NULL && out->title.width > 0)
    {
      MpFlowPoint c = to_pixels (b, GD_label (g)->pos);

      out->title.x = c.x - out->title.width / 2;
      out->title.y = c.y - out->title.height / 2;
    }
  else
    {
      out->title.x = out->box.x + out->box.width / 2;
      out->title.y = out->box.y + 4;
    }
}

static void
read_back (Builder *b)
{
  MpFlowchart *chart = b->layout->chart;
  boxf bb = GD_bb (b->graph);

  b->bb_x = bb.LL.x;
  b->bb_height = bb.UR.y;
  b->layout->width = bb.UR.x - bb.LL.x + 2 * MP_FLOW_LAYOUT_MARGIN;
  b->layout->height = bb.UR.y - bb.LL.y + 2 * MP_FLOW_LAYOUT_MARGIN;
  for (guint i = 0; i < mp_flowchart_get_n_nodes (chart); i++)
    read_node (b, i);
  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    read_edge (b, i);
  for (guint i = 0; i < mp_flowchart_get_n_subgraphs (chart); i++)
    read_cluster (b, i);
}

static int
swallow_graphviz_message (char *message)
{
  g_debug ("graphviz: %s", message);
  return 0;
}

static gboolean
run_dot (Builder  *b,
         GError  **error)
{
  gboolean ok;

  g_mutex_lock (&gv_lock);
  if (gv_context == NULL)
    {
      gv_context = gvContextPlugins (builtin_plugins, FALSE);
      agseterr (AGERR);
      agseterrf (swallow_graphviz_message);
    }
  build_graph (b);
  ok = gvLayout (gv_context, b->graph, "dot") == 0;
  if (ok)
    read_back (b);
  if (ok)
    gvFreeLayout (gv_context, b->graph);
  agclose (b->graph);
  g_mutex_unlock (&gv_lock);

  if (!ok)
    g_set_error (error, MP_FLOW_LAYOUT_ERROR, MP_FLOW_LAYOUT_ERROR_FAILED,
                 _("Graphviz could not lay out the flowchart"));
  return ok;
}

static gboolean
check_size (MpFlowchart  *chart,
            GError      **error)
{
  guint n_nodes = mp_flowchart_get_n_nodes (chart);
  guint n_edges = mp_flowchart_get_n_edges (chart);
  guint max_edges = MP_FLOW_LAYOUT_MAX_EDGES_PER_NODE * n_nodes + MP_FLOW_LAYOUT_EDGE_ALLOWANCE;

  if (n_nodes > MP_FLOW_LAYOUT_MAX_NODES)
    {
      g_set_error (error, MP_FLOW_LAYOUT_ERROR, MP_FLOW_LAYOUT_ERROR_FAILED,
                   _("This flowchart has %u nodes, too many to draw: the limit is %u"),
                   n_nodes, MP_FLOW_LAYOUT_MAX_NODES);
      return FALSE;
    }
  if (n_edges > max_edges)
    {
      g_set_error (error, MP_FLOW_LAYOUT_ERROR, MP_FLOW_LAYOUT_ERROR_FAILED,
                   _("This flowchart has %u links between %u nodes, too dense to draw: "
                     "the limit is %u links"),
                   n_edges, n_nodes, max_edges);
      return FALSE;
    }
  return TRUE;
}

MpFlowLayout *
mp_flow_layout_new (MpFlowchart       *chart,
                    const char        *font,
                    MpFlowEdgeLabels   labels,
                    GError           **error)
{
  g_autoptr(MpFlowLayout) self = NULL;
  Builder b = { 0 };
  gboolean ok;

  g_return_val_if_fail (MP_IS_FLOWCHART (chart), NULL);

  if (!check_size (chart, error))
    return NULL;
  self = g_object_new (MP_TYPE_FLOW_LAYOUT, NULL);
  self->chart = g_object_ref (chart);
  self->font = pango_font_description_from_string (font != NULL ? font
                                                   : MP_FLOW_LAYOUT_DEFAULT_FONT);
  self->nodes = g_new0 (MpFlowLayoutNode, mp_flowchart_get_n_nodes (chart));
  self->edges = g_new0 (MpFlowLayoutEdge, mp_flowchart_get_n_edges (chart));
  self->clusters = g_new0 (MpFlowLayoutCluster, mp_flowchart_get_n_subgraphs (chart));

  b.layout = self;
  b.labels = labels;
  b.pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  mp_flow_layout_setup_context (b.pango);
  ok = run_dot (&b, error);
  g_object_unref (b.pango);
  g_free (b.nodes);
  g_free (b.edges);
  g_free (b.clusters);

  return ok ? g_steal_pointer (&self) : NULL;
}

typedef struct {
  MpFlowchart *chart;
  char        *font;
} LayoutTask;

static void
layout_task_free (LayoutTask *task)
{
  g_object_unref (task->chart);
  g_free (task->font);
  g_free (task);
}

static void
layout_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  LayoutTask *job = data;
  GError *error = NULL;
  MpFlowLayout *layout;

  /* Inline labels: dot places them far better than xlabels, and at 500 nodes
   * the whole parse, layout and first draw still fits in ~300 ms (bench-flow). */
  layout = mp_flow_layout_new (job->chart, job->font, MP_FLOW_EDGE_LABELS_INLINE, &error);
  if (layout == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, layout, g_object_unref);
}

void
mp_flow_layout_new_async (MpFlowchart         *chart,
                          const char          *font,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LayoutTask *job = g_new0 (LayoutTask, 1);

  job->chart = g_object_ref (chart);
  job->font = g_strdup (font);
  g_task_set_source_tag (task, mp_flow_layout_new_async);
  g_task_set_task_data (task, job, (GDestroyNotify) layout_task_free);
  g_task_run_in_thread (task, layout_thread);
}

MpFlowLayout *
mp_flow_layout_new_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

MpFlowchart *
mp_flow_layout_get_chart (MpFlowLayout *self)
{
  g_return_val_if_fail (MP_IS_FLOW_LAYOUT (self), NULL);
  return self->chart;
}

const PangoFontDescription *
mp_flow_layout_get_font (MpFlowLayout *self)
{
  g_return_val_if_fail (MP_IS_FLOW_LAYOUT (self), NULL);
  return self->font;
}

double
mp_flow_layout_get_width (MpFlowLayout *self)
{
  g_return_val_if_fail (MP_IS_FLOW_LAYOUT (self), 0);
  return self->width;
}

double
mp_flow_layout_get_height (MpFlowLayout *self)
{
  g_return_val_if_fail (MP_IS_FLOW_LAYOUT (self), 0);
  return self->height;
}

const MpFlowLayoutNode *
mp_flow_layout_get_node (MpFlowLayout *self,
                         guint         index)
{
  g_return_val_if_fail (MP_IS_FLOW_LAYOUT (self), NULL);
  g_return_val_if_fail (index < mp_flowchart_get_n_nodes (self->chart), NULL);
  return &self->nodes[index];
}

const MpFlowLayoutEdge *
mp_flow_layout_get_edge (MpFlowLayout *self,
                         guint         index)
{
  g_return_val_if_fail (MP_IS_FLOW_LAYOUT (self), NULL);
  g_return_val_if_fail (index < mp_flowchart_get_n_edges (self->chart), NULL);
  return &self->edges[index];
}

const MpFlowLayoutCluster *
mp_flow_layout_get_cluster (MpFlowLayout *self,
                            guint         index)
{
  g_return_val_if_fail (MP_IS_FLOW_LAYOUT (self), NULL);
  g_return_val_if_fail (index < mp_flowchart_get_n_subgraphs (self->chart), NULL);
  return &self->clusters[index];
}
