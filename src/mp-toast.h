/* mp-toast.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MP_TYPE_TOAST (mp_toast_get_type ())

G_DECLARE_FINAL_TYPE (MpToast, mp_toast, MP, TOAST, GtkWidget)

GtkWidget  *mp_toast_new         (void);
/* Shows @message in place of the one before; it goes by itself after a while. */
void        mp_toast_show        (MpToast    *self,
                                  const char *message);
void        mp_toast_dismiss     (MpToast    *self);
/* The message shown, or NULL (for tests). */
const char *mp_toast_get_message (MpToast    *self);
void        mp_toast_request_for_file (GtkWidget  *source,
                                       const char *format,
                                       GFile      *file);

G_END_DECLS
