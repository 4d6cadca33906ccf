"""The panels of each dashboard page, one module per page (drawn from the topic modules)."""
