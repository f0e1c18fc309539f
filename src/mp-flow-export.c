/* mp-flow-export.c: flowchart export to SVG, PNG and PDF, and its command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-export.h"

#include "mp-flow-book.h"

#include <math.h>
#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "mp-document.h"
#include "mp-flow-render.h"
#include "mp-mermaid-parser.h"
#include "mp-print-text.h"
#include "mp-safe-file.h"
#include "mp-text-encoding.h"

/* PNG is written at twice the layout's size so that it stays sharp. */
#define PNG_SCALE 2.0
/* A PNG is drawn whole in memory, 4 bytes a pixel: 64 megapixels is 256 MiB. */
#define PNG_MAX_PIXELS (64.0 * 1024 * 1024)

G_DEFINE_QUARK (mp-flow-export-error-quark, mp_flow_export_error)

const char *
mp_flow_export_format_for_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".svg"))
    return "svg";
  if (g_str_has_suffix (lower, ".png"))
    return "png";
  if (g_str_has_suffix (lower, ".pdf"))
    return "pdf";
  return NULL;
}

static void
draw (cairo_t      *cr,
      MpFlowLayout *layout,
      MpFlowWalk   *walk)
{
  MpFlowPalette palette;

  mp_flow_palette_init (&palette, FALSE);
  gdk_cairo_set_source_rgba (cr, &palette.background);
  cairo_paint (cr);
  mp_flow_render (cr, layout, walk, &palette);
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, MP_FLOW_EXPORT_ERROR, MP_FLOW_EXPORT_ERROR_WRITE,
               /* Translators: %s is a file name, then the reason */
               _("Could not write %s: %s"), name, cairo_status_to_string (status));
  return FALSE;
}

/* The chart drawn into @bytes in @format: the file is written only once
 * it is whole (see mp_flow_export_to_file()). */
