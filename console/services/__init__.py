"""asyncio services of the console: transport, session, store, sync, diagnostics.

No widgets here. Services report through `Signal` objects (plain Python, so they run
headless in benchmarks and load tools); the UI connects Qt slots to them.
"""
