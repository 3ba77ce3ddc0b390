Attribute VB_Name = "KinerjaUDF"
' Worksheet functions of the Kinerja add-in: VBA wrappers of xlwings_app/udfs.py, in the form
' xlwings.import_udfs generates (an add-in passes ActiveWorkbook). VBA names cannot hold a dot,
' so KINERJA.CAPAIAN is KINERJA_CAPAIAN. Keep the names and arguments equal to the Python ones.
#Const App = "Microsoft Excel" 'Adjust when using outside of Excel
Function KINERJA_CAPAIAN(target, realisasi, Optional polaritas)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        KINERJA_CAPAIAN = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_CAPAIAN", Array(target, realisasi, polaritas), ActiveWorkbook, Application.Caller)
        Exit Function
    #Else
        KINERJA_CAPAIAN = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_CAPAIAN", Array(target, realisasi, polaritas))
        Exit Function
    #End If
failed:
    KINERJA_CAPAIAN = Err.Description
End Function

Function KINERJA_PREDIKAT(nilai_capaian)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        KINERJA_PREDIKAT = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_PREDIKAT", Array(nilai_capaian), ActiveWorkbook, Application.Caller)
        Exit Function
    #Else
        KINERJA_PREDIKAT = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_PREDIKAT", Array(nilai_capaian))
        Exit Function
    #End If
failed:
    KINERJA_PREDIKAT = Err.Description
End Function

Function KINERJA_DURASI(mulai, selesai)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        KINERJA_DURASI = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_DURASI", Array(mulai, selesai), ActiveWorkbook, Application.Caller)
        Exit Function
    #Else
        KINERJA_DURASI = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_DURASI", Array(mulai, selesai))
        Exit Function
    #End If
failed:
    KINERJA_DURASI = Err.Description
End Function

Function KINERJA_WAKTU_STANDAR(teks)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        KINERJA_WAKTU_STANDAR = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_WAKTU_STANDAR", Array(teks), ActiveWorkbook, Application.Caller)
        Exit Function
    #Else
        KINERJA_WAKTU_STANDAR = XLPy.CallUDF("xlwings_app.udfs", "KINERJA_WAKTU_STANDAR", Array(teks))
        Exit Function
    #End If
failed:
    KINERJA_WAKTU_STANDAR = Err.Description
End Function
