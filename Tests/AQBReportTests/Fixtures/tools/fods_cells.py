#!/usr/bin/env python3
"""Reads a flat OpenDocument spreadsheet (.fods, as LibreOffice writes it) and prints its cells as JSON.

The tests let LibreOffice open a report's CSV files and workbook and save what it made of them as
.fods; this script reads that back with nothing but Python's XML parser. For each sheet: its name
and its rows of cells. A cell is {"t": office:value-type ("" when empty), "v": office:value (or
the date, time or boolean value; "" for text), "f": table:formula or null, "text": the text the
cell shows, "links": how many hyperlinks its text holds}. The shown text is rebuilt as ODF
defines it: <text:s text:c="n"/> is n blanks, <text:tab/> a tab, <text:line-break/> and the
border between two <text:p> a line feed.
"""
import json
import sys
import xml.etree.ElementTree as ET

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

# Repeated empty cells and rows fill a sheet to its last column and row (16384 × 1048576):
# they are expanded only up to this many, and trailing empty ones are dropped afterwards.
REPEAT_LIMIT = 1000


def o(tag):
    return "{%s}%s" % (OFFICE, tag)


def t(tag):
    return "{%s}%s" % (TABLE, tag)


def x(tag):
    return "{%s}%s" % (TEXT, tag)


def shown(element):
    """The text of a paragraph or span, with ODF's space, tab and line-break elements."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == x("s"):
            parts.append(" " * int(child.get(x("c"), "1")))
        elif child.tag == x("tab"):
            parts.append("\t")
        elif child.tag == x("line-break"):
            parts.append("\n")
        else:
            parts.append(shown(child))
        parts.append(child.tail or "")
    return "".join(parts)


def cell(element):
    kind = element.get(o("value-type"), "")
    value = ""
    for attribute in ("value", "date-value", "time-value", "boolean-value"):
        if element.get(o(attribute)) is not None:
            value = element.get(o(attribute))
    paragraphs = element.findall(x("p"))
    return {
        "t": kind,
        "v": value,
        "f": element.get(t("formula")),
        "text": "\n".join(shown(p) for p in paragraphs),
        "links": len(list(element.iter(x("a")))),
    }


def empty(entry):
    return entry["t"] == "" and entry["text"] == "" and entry["f"] is None


def rows_of(sheet):
    rows = []
    for row in sheet.iter(t("table-row")):
        cells = []
        for element in row:
            if element.tag not in (t("table-cell"), t("covered-table-cell")):
                continue
            entry = cell(element)
            repeat = int(element.get(t("number-columns-repeated"), "1"))
            cells.extend(dict(entry) for _ in range(min(repeat, REPEAT_LIMIT) if empty(entry) else repeat))
        while cells and empty(cells[-1]):
            cells.pop()
        repeat = int(row.get(t("number-rows-repeated"), "1"))
        rows.extend(list(cells) for _ in range(min(repeat, REPEAT_LIMIT) if not cells else repeat))
    while rows and not rows[-1]:
        rows.pop()
    return rows


def main(path):
    root = ET.parse(path).getroot()
    sheets = []
    for sheet in root.iter(t("table")):
        sheets.append({"name": sheet.get(t("name")), "rows": rows_of(sheet)})
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
