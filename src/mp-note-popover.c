/* mp-note-popover.c: a footnote's text shown beside its reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-note-popover.h"

GtkWidget *
mp_note_popover_new (GtkWidget *parent)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  /* Not modal and not focusable: reading and Tab go on in the article. */
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_can_focus (popover, FALSE);
  gtk_widget_set_can_target (popover, FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_TOP);
  gtk_widget_add_css_class (popover, "mp-note-popover");
  gtk_widget_set_parent (popover, parent);
  return popover;
}

void
mp_note_popover_show (GtkWidget   *popover,
                      GtkTextView *view,
                      const char  *text,
                      int          start,
                      int          end)
{
  double x, y;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GdkRectangle first, last, rect;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, MAX (end - 1, start));
  gtk_text_view_get_iter_location (view, &iter, &last);
  gdk_rectangle_union (&first, &last, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (view), gtk_widget_get_parent (popover),
                                         rect.x, rect.y, &x, &y))
    return;
  rect.x = x;
  rect.y = y;
  gtk_label_set_text (GTK_LABEL (gtk_popover_get_child (GTK_POPOVER (popover))), text);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  gtk_popover_popup (GTK_POPOVER (popover));
}

void
mp_note_popover_hide (GtkWidget *popover)
{
  if (gtk_widget_get_visible (popover))
    gtk_popover_popdown (GTK_POPOVER (popover));
}

const char *
mp_note_popover_get_text (GtkWidget *popover)
{
  if (!gtk_widget_get_visible (popover))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_popover_get_child (GTK_POPOVER (popover))));
}
