"""The transport between stations — signed bundles (USB), station keys, the LAN hub and its
client — over the core, which never imports it."""
