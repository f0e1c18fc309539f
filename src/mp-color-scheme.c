/* mp-color-scheme.c: follow the desktop's light or dark preference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-color-scheme.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define SETTINGS_INTERFACE "org.freedesktop.portal.Settings"
#define APPEARANCE "org.freedesktop.appearance"

gboolean
mp_color_scheme_prefers_dark (GVariant *value)
{
  g_autoptr(GVariant) inner = value != NULL ? g_variant_ref (value) : NULL;

  /* Read () wraps the value in one or two variants, depending on the portal's age. */
  while (inner != NULL && g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unboxed = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = unboxed;
    }
  return inner != NULL && g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32) &&
         g_variant_get_uint32 (inner) == 1;
}

static void
apply (GVariant *value)
{
  GtkSettings *settings = gtk_settings_get_default ();

  if (settings != NULL)
    g_object_set (settings, "gtk-application-prefer-dark-theme",
                  mp_color_scheme_prefers_dark (value), NULL);
}

static void
on_signal (GDBusProxy *proxy,
           const char *sender,
           const char *signal_name,
           GVariant   *parameters,
           gpointer    data)
{
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_str_equal (signal_name, "SettingChanged") ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;
  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, APPEARANCE) && g_str_equal (key, "color-scheme"))
    apply (value);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GVariant) reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, NULL);
  g_autoptr(GVariant) value = NULL;

  if (reply == NULL || !g_variant_is_of_type (reply, G_VARIANT_TYPE ("(v)")))
    return;
  g_variant_get (reply, "(v)", &value);
  apply (value);
}

static void
on_proxy (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, NULL);

  if (proxy == NULL)
    return;
  /* The proxy lives as long as the process: it carries the change signal. */
  g_signal_connect (proxy, "g-signal", G_CALLBACK (on_signal), NULL);
  g_dbus_proxy_call (proxy, "Read", g_variant_new ("(ss)", APPEARANCE, "color-scheme"),
                     G_DBUS_CALL_FLAGS_NO_AUTO_START, 2000, NULL, on_read, NULL);
}

void
mp_color_scheme_follow_system (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES |
                            G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                            NULL, PORTAL_NAME, PORTAL_PATH, SETTINGS_INTERFACE,
                            NULL, on_proxy, NULL);
  g_once_init_leave (&done, 1);
}
