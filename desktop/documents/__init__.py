"""Printed documents built with reportlab (the documents of record): the allocation order
and the responsibility matrix; no Qt."""
