"""EO13: New York City's system for carrying out Mayoral Executive Order 13 of 2026."""
