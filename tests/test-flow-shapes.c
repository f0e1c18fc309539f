/* test-flow-shapes.c: every named shape of Mermaid 11 drawn with its own outline
 *
 * Each shape is drawn alone, in the light and the dark palette; its ink must
 * differ from every other shape's, and the chart of all of them exports to
 * SVG, PNG and PDF. MP_SHAPES_SHEET=FILE.png also writes a contact sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-export.h"
#include "mp-flow-render.h"
#include "mp-flow-shape.h"
#include "mp-mermaid-parser.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define CELL 120

static MpFlowLayout *
layout_for (const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = mp_flowchart_parse (source, -1, 1, NULL, NULL, &error);
  MpFlowLayout *layout;

  g_assert_no_error (error);
  layout = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_EXTERNAL, &error);
  g_assert_no_error (error);
  return layout;
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* The shape drawn alone with an empty label: which pixels it inks. */
static GBytes *
ink_of (MpNodeShape  shape,
        gboolean     dark,
        MpFlowRect  *drawn)
{
  g_autofree char *source = shape == MP_NODE_SHAPE_ELLIPSE
    ? g_strdup ("flowchart TD\n  A(-x-)\n")
    : g_strdup_printf ("flowchart TD\n  A@{ shape: %s, label: x }\n", mp_flow_shape_get_name (shape));
  g_autoptr(MpFlowLayout) layout = layout_for (source);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, CELL, CELL);
  cairo_t *cr = cairo_create (surface);
  MpFlowPalette palette;
  MpFlowRect box = mp_flow_layout_get_node (layout, 0)->box;
  guint inked = 0;
  GByteArray *ink = g_byte_array_new ();

  mp_flow_palette_init (&palette, dark);
  gdk_cairo_set_source_rgba (cr, &palette.background);
  cairo_paint (cr);
  cairo_translate (cr, CELL / 2 - (box.x + box.width / 2), CELL / 2 - (box.y + box.height / 2));
  mp_flow_render (cr, layout, NULL, &palette);
  cairo_surface_flush (surface);
  for (int y = 0; y < CELL; y++)
    for (int x = 0; x < CELL; x++)
      {
        const guint8 *p = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x;
        double lum = (0.2126 * p[2] + 0.7152 * p[1] + 0.0722 * p[0]) / 255;
        /* Lines and text, not the fill: far from the background's lightness */
        guint8 bit = fabs (lum - luminance (&palette.background)) > 0.3;

        inked += bit;
        g_byte_array_append (ink, &bit, 1);
      }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (inked, >, 20);
  if (drawn != NULL)
    *drawn = box;
  return g_byte_array_free_to_bytes (ink);
}

static void
test_shapes_distinct (void)
{
  g_autoptr(GPtrArray) light = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint s = 0; s < MP_N_NODE_SHAPES; s++)
    {
      g_autoptr(GBytes) dark = ink_of (s, TRUE, NULL);

      g_ptr_array_add (light, ink_of (s, FALSE, NULL));
      for (guint t = 0; t < s; t++)
        if (g_bytes_equal (g_ptr_array_index (light, t), g_ptr_array_index (light, s)))
          g_error ("“%s” is drawn like “%s”", mp_flow_shape_get_name (s), mp_flow_shape_get_name (t));
    }
}

static gboolean
inked_near (GBytes *ink,
            double  x,
            double  y)
{
  const guint8 *bits = g_bytes_get_data (ink, NULL);
  gboolean any = FALSE;

  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      {
        int px = (int) round (x) + dx, py = (int) round (y) + dy;

        if (px >= 0 && py >= 0 && px < CELL && py < CELL)
          any |= bits[py * CELL + px];
      }
  return any;
}

/* Mermaid's data store is a filled box drawn with its top and bottom
 * lines only: both sides stay open, in either palette. */
static void
test_datastore_open_sides (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      MpFlowRect box;
      g_autoptr(GBytes) ink = ink_of (MP_NODE_SHAPE_DATASTORE, dark, &box);
      double left = CELL / 2.0 - box.width / 2, right = CELL / 2.0 + box.width / 2;
      double top = CELL / 2.0 - box.height / 2, bottom = CELL / 2.0 + box.height / 2;

      g_assert_true (inked_near (ink, CELL / 2.0 - box.width / 4, top));
      g_assert_true (inked_near (ink, CELL / 2.0 + box.width / 4, bottom));
      g_assert_false (inked_near (ink, left, CELL / 2.0));
      g_assert_false (inked_near (ink, right, CELL / 2.0));
    }
}

/* One node per shape, labelled with its name, in rows of eight. */
static char *
all_shapes_source (void)
{
  GString *text = g_string_new ("flowchart LR\n");

  for (guint s = 0; s < MP_N_NODE_SHAPES; s++)
    {
      const char *name = mp_flow_shape_get_name (s);

      if (s == MP_NODE_SHAPE_ELLIPSE)
        g_string_append_printf (text, "  s%u(-ellipse-)\n", s);
      else
        g_string_append_printf (text, "  s%u@{ shape: %s, label: \"%s\" }\n", s, name, name);
      if (s % 8 != 0)
        g_string_append_printf (text, "  s%u ~~~ s%u\n", s - 1, s);
    }
  return g_string_free (text, FALSE);
}

/* The export is always light; the dark palette is drawn here, beside it
 * as FILE-dark.png, for a reviewer to look at both. */
static void
write_dark_sheet (MpFlowLayout *layout,
                  const char   *sheet)
{
  g_autofree char *stem = g_str_has_suffix (sheet, ".png") ? g_strndup (sheet, strlen (sheet) - 4) : g_strdup (sheet);
  g_autofree char *path = g_strconcat (stem, "-dark.png", NULL);
  int width = (int) ceil (mp_flow_layout_get_width (layout)) + 40;
  int height = (int) ceil (mp_flow_layout_get_height (layout)) + 40;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  MpFlowPalette palette;

  mp_flow_palette_init (&palette, TRUE);
  gdk_cairo_set_source_rgba (cr, &palette.background);
  cairo_paint (cr);
  cairo_translate (cr, 20, 20);
  mp_flow_render (cr, layout, NULL, &palette);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_shapes_export (void)
{
  g_autofree char *source = all_shapes_source ();
  g_autoptr(MpFlowLayout) layout = layout_for (source);
  g_autofree char *dir = g_dir_make_tmp ("mp-shapes-XXXXXX", NULL);
  const char *sheet = g_getenv ("MP_SHAPES_SHEET");
  const char *formats[] = { "svg", "png", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("shapes.", formats[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (mp_flow_export_to_file (layout, NULL, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 2000);
      g_unlink (path);
    }
  g_rmdir (dir);
  if (sheet != NULL)
    {
      g_assert_true (mp_flow_export_to_file (layout, NULL, sheet, NULL));
      write_dark_sheet (layout, sheet);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flow-shapes/datastore-open-sides", test_datastore_open_sides);
  g_test_add_func ("/flow-shapes/distinct", test_shapes_distinct);
  g_test_add_func ("/flow-shapes/export", test_shapes_export);
  return g_test_run ();
}
