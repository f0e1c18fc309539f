/* mp-rank-model.c: the ranking as a list of rank slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-rank-model.h"

struct _MpRankSlot
{
  GObject    parent_instance;
  guint      position;
  int        index;
  MpProgram *program;
  double     score;
  int        movement;
  gboolean   is_new;
};

enum {
  SLOT_PROP_0,
  SLOT_PROP_POSITION,
  SLOT_PROP_PROGRAM,
  SLOT_PROP_SCORE,
  SLOT_PROP_MOVEMENT,
  SLOT_N_PROPS
};

enum {
  SLOT_CHANGED,
  SLOT_N_SIGNALS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];
static guint slot_signals[SLOT_N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpRankSlot, mp_rank_slot, G_TYPE_OBJECT)

static void
mp_rank_slot_finalize (GObject *object)
{
  g_clear_object (&MP_RANK_SLOT (object)->program);
  G_OBJECT_CLASS (mp_rank_slot_parent_class)->finalize (object);
}

static void
mp_rank_slot_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MpRankSlot *self = MP_RANK_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case SLOT_PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    case SLOT_PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case SLOT_PROP_MOVEMENT:
      g_value_set_int (value, self->movement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_rank_slot_class_init (MpRankSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_rank_slot_finalize;
  object_class->get_property = mp_rank_slot_get_property;

  slot_properties[SLOT_PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  slot_properties[SLOT_PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL, MP_TYPE_PROGRAM, flags);
  slot_properties[SLOT_PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0, 100, 0, flags);
  slot_properties[SLOT_PROP_MOVEMENT] =
    g_param_spec_int ("movement", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);

  slot_signals[SLOT_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_rank_slot_init (MpRankSlot *self)
{
  self->index = -1;
}

guint
mp_rank_slot_get_position (MpRankSlot *self)
{
  g_return_val_if_fail (MP_IS_RANK_SLOT (self), 0);
  return self->position;
}

MpProgram *
mp_rank_slot_get_program (MpRankSlot *self)
{
  g_return_val_if_fail (MP_IS_RANK_SLOT (self), NULL);
  return self->program;
}

int
mp_rank_slot_get_program_index (MpRankSlot *self)
{
  g_return_val_if_fail (MP_IS_RANK_SLOT (self), -1);
  return self->index;
}

double
mp_rank_slot_get_score (MpRankSlot *self)
{
  g_return_val_if_fail (MP_IS_RANK_SLOT (self), 0);
  return self->score;
}

int
mp_rank_slot_get_movement (MpRankSlot *self)
{
  g_return_val_if_fail (MP_IS_RANK_SLOT (self), 0);
  return self->movement;
}

gboolean
mp_rank_slot_get_is_new (MpRankSlot *self)
{
  g_return_val_if_fail (MP_IS_RANK_SLOT (self), FALSE);
  return self->is_new;
}

/* ---------------------------------------------------------------------- */

struct _MpRankModel
{
  GObject     parent_instance;
  MpScorer   *scorer;
  GListModel *programs;
  guint       n_items;
  gboolean    show_movement;
  /* position → MpRankSlot, weak: only slots someone holds are kept
   * up to date, so a re-rank costs the visible rows, not the whole list. */
  GHashTable *live;
  gulong      ranked_handler;
};

static void mp_rank_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpRankModel, mp_rank_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mp_rank_model_list_model_init))

static void
slot_finalized (gpointer  data,
                GObject  *where_the_object_was)
{
  MpRankModel *self = data;
  MpRankSlot *slot = (MpRankSlot *) where_the_object_was;
  gpointer key = GUINT_TO_POINTER (slot->position);

  if (g_hash_table_lookup (self->live, key) == slot)
    g_hash_table_remove (self->live, key);
}

static void
forget_slot (MpRankModel *self,
             MpRankSlot  *slot)
{
  g_object_weak_unref (G_OBJECT (slot), slot_finalized, self);
}

static void
fill_slot (MpRankModel *self,
           MpRankSlot  *slot)
{
  guint index = mp_scorer_get_ranked (self->scorer, slot->position);
  int previous = mp_scorer_get_previous_rank_of (self->scorer, index);
  double score = mp_scorer_get_score (self->scorer, index);
  gboolean is_new = self->show_movement && previous < 0;
  int movement = is_new || !self->show_movement ? 0 : previous - (int) slot->position;
  g_autoptr(MpProgram) program = g_list_model_get_item (self->programs, index);

  g_object_freeze_notify (G_OBJECT (slot));
  slot->index = index;
  /* Compare objects, not indices: a removal shifts the store's indices. */
  if (g_set_object (&slot->program, program))
    g_object_notify_by_pspec (G_OBJECT (slot), slot_properties[SLOT_PROP_PROGRAM]);
  if (slot->score != score)
    {
      slot->score = score;
      g_object_notify_by_pspec (G_OBJECT (slot), slot_properties[SLOT_PROP_SCORE]);
    }
  if (slot->movement != movement || slot->is_new != is_new)
    {
      slot->movement = movement;
      slot->is_new = is_new;
      g_object_notify_by_pspec (G_OBJECT (slot), slot_properties[SLOT_PROP_MOVEMENT]);
    }
  g_object_thaw_notify (G_OBJECT (slot));
}

