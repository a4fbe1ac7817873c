"""The data models: criteria sets and evidence (input), results (output)."""
