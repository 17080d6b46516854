"""Retention rules of the access app, applied by ``eo13 purge`` (settings.EO13_RETENTION_DAYS).

Encounter records are kept six years from the encounter; decision-log rows three years from the decision."""

RULES = [
    {
        "record_type": "encounter",
        "model": "access.Encounter",
        "date_field": "occurred_at",
        "default_days": 6 * 365,
        "description": "Encounter records, counted from the day of the encounter.",
    },
    {
        "record_type": "decision_log",
        "model": "access.DecisionLog",
        "date_field": "created_at",
        "default_days": 3 * 365,
        "description": "Decisions asked of the engine, counted from the day asked.",
    },
]
