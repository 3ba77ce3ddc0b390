"""The Kinerja ribbon: button ids, the dispatcher RunPython calls, and one handler per button.

``entry.dispatch(id)`` is what every click runs (see macros/KinerjaRibbon.bas). It looks the id
up in ``registry.HANDLERS`` and imports only that handler's module, so a click loads only what its
button needs.
"""
