"""Code shared by tests: stations, the CLI runner, PDF tools, crash-test children, UI waits.

Test modules import from here and never from one another; fixtures live in conftest.py.
"""
