/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mp-application.h"
#include "mp-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MpApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/dev run) points this at its own po/. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MASTERPLAN_LOCALEDIR") != NULL
                                   ? g_getenv ("MASTERPLAN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (mp_cli_is_headless (argc, argv))
    return mp_cli_run (argc, argv);

  app = mp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
