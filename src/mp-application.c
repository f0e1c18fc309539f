/* mp-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-application.h"

#include <glib/gi18n.h>

#include "mp-window.h"

struct _MpApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (MpApplication, mp_application, GTK_TYPE_APPLICATION)

static MpWindow *
get_or_create_window (MpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (mp_window_new (GTK_APPLICATION (self)));
  return MP_WINDOW (window);
}

static void
mp_application_activate (GApplication *app)
{
  MpWindow *window = get_or_create_window (MP_APPLICATION (app));

  /* The window is mapped first and filled before its first frame, which
   * comes only once this returns: the window server starts its part of
   * showing the window while the article is laid out. */
  gtk_window_present (GTK_WINDOW (window));
  if (mp_window_get_document (window) == NULL)
    mp_window_open_bundled (window);
}

static void
mp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MpWindow *window = get_or_create_window (MP_APPLICATION (app));

  /* One document per window: the last file named wins, like a viewer. The
   * bundled article goes first, so that a file that fails to open leaves
   * its message in the banner over something to read. Both before the
   * window is shown: GTK 4.8's text view crashes when a realized view
   * changes buffers again before its first frame. */
  if (mp_window_get_document (window) == NULL)
    mp_window_open_bundled (window);
  mp_window_open_file (window, files[n_files - 1]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Master Plan developers"), NULL };
  const char *source[] = {
    _("“Is a Master’s in Medical Education Necessary? Separating Hype from Value”, "
      "Residency Advisor, January 8, 2026"),
    NULL
  };
  GtkAboutDialog *about;

  about = GTK_ABOUT_DIALOG (gtk_about_dialog_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_about_dialog_set_program_name (about, _("Master Plan"));
  gtk_about_dialog_set_logo_icon_name (about, APP_ID);
  gtk_about_dialog_set_version (about, PACKAGE_VERSION);
  gtk_about_dialog_set_comments (about, _("Is a master’s in medical education worth it for you, "
                                          "and if so, which program?"));
  gtk_about_dialog_set_license_type (about, GTK_LICENSE_GPL_3_0);
  gtk_about_dialog_set_authors (about, developers);
  /* Translators: put your names here, one per line */
  gtk_about_dialog_set_translator_credits (about, _("translator-credits"));
  /* Translators: heading of the credits for the article the bundled text restates */
  gtk_about_dialog_add_credit_section (about, _("Bundled article based on"), source);
  gtk_about_dialog_set_copyright (about, _("The sample programs are fictional."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing, not destroying, lets each window save its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
load_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
mp_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.print-article", { "<Control>p", NULL } },
    { "win.print-brief", { "<Control><Shift>p", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-reset", { "<Control>0", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.add-program", { "<Control>n", NULL } },
    { "win.weights-questions", { "<Control>t", NULL } },
    { "win.show-flowchart", { "F7", NULL } },
    { "win.show-panel", { "F8", NULL } },
  };

  G_APPLICATION_CLASS (mp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
  gtk_window_set_default_icon_name (APP_ID);
  load_css ();
}

static void
mp_application_class_init (MpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = mp_application_activate;
  app_class->open = mp_application_open;
  app_class->startup = mp_application_startup;
}

static void
mp_application_init (MpApplication *self)
{
}

MpApplication *
mp_application_new (void)
{
  return g_object_new (MP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
