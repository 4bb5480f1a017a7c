"""Account rules in pure Python (no Django)."""
