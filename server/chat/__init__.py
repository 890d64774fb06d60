"""The chat: youths in a queue, routed to staff, talking over the event log."""
