/* mp-flow-book.h: a document's flowcharts, walks, errors and warnings (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-document.h"
#include "mp-flowchart.h"
#include "mp-flow-walk.h"

G_BEGIN_DECLS

/* A message about one place of the file: "FILE:LINE:COLUMN: text", with the
 * text of that line for the reader to see. */
typedef struct {
  char  *message;
  guint  line;
  guint  column;
  char  *source_line;  /* nullable */
} MpFlowNote;

#define MP_TYPE_FLOW_BOOK (mp_flow_book_get_type ())

G_DECLARE_FINAL_TYPE (MpFlowBook, mp_flow_book, MP, FLOW_BOOK, GObject)

/* Signal "changed": the charts were loaded again (their number may differ). */
MpFlowBook       *mp_flow_book_new               (void);
/* Every ```mermaid block of @document; @display_name names the file in
 * messages. Walks start afresh. */
void              mp_flow_book_load_document     (MpFlowBook  *self,
                                                  MpDocument  *document,
                                                  const char  *display_name);
/* The same file read again (its author saved it): block N's walk keeps its
 * answers as far as the new chart still has their nodes and edges. */
void              mp_flow_book_reload_document   (MpFlowBook  *self,
                                                  MpDocument  *document);
/* One chart from Mermaid text (a .mmd file). */
void              mp_flow_book_load_source       (MpFlowBook  *self,
                                                  const char  *source,
                                                  const char  *display_name);
const char       *mp_flow_book_get_display_name  (MpFlowBook  *self);
guint             mp_flow_book_get_n_charts      (MpFlowBook  *self);
/* NULL when block @index does not parse (see get_error). */
MpFlowchart      *mp_flow_book_get_chart         (MpFlowBook  *self,
                                                  guint        index);
MpFlowWalk       *mp_flow_book_get_walk          (MpFlowBook  *self,
                                                  guint        index);
const MpFlowNote *mp_flow_book_get_error         (MpFlowBook  *self,
                                                  guint        index);
/* What Mermaid would refuse, then the tree check's findings. */
guint             mp_flow_book_get_n_warnings    (MpFlowBook  *self,
                                                  guint        index);
const MpFlowNote *mp_flow_book_get_warning       (MpFlowBook  *self,
                                                  guint        index,
                                                  guint        warning);
const char       *mp_flow_book_get_section_id    (MpFlowBook  *self,
                                                  guint        index);
const char       *mp_flow_book_get_section_title (MpFlowBook  *self,
                                                  guint        index);
/* The one place messages get their "FILE:" prefix; @text already reads
 * "LINE:COLUMN: …" or is about the file as a whole. */
char             *mp_flow_book_format_message    (MpFlowBook  *self,
                                                  const char  *text);

G_END_DECLS
