"""Pure rules shared by the console and the server. No I/O, no Qt, no HTTP here."""
