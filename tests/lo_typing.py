"""Typing into a workbook through headless LibreOffice, as a person at the keyboard does.

``type_in_libreoffice(source, target, entries, locale)`` opens ``source`` in LibreOffice Calc (hidden),
selects each cell and enters its text with the ``.uno:EnterString`` command (the input line's Enter:
LibreOffice parses the text for the cell as it does for a typed entry, "95%" included, and changes
the cell's number format as it does then), and saves the result as .xlsx to ``target``. A Basic macro
in a private user profile does it (this Debian LibreOffice has no Python-UNO bridge); the profile's
locale is ``locale`` ("id-ID": a decimal comma, as on an Indonesian office PC).

For tests only: it drives the real program, so what it stores is what LibreOffice stores.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

_MACRO = """Sub Logit(s As String, sLog As String)
  Dim f As Integer
  f = FreeFile
  Open sLog For Append As #f
  Print #f, s
  Close #f
End Sub

Sub TypeJob(sJob As String)
  Dim iFile As Integer, sLine As String, n As Integer, sLog As String
  Dim lines(2000) As String
  iFile = FreeFile
  Open sJob For Input As #iFile
  n = 0
  Do While Not EOF(iFile)
    Line Input #iFile, sLine
    lines(n) = sLine
    n = n + 1
  Loop
  Close #iFile
  sLog = lines(2)
  On Error GoTo Fail
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden" : args(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(lines(0), "_blank", 0, args())
  dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
  Dim p(0) As New com.sun.star.beans.PropertyValue
  Dim i As Integer
  For i = 3 To n - 1
    parts = Split(lines(i), Chr(9))
    oSheet = oDoc.Sheets.getByName(parts(0))
    oDoc.CurrentController.setActiveSheet(oSheet)
    oDoc.CurrentController.select(oSheet.getCellRangeByName(parts(1)))
    p(0).Name = "StringName" : p(0).Value = parts(2)
    dispatcher.executeDispatch(oDoc.CurrentController.Frame, ".uno:EnterString", "", 0, p())
  Next i
  Dim s(0) As New com.sun.star.beans.PropertyValue
  s(0).Name = "FilterName" : s(0).Value = "Calc MS Excel 2007 XML"
  oDoc.storeToURL(lines(1), s())
  oDoc.close(True)
  Logit("ok", sLog)
  Exit Sub
Fail:
  Logit("galat " &amp; Err &amp; " " &amp; Error$ &amp; " baris " &amp; Erl, sLog)
  On Error Resume Next
  oDoc.close(True)
End Sub
"""

_MODULE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
    'script:language="StarBasic">{}</script:module>\n'
)

_LOCALE_ITEMS = """<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>{locale}</value></prop></item>
</oor:items>"""


class TypingFailed(RuntimeError):
    """LibreOffice did not type and save the workbook."""


def _run(command: list[str], timeout: float) -> None:
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True) as proc:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # this run's own process group only
            proc.wait()
            raise TypingFailed(f"LibreOffice tidak selesai dalam {timeout:.0f} detik") from None


def type_in_libreoffice(source: Path, target: Path, entries: Sequence[tuple[str, str, str]],
                        locale: str = "id-ID", timeout: float = 180) -> Path:
    """Type each ``(sheet, cell, text)`` of ``entries`` into ``source`` in LibreOffice; save as ``target``."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise TypingFailed("LibreOffice (soffice) tidak terpasang")
    for _sheet, _cell, text in entries:
        if "\t" in text or "\n" in text:
            raise ValueError("one line of text per cell")
    with tempfile.TemporaryDirectory(prefix="kinerja-ketik-") as work_dir:
        work = Path(work_dir)
        profile = work / "profile"
        _run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--terminate_after_init"], timeout)
        basic = profile / "user" / "basic" / "Standard"
        if not (basic / "Module1.xba").is_file():
            raise TypingFailed("profil LibreOffice tanpa pustaka Basic Standard")
        (basic / "Module1.xba").write_text(_MODULE.format(_MACRO.replace('"', "&quot;")), encoding="utf-8")
        registry = profile / "user" / "registrymodifications.xcu"
        settings = registry.read_text(encoding="utf-8")  # the first run's, with its "set-up done" flag
        registry.write_text(settings.replace("</oor:items>", _LOCALE_ITEMS.format(locale=locale)), encoding="utf-8")
        copy, output, log = work / f"masuk{source.suffix}", work / "keluar.xlsx", work / "ketik.log"
        shutil.copyfile(source, copy)
        job = work / "ketik.txt"
        lines = [copy.as_uri(), output.as_uri(), str(log), *("\t".join(e) for e in entries)]
        job.write_text("\n".join(lines) + "\n", encoding="utf-8")
        _run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
              f'macro:///Standard.Module1.TypeJob("{job}")'], timeout)  # fmt: skip
        said = log.read_text(encoding="utf-8").strip() if log.is_file() else "(tanpa catatan)"
        if said != "ok" or not output.is_file():
            raise TypingFailed(f"LibreOffice gagal mengetik ke {source.name}: {said}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(output, target)
    return target
