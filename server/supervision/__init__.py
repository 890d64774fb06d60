"""Supervision: trainee readiness, sign-off (which drives routing) and intervision notes."""
