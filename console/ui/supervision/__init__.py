"""The supervision area: progress, sign-off, reviews, observations and intervision."""
