"""Pure rules about the people around a child (no Django)."""
