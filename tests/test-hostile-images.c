/* test-hostile-images.c: images that would take gigabytes to decode, and
 * links out of the article's folder, in the real window
 *
 * The window must keep painting while they are checked, and each refused
 * image must say why in its card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>
#include <unistd.h>

#include "mp-article-image.h"
#include "mp-article-view.h"
#include "mp-test-utils.h"
#include "mp-window.h"

/* PNG chunks end with a CRC-32 of their type and data. */
static guint32
crc32_of (const guint8 *data,
          gsize         length,
          guint32       crc)
{
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
  return ~crc;
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              guint32       length)
{
  guint32 be_length = GUINT32_TO_BE (length);
  guint32 crc = crc32_of ((const guint8 *) type, 4, 0);

  crc = GUINT32_TO_BE (crc32_of (data, length, crc));
  g_byte_array_append (png, (guint8 *) &be_length, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, length);
  g_byte_array_append (png, (guint8 *) &crc, 4);
}

/* A black 1-bit PNG of @side × @side pixels: 20 000 a side is ~50 KB. */
static GBytes *
huge_png (guint32 side)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GConverter) zlib = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9));
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) compress = g_converter_output_stream_new (memory, zlib);
  gsize row_size = 1 + (side + 7) / 8;
  g_autofree guint8 *row = g_malloc0 (row_size);
  guint8 header[13] = { 0, };
  guint32 be_side = GUINT32_TO_BE (side);

  memcpy (header, &be_side, 4);
  memcpy (header + 4, &be_side, 4);
  header[8] = 1;   /* bit depth; colour type 0: grey */
  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  append_chunk (png, "IHDR", header, sizeof header);
  for (guint32 y = 0; y < side; y++)
    g_assert_true (g_output_stream_write_all (compress, row, row_size, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (compress, NULL, NULL));
  append_chunk (png, "IDAT", g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
  append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static void
write_in (const char *folder,
          const char *name,
          const void *data,
          gssize      length)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* One entity of 50 000 bytes used 3 000 times: 150 MB of text once parsed. */
static char *
laughing_svg (void)
{
  g_autoptr(GString) svg = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY e \"");
  g_autofree char *value = g_strnfill (50000, 'a');

  g_string_append_printf (svg, "%s\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" "
                          "height=\"100\"><text x=\"0\" y=\"50\">", value);
  for (guint i = 0; i < 3000; i++)
    g_string_append (svg, "&e;");
  g_string_append (svg, "</text></svg>\n");
  return g_string_free (g_steal_pointer (&svg), FALSE);
}

static char *
make_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("mp-hostile-images-XXXXXX", &error);
  g_autofree char *article = g_build_filename (top, "article", NULL);
  g_autofree char *outside = g_build_filename (top, "outside.png", NULL);
  g_autofree char *link = g_build_filename (article, "link.png", NULL);
  g_autoptr(GBytes) png = huge_png (20000);
  g_autoptr(GdkPixbuf) fine = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
  g_autofree char *fine_path = g_build_filename (article, "fine.png", NULL);
  g_autofree char *svg = laughing_svg ();

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (article, 0700), ==, 0);
  g_assert_cmpuint (g_bytes_get_size (png), <, 64 * 1024);
  write_in (article, "huge.png", g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  write_in (article, "laughs.svg", svg, -1);
  write_in (article, "broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <text>&nbsp;</text>\n</svg>\n", -1);
  gdk_pixbuf_fill (fine, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save (fine, fine_path, "png", &error, NULL));
  g_assert_true (gdk_pixbuf_save (fine, outside, "png", &error, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);
  write_in (article, "article.md",
            "# Hostile images\n\n![huge](huge.png)\n\n![laughs](laughs.svg)\n\n"
            "![broken](broken.svg)\n\n![linked](link.png)\n\n![fine](fine.png)\n", -1);
  return g_steal_pointer (&top);
}

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_widgets (child, type, found);
    }
}

/* The reason shown in the card whose alt text is @alt, or NULL. */
static const char *
card_reason (GtkWidget  *text_view,
             const char *alt)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  collect_widgets (text_view, GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      GtkWidget *box = g_ptr_array_index (boxes, i);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      if (!gtk_widget_has_css_class (box, "mp-image-placeholder"))
        continue;
      collect_widgets (box, GTK_TYPE_LABEL, labels);
      if (labels->len == 2 && g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, 0)), alt))
        return gtk_label_get_text (g_ptr_array_index (labels, 1));
    }
  return NULL;
}

static GtkPicture *
loaded_picture (GtkWidget *text_view)
{
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();

  collect_widgets (text_view, GTK_TYPE_PICTURE, pictures);
  for (guint i = 0; i < pictures->len; i++)
    if (gtk_picture_get_paintable (g_ptr_array_index (pictures, i)) != NULL)
      return g_ptr_array_index (pictures, i);
  return NULL;
}

static void
test_hostile_images (void)
{
  g_autofree char *top = make_article ();
  g_autofree char *path = g_build_filename (top, "article", "article.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpWindow *window = mp_test_new_window_painted ();
  GtkWidget *text_view = GTK_WIDGET (mp_article_view_get_text_view (MP_ARTICLE_VIEW (
                                       mp_window_get_article_view (window))));
  MpTestPauseProbe probe;
  double longest;
  const char *reason;
  GtkPicture *picture = NULL;

  mp_test_pause_probe_start (&probe);
  g_assert_true (mp_window_open_file (window, file));
  for (guint i = 0; i < 200 && (card_reason (text_view, "broken") == NULL ||
                                card_reason (text_view, "laughs") == NULL ||
                                card_reason (text_view, "huge") == NULL ||
                                (picture = loaded_picture (text_view)) == NULL); i++)
    mp_test_wait_ms (50);
  longest = mp_test_pause_probe_stop (&probe);

  reason = card_reason (text_view, "huge");
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "huge.png: it is 20000 × 20000 pixels"));
  reason = card_reason (text_view, "laughs");
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "laughs.svg: its entities"));
  reason = card_reason (text_view, "broken");
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "broken.svg:2:"));
  g_assert_nonnull (strstr (reason, "“&nbsp;”"));
  g_assert_null (strstr (reason, "domain"));
  reason = card_reason (text_view, "linked");
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "outside the article’s folder"));
  /* The good image beside them is shown. */
  g_assert_nonnull (picture);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (picture)), ==, 40);
  g_test_message ("longest pause of the main loop: %.0f ms", longest);
  /* Never a frozen window. Measured under AddressSanitizer: 3.5 s with
   * fast_unwind_on_malloc=0, 0.3 s with fast unwinding (0.15 s in the
   * ordinary build): the slow unwinding on every allocation is the pause. */
  if (mp_test_malloc_unwinds_slowly () && longest >= 2000)
    g_test_incomplete ("the main loop paused for more than 2 s with AddressSanitizer's slow "
                       "unwinding on every allocation (fast_unwind_on_malloc=0)");
  else
    g_assert_cmpfloat (longest, <, 2000);

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
  mp_test_remove_tree (top);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-images/refused-with-reasons", test_hostile_images);
  return g_test_run ();
}
