/* mp-tradeoff-dialog.c: "Help me set my weights": trade-off questions
 * between two imagined programs, and the weights they give beside the
 * sliders'
 *
 * The questions, the estimate and the contradictions are mp-tradeoff's;
 * this window only shows them and passes the answers on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-tradeoff-dialog.h"

#include <glib/gi18n.h>

struct _MpTradeoffDialog
{
  GtkWindow           parent_instance;

  /* template */
  GtkLabel           *progress_label;
  GtkLabel           *question_label;
  GtkWidget          *answer_box;
  GtkWidget          *a_button;
  GtkLabel           *a_label;
  GtkWidget          *b_button;
  GtkLabel           *b_label;
  GtkWidget          *same_button;
  GtkListBox         *answers_list;
  GtkGrid            *weights_grid;
  GtkLabel           *sentence_label;
  GtkWidget          *use_button;

  GtkLabel           *answer_values[MP_N_CRITERIA];
  GtkLabel           *slider_values[MP_N_CRITERIA];

  MpPlanner          *planner;
  MpTradeoff         *tradeoff;
  int                 reanswer;  /* the answer being changed, or -1 */
  gboolean            asking;    /* a question is shown */
};

G_DEFINE_FINAL_TYPE (MpTradeoffDialog, mp_tradeoff_dialog, GTK_TYPE_WINDOW)

static const char *
answer_word (MpTradeoffAnswer answer)
{
  switch (answer)
    {
    case MP_TRADEOFF_ANSWER_A: return _("A");
    case MP_TRADEOFF_ANSWER_B: return _("B");
    case MP_TRADEOFF_ANSWER_SAME:
    default: return _("about the same");
    }
}

static void
show_question (MpTradeoffDialog         *self,
               const MpTradeoffQuestion *question)
{
  g_autofree char *a = mp_tradeoff_question_describe_option (question, FALSE);
  g_autofree char *b = mp_tradeoff_question_describe_option (question, TRUE);
  /* Translators: option A of a question, with its two ratings */
  g_autofree char *a_text = g_strdup_printf (_("A: %s"), a);
  /* Translators: option B of a question, with its two ratings */
  g_autofree char *b_text = g_strdup_printf (_("B: %s"), b);
  /* Translators: what a screen reader says for option A */
  g_autofree char *a_spoken = g_strdup_printf (_("Option A, %s"), a);
  /* Translators: what a screen reader says for option B */
  g_autofree char *b_spoken = g_strdup_printf (_("Option B, %s"), b);

  gtk_label_set_label (self->question_label,
                       _("Two programs are alike in everything else. Which would you choose? "
                         "(Keys: A, B, or S for about the same)"));
  gtk_label_set_label (self->a_label, a_text);
  gtk_label_set_label (self->b_label, b_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->a_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a_spoken, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->b_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, b_spoken, -1);
}

static void
show_current_question (MpTradeoffDialog *self)
{
  MpTradeoffQuestion question;
  guint n = mp_tradeoff_get_n_answers (self->tradeoff);
  g_autofree char *progress = NULL;
  gboolean had_focus = self->asking;

  if (self->reanswer >= 0)
    {
      mp_tradeoff_get_answer (self->tradeoff, self->reanswer, &question, NULL);
      /* Translators: shown above a question asked again */
      progress = g_strdup_printf (_("Answering question %d again"), self->reanswer + 1);
      self->asking = TRUE;
    }
  else
    {
      self->asking = mp_tradeoff_next_question (self->tradeoff, &question);
      if (self->asking)
        progress = g_strdup_printf (_("Question %u of at most %u"), n + 1,
                                    MP_TRADEOFF_MAX_QUESTIONS);
      else
        progress = g_strdup (_("No more questions"));
    }
  gtk_label_set_label (self->progress_label, progress);
  gtk_widget_set_visible (self->answer_box, self->asking);
  if (self->asking)
    show_question (self, &question);
  else
    gtk_label_set_label (self->question_label, "");
  if (self->asking && !had_focus)
    gtk_widget_grab_focus (self->a_button);
  else if (!self->asking && gtk_widget_is_sensitive (self->use_button))
    gtk_widget_grab_focus (self->use_button);
}

static void
on_change_clicked (GtkButton        *button,
                   MpTradeoffDialog *self)
{
  mp_tradeoff_dialog_reanswer (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                         "answer")));
}

