/* mp-article-table.c: a Markdown table inside the article
 *
 * The table is one Tab stop. Its cells are selectable labels that the
 * pointer focuses (so Ctrl+C copies what is selected in one), but Tab never
 * walks into them: GTK 4.8's label keeps the focus traversal to itself
 * (its focus() answers TRUE for a selectable label even when it cannot take
 * the focus), so this widget answers focus() for the whole table. Cells with
 * links stay out of the selection and keep their place in Tab's order, as
 * links in the text do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-table.h"

#include <glib/gi18n.h>

#include "mp-article-blocks.h"

#define MAX_TABLE_ROWS 500   /* body rows shown */

struct _MpArticleTable
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;
  GtkWidget *grid;
  GtkWidget *menu;
  GMenuModel *menu_model;    /* also each cell's extra menu */
  GPtrArray *link_cells;     /* labels with links, reading order */
  GtkLabel  *context_cell;   /* the cell a menu was opened on */
  guint      n_columns;
  guint      n_rows;         /* rows shown, header included */
  MpLinkFunc link_func;
  gpointer   link_data;
};

G_DEFINE_FINAL_TYPE (MpArticleTable, mp_article_table, GTK_TYPE_WIDGET)

static gboolean
on_activate_link (GtkLabel       *label,
                  const char     *uri,
                  MpArticleTable *self)
{
  self->link_func (uri, self->link_data);
  return TRUE;
}

static float
align_to_xalign (MpAlign align)
{
  switch (align)
    {
    case MP_ALIGN_CENTER:
      return 0.5;
    case MP_ALIGN_RIGHT:
      return 1.0;
    default:
      return 0.0;
    }
}

static gboolean
has_link (const MpInline *cell)
{
  for (guint i = 0; i < cell->spans->len; i++)
    if (g_array_index (cell->spans, MpSpan, i).type == MP_SPAN_LINK)
      return TRUE;
  return FALSE;
}

static GtkWidget *
cell_new (MpArticleTable *self,
          const MpInline *cell,
          MpAlign         align,
          guint           index)
{
  g_autofree char *markup = mp_article_inline_markup (cell);
  GtkWidget *label = gtk_label_new (NULL);
  guint row = index / self->n_columns;

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Words are never cut: a table too wide for the column scrolls. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), align_to_xalign (align));
  gtk_label_set_justify (GTK_LABEL (label), align == MP_ALIGN_CENTER ? GTK_JUSTIFY_CENTER
                                          : align == MP_ALIGN_RIGHT ? GTK_JUSTIFY_RIGHT
                                          : GTK_JUSTIFY_LEFT);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, row == 0 ? "header" : row % 2 == 0 ? "even" : "odd");
  /* A selectable label's links open only when nothing is selected, and
   * Tab would select the whole cell instead of reaching them. */
  if (has_link (cell))
    g_ptr_array_add (self->link_cells, label);
  else
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_extra_menu (GTK_LABEL (label), self->menu_model);
  g_object_set_data (G_OBJECT (label), "mp-cell-index", GUINT_TO_POINTER (index + 1));
  if (self->link_func != NULL)
    g_signal_connect (label, "activate-link", G_CALLBACK (on_activate_link), self);
  return label;
}

static char *
describe_table (const MpTable *table)
{
  GString *text = g_string_new (NULL);
  guint n_rows = table->cells->len / table->n_columns;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const MpInline *cell = g_ptr_array_index (table->cells, c);
      g_string_append (text, cell->text->str);
      if (c + 1 < table->n_columns)
        g_string_append (text, ", ");
    }
  /* Translators: accessible name of a table: "Table: COLUMN, COLUMN, …; N rows" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Table: %s; %u row", "Table: %s; %u rows",
                                       n_rows > 0 ? n_rows - 1 : 0),
                          text->str, n_rows > 0 ? n_rows - 1 : 0);
}

/* A table of tens of thousands of rows would freeze the window while its
 * labels are made; the reader shows the first ones and says so. */
static void
attach_hidden_rows_note (GtkGrid       *grid,
                         const MpTable *table)
{
  guint hidden = table->cells->len / table->n_columns - 1 - MAX_TABLE_ROWS;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u more row is not shown",
                                                        "%u more rows are not shown", hidden),
                                           hidden);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (grid, label, 0, MAX_TABLE_ROWS + 1, table->n_columns, 1);
}

/* -- cells and copying ------------------------------------------------------ */

static guint
cell_index (GtkWidget *label)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "mp-cell-index"));
}

/* The cell @widget is or is inside, or NULL. */
static GtkLabel *
cell_of (MpArticleTable *self,
         GtkWidget      *widget)
{
  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (GTK_IS_LABEL (w) && cell_index (w) > 0)
      return GTK_LABEL (w);
  return NULL;
}

static GtkLabel *
focused_cell (MpArticleTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? cell_of (self, gtk_root_get_focus (root)) : NULL;
}

