Attribute VB_Name = "KinerjaRibbon"
' The one ribbon callback of the Kinerja add-in.
' customUI.xml gives every button onAction="OnAction"; the button id is the name of its
' Python handler (xlwings_app/ribbon/registry.py), so a new button needs only XML.
' RunPython is the xlwings module's; Python shows its own Indonesian message boxes.
Option Explicit

Public Sub OnAction(control As IRibbonControl)
    RunPython "import xlwings_app.ribbon.entry as e; e.dispatch('" & control.Id & "')"
End Sub
