"""SSDA903 (children looked after) validation: typed tables, DfE's rules and rulesets."""
