/* mp-flow-pane.c: the flowchart side of the window (canvas, question card, tools)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-pane.h"

#include <glib/gi18n.h>

#include "mp-flow-book.h"
#include "mp-flow-canvas.h"
#include "mp-flow-export.h"
#include "mp-flow-layout.h"
#include "mp-mermaid-parser.h"
#include "mp-toast.h"
#include "mp-utils.h"

/* Beside the canvas when the pane is at least this wide, else below it. */
#define CARD_BESIDE_MIN_WIDTH 620
#define CARD_WIDTH 230

typedef struct {
  char                 *section_id;
  char                 *section_title;
  MpFlowchart          *chart;
  MpFlowWalk           *walk;
  MpFlowLayout         *layout;
  gboolean              layout_started;
  char                 *error_message;
  char                 *error_source;
  char                 *display_name;  /* of the file, for messages */
  char                 *warnings;      /* Pango markup, or NULL */
  guint                 n_warnings;
  char                 *kept_error;    /* the reload's error while the last good chart stays */
} Block;

#define SPINNER_DELAY_MS 300   /* a layout slower than this shows a spinner */

struct _MpFlowPane
{
  GtkWidget             parent_instance;

  MpDocument           *document;
  MpFlowBook           *book;
  GPtrArray            *blocks;
  guint                 current;
  char                 *walk_state;
  char                 *outcome_id;
  GCancellable         *cancellable;
  gulong                after_paint_id;
  GtkFileChooserNative *chooser;
  char                 *export_format;

  /* template children */
  GtkWidget            *toolbar;
  GtkLabel             *caption_label;
  GtkDropDown          *block_dropdown;
  GtkStack             *stack;
  MpFlowCanvas         *canvas;
  GtkSpinner           *spinner;
  guint                 spinner_id;
  GtkRevealer          *search_revealer;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_count_label;
  GtkLabel             *error_label;
  GtkLabel             *error_source_label;
  GtkExpander          *warnings_expander;
  GtkLabel             *warnings_label;
  GtkWidget            *card;
  GtkLabel             *card_heading_label;
  GtkLabel             *card_text_label;
  GtkLabel             *card_explanation_label;
  GtkBox               *answers_box;
  GtkWidget            *section_button;
  GtkWidget            *back_button;
  GtkWidget            *restart_button;
};

enum { PROP_0, PROP_WALK_STATE, N_PROPS };
static GParamSpec *properties[N_PROPS];
enum { OPEN_SECTION, OUTCOME_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpFlowPane, mp_flow_pane, GTK_TYPE_WIDGET)


static void
block_free (Block *block)
{
  g_clear_object (&block->walk);
  g_clear_object (&block->chart);
  g_clear_object (&block->layout);
  g_free (block->error_message);
  g_free (block->error_source);
  g_free (block->display_name);
  g_free (block->section_id);
  g_free (block->section_title);
  g_free (block->warnings);
  g_free (block->kept_error);
  g_free (block);
}

static Block *
current_block (MpFlowPane *self)
{
  if (self->current >= self->blocks->len)
    return NULL;
  return g_ptr_array_index (self->blocks, self->current);
}

/* Question card ------------------------------------------------------------------ */

static char *
answer_label (MpFlowchart      *chart,
              const MpFlowEdge *edge,
              guint             n_choices)
{
  if (edge->label != NULL && *edge->label != '\0')
    return g_strdup (edge->label);
  if (n_choices == 1)
    return g_strdup (_("Continue"));
  if (!edge->to.is_subgraph)
    return g_strdup (mp_flowchart_get_node (chart, edge->to.index)->label);
  return g_strdup (mp_flowchart_get_subgraph (chart, edge->to.index)->title);
}

static void
on_answer_clicked (GtkButton  *button,
                   MpFlowPane *self)
{
  Block *block = current_block (self);
  guint edge = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "edge"));

  if (block != NULL)
    mp_flow_walk_choose (block->walk, edge);
}

static void
clear_answers (MpFlowPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->answers_box))) != NULL)
    gtk_box_remove (self->answers_box, child);
}

