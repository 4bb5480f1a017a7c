"""The validation engine: rules, returns, running a ruleset, yearly rulesets as deltas."""
