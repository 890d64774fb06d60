"""The roster on the server: the CP-SAT proposal (`solver`); storage and API come later."""
