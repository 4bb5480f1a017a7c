"""The CIN census: its flattened tables and DfE's validation rules for it."""
