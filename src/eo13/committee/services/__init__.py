"""Writes to the Committee's records. Every function checks the actor, writes in one transaction and records an
audit entry there (EO 13 §7, §8)."""
