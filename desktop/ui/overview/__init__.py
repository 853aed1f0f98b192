"""总览: the figures that say where the reserves stand."""
