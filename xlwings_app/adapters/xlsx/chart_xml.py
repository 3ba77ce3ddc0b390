"""A ``sheets.charts.BarChart`` as DrawingML: the chart part and its anchor in the sheet's drawing.

The package writer of ``kinerja hitung`` (``results_parts``) writes Rekap's charts with these, without openpyxl; the chart
is the one ``adapters.openpyxl.results.add_bar_chart`` draws (clustered bars, a title, the series
titled by their header cells, the categories from the label column).
"""

from __future__ import annotations

from collections.abc import Sequence

from xlwings_app.adapters.xlsx.xml_text import xml_text
from xlwings_app.domain.cell_addresses import cell_coords, column_letter
from xlwings_app.sheets.charts import BarChart

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
EMU_PER_CM = 360_000


def _title(text: str) -> str:
    return (
        f'<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:t>{xml_text(text)}</a:t></a:r>'
        "</a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
    )


def _ref(sheet: str, col: int, first: int, last: int) -> str:
    quoted = "'" + sheet.replace("'", "''") + "'"
    letter = column_letter(col)
    return f"{quoted}!${letter}${first}:${letter}${last}"


def chart_part(spec: BarChart, sheet: str) -> str:
    """The chart part (``xl/charts/chartN.xml``) of ``spec`` drawn on sheet ``sheet``."""
    first, last = spec.header_row + 1, spec.last_row
    categories = _ref(sheet, spec.category_col, first, last)
    series = "".join(
        f'<c:ser><c:idx val="{i}"/><c:order val="{i}"/>'
        f"<c:tx><c:strRef><c:f>{xml_text(_ref(sheet, col, spec.header_row, spec.header_row))}</c:f></c:strRef></c:tx>"
        f"<c:cat><c:strRef><c:f>{xml_text(categories)}</c:f></c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>{xml_text(_ref(sheet, col, first, last))}</c:f></c:numRef></c:val></c:ser>"
        for i, col in enumerate(spec.series_cols)
    )
    value_title = _title(spec.value_axis_title) if spec.value_axis_title else ""
    legend = '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' if spec.legend else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}"><c:chart>{_title(spec.title)}'
        '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        f'<c:barChart><c:barDir val="{spec.direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{series}<c:gapWidth val="150"/><c:axId val="10"/><c:axId val="100"/></c:barChart>'
        '<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="l"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="100"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/></c:catAx>'
        '<c:valAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="l"/><c:majorGridlines/>{value_title}<c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="10"/>'
        '<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>'
        f'{legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
    )


def drawing_part(specs: Sequence[BarChart]) -> str:
    """The sheet's drawing: chart ``i`` of ``specs`` anchored at its cell, pointing at ``rId{i+1}``."""
    anchors = []
    for i, spec in enumerate(specs, start=1):
        row, col = (n - 1 for n in cell_coords(spec.anchor))  # 0-based, as a drawing anchor counts
        cx, cy = round(spec.width_cm * EMU_PER_CM), round(spec.height_cm * EMU_PER_CM)
        anchors.append(
            f"<xdr:oneCellAnchor><xdr:from><xdr:col>{col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{row}</xdr:row>"
            f'<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="{cx}" cy="{cy}"/><xdr:graphicFrame macro="">'
            f'<xdr:nvGraphicFramePr><xdr:cNvPr id="{i}" name="Chart {i}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>'
            '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
            f'<a:graphicData uri="{C}"><c:chart xmlns:c="{C}" r:id="rId{i}"/></a:graphicData></a:graphic>'
            "</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}" xmlns:r="{R}">{"".join(anchors)}</xdr:wsDr>'
    )

