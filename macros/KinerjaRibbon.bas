Attribute VB_Name = "KinerjaRibbon"
' The one ribbon callback of the Kinerja add-in.
' customUI.xml gives every button onAction="OnAction"; the button id is the name of its
' Python handler (xlwings_app/ribbon/registry.py), so a new button needs only XML.
' A click runs in xlwings' long-lived Python, the process the KINERJA_* functions use (the
' "UDF server"): started once, so a click pays no start-up. The line "USE UDF SERVER","False" in
' %USERPROFILE%\.kinerja\kinerja.conf falls back to xlwings' RunPython, a new Python per click.
' The add-in's version (KINERJA_VERSI in its kinerja.conf sheet) goes with every click, so a
' long-lived Python left from an older Kinerja is noticed. Python shows its own Indonesian message
' boxes; this module shows only those Python cannot: no workbook to work on (Excel just started,
' a file in Protected View) and a Python that cannot be reached. No error opens the VBA editor.
Option Explicit

Private Const JUDUL As String = "Kinerja"

Public Sub OnAction(control As IRibbonControl)
    Dim pythonCall As String
    On Error GoTo failed
    If Not WorkbookReady() Then Exit Sub
    pythonCall = "import xlwings_app.ribbon.entry as e; e.dispatch('" & control.Id & "', addin_version='" & GetConfig("KINERJA_VERSI", "") & "')"
    If LongLivedPython() Then
        XLPy.SetAttr XLPy.Module("xlwings._xlwindows"), "BOOK_CALLER", ActiveWorkbook
        XLPy.Exec pythonCall
    Else
        RunPython pythonCall
    End If
    Exit Sub
failed:
    MsgBox PythonFailedMessage(Err.Description), vbExclamation, JUDUL
End Sub

Private Function WorkbookReady() As Boolean
    ' Without this guard RunPython stops at "Set wb = ActiveWorkbook" (runtime error 91).
    Dim protectedWindow As Object
    On Error Resume Next
    Set protectedWindow = Application.ActiveProtectedViewWindow
    On Error GoTo 0
    If Not protectedWindow Is Nothing Then
        MsgBox "Workbook ini terbuka dalam Tampilan Terproteksi (Protected View). Klik " & _
            "'Aktifkan Pengeditan' (Enable Editing) pada bilah kuning di atas lembar, lalu klik " & _
            "tombol Kinerja lagi.", vbInformation, JUDUL
        Exit Function
    End If
    If ActiveWorkbook Is Nothing Then
        MsgBox "Belum ada workbook yang terbuka. Buka workbook Pengukuran Kinerja (.xlsx), " & _
            "lalu klik tombol Kinerja lagi.", vbInformation, JUDUL
        Exit Function
    End If
    WorkbookReady = True
End Function

Private Function LongLivedPython() As Boolean
    Select Case UCase$(Trim$(CStr(GetConfig("USE UDF SERVER", "True"))))
        Case "FALSE", "0"
            LongLivedPython = False
        Case Else
            LongLivedPython = True
    End Select
End Function

Private Function PythonFailedMessage(detail As String) As String
    PythonFailedMessage = "Kinerja tidak dapat menjalankan Python." & vbCrLf & vbCrLf & _
        "Rincian: " & detail & vbCrLf & vbCrLf & _
        "Yang dapat dicoba:" & vbCrLf & _
        "1. Tutup Excel, buka Command Prompt, jalankan: kinerja addin pasang" & vbCrLf & _
        "   lalu buka Excel lagi." & vbCrLf & _
        "2. Komputer kantor yang dikelola TI dapat memblokir Excel menjalankan program lain " & _
        "(aturan Attack Surface Reduction Microsoft Defender). Minta admin TI membaca " & _
        "bagian 'Untuk admin TI' di windows.md (ada di paket pemasangan Kinerja)."
End Function
