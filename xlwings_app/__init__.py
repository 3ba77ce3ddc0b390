"""Kinerja: Pengukuran Kinerja (SAKIP) in an Excel workbook.

Layers: ``domain`` (pure rules, no I/O), ``services`` (one function per user action),
``adapters`` (openpyxl, xlwings, docxtpl, PDF), and the entry points ``cli`` and ``ribbon``.
"""

__version__ = "0.1.0"