static void
fill_answers (MpFlowPane *self,
              Block      *block)
{
  g_autoptr(GArray) choices = mp_flow_walk_get_choices (block->walk);

  clear_answers (self);
  for (guint i = 0; i < choices->len; i++)
    {
      guint e = g_array_index (choices, guint, i);
      g_autofree char *label = answer_label (block->chart, mp_flowchart_get_edge (block->chart, e),
                                             choices->len);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      g_object_set_data (G_OBJECT (button), "edge", GUINT_TO_POINTER (e));
      g_signal_connect (button, "clicked", G_CALLBACK (on_answer_clicked), self);
      gtk_box_append (self->answers_box, button);
    }
}

static const char *
section_target (Block            *block,
                const MpFlowNode *node)
{
  /* An anchor stays an anchor ("#http://…" names a section, never a web
   * page): the '#' is kept until the click. */
  if (node->link != NULL && node->link[0] == '#' && node->link[1] != '\0')
    return node->link;
  if (node->link != NULL && mp_utils_uri_is_openable (node->link))
    return node->link;
  return block->section_id;
}

/* A web or mail link names its whole target on the button, before any
 * click opens it. */
static void
set_section_button (MpFlowPane *self,
                    const char *target)
{
  GtkWidget *label;

  if (target[0] != '#' && mp_utils_uri_is_openable (target))
    {
      /* Translators: %s is the full address the button opens */
      g_autofree char *text = g_strdup_printf (_("_Open %s"), target);

      gtk_button_set_label (GTK_BUTTON (self->section_button), text);
      gtk_widget_set_tooltip_text (self->section_button, target);
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (self->section_button), _("_Read the Section"));
      gtk_widget_set_tooltip_text (self->section_button, NULL);
    }
  label = gtk_button_get_child (GTK_BUTTON (self->section_button));
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
}

static gboolean
card_has_focus (MpFlowPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, self->card);
}

/* The answer buttons are rebuilt at each step, taking the keyboard focus
 * with them: it goes to the first new answer, else to the outcome's link,
 * else to Back. */
static void
keep_focus_in_card (MpFlowPane *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->answers_box));

  if (card_has_focus (self))
    return;
  if (first != NULL)
    gtk_widget_grab_focus (first);
  else if (gtk_widget_get_visible (self->section_button))
    gtk_widget_grab_focus (self->section_button);
  else
    gtk_widget_grab_focus (self->back_button);
}

/* GTK 4.8 has no announcements: the card's accessible name and description
 * change with each step, which screen readers report for the card. */
static void
announce_card (MpFlowPane       *self,
               const char       *heading,
               const MpFlowNode *node)
{
  g_autofree char *description = node->tooltip != NULL
                                 ? g_strconcat (node->label, " ", node->tooltip, NULL)
                                 : g_strdup (node->label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
update_card (MpFlowPane *self)
{
  Block *block = current_block (self);
  const MpFlowNode *node;
  const char *target, *heading;
  gboolean outcome, walked, in_card;

  if (block == NULL || block->walk == NULL)
    return;
  node = mp_flowchart_get_node (block->chart, mp_flow_walk_get_current (block->walk));
  outcome = mp_flow_walk_is_at_outcome (block->walk);
  walked = mp_flow_walk_get_path_edges (block->walk)->len > 0;
  heading = outcome ? _("Outcome")
            : node->kind == MP_NODE_KIND_QUESTION ? _("Question") : _("Next step");
  gtk_label_set_text (self->card_heading_label, heading);
  gtk_label_set_text (self->card_text_label, node->label);
  gtk_label_set_text (self->card_explanation_label, node->tooltip != NULL ? node->tooltip : "");
  announce_card (self, heading, node);
  gtk_widget_set_visible (GTK_WIDGET (self->card_explanation_label), node->tooltip != NULL);
  in_card = card_has_focus (self);
  if (outcome)
    clear_answers (self);
  else
    fill_answers (self, block);
  gtk_widget_set_visible (GTK_WIDGET (self->answers_box), !outcome);
  target = outcome ? section_target (block, node) : NULL;
  gtk_widget_set_visible (self->section_button, target != NULL);
  if (target != NULL)
    set_section_button (self, target);
  gtk_widget_set_sensitive (self->back_button, walked);
  gtk_widget_set_sensitive (self->restart_button, walked);
  if (in_card)
    keep_focus_in_card (self);
}

static void
on_back_clicked (MpFlowPane *self)
{
  Block *block = current_block (self);

  if (block != NULL && block->walk != NULL)
    mp_flow_walk_back (block->walk);
}

static void
on_restart_clicked (MpFlowPane *self)
{
  Block *block = current_block (self);

  if (block != NULL && block->walk != NULL)
    mp_flow_walk_restart (block->walk);
}

static void
on_section_clicked (MpFlowPane *self)
{
  Block *block = current_block (self);
  const char *target;

  if (block == NULL || block->walk == NULL)
    return;
  target = section_target (block, mp_flowchart_get_node (block->chart,
                                                         mp_flow_walk_get_current (block->walk)));
  if (target == NULL)
    return;
  if (target[0] == '#')
    g_signal_emit (self, signals[OPEN_SECTION], 0, target + 1);
  else if (mp_utils_uri_is_openable (target))
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), target, GDK_CURRENT_TIME);
  else
    g_signal_emit (self, signals[OPEN_SECTION], 0, target);
}

