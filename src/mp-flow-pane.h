/* mp-flow-pane.h: the flowchart side of the window (canvas, question card, tools)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"
#include "mp-flow-canvas.h"

G_BEGIN_DECLS

#define MP_TYPE_FLOW_PANE (mp_flow_pane_get_type ())

G_DECLARE_FINAL_TYPE (MpFlowPane, mp_flow_pane, MP, FLOW_PANE, GtkWidget)

/* Signals:
 *  "open-section"    (const char *id)   — the reader asked to see the article
 *                    section behind an outcome ("#id" click links, else the
 *                    section holding the mermaid block).
 *  "outcome-changed" (const char *node_id, const char *label,
 *                     const char *const *classes) — an outcome was reached
 *                    (node_id NULL when the walk left the outcome). The window
 *                    maps the classes "masters" / "alternatives" to the
 *                    programs' kind filter.
 * Property "walk-state" (string): mp_flow_walk_serialize() of the walk of the
 * first block; the window binds it to GSettings for the bundled article. */
GtkWidget *mp_flow_pane_new          (void);
void       mp_flow_pane_set_document (MpFlowPane *self,
                                      MpDocument *document);
/* The same document read again: the block on show and each walk's answers
 * stay as far as the new charts still have them. */
void       mp_flow_pane_reload_document (MpFlowPane *self,
                                         MpDocument *document);
/* After a reload: the first error of a block that no longer parses and so
 * still shows its last good chart ("FILE:LINE:COLUMN: …"), else NULL. */
const char *mp_flow_pane_get_kept_error (MpFlowPane *self);
/* Shows one flowchart given as Mermaid text (a .mmd file's contents). */
void       mp_flow_pane_set_source   (MpFlowPane *self,
                                      const char *source,
                                      const char *display_name);
/* Ctrl+F when focus is in the pane. */
void       mp_flow_pane_start_search (MpFlowPane *self);
/* Ctrl+plus/minus/0 when focus is in the pane. */
void       mp_flow_pane_zoom         (MpFlowPane *self,
                                      int         direction);
/* For tests: the canvas, and the walk of the block on show (NULL if none). */
MpFlowCanvas *mp_flow_pane_get_canvas (MpFlowPane *self);
MpFlowWalk   *mp_flow_pane_get_walk   (MpFlowPane *self);

G_END_DECLS
