"""SOP time limits: SOP definitions, Mutu Baku Waktu, the working calendar and the step log.

Pure domain: imports only the standard library, ``holidays`` and ``xlwings_app.domain.problems``.
"""
