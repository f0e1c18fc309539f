/* mp-cost-texts.c: the ranking rows' compact costs, formatted once per
 * program and circumstances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-cost-texts.h"

typedef struct {
  MpProgram *program;  /* what the texts are of; not a reference, only compared */
  char     *text;    /* NULL: not made yet */
  char     *spoken;
  gboolean  fits_hours;
} CostText;

struct _MpCostTexts
{
  GObject    parent_instance;

  MpPlanner *planner;  /* not a reference: the planner outlives its views */
  GArray    *texts;    /* of CostText, one per program in the store */
  MpCircumstances circumstances;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpCostTexts, mp_cost_texts, G_TYPE_OBJECT)

static void
cost_text_clear (CostText *entry)
{
  g_clear_pointer (&entry->text, g_free);
  g_clear_pointer (&entry->spoken, g_free);
}

static void
forget (MpCostTexts *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (mp_planner_get_store (self->planner)));

  g_array_set_size (self->texts, 0);
  g_array_set_size (self->texts, n);
  mp_planner_get_circumstances (self->planner, &self->circumstances);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
mp_cost_texts_dispose (GObject *object)
{
  MpCostTexts *self = MP_COST_TEXTS (object);

  if (self->planner != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->planner, self);
      g_signal_handlers_disconnect_by_data (mp_planner_get_store (self->planner), self);
      g_object_remove_weak_pointer (G_OBJECT (self->planner), (gpointer *) &self->planner);
      self->planner = NULL;
    }
  G_OBJECT_CLASS (mp_cost_texts_parent_class)->dispose (object);
}

static void
mp_cost_texts_finalize (GObject *object)
{
  g_array_unref (MP_COST_TEXTS (object)->texts);
  G_OBJECT_CLASS (mp_cost_texts_parent_class)->finalize (object);
}

static void
mp_cost_texts_class_init (MpCostTextsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_cost_texts_dispose;
  object_class->finalize = mp_cost_texts_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_cost_texts_init (MpCostTexts *self)
{
  self->texts = g_array_new (FALSE, TRUE, sizeof (CostText));
  g_array_set_clear_func (self->texts, (GDestroyNotify) cost_text_clear);
}

MpCostTexts *
mp_cost_texts_new (MpPlanner *planner)
{
  MpCostTexts *self;

  g_return_val_if_fail (MP_IS_PLANNER (planner), NULL);

  self = g_object_new (MP_TYPE_COST_TEXTS, NULL);
  self->planner = planner;
  g_object_add_weak_pointer (G_OBJECT (planner), (gpointer *) &self->planner);
  g_signal_connect_swapped (planner, "notify::circumstances", G_CALLBACK (forget), self);
  g_signal_connect_swapped (mp_planner_get_store (planner), "items-changed",
                            G_CALLBACK (forget), self);
  forget (self);
  return self;
}

const char *
mp_cost_texts_get (MpCostTexts *self,
                   guint        program,
                   const char **spoken,
                   gboolean    *fits_hours)
{
  MpProgramStore *store;
  CostText *entry;
  MpProgram *p;

  g_return_val_if_fail (MP_IS_COST_TEXTS (self), "");
  g_return_val_if_fail (self->planner != NULL, "");
  store = mp_planner_get_store (self->planner);
  g_return_val_if_fail (program < g_list_model_get_n_items (G_LIST_MODEL (store)), "");

  /* A store change reaches the rows (through the scorer) before it reaches
   * us: an index may have grown past the array or moved to another program. */
  if (program >= self->texts->len)
    g_array_set_size (self->texts, g_list_model_get_n_items (G_LIST_MODEL (store)));
  entry = &g_array_index (self->texts, CostText, program);
  p = mp_program_store_peek (store, program);
  if (entry->text == NULL || entry->program != p)
    {
      cost_text_clear (entry);
      entry->program = p;
      entry->text = mp_costs_describe_compact (&self->circumstances, p, &entry->fits_hours,
                                               &entry->spoken);
    }
  if (spoken != NULL)
    *spoken = entry->spoken;
  if (fits_hours != NULL)
    *fits_hours = entry->fits_hours;
  return entry->text;
}

void
mp_cost_texts_get_circumstances (MpCostTexts     *self,
                                 MpCircumstances *circumstances)
{
  g_return_if_fail (MP_IS_COST_TEXTS (self));
  g_return_if_fail (circumstances != NULL);
  *circumstances = self->circumstances;
}