/* Walk ------------------------------------------------------------------------------ */

static void
emit_outcome (MpFlowPane *self,
              Block      *block)
{
  const MpFlowNode *node = NULL;

  if (block != NULL && block->walk != NULL && mp_flow_walk_is_at_outcome (block->walk))
    node = mp_flowchart_get_node (block->chart, mp_flow_walk_get_current (block->walk));
  if (g_strcmp0 (node != NULL ? node->id : NULL, self->outcome_id) == 0)
    return;
  g_free (self->outcome_id);
  self->outcome_id = g_strdup (node != NULL ? node->id : NULL);
  g_signal_emit (self, signals[OUTCOME_CHANGED], 0,
                 node != NULL ? node->id : NULL,
                 node != NULL ? node->label : NULL,
                 node != NULL ? node->classes : NULL);
}

static void
sync_walk_state (MpFlowPane *self)
{
  Block *first = self->blocks->len > 0 ? g_ptr_array_index (self->blocks, 0) : NULL;
  g_autofree char *state = NULL;

  if (first == NULL || first->walk == NULL)
    return;
  state = mp_flow_walk_serialize (first->walk);
  if (mp_utils_set_str (&self->walk_state, state))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WALK_STATE]);
}

static void
on_walk_changed (MpFlowPane *self,
                 MpFlowWalk *walk)
{
  Block *block = current_block (self);

  if (block != NULL && block->walk == walk)
    {
      update_card (self);
      emit_outcome (self, block);
    }
  sync_walk_state (self);
}

/* Blocks ---------------------------------------------------------------------------- */

/* Each warning with its line of Mermaid under it. */
static char *
warnings_markup (MpFlowBook *book,
                 guint       index)
{
  GString *markup = g_string_new (NULL);

  for (guint k = 0; k < mp_flow_book_get_n_warnings (book, index); k++)
    {
      const MpFlowNote *note = mp_flow_book_get_warning (book, index, k);
      g_autofree char *message = g_markup_escape_text (note->message, -1);
      g_autofree char *source = g_strstrip (g_strdup (note->source_line != NULL ? note->source_line : ""));
      g_autofree char *line = g_markup_escape_text (source, -1);

      g_string_append_printf (markup, "%s%s\n<tt>  %s</tt>", k > 0 ? "\n" : "", message, line);
    }
  return g_string_free (markup, FALSE);
}

