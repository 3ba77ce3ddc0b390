"""The printed documents: context from domain results, templates, PDF, verification code, archive.

``context`` and ``verification`` are pure (plain values in, plain values out); ``render`` (docxtpl),
``chart`` (Pillow), ``pdf`` (LibreOffice / Word) and ``archive`` (zip files) are the adapters.
"""