static GtkWidget *
new_answer_row (MpTradeoffDialog *self,
                guint             index,
                gboolean          contradicts)
{
  MpTradeoffQuestion question;
  MpTradeoffAnswer answer;
  g_autofree char *a = NULL, *b = NULL, *text = NULL, *spoken = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label, *button;

  mp_tradeoff_get_answer (self->tradeoff, index, &question, &answer);
  a = mp_tradeoff_question_describe_option (&question, FALSE);
  b = mp_tradeoff_question_describe_option (&question, TRUE);
  /* Translators: an answer given: number, option A, option B, the choice */
  text = g_strdup_printf (_("%u. A: %s — B: %s: you chose %s"), index + 1, a, b,
                          answer_word (answer));
  if (contradicts)
    {
      /* Translators: after an answer that contradicts others */
      g_autofree char *marked = g_strdup_printf (_("%s (contradicts another answer)"), text);

      g_free (text);
      text = g_steal_pointer (&marked);
    }
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (contradicts)
    gtk_widget_add_css_class (label, "warning");
  button = gtk_button_new_with_label (_("Change"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: what a screen reader says for the button that asks an answer again */
  spoken = g_strdup_printf (_("Change answer %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  g_object_set_data (G_OBJECT (button), "answer", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_change_clicked), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

static void
show_answers (MpTradeoffDialog *self,
              GArray           *contradicting)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->answers_list))) != NULL)
    gtk_list_box_remove (self->answers_list, child);
  for (guint i = 0; i < mp_tradeoff_get_n_answers (self->tradeoff); i++)
    {
      gboolean contradicts = FALSE;

      for (guint k = 0; contradicting != NULL && k < contradicting->len; k++)
        contradicts |= g_array_index (contradicting, guint, k) == i;
      gtk_list_box_append (self->answers_list, new_answer_row (self, i, contradicts));
    }
}

static void
show_weights (MpTradeoffDialog *self)
{
  MpWeights estimate, current, scaled;
  g_autofree char *contradiction = NULL;
  g_autofree char *disagreement = NULL;
  g_autoptr(GArray) contradicting = NULL;
  gboolean have = mp_tradeoff_estimate (self->tradeoff, &estimate);

  mp_planner_get_weights (self->planner, &current);
  if (have)
    mp_tradeoff_scale_like (&estimate, &current, &scaled);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      g_autofree char *answer = have ? g_strdup_printf ("%.0f", scaled.w[c]) : g_strdup ("—");
      g_autofree char *slider = g_strdup_printf ("%.0f", current.w[c]);

      gtk_label_set_label (self->answer_values[c], answer);
      gtk_label_set_label (self->slider_values[c], slider);
    }
  contradiction = mp_tradeoff_describe_contradiction (self->tradeoff, &contradicting);
  if (contradiction == NULL && have)
    disagreement = mp_tradeoff_describe_disagreement (&estimate, &current);
  if (contradiction != NULL)
    {
      g_autofree char *full = g_strdup_printf ("%s. %s", contradiction,
                                               _("Choose Change beside one of the marked answers "
                                                 "to answer it again."));

      gtk_label_set_label (self->sentence_label, full);
    }
  else if (disagreement != NULL)
    gtk_label_set_label (self->sentence_label, disagreement);
  else if (have)
    gtk_label_set_label (self->sentence_label, _("Your answers agree with the sliders."));
  else
    gtk_label_set_label (self->sentence_label,
                         _("Answer a question or two to see the weights your answers suggest."));
  if (contradiction != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->sentence_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->sentence_label), "warning");
  gtk_widget_set_sensitive (self->use_button, have && contradiction == NULL);
  show_answers (self, contradicting);
}

static void
update (MpTradeoffDialog *self)
{
  show_weights (self);
  show_current_question (self);
}

/* Every answer is remembered at once, so that closing loses nothing. */
static void
on_tradeoff_changed (MpTradeoffDialog *self)
{
  g_autofree char *answers = mp_tradeoff_to_string (self->tradeoff);

  mp_planner_set_tradeoff_answers (self->planner, answers);
  update (self);
}

static void
on_a_clicked (MpTradeoffDialog *self)
{
  mp_tradeoff_dialog_answer (self, MP_TRADEOFF_ANSWER_A);
}

static void
on_b_clicked (MpTradeoffDialog *self)
{
  mp_tradeoff_dialog_answer (self, MP_TRADEOFF_ANSWER_B);
}

static void
on_same_clicked (MpTradeoffDialog *self)
{
  mp_tradeoff_dialog_answer (self, MP_TRADEOFF_ANSWER_SAME);
}

static void
on_restart_clicked (MpTradeoffDialog *self)
{
  self->reanswer = -1;
  mp_tradeoff_reset (self->tradeoff);
}

static void
on_use_clicked (MpTradeoffDialog *self)
{
  if (mp_tradeoff_dialog_use_weights (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
answer_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   data)
{
  MpTradeoffDialog *self = MP_TRADEOFF_DIALOG (widget);

  if (!self->asking)
    return FALSE;
  mp_tradeoff_dialog_answer (self, g_variant_get_int32 (args));
  return TRUE;
}

static void
build_weights_grid (MpTradeoffDialog *self)
{
  GtkWidget *heading;

  heading = gtk_label_new (_("Your answers"));
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_grid_attach (self->weights_grid, heading, 1, 0, 1, 1);
  heading = gtk_label_new (_("Sliders"));
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_grid_attach (self->weights_grid, heading, 2, 0, 1, 1);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      GtkWidget *name = gtk_label_new (mp_criterion_get_label (c));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (self->weights_grid, name, 0, c + 1, 1, 1);
      self->answer_values[c] = GTK_LABEL (gtk_label_new (NULL));
      self->slider_values[c] = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->answer_values[c]), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (self->slider_values[c]), "numeric");
      gtk_grid_attach (self->weights_grid, GTK_WIDGET (self->answer_values[c]), 1, c + 1, 1, 1);
      gtk_grid_attach (self->weights_grid, GTK_WIDGET (self->slider_values[c]), 2, c + 1, 1, 1);
    }
}