static Block *
block_from_book (MpFlowPane *self,
                 guint       index)
{
  Block *block = g_new0 (Block, 1);
  const MpFlowNote *error = mp_flow_book_get_error (self->book, index);

  block->display_name = g_strdup (mp_flow_book_get_display_name (self->book));
  block->section_id = g_strdup (mp_flow_book_get_section_id (self->book, index));
  block->section_title = g_strdup (mp_flow_book_get_section_title (self->book, index));
  if (error != NULL)
    {
      block->error_message = g_strdup (error->message);
      block->error_source = g_strdup (error->source_line);
      return block;
    }
  block->chart = g_object_ref (mp_flow_book_get_chart (self->book, index));
  block->walk = g_object_ref (mp_flow_book_get_walk (self->book, index));
  block->n_warnings = mp_flow_book_get_n_warnings (self->book, index);
  if (block->n_warnings > 0)
    block->warnings = warnings_markup (self->book, index);
  g_signal_connect_object (block->walk, "changed", G_CALLBACK (on_walk_changed), self,
                           G_CONNECT_SWAPPED);
  return block;
}

typedef struct {
  MpFlowPane  *pane;
  MpFlowchart *chart;
} LayoutRequest;

static void show_block (MpFlowPane *self,
                        guint       index);

static void
on_layout_ready (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  LayoutRequest *request = data;
  g_autoptr(MpFlowPane) self = request->pane;
  g_autoptr(MpFlowchart) chart = request->chart;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowLayout) layout = mp_flow_layout_new_finish (result, &error);
  Block *current = current_block (self);

  g_free (request);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->chart != chart)
        continue;
      if (layout != NULL)
        g_set_object (&block->layout, layout);
      else
        block->error_message = g_strdup_printf ("%s: %s", block->display_name, error->message);
      if (block == current)
        show_block (self, i);
    }
}

static char *
font_name (MpFlowPane *self)
{
  char *name = NULL;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &name, NULL);
  return name;
}

static void
start_layout (MpFlowPane *self,
              Block      *block)
{
  g_autofree char *font = NULL;
  LayoutRequest *request;

  if (block->chart == NULL || block->layout != NULL || block->layout_started)
    return;
  block->layout_started = TRUE;
  font = font_name (self);
  request = g_new0 (LayoutRequest, 1);
  request->pane = g_object_ref (self);
  request->chart = g_object_ref (block->chart);
  mp_flow_layout_new_async (block->chart, font, self->cancellable, on_layout_ready, request);
}

static void
on_after_paint (GdkFrameClock *clock,
                MpFlowPane    *self)
{
  Block *block = current_block (self);

  g_clear_signal_handler (&self->after_paint_id, clock);
  if (block != NULL)
    start_layout (self, block);
}

/* Graphviz runs after the window's next frame, in a worker thread. */
static void
start_pending_layouts (MpFlowPane *self)
{
  Block *block = current_block (self);
  GdkFrameClock *clock;

  if (block == NULL || block->chart == NULL || block->layout != NULL || block->layout_started)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    start_layout (self, block);
  else if (self->after_paint_id == 0)
    {
      self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }
}

static void
mp_flow_pane_update_actions (MpFlowPane *self)
{
  Block *block = current_block (self);
  gboolean drawn = block != NULL && block->layout != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.export", drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.zoom-in", drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.zoom-out", drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.zoom-fit", drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.find", drawn);
}

static gboolean
show_spinner (gpointer user_data)
{
  MpFlowPane *self = user_data;

  self->spinner_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

static void
show_warnings (MpFlowPane *self,
               Block      *block)
{
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_expander), block != NULL && block->n_warnings > 0);
  if (block == NULL || block->n_warnings == 0)
    return;
  title = g_strdup_printf (ngettext ("%u warning about this flowchart", "%u warnings about this flowchart",
                                     block->n_warnings), block->n_warnings);
  gtk_expander_set_label (self->warnings_expander, title);
  gtk_label_set_markup (self->warnings_label, block->warnings);
}

