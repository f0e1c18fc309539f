/* mp-tradeoff.h: weights from trade-off questions between two imagined
 * programs (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mp-criteria.h"

G_BEGIN_DECLS

#define MP_TRADEOFF_MAX_QUESTIONS 12

typedef enum {
  MP_TRADEOFF_ANSWER_A,
  MP_TRADEOFF_ANSWER_B,
  MP_TRADEOFF_ANSWER_SAME,  /* about the same */
} MpTradeoffAnswer;

/* Two imagined programs, equal in everything but two criteria: A is better
 * in @first, B in @second. Ratings 0–10. */
typedef struct {
  MpCriterion first;
  MpCriterion second;
  int         a_first;
  int         a_second;
  int         b_first;
  int         b_second;
} MpTradeoffQuestion;

#define MP_TYPE_TRADEOFF (mp_tradeoff_get_type ())

G_DECLARE_FINAL_TYPE (MpTradeoff, mp_tradeoff, MP, TRADEOFF, GObject)

/* How it asks: while the order of two criteria is open, A and B trade the
 * same number of points (which matters more?); once the order is known,
 * the points differ (how much more?). Each question is the one whose answer
 * is least predictable from the answers so far, judged on a cloud of weight
 * vectors that agree with every answer; the estimate is the cloud's mean,
 * scaled so the largest weight is 100. Deterministic: the same answers give
 * the same questions and estimate. Signal "changed" after every answer. */
MpTradeoff *mp_tradeoff_new                   (void);
/* The next question (the same until answered), or FALSE when done: after
 * MP_TRADEOFF_MAX_QUESTIONS, when the answers contradict each other, or when
 * no question would tell more. */
gboolean    mp_tradeoff_next_question         (MpTradeoff               *self,
                                               MpTradeoffQuestion       *question);
/* Answers the question mp_tradeoff_next_question() gave. */
void        mp_tradeoff_answer                (MpTradeoff               *self,
                                               MpTradeoffAnswer          answer);
/* Restores a remembered answer (e.g. from settings); FALSE, and nothing
 * added, when @question is not one this module could have asked: two
 * different criteria, A better in the first and B in the second, 0–10. */
gboolean    mp_tradeoff_add_answer            (MpTradeoff               *self,
                                               const MpTradeoffQuestion *question,
                                               MpTradeoffAnswer          answer);
guint       mp_tradeoff_get_n_answers         (MpTradeoff               *self);
void        mp_tradeoff_get_answer            (MpTradeoff               *self,
                                               guint                     index,
                                               MpTradeoffQuestion       *question,
                                               MpTradeoffAnswer         *answer);
/* Re-answers question @index (the questions after it stay). */
void        mp_tradeoff_change_answer         (MpTradeoff               *self,
                                               guint                     index,
                                               MpTradeoffAnswer          answer);
/* Back to no answers. */
void        mp_tradeoff_reset                 (MpTradeoff               *self);
/* FALSE with no answer yet, or when the answers contradict each other. */
gboolean    mp_tradeoff_estimate              (MpTradeoff               *self,
                                               MpWeights                *weights);
/* NULL when the answers agree; else a sentence naming the contradiction
 * ("You preferred faculty quality over funding twice and funding over
 * faculty quality once"), and in @answers (if not NULL) the indices of the
 * answers involved, one of which to re-answer. */
char       *mp_tradeoff_describe_contradiction (MpTradeoff              *self,
                                               GArray                  **answers);

/* The answers as text, to be remembered (e.g. in settings): one answer per
 * ";"-separated item, "faculty,funding,9,4,5,9,a" (the criteria, A's two
 * ratings, B's two, then a, b or same). */
char       *mp_tradeoff_to_string             (MpTradeoff               *self);
/* Replaces the answers with those of @text; FALSE, and nothing changed,
 * when @text is not such a list. */
gboolean    mp_tradeoff_restore               (MpTradeoff               *self,
                                               const char               *text);

/* "Faculty quality 9, funding 4": option A's or B's two ratings, for the
 * buttons and for screen readers (translated). */
char       *mp_tradeoff_question_describe_option (const MpTradeoffQuestion *question,
                                               gboolean                  option_b);
/* @estimate scaled so its largest weight equals @current's largest (100
 * when every current weight is 0), to be shown beside the sliders. */
void        mp_tradeoff_scale_like            (const MpWeights          *estimate,
                                               const MpWeights          *current,
                                               MpWeights                *scaled);
/* The criterion where the scaled estimate and the sliders differ most, as
 * "Your answers put brand name at 15; the slider says 50"; NULL when no
 * weight differs by 5 points or more. */
char       *mp_tradeoff_describe_disagreement (const MpWeights          *estimate,
                                               const MpWeights          *current);

G_END_DECLS