static void
mp_tradeoff_dialog_dispose (GObject *object)
{
  MpTradeoffDialog *self = MP_TRADEOFF_DIALOG (object);

  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_data (self->planner, self);
  if (self->tradeoff != NULL)
    g_signal_handlers_disconnect_by_data (self->tradeoff, self);
  g_clear_object (&self->planner);
  g_clear_object (&self->tradeoff);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_TRADEOFF_DIALOG);
  G_OBJECT_CLASS (mp_tradeoff_dialog_parent_class)->dispose (object);
}

static void
mp_tradeoff_dialog_class_init (MpTradeoffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; MpTradeoffAnswer answer; } keys[] = {
    { GDK_KEY_a, MP_TRADEOFF_ANSWER_A }, { GDK_KEY_b, MP_TRADEOFF_ANSWER_B },
    { GDK_KEY_s, MP_TRADEOFF_ANSWER_SAME },
  };

  object_class->dispose = mp_tradeoff_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mp-tradeoff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, question_label);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, answer_box);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, a_button);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, a_label);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, b_button);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, b_label);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, same_button);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, answers_list);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, weights_grid);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, MpTradeoffDialog, use_button);
  gtk_widget_class_bind_template_callback (widget_class, on_a_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_b_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_same_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_restart_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_use_clicked);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding (widget_class, keys[i].key, 0, answer_key, "i",
                                  (gint32) keys[i].answer);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mp_tradeoff_dialog_init (MpTradeoffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reanswer = -1;
  build_weights_grid (self);
  gtk_label_set_label (self->a_label, "");
}

MpTradeoffDialog *
mp_tradeoff_dialog_new (GtkWindow *parent,
                        MpPlanner *planner)
{
  MpTradeoffDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_PLANNER (planner), NULL);

  self = g_object_new (MP_TYPE_TRADEOFF_DIALOG, "transient-for", parent, NULL);
  self->planner = g_object_ref (planner);
  self->tradeoff = mp_tradeoff_new ();
  /* Answers saved by another version may not read back: then start afresh. */
  mp_tradeoff_restore (self->tradeoff, mp_planner_get_tradeoff_answers (planner));
  g_signal_connect_swapped (self->tradeoff, "changed", G_CALLBACK (on_tradeoff_changed), self);
  g_signal_connect_swapped (planner, "notify::weights", G_CALLBACK (show_weights), self);
  update (self);
  return self;
}

MpTradeoff *
mp_tradeoff_dialog_get_tradeoff (MpTradeoffDialog *self)
{
  g_return_val_if_fail (MP_IS_TRADEOFF_DIALOG (self), NULL);
  return self->tradeoff;
}

const char *
mp_tradeoff_dialog_get_question (MpTradeoffDialog *self)
{
  g_return_val_if_fail (MP_IS_TRADEOFF_DIALOG (self), NULL);
  if (!self->asking)
    return "";
  return gtk_label_get_label (self->a_label);
}

const char *
mp_tradeoff_dialog_get_sentence (MpTradeoffDialog *self)
{
  g_return_val_if_fail (MP_IS_TRADEOFF_DIALOG (self), NULL);
  return gtk_label_get_label (self->sentence_label);
}

void
mp_tradeoff_dialog_answer (MpTradeoffDialog *self,
                           MpTradeoffAnswer  answer)
{
  int reanswer;

  g_return_if_fail (MP_IS_TRADEOFF_DIALOG (self));

  if (!self->asking)
    return;
  reanswer = self->reanswer;
  self->reanswer = -1;
  if (reanswer >= 0)
    mp_tradeoff_change_answer (self->tradeoff, reanswer, answer);
  else
    mp_tradeoff_answer (self->tradeoff, answer);
}

void
mp_tradeoff_dialog_reanswer (MpTradeoffDialog *self,
                             guint             index)
{
  g_return_if_fail (MP_IS_TRADEOFF_DIALOG (self));
  g_return_if_fail (index < mp_tradeoff_get_n_answers (self->tradeoff));

  self->reanswer = index;
  self->asking = FALSE;
  show_current_question (self);
}

gboolean
mp_tradeoff_dialog_use_weights (MpTradeoffDialog *self)
{
  MpWeights estimate, current, scaled;

  g_return_val_if_fail (MP_IS_TRADEOFF_DIALOG (self), FALSE);

  if (!gtk_widget_is_sensitive (self->use_button) ||
      !mp_tradeoff_estimate (self->tradeoff, &estimate))
    return FALSE;
  mp_planner_get_weights (self->planner, &current);
  mp_tradeoff_scale_like (&estimate, &current, &scaled);
  mp_planner_apply_weights (self->planner, &scaled, _("Weights set from your answers."));
  return TRUE;
}