static void
show_block (MpFlowPane *self,
            guint       index)
{
  Block *block;
  const char *caption = NULL;

  self->current = index;
  block = current_block (self);
  mp_flow_pane_update_actions (self);
  mp_flow_canvas_set_search (self->canvas, NULL);
  gtk_revealer_set_reveal_child (self->search_revealer, FALSE);
  emit_outcome (self, block);
  show_warnings (self, NULL);
  if (block == NULL)
    {
      mp_flow_canvas_set_chart (self->canvas, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (self->card, FALSE);
      gtk_label_set_text (self->caption_label, _("Decision flowchart"));
      return;
    }
  if (block->error_message != NULL)
    {
      mp_flow_canvas_set_chart (self->canvas, NULL, NULL);
      gtk_label_set_text (self->error_label, block->error_message);
      gtk_label_set_text (self->error_source_label, block->error_source != NULL ? block->error_source : "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_source_label), block->error_source != NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_visible (self->card, FALSE);
      gtk_label_set_text (self->caption_label, _("Decision flowchart"));
      return;
    }
  show_warnings (self, block);
  caption = mp_flowchart_get_title (block->chart);
  if (caption == NULL)
    caption = mp_flowchart_get_acc_title (block->chart);
  gtk_label_set_text (self->caption_label, caption != NULL ? caption : _("Decision flowchart"));
  gtk_stack_set_visible_child_name (self->stack, "graph");
  gtk_widget_set_visible (self->card, TRUE);
  mp_flow_canvas_set_chart (self->canvas, block->layout, block->walk);
  /* Most layouts take a few milliseconds: a spinner that flashes for one
   * frame is noise (and its icon costs a start a whole SVG renderer). */
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (block->layout == NULL)
    self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner, self);
  update_card (self);
  start_pending_layouts (self);
}

static void
on_block_selected (MpFlowPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->block_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && selected != self->current &&
      selected < self->blocks->len)
    show_block (self, selected);
}

static void
fill_dropdown (MpFlowPane *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      /* Translators: drop-down entry for a flowchart without a section title */
      g_autofree char *fallback = g_strdup_printf (_("Flowchart %u"), i + 1);

      gtk_string_list_append (titles, block->section_title != NULL ? block->section_title : fallback);
    }
  g_signal_handlers_block_by_func (self->block_dropdown, on_block_selected, self);
  gtk_drop_down_set_model (self->block_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->block_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->block_dropdown, on_block_selected, self);
  gtk_widget_set_visible (GTK_WIDGET (self->block_dropdown), self->blocks->len > 1);
}

static void
reset (MpFlowPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_ptr_array_set_size (self->blocks, 0);
}

static void
blocks_changed (MpFlowPane *self)
{
  fill_dropdown (self);
  show_block (self, 0);
  sync_walk_state (self);
}

/* Messages name the file as "article.md:LINE:COLUMN: …". */
static char *
document_file_name (MpDocument *document)
{
  GFile *file = mp_document_get_file (document);

  if (file != NULL)
    return g_file_get_basename (file);
  return g_strdup (mp_document_get_display_name (document));
}

