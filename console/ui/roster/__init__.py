"""The roster area: the week grid, filling names, proposals and one's own shifts."""
