"""The administration area: the chat texts and the chat's open days."""