static void
update_live_slots (MpRankModel *self)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      MpRankSlot *slot = value;

      if (slot->position >= self->n_items)
        {
          forget_slot (self, slot);
          g_hash_table_iter_remove (&iter);
          continue;
        }
      fill_slot (self, slot);
      g_ptr_array_add (changed, g_object_ref (slot));
    }
  /* Handlers may take or drop slots; emit once the table is no longer walked. */
  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (changed->pdata[i], slot_signals[SLOT_CHANGED], 0);
}

static void
on_ranked (MpRankModel *self)
{
  guint old_n = self->n_items;
  guint new_n = mp_scorer_get_n_ranked (self->scorer);
  guint common = MIN (old_n, new_n);

  self->n_items = new_n;
  update_live_slots (self);
  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
}

static GType
mp_rank_model_get_item_type (GListModel *model)
{
  return MP_TYPE_RANK_SLOT;
}

static guint
mp_rank_model_get_n_items (GListModel *model)
{
  return MP_RANK_MODEL (model)->n_items;
}

static gpointer
mp_rank_model_get_item (GListModel *model,
                        guint       position)
{
  MpRankModel *self = MP_RANK_MODEL (model);
  MpRankSlot *slot;

  if (position >= self->n_items)
    return NULL;
  slot = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (slot != NULL)
    return g_object_ref (slot);

  slot = g_object_new (MP_TYPE_RANK_SLOT, NULL);
  slot->position = position;
  fill_slot (self, slot);
  g_object_weak_ref (G_OBJECT (slot), slot_finalized, self);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), slot);
  return slot;
}

static void
mp_rank_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mp_rank_model_get_item_type;
  iface->get_n_items = mp_rank_model_get_n_items;
  iface->get_item = mp_rank_model_get_item;
}

static void
mp_rank_model_dispose (GObject *object)
{
  MpRankModel *self = MP_RANK_MODEL (object);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    forget_slot (self, value);
  g_hash_table_remove_all (self->live);
  g_clear_signal_handler (&self->ranked_handler, self->scorer);
  g_clear_object (&self->scorer);
  g_clear_object (&self->programs);

  G_OBJECT_CLASS (mp_rank_model_parent_class)->dispose (object);
}

static void
mp_rank_model_finalize (GObject *object)
{
  g_hash_table_unref (MP_RANK_MODEL (object)->live);
  G_OBJECT_CLASS (mp_rank_model_parent_class)->finalize (object);
}

static void
mp_rank_model_class_init (MpRankModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_rank_model_dispose;
  object_class->finalize = mp_rank_model_finalize;
}

static void
mp_rank_model_init (MpRankModel *self)
{
  self->live = g_hash_table_new (NULL, NULL);
  self->show_movement = TRUE;
}

MpRankModel *
mp_rank_model_new (MpScorer   *scorer,
                   GListModel *programs)
{
  MpRankModel *self;

  g_return_val_if_fail (MP_IS_SCORER (scorer), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (programs), NULL);

  self = g_object_new (MP_TYPE_RANK_MODEL, NULL);
  self->scorer = g_object_ref (scorer);
  self->programs = g_object_ref (programs);
  self->n_items = mp_scorer_get_n_ranked (scorer);
  self->ranked_handler = g_signal_connect_swapped (scorer, "ranked",
                                                   G_CALLBACK (on_ranked), self);
  return self;
}

MpScorer *
mp_rank_model_get_scorer (MpRankModel *self)
{
  g_return_val_if_fail (MP_IS_RANK_MODEL (self), NULL);
  return self->scorer;
}

guint
mp_rank_model_get_n_live (MpRankModel *self)
{
  g_return_val_if_fail (MP_IS_RANK_MODEL (self), 0);
  return g_hash_table_size (self->live);
}

void
mp_rank_model_set_show_movement (MpRankModel *self,
                                 gboolean     show_movement)
{
  g_return_if_fail (MP_IS_RANK_MODEL (self));
  self->show_movement = !!show_movement;
}
