/* check-corpus.c: opens every Markdown file given in the window, one
 * after the other, and fails at the first warning (G_DEBUG=fatal-warnings
 * is set by build-aux/check-markdown-corpus). Not part of `meson test`:
 * its corpus is whatever the machine has under /usr/share/doc.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mp-window.h"

static void
show_for_a_moment (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);

  /* Two painted frames, then whatever idle work they started. */
  while (gdk_frame_clock_get_frame_counter (clock) < frame + 2)
    {
      gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  MpWindow *window;
  guint opened = 0, refused = 0;

  gtk_init ();
  window = g_object_new (MP_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  mp_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  show_for_a_moment (GTK_WIDGET (window));
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

      /* The last file named is the one a warning comes from. */
      g_print ("%s\n", argv[i]);
      /* A refused file (not UTF-8, empty) is named in the window's banner:
       * that is an answer, not a warning. */
      if (!mp_window_open_file (window, file))
        {
          g_print ("refused: %s\n", argv[i]);
          refused++;
          continue;
        }
      show_for_a_moment (GTK_WIDGET (window));
      opened++;
    }
  g_print ("%u files opened without a warning, %u refused with a message\n", opened, refused);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