void
mp_flow_pane_set_document (MpFlowPane *self,
                           MpDocument *document)
{
  g_return_if_fail (MP_IS_FLOW_PANE (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  reset (self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_autofree char *name = document_file_name (document);

      mp_flow_book_load_document (self->book, document, name);
    }
  else
    mp_flow_book_load_document (self->book, NULL, NULL);
  for (guint i = 0; i < mp_flow_book_get_n_charts (self->book); i++)
    g_ptr_array_add (self->blocks, block_from_book (self, i));
  blocks_changed (self);
}

/* A block that no longer parses after the author's save keeps the chart,
 * walk and layout it had, so the reader does not lose the picture while
 * the author is mid-edit; its error goes to the window's banner instead. */
static void
keep_last_good (Block *block,
                Block *old)
{
  if (block->error_message == NULL || old->chart == NULL)
    return;
  block->kept_error = g_steal_pointer (&block->error_message);
  g_clear_pointer (&block->error_source, g_free);
  block->chart = g_steal_pointer (&old->chart);
  block->walk = g_steal_pointer (&old->walk);
  block->layout = g_steal_pointer (&old->layout);
  block->warnings = g_steal_pointer (&old->warnings);
  block->n_warnings = old->n_warnings;
}

void
mp_flow_pane_reload_document (MpFlowPane *self,
                              MpDocument *document)
{
  g_autoptr(GPtrArray) old_blocks = NULL;
  guint current;

  g_return_if_fail (MP_IS_FLOW_PANE (self));
  g_return_if_fail (MP_IS_DOCUMENT (document));

  current = self->current;
  old_blocks = g_steal_pointer (&self->blocks);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  reset (self);
  g_set_object (&self->document, document);
  mp_flow_book_reload_document (self->book, document);
  for (guint i = 0; i < mp_flow_book_get_n_charts (self->book); i++)
    {
      Block *block = block_from_book (self, i);

      if (i < old_blocks->len)
        keep_last_good (block, g_ptr_array_index (old_blocks, i));
      g_ptr_array_add (self->blocks, block);
    }
  fill_dropdown (self);
  show_block (self, current < self->blocks->len ? current : 0);
  sync_walk_state (self);
}

void
mp_flow_pane_set_source (MpFlowPane *self,
                         const char *source,
                         const char *display_name)
{
  g_return_if_fail (MP_IS_FLOW_PANE (self));
  g_return_if_fail (source != NULL);

  reset (self);
  g_clear_object (&self->document);
  mp_flow_book_load_source (self->book, source, display_name);
  g_ptr_array_add (self->blocks, block_from_book (self, 0));
  blocks_changed (self);
}

/* Search, zoom, export ------------------------------------------------------------------ */

static void
update_search_count (MpFlowPane *self,
                     guint       n,
                     int         index)
{
  g_autofree char *text = NULL;

  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (_("No match"));
  else if (index < 0)
    text = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
  else
    /* Translators: "2 of 5" search matches */
    text = g_strdup_printf (_("%d of %u"), index + 1, n);
  gtk_label_set_text (self->search_count_label, text);
  /* Screen readers hear the count with the entry they are typing in. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
on_search_changed (MpFlowPane *self)
{
  guint n = mp_flow_canvas_set_search (self->canvas,
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  update_search_count (self, n, -1);
}

static void
step_search (MpFlowPane *self,
             gboolean    backwards)
{
  guint n = mp_flow_canvas_get_n_matches (self->canvas);

  mp_flow_canvas_next_match (self->canvas, backwards);
  update_search_count (self, n, mp_flow_canvas_get_match_index (self->canvas));
}

static void
on_search_next (MpFlowPane *self)
{
  step_search (self, FALSE);
}

static void
on_search_activate (MpFlowPane *self)
{
  step_search (self, FALSE);
}

static void
on_search_previous (MpFlowPane *self)
{
  step_search (self, TRUE);
}

static void
on_search_stop (MpFlowPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  mp_flow_canvas_set_search (self->canvas, NULL);
  gtk_revealer_set_reveal_child (self->search_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

void
mp_flow_pane_start_search (MpFlowPane *self)
{
  g_return_if_fail (MP_IS_FLOW_PANE (self));

  if (mp_flow_canvas_get_layout (self->canvas) == NULL)
    return;
  gtk_revealer_set_reveal_child (self->search_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
mp_flow_pane_zoom (MpFlowPane *self,
                   int         direction)
{
  g_return_if_fail (MP_IS_FLOW_PANE (self));

  mp_flow_canvas_zoom (self->canvas, direction);
}

static void
show_export_error (MpFlowPane *self,
                   const char *message)
{
  GtkWidget *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", _("The flowchart could not be exported"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (MpFlowPane           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  Block *block = current_block (self);

  if (response == GTK_RESPONSE_ACCEPT && block != NULL && block->layout != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && mp_flow_export_format_for_path (path) == NULL)
        {
          char *with_extension = g_strconcat (path, ".", self->export_format, NULL);

          g_free (path);
          path = with_extension;
        }
      if (path != NULL && !mp_flow_export_to_file (block->layout, block->walk, path, &error))
        show_export_error (self, error->message);
      else if (path != NULL)
        {
          g_autoptr(GFile) written = g_file_new_for_path (path);

          /* Translators: "flowchart.svg", then the folder it is in */
          mp_toast_request_for_file (GTK_WIDGET (self), _("Flowchart exported as “%s” in %s"), written);
        }
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MpFlowPane *self = MP_FLOW_PANE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strdup_printf ("%s.%s", _("flowchart"), format);

  if (self->chooser != NULL || current_block (self) == NULL || current_block (self)->layout == NULL)
    return;
  g_free (self->export_format);
  self->export_format = g_strdup (format);
  self->chooser = gtk_file_chooser_native_new (_("Export Flowchart"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpFlowPane *self = MP_FLOW_PANE (widget);

  if (g_str_equal (action_name, "flow.find"))
    mp_flow_pane_start_search (self);
  else
    mp_flow_pane_zoom (self, g_str_equal (action_name, "flow.zoom-in") ? 1
                             : g_str_equal (action_name, "flow.zoom-out") ? -1 : 0);
}

/* Layout of the pane: toolbar on top; the card beside the chart when wide, else below. */

static gboolean
card_beside (MpFlowPane *self,
             int         width)
{
  return width >= CARD_BESIDE_MIN_WIDTH;
}

static void
mp_flow_pane_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  MpFlowPane *self = MP_FLOW_PANE (widget);
  int tool_min, tool_nat, stack_min, stack_nat, card_min = 0, card_nat = 0;

  gtk_widget_measure (self->toolbar, orientation, -1, &tool_min, &tool_nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, -1, &stack_min, &stack_nat, NULL, NULL);
  if (gtk_widget_get_visible (self->card))
    gtk_widget_measure (self->card, orientation, orientation == GTK_ORIENTATION_VERTICAL ? CARD_WIDTH : -1,
                        &card_min, &card_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (tool_min, MAX (stack_min, card_min));
      *natural = MAX (tool_nat, stack_nat + card_nat);
    }
  else
    {
      *minimum = tool_min + MAX (stack_min, card_min);
      *natural = tool_nat + MAX (stack_nat, card_nat);
    }
}

static void
mp_flow_pane_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  MpFlowPane *self = MP_FLOW_PANE (widget);
  int tool_h, card_h = 0, card_w = 0, unused;
  gboolean beside = card_beside (self, width);
  gboolean has_card = gtk_widget_get_visible (self->card);

  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, width, &tool_h, &unused, NULL, NULL);
  gtk_widget_allocate (self->toolbar, width, tool_h, -1, NULL);
  height -= tool_h;
  if (has_card && beside)
    card_w = CARD_WIDTH;
  else if (has_card)
    {
      gtk_widget_measure (self->card, GTK_ORIENTATION_VERTICAL, width, &card_h, &unused, NULL, NULL);
      card_h = MIN (card_h, height / 2);
    }
  if (has_card)
    {
      if (beside)
        gtk_widget_add_css_class (self->card, "beside");
      else
        gtk_widget_add_css_class (self->card, "below");
      gtk_widget_remove_css_class (self->card, beside ? "below" : "beside");
    }
  gtk_widget_allocate (GTK_WIDGET (self->stack), width - card_w, height - card_h, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, tool_h)));
  if (has_card && beside)
    gtk_widget_allocate (self->card, card_w, height, -1,
                         gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (width - card_w, tool_h)));
  else if (has_card)
    gtk_widget_allocate (self->card, width, card_h, -1,
                         gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, tool_h + height - card_h)));
}

