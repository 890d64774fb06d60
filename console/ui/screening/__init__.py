"""The forum screening view: queue, post, rounds and statistics (issue 4)."""
