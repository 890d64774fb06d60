"""The forum: youths' posts, screening rounds, decisions (issue 4)."""
