"""Models of the obligations app."""