static GtkSizeRequestMode
mp_flow_pane_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* Type ---------------------------------------------------------------------------------- */

static void
mp_flow_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mp_flow_pane_parent_class)->map (widget);
  start_pending_layouts (MP_FLOW_PANE (widget));
}

static void
mp_flow_pane_unrealize (GtkWidget *widget)
{
  MpFlowPane *self = MP_FLOW_PANE (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));
  GTK_WIDGET_CLASS (mp_flow_pane_parent_class)->unrealize (widget);
}

static void
mp_flow_pane_dispose (GObject *object)
{
  MpFlowPane *self = MP_FLOW_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_FLOW_PANE);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->book);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_flow_pane_parent_class)->dispose (object);
}

static void
mp_flow_pane_finalize (GObject *object)
{
  MpFlowPane *self = MP_FLOW_PANE (object);

  g_free (self->walk_state);
  g_free (self->outcome_id);
  g_free (self->export_format);

  G_OBJECT_CLASS (mp_flow_pane_parent_class)->finalize (object);
}

static void
mp_flow_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MpFlowPane *self = MP_FLOW_PANE (object);

  switch (prop_id)
    {
    case PROP_WALK_STATE:
      g_value_set_string (value, self->walk_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_walk_state (MpFlowPane *self,
                const char *state)
{
  Block *first = self->blocks->len > 0 ? g_ptr_array_index (self->blocks, 0) : NULL;

  if (first != NULL && first->walk != NULL)
    {
      g_autofree char *now = mp_flow_walk_serialize (first->walk);

      if (g_strcmp0 (now, state) != 0)
        mp_flow_walk_restore (first->walk, state != NULL ? state : "");
      sync_walk_state (self);
      return;
    }
  if (mp_utils_set_str (&self->walk_state, state))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WALK_STATE]);
}