static void
append_cell_text (GString  *out,
                  GtkLabel *label)
{
  for (const char *p = gtk_label_get_text (label); *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

char *
mp_article_table_to_tsv (MpArticleTable *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MP_IS_ARTICLE_TABLE (self), NULL);

  for (guint row = 0; row < self->n_rows; row++)
    {
      for (guint column = 0; column < self->n_columns; column++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (self->grid), column, row);

          if (column > 0)
            g_string_append_c (out, '\t');
          if (GTK_IS_LABEL (cell))
            append_cell_text (out, GTK_LABEL (cell));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
copy_text (MpArticleTable *self,
           const char     *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
copy_cell_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MpArticleTable *self = MP_ARTICLE_TABLE (widget);
  GString *text = g_string_new (NULL);

  if (self->context_cell != NULL)
    append_cell_text (text, self->context_cell);
  copy_text (self, text->str);
  g_string_free (text, TRUE);
}

static void
copy_table_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MpArticleTable *self = MP_ARTICLE_TABLE (widget);
  g_autofree char *tsv = mp_article_table_to_tsv (self);

  copy_text (self, tsv);
}

static void
set_context_cell (MpArticleTable *self,
                  GtkLabel       *cell)
{
  self->context_cell = cell;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.copy-cell", cell != NULL);
}

/* -- the menu --------------------------------------------------------------- */

static void
popup_menu_at (MpArticleTable *self,
               double          x,
               double          y)
{
  GdkRectangle at = { x, y, 1, 1 };

  /* Made on first use: most tables never show their menu. */
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (self->menu_model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  if (x < 0)
    at = (GdkRectangle) { gtk_widget_get_width (GTK_WIDGET (self)) / 2, 0, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &at);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Menu or Shift+F10 on the table itself (a focused cell opens its own menu,
 * which carries the same items). */
static void
popup_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MpArticleTable *self = MP_ARTICLE_TABLE (widget);

  set_context_cell (self, focused_cell (self));
  popup_menu_at (self, -1, -1);
}

/* Every press says which cell a menu that follows is about; the cell's own
 * menu (a selectable or linked label has one) opens on it. */
static void
on_any_press (GtkGestureClick *gesture,
              int              n_press,
              double           x,
              double           y,
              MpArticleTable  *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  set_context_cell (self, cell_of (self, picked));
}

static void
on_secondary_press (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    MpArticleTable  *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, x, y);
}

static GMenuModel *
menu_model_new (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("Copy _Cell"), "table.copy-cell");
  g_menu_append (menu, _("Copy _Table"), "table.copy-table");
  return G_MENU_MODEL (menu);
}

/* -- keyboard --------------------------------------------------------------- */

/* The next (or previous) cell with links after @from in reading order,
 * from the first (or last) when @from is 0. */
static GtkWidget *
next_link_cell (MpArticleTable   *self,
                guint             from,
                GtkDirectionType  direction)
{
  guint n = self->link_cells->len;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->link_cells, direction == GTK_DIR_TAB_FORWARD ? i : n - 1 - i);
      guint index = cell_index (cell);

      if (from == 0 || (direction == GTK_DIR_TAB_FORWARD ? index > from : index < from))
        return cell;
    }
  return NULL;
}

/* Moves on to the cells with links after @from; FALSE past the last. */
static gboolean
focus_link_cells (MpArticleTable   *self,
                  guint             from,
                  GtkDirectionType  direction)
{
  for (GtkWidget *cell = next_link_cell (self, from, direction); cell != NULL;
       cell = next_link_cell (self, cell_index (cell), direction))
    if (gtk_widget_child_focus (cell, direction))
      return TRUE;
  return FALSE;
}

/* Forward: the table, then its links, then out; backward the other way. */
static gboolean
mp_article_table_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  MpArticleTable *self = MP_ARTICLE_TABLE (widget);
  GtkLabel *cell = focused_cell (self);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return gtk_widget_is_focus (widget) || gtk_widget_get_focus_child (widget) != NULL
           ? FALSE : gtk_widget_grab_focus (widget);
  if (cell != NULL)
    {
      /* A cell with several links steps through them first. */
      if (g_ptr_array_find (self->link_cells, cell, NULL) &&
          gtk_widget_child_focus (GTK_WIDGET (cell), direction))
        return TRUE;
      if (focus_link_cells (self, cell_index (GTK_WIDGET (cell)), direction))
        return TRUE;
      return forward ? FALSE : gtk_widget_grab_focus (widget);
    }
  if (gtk_widget_is_focus (widget))
    return forward ? focus_link_cells (self, 0, direction) : FALSE;
  if (!forward && focus_link_cells (self, 0, direction))
    return TRUE;
  return gtk_widget_grab_focus (widget);
}

