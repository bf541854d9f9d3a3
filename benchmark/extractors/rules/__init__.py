"""The rule baselines: `money-rules` (rules/money/) and `gazetteer` (rules/gazetteer/)."""
