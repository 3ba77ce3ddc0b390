"""Building the Kinerja Excel add-in (Kinerja.xlam) from text, without Excel.

- ``ovba_compression``: the MS-OVBA 2.4.1 compression used for VBA source and the dir stream.
- ``vba_dir``: the dir stream's records (MS-OVBA 2.3.4.2).
- ``vba_project``: reading the template's vbaProject.bin and writing ours (MS-OVBA 2.3).
- ``cfb_writer``: the compound file, written with ms-cfb and read back with olefile (MS-CFB).
- ``config_sheet``: the xlwings config sheet ``kinerja.conf``: only what Kinerja sets on purpose.
- ``xlam``: the .xlam package: template parts, our vbaProject.bin, customUI and config sheet.
- ``install``: ``kinerja addin pasang`` / ``lepas`` on Windows, the interpreter checked first.
- ``bundle``: ``make dist``, the offline install bundle for 64-bit Windows (build time only).
"""
