"""Criteria sets shipped with parscore (data only; read with importlib.resources)."""
