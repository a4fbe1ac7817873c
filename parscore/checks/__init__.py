"""Checks of documents after their shape is validated, one module per kind of document, and the
mapping of pydantic's errors to messages."""