static cairo_status_t
render_to_bytes (MpFlowLayout *layout,
                 MpFlowWalk   *walk,
                 const char   *format,
                 double        width,
                 double        height,
                 GByteArray   *bytes)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (g_str_equal (format, "svg"))
    {
      surface = cairo_svg_surface_create_for_stream (mp_print_append_bytes, bytes, width, height);
      /* Pixels, as on screen (cairo's default unit is the point). */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else if (g_str_equal (format, "pdf"))
    surface = cairo_pdf_surface_create_for_stream (mp_print_append_bytes, bytes, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * PNG_SCALE),
                                          (int) (height * PNG_SCALE));
  cr = cairo_create (surface);
  if (g_str_equal (format, "png"))
    cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  draw (cr, layout, walk);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && g_str_equal (format, "png"))
    status = cairo_surface_write_to_png_stream (surface, mp_print_append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
mp_flow_export_to_file (MpFlowLayout  *layout,
                        MpFlowWalk    *walk,
                        const char    *path,
                        GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) write_error = NULL;
  const char *format;
  double width, height;

  g_return_val_if_fail (MP_IS_FLOW_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  format = mp_flow_export_format_for_path (path);
  if (format == NULL)
    {
      g_set_error (error, MP_FLOW_EXPORT_ERROR, MP_FLOW_EXPORT_ERROR_FORMAT,
                   _("Cannot tell the format of “%s”: name it .svg, .png or .pdf"), path);
      return FALSE;
    }
  width = ceil (mp_flow_layout_get_width (layout));
  height = ceil (mp_flow_layout_get_height (layout));
  if (g_str_equal (format, "png") && width * PNG_SCALE * height * PNG_SCALE > PNG_MAX_PIXELS)
    {
      g_set_error (error, MP_FLOW_EXPORT_ERROR, MP_FLOW_EXPORT_ERROR_TOO_LARGE,
                   _("The chart would be a PNG of %.0f × %.0f pixels, more than the %.0f megapixels "
                     "an export may have: export it as .svg or .pdf, which have no such limit"),
                   width * PNG_SCALE, height * PNG_SCALE, PNG_MAX_PIXELS / (1024 * 1024));
      return FALSE;
    }
  if (!check_status (render_to_bytes (layout, walk, format, width, height, bytes), path, error))
    return FALSE;
  /* Written whole or not at all; a link at @path keeps pointing at it. */
  if (mp_safe_file_write_full (path, (const char *) bytes->data, bytes->len,
                               MP_SAFE_FILE_DOCUMENT, &write_error))
    return TRUE;
  /* Translators: %s says which file and why, e.g. cannot write “…”: the disk is full */
  g_set_error (error, MP_FLOW_EXPORT_ERROR, MP_FLOW_EXPORT_ERROR_WRITE,
               _("The chart was not written: %s"), write_error->message);
  return FALSE;
}

/* Command line ------------------------------------------------------------------ */

static gboolean
is_markdown (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown");
}

/* GIO's "Error opening file /path: Is a directory" names the file its own
 * way, after the reason: say "FILE: reason" as every other message does. */
static gboolean
load_text (GFile       *file,
           const char  *display_name,
           char       **contents,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GError) load_error = NULL;

  if (g_file_load_contents (file, NULL, contents, length, NULL, &load_error))
    return TRUE;
  if (g_error_matches (load_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("%s: this is a folder, not a file; give a .mmd or Markdown file"), display_name);
  else if (g_error_matches (load_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("%s: no such file"), display_name);
  else
    /* Translators: FILE: the system's reason */
    g_set_error (error, load_error->domain, load_error->code,
                 _("%s: the file cannot be read (%s)"), display_name, load_error->message);
  return FALSE;
}

/* The flowcharts of INPUT (a .mmd file, or every mermaid block of Markdown),
 * or NULL with "FILE: message" when the file cannot be read. */
static MpFlowBook *
load_book (const char  *input,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autofree char *display_name = g_filename_display_name (input);
  g_autofree char *contents = NULL;
  g_autoptr(MpFlowBook) book = mp_flow_book_new ();
  gsize length = 0;

  if (is_markdown (input))
    {
      g_autoptr(MpDocument) document = mp_document_new_from_file (file, NULL, error);

      if (document == NULL)
        return NULL;
      mp_flow_book_load_document (book, document, display_name);
      return g_steal_pointer (&book);
    }
  if (!load_text (file, display_name, &contents, &length, error) ||
      !mp_text_check_utf8 (display_name, contents, length, MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX, error))
    return NULL;
  mp_flow_book_load_source (book, contents, display_name);
  return g_steal_pointer (&book);
}

static void
print_warnings (MpFlowBook *book,
                guint       index)
{
  for (guint k = 0; k < mp_flow_book_get_n_warnings (book, index); k++)
    g_printerr ("%s\n", mp_flow_book_get_warning (book, index, k)->message);
}

/* @bad_block: set when the file has blocks but not the one asked for, a
 * bad argument rather than a bad file. */
static MpFlowchart *
load_chart (const char  *input,
            int          block,
            gboolean    *bad_block,
            GError     **error)
{
  g_autoptr(MpFlowBook) book = load_book (input, error);
  const MpFlowNote *note;
  guint n;

  if (book == NULL)
    return NULL;
  n = mp_flow_book_get_n_charts (book);
  if ((guint) block > n)
    {
      *bad_block = n > 0;
      if (n > 0)
        g_set_error (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_EMPTY,
                     /* Translators: "FILE has N mermaid blocks, no block M; give ..." */
                     ngettext ("masterplan: --block: %s has %u mermaid block, no block %d; "
                               "give --block %u",
                               "masterplan: --block: %s has %u mermaid blocks, no block %d; "
                               "give a block from 1 to %u", n),
                     mp_flow_book_get_display_name (book), n, block, n);
      else
        g_set_error (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_EMPTY,
                     _("%s: has no mermaid block"), mp_flow_book_get_display_name (book));
      return NULL;
    }
  note = mp_flow_book_get_error (book, block - 1);
  if (note != NULL)
    {
      g_set_error_literal (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX, note->message);
      return NULL;
    }
  print_warnings (book, block - 1);
  return g_object_ref (mp_flow_book_get_chart (book, block - 1));
}

int
mp_flow_check_cli_run (const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowBook) book = NULL;
  guint problems = 0;

  if (input == NULL)
    {
      g_printerr ("masterplan: %s\n", _("--check-flowchart needs a FILE"));
      return 2;
    }
  book = load_book (input, &error);
  if (book == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < mp_flow_book_get_n_charts (book); i++)
    {
      const MpFlowNote *note = mp_flow_book_get_error (book, i);

      if (note != NULL)
        g_print ("%s\n", note->message);
      for (guint k = 0; k < mp_flow_book_get_n_warnings (book, i); k++)
        g_print ("%s\n", mp_flow_book_get_warning (book, i, k)->message);
      problems += (note != NULL) + mp_flow_book_get_n_warnings (book, i);
    }
  return problems > 0 ? 1 : 0;
}

int
mp_flow_export_cli_run (const char *input,
                        const char *output,
                        int         block)
{
  g_autoptr(MpFlowchart) chart = NULL;
  g_autoptr(MpFlowLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  gboolean bad_block = FALSE;

  if (input == NULL || output == NULL || block < 1)
    {
      g_printerr ("masterplan: %s\n", _("--export-flowchart needs INPUT, -o OUTPUT and a block from 1"));
      return 2;
    }
  if (mp_flow_export_format_for_path (output) == NULL)
    {
      g_printerr ("masterplan: %s\n", _("the output must end in .svg, .png or .pdf"));
      return 2;
    }
  chart = load_chart (input, block, &bad_block, &error);
  if (chart == NULL)
    {
      g_printerr ("%s\n", error->message);
      return bad_block ? 2 : 1;
    }
  layout = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_INLINE, &error);
  if (layout == NULL)
    {
      g_printerr ("%s: %s\n", input, error->message);
      return 1;
    }
  /* The message names the file. */
  if (!mp_flow_export_to_file (layout, NULL, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
