Attribute VB_Name = "KinerjaUDF"
' Worksheet functions of the Kinerja add-in: VBA wrappers of xlwings_app/udfs.py, in the form
' xlwings.import_udfs generates (an add-in passes ActiveWorkbook). VBA names cannot hold a dot,
' so KINERJA.CAPAIAN is KINERJA_CAPAIAN. Keep the names and arguments equal to the Python ones.
' The numeric functions pass their result through BlankAsEmpty: a value Python cannot compute
' (None) arrives from xlwings as "" (text, which Excel ranks above every number) and leaves as
' Empty, which Excel treats like an empty cell in comparisons and sums.
' Each wrapper first returns nothing while Excel's Function Wizard (Insert Function, fx) is open,
' as the wrappers xlwings generates do: the wizard calls a function on every keystroke, and each
' call would go to Python.
#Const App = "Microsoft Excel" 'Adjust when using outside of Excel
Function KINERJA_CAPAIAN(target, realisasi, Optional polaritas)
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        KINERJA_CAPAIAN = BlankAsEmpty(XLPy.CallUDF("xlwings_app.udfs", "KINERJA_CAPAIAN", Array(target, realisasi, polaritas), ActiveWorkbook, Application.Caller))
        Exit Function
    #Else
        KINERJA_CAPAIAN = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_CAPAIAN", Array(target, realisasi, polaritas))
        Exit Function
    #End If
failed:
    KINERJA_CAPAIAN = Err.Description
End Function

Function KINERJA_PREDIKAT(nilai_capaian, Optional skala_batas, Optional skala_predikat)
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        KINERJA_PREDIKAT = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_PREDIKAT", Array(nilai_capaian, skala_batas, skala_predikat), ActiveWorkbook, Application.Caller)
        Exit Function
    #Else
        KINERJA_PREDIKAT = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_PREDIKAT", Array(nilai_capaian, skala_batas, skala_predikat))
        Exit Function
    #End If
failed:
    KINERJA_PREDIKAT = Err.Description
End Function

Function KINERJA_DURASI(mulai, selesai)
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        KINERJA_DURASI = BlankAsEmpty(XLPy.CallUDF("xlwings_app.udfs", "KINERJA_DURASI", Array(mulai, selesai), ActiveWorkbook, Application.Caller))
        Exit Function
    #Else
        KINERJA_DURASI = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_DURASI", Array(mulai, selesai))
        Exit Function
    #End If
failed:
    KINERJA_DURASI = Err.Description
End Function

Function KINERJA_WAKTU_STANDAR(teks)
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        KINERJA_WAKTU_STANDAR = BlankAsEmpty(XLPy.CallUDF("xlwings_app.udfs", "KINERJA_WAKTU_STANDAR", Array(teks), ActiveWorkbook, Application.Caller))
        Exit Function
    #Else
        KINERJA_WAKTU_STANDAR = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_WAKTU_STANDAR", Array(teks))
        Exit Function
    #End If
failed:
    KINERJA_WAKTU_STANDAR = Err.Description
End Function

Private Function BlankAsEmpty(result As Variant) As Variant
    ' xlwings returns a 1 x 1 array; "" in it becomes Empty, anything else is kept as it is.
    Dim cellValue As Variant
    BlankAsEmpty = result
    On Error GoTo done
    If IsArray(result) Then
        If UBound(result, 1) > LBound(result, 1) Or UBound(result, 2) > LBound(result, 2) Then Exit Function
        cellValue = result(LBound(result, 1), LBound(result, 2))
    Else
        cellValue = result
    End If
    If VarType(cellValue) = vbString Then
        If Len(cellValue) = 0 Then BlankAsEmpty = Empty
    End If
done:
End Function
