/* mp-arrangement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How many views the window shows side by side. */
typedef enum {
  MP_ARRANGEMENT_ONE,    /* one view at a time, switcher at the bottom */
  MP_ARRANGEMENT_TWO,    /* the article and one side view, switcher in the header bar */
  MP_ARRANGEMENT_THREE,  /* the article, the flowchart above the panel */
} MpArrangementMode;

#define MP_TYPE_ARRANGEMENT (mp_arrangement_get_type ())

G_DECLARE_FINAL_TYPE (MpArrangement, mp_arrangement, MP, ARRANGEMENT, GObject)

MpArrangementMode  mp_arrangement_mode_for_size  (int                width,
                                                  int                height);
MpArrangement     *mp_arrangement_new            (GtkWidget         *article,
                                                  GtkWidget         *flowchart,
                                                  GtkWidget         *panel,
                                                  GtkWidget         *side,
                                                  GtkWidget         *header_switcher,
                                                  GtkWidget         *bottom_switcher);
void               mp_arrangement_set_size       (MpArrangement     *self,
                                                  int                width,
                                                  int                height);
MpArrangementMode  mp_arrangement_get_mode       (MpArrangement     *self);
void               mp_arrangement_set_has_flowchart (MpArrangement  *self,
                                                     gboolean        has_flowchart);
void               mp_arrangement_show_view      (MpArrangement     *self,
                                                  const char        *view);
const char        *mp_arrangement_get_view       (MpArrangement     *self);
gboolean           mp_arrangement_get_flowchart_shown (MpArrangement *self);
gboolean           mp_arrangement_get_panel_shown     (MpArrangement *self);

G_END_DECLS
