Attribute VB_Name = "KinerjaRibbon"
' The one ribbon callback of the Kinerja add-in.
' customUI.xml gives every button onAction="OnAction"; the button id is the name of its
' Python handler (xlwings_app/ribbon/registry.py), so a new button needs only XML.
' Where a click runs:
' - a quick button runs in xlwings' long-lived Python, the process the KINERJA_* functions use
'   (the "UDF server"): started once, so a click pays no start-up;
' - a button whose work can take long (documents, PDF, forms, the archive: tag="proses-sendiri"
'   in customUI.xml, OWN_PROCESS in registry.py) runs in a new Python of its own, as xlwings'
'   RunPython does without the UDF server: a call into the UDF server is a COM call, which Excel
'   gives up after about 90 seconds ("Microsoft Excel is waiting for another application to
'   complete an OLE action"), and a new Python has no such limit.
' The line "USE UDF SERVER","False" in %USERPROFILE%\.kinerja\kinerja.conf runs every button in a
' new Python. The add-in's version (KINERJA_VERSI in its kinerja.conf sheet) goes with every click,
' so a long-lived Python left from an older Kinerja is noticed. Python shows its own Indonesian
' message boxes; this module shows only those Python cannot: no workbook to work on (Excel just
' started, a file in Protected View in front) and a Python that cannot be reached. No error opens
' the VBA editor.
Option Explicit

Private Const JUDUL As String = "Kinerja"
Private Const PROSES_SENDIRI As String = "proses-sendiri"

Public Sub OnAction(control As IRibbonControl)
    Dim pythonCall As String
    On Error GoTo failed
    If Not WorkbookReady() Then Exit Sub
    pythonCall = "import xlwings_app.ribbon.entry as e; e.dispatch('" & control.Id & "', addin_version='" & GetConfig("KINERJA_VERSI", "") & "')"
    If control.Tag <> PROSES_SENDIRI And LongLivedPython() Then
        XLPy.SetAttr XLPy.Module("xlwings._xlwindows"), "BOOK_CALLER", ActiveWorkbook
        XLPy.Exec pythonCall
    Else
        RunInOwnPython pythonCall
    End If
    Exit Sub
failed:
    MsgBox PythonFailedMessage(Err.Description), vbExclamation, JUDUL
End Sub

Private Sub RunInOwnPython(pythonCall As String)
    ' xlwings' ExecuteWindows, as its RunPython calls it without the UDF server (RunPython itself
    ' would use the UDF server when a user's config sets "USE UDF SERVER" True). The PYTHONPATH
    ' argument is what xlwings.utils.prepare_sys_path reads: "false" (no workbook folder on the
    ' path), five unused fields, then the add-in's PYTHONPATH setting.
    ExecuteWindows False, pythonCall, CStr(GetConfig("INTERPRETER_WIN", "python")), "false;;;;;;" & CStr(GetConfig("PYTHONPATH", ""))
End Sub

Private Function WorkbookReady() As Boolean
    ' Without this guard RunPython stops at "Set wb = ActiveWorkbook" (runtime error 91).
    ' A normal workbook in front goes ahead, even with a file in Protected View behind it (a
    ' Kasi's e-mailed form): only without one does the Protected View window explain why.
    If Not ActiveWorkbook Is Nothing Then
        If Not ActiveWindow Is Nothing Then
            WorkbookReady = True
            Exit Function
        End If
    End If
    If ProtectedViewOpen() Then
        MsgBox "Workbook ini terbuka dalam Tampilan Terproteksi (Protected View). Klik " & _
            "'Aktifkan Pengeditan' (Enable Editing) pada bilah kuning di atas lembar, lalu klik " & _
            "tombol Kinerja lagi.", vbInformation, JUDUL
    Else
        MsgBox "Belum ada workbook yang terbuka. Buka workbook Pengukuran Kinerja (.xlsx), " & _
            "lalu klik tombol Kinerja lagi.", vbInformation, JUDUL
    End If
End Function

Private Function ProtectedViewOpen() As Boolean
    Dim protectedWindow As Object
    On Error Resume Next
    Set protectedWindow = Application.ActiveProtectedViewWindow
    On Error GoTo 0
    ProtectedViewOpen = Not protectedWindow Is Nothing
End Function

Private Function LongLivedPython() As Boolean
    Select Case UCase$(Trim$(CStr(GetConfig("USE UDF SERVER", "True"))))
        Case "FALSE", "0"
            LongLivedPython = False
        Case Else
            LongLivedPython = True
    End Select
End Function

Private Function KinerjaExe() As String
    ' kinerja.exe lies beside the python.exe the add-in runs (pasang.bat's venv\Scripts).
    Dim interpreter As String
    interpreter = GetConfig("INTERPRETER_WIN", "")
    KinerjaExe = Left$(interpreter, InStrRev(interpreter, "\")) & "kinerja.exe"
End Function

Private Function PythonFailedMessage(detail As String) As String
    PythonFailedMessage = "Kinerja tidak dapat menjalankan Python." & vbCrLf & vbCrLf & _
        "Rincian: " & detail & vbCrLf & vbCrLf & _
        "Yang dapat dicoba:" & vbCrLf & _
        "1. Tutup Excel, jalankan lagi pasang.bat dari paket pemasangan Kinerja (atau di " & _
        "Command Prompt: """ & KinerjaExe() & """ addin pasang), lalu buka Excel lagi." & vbCrLf & _
        "2. Komputer kantor yang dikelola TI dapat memblokir Excel menjalankan program lain " & _
        "(aturan Attack Surface Reduction Microsoft Defender, AppLocker, larangan Command Prompt) " & _
        "atau mengarantina add-in (antivirus). Minta admin TI membaca " & _
        "bagian 'Untuk admin TI' di windows.md (ada di paket pemasangan Kinerja)."
End Function