static gboolean
scroll_sideways (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  MpArticleTable *self = MP_ARTICLE_TABLE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  int step = g_variant_get_int32 (args);
  double value = gtk_adjustment_get_value (adjustment);

  if (step == G_MININT32 || step == G_MAXINT32)
    value = step < 0 ? gtk_adjustment_get_lower (adjustment) : gtk_adjustment_get_upper (adjustment);
  else
    value += step * MAX (gtk_adjustment_get_page_size (adjustment) / 10, 20);
  gtk_adjustment_set_value (adjustment, value);
  return TRUE;
}

/* -- layout ----------------------------------------------------------------- */

/* A scrolled window asks its child's height for the child's narrowest
 * width when it may scroll sideways, which leaves a wrapped table far too
 * tall. The table asks the grid for its height at the width it will
 * really have. */
static void
mp_article_table_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  MpArticleTable *self = MP_ARTICLE_TABLE (widget);
  int grid_min = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }
  gtk_widget_measure (self->grid, GTK_ORIENTATION_HORIZONTAL, -1, &grid_min, NULL, NULL, NULL);
  gtk_widget_measure (self->grid, orientation, for_size < 0 ? -1 : MAX (for_size, grid_min),
                      minimum, natural, NULL, NULL);
}

static void
mp_article_table_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  MpArticleTable *self = MP_ARTICLE_TABLE (widget);

  gtk_widget_allocate (self->scroller, width, height, -1, NULL);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

/* -- the type --------------------------------------------------------------- */

static void
mp_article_table_dispose (GObject *object)
{
  MpArticleTable *self = MP_ARTICLE_TABLE (object);

  self->context_cell = NULL;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->link_cells, g_ptr_array_unref);
  g_clear_object (&self->menu_model);
  G_OBJECT_CLASS (mp_article_table_parent_class)->dispose (object);
}

static void
mp_article_table_class_init (MpArticleTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_article_table_dispose;
  widget_class->focus = mp_article_table_focus;
  widget_class->measure = mp_article_table_measure;
  widget_class->size_allocate = mp_article_table_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "mp-article-table");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_install_action (widget_class, "table.copy-cell", NULL, copy_cell_activated);
  gtk_widget_class_install_action (widget_class, "table.copy-table", NULL, copy_table_activated);
  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, popup_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy-table", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, scroll_sideways, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, scroll_sideways, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, scroll_sideways, "i", G_MININT32);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, scroll_sideways, "i", G_MAXINT32);
}

static void
setup_gestures (MpArticleTable *self)
{
  GtkGesture *any = gtk_gesture_click_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (any), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (any), GTK_PHASE_CAPTURE);
  g_signal_connect (any, "pressed", G_CALLBACK (on_any_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (any));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));
}

static void
mp_article_table_init (MpArticleTable *self)
{
  self->menu_model = menu_model_new ();
  self->link_cells = g_ptr_array_new ();
  self->scroller = gtk_scrolled_window_new ();
  self->grid = gtk_grid_new ();
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (self->scroller, FALSE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "mp-table-frame");
  gtk_widget_add_css_class (self->grid, "mp-table");
  gtk_widget_set_hexpand (self->grid, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->grid);
  set_context_cell (self, NULL);
  setup_gestures (self);
}

GtkWidget *
mp_article_table_new (const MpTable *table,
                      MpLinkFunc     link_func,
                      gpointer       user_data)
{
  MpArticleTable *self = g_object_new (MP_TYPE_ARTICLE_TABLE, NULL);
  g_autofree char *description = describe_table (table);
  guint shown = mp_article_table_get_n_shown_cells (table);

  self->link_func = link_func;
  self->link_data = user_data;
  self->n_columns = table->n_columns;
  self->n_rows = shown / table->n_columns;
  for (guint i = 0; i < shown; i++)
    gtk_grid_attach (GTK_GRID (self->grid),
                     cell_new (self, g_ptr_array_index (table->cells, i), table->aligns[i % table->n_columns], i),
                     i % table->n_columns, i / table->n_columns, 1, 1);
  if (table->cells->len / table->n_columns > MAX_TABLE_ROWS + 1)
    attach_hidden_rows_note (GTK_GRID (self->grid), table);
  /* Keyboard users reach (and scroll, and copy) the table here: it says
   * what it holds. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  return GTK_WIDGET (self);
}

guint
mp_article_table_get_n_shown_cells (const MpTable *table)
{
  return MIN (table->cells->len, (MAX_TABLE_ROWS + 1) * table->n_columns);
}

GtkLabel *
mp_article_table_get_cell (GtkWidget *table_widget,
                           guint      n_columns,
                           guint      index)
{
  GtkWidget *cell;

  if (!MP_IS_ARTICLE_TABLE (table_widget) || n_columns == 0)
    return NULL;
  cell = gtk_grid_get_child_at (GTK_GRID (MP_ARTICLE_TABLE (table_widget)->grid),
                                index % n_columns, index / n_columns);
  return GTK_IS_LABEL (cell) ? GTK_LABEL (cell) : NULL;
}