static void
mp_flow_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_WALK_STATE:
      set_walk_state (MP_FLOW_PANE (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_css (void)
{
  static gsize done = 0;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (!g_once_init_enter (&done))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/mp-flow.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_once_init_leave (&done, 1);
}

static void
mp_flow_pane_class_init (MpFlowPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_flow_pane_dispose;
  object_class->finalize = mp_flow_pane_finalize;
  object_class->get_property = mp_flow_pane_get_property;
  object_class->set_property = mp_flow_pane_set_property;
  widget_class->measure = mp_flow_pane_measure;
  widget_class->size_allocate = mp_flow_pane_size_allocate;
  widget_class->get_request_mode = mp_flow_pane_get_request_mode;
  widget_class->map = mp_flow_pane_map;
  widget_class->unrealize = mp_flow_pane_unrealize;

  properties[PROP_WALK_STATE] =
    g_param_spec_string ("walk-state", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[OPEN_SECTION] = g_signal_new ("open-section", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[OUTCOME_CHANGED] = g_signal_new ("outcome-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING,
                                           G_TYPE_STRV);

  g_type_ensure (MP_TYPE_FLOW_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mp-flow-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, toolbar);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, caption_label);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, block_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, stack);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, canvas);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, search_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, search_count_label);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, error_label);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, error_source_label);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, warnings_expander);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, card);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, card_heading_label);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, card_text_label);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, card_explanation_label);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, answers_box);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, section_button);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, back_button);
  gtk_widget_class_bind_template_child (widget_class, MpFlowPane, restart_button);
  gtk_widget_class_bind_template_callback (widget_class, on_block_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_section_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_restart_clicked);
  gtk_widget_class_bind_template_callback (widget_class, mp_flow_pane_start_search);

  gtk_widget_class_install_action (widget_class, "flow.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "flow.zoom-in", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "flow.zoom-out", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "flow.zoom-fit", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "flow.find", NULL, view_action);
  gtk_widget_class_set_css_name (widget_class, "flowpane");
}

static void
mp_flow_pane_init (MpFlowPane *self)
{
  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->book = mp_flow_book_new ();
  self->cancellable = g_cancellable_new ();
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  show_block (self, 0);
}

GtkWidget *
mp_flow_pane_new (void)
{
  return g_object_new (MP_TYPE_FLOW_PANE, NULL);
}

MpFlowCanvas *
mp_flow_pane_get_canvas (MpFlowPane *self)
{
  g_return_val_if_fail (MP_IS_FLOW_PANE (self), NULL);
  return self->canvas;
}

const char *
mp_flow_pane_get_kept_error (MpFlowPane *self)
{
  g_return_val_if_fail (MP_IS_FLOW_PANE (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->kept_error != NULL)
        return block->kept_error;
    }
  return NULL;
}

MpFlowWalk *
mp_flow_pane_get_walk (MpFlowPane *self)
{
  Block *block;

  g_return_val_if_fail (MP_IS_FLOW_PANE (self), NULL);
  block = current_block (self);
  return block != NULL ? block->walk : NULL;
}
