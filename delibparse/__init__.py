"""delibparse: French local-authority deliberations to validated, structured records."""
