/* render-icon.c: build-time tool, draws the app's SVG icon into a PNG
 *
 * The window icon on X11 is a list of bitmaps. Giving GTK ready-made PNGs
 * spares every start the cost of loading and running the SVG renderer.
 *
 * Usage: render-icon INPUT.svg SIZE OUTPUT.png
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <librsvg/rsvg.h>
#include <stdio.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle;
  cairo_surface_t *surface;
  cairo_t *cr;
  int size;

  if (argc != 4 || (size = atoi (argv[2])) <= 0 || size > 1024)
    {
      fprintf (stderr, "usage: %s INPUT.svg SIZE OUTPUT.png\n", argv[0]);
      return 2;
    }
  handle = rsvg_handle_new_from_file (argv[1], &error);
  if (handle == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  if (!rsvg_handle_render_document (handle, cr, &(RsvgRectangle) { 0, 0, size, size }, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  cairo_destroy (cr);
  if (cairo_surface_write_to_png (surface, argv[3]) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "%s: could not be written\n", argv[3]);
      return 1;
    }
  cairo_surface_destroy (surface);
  g_object_unref (handle);
  return 0;
}
