#!/usr/bin/env python3
"""Reads an .xlsx with nothing but Python's zipfile and XML parser and prints its cells as JSON.

An independent reader for the tests: it shares no code with libxlsxwriter or aqb-report. For each
sheet: name, rows of cells (type s = string, n = number, blank; the value as stored; the number
format's code), the frozen pane, the autofilter range, the page setup (orientation, paper, scale,
fit to width) and the print titles; for the workbook:
how many formulas it holds and its core properties.
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
BUILTIN = {"0": "General", "1": "0", "2": "0.00", "3": "#,##0", "4": "#,##0.00", "9": "0%", "10": "0.00%", "49": "@"}


def q(tag):
    return "{%s}%s" % (M, tag)


def column_index(letters):
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def main(path):
    archive = zipfile.ZipFile(path)
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    shared = []
    if "xl/sharedStrings.xml" in archive.namelist():
        for item in ET.fromstring(archive.read("xl/sharedStrings.xml")).findall(q("si")):
            shared.append("".join(t.text or "" for t in item.iter(q("t"))))
    styles = ET.fromstring(archive.read("xl/styles.xml"))
    codes = {fmt.get("numFmtId"): fmt.get("formatCode") for fmt in styles.iter(q("numFmt"))}
    xfs = list(styles.find(q("cellXfs")))

    def number_format(style):
        fmt_id = xfs[int(style or 0)].get("numFmtId", "0")
        return codes.get(fmt_id, BUILTIN.get(fmt_id, fmt_id))

    names = {}
    for defined in workbook.iter(q("definedName")):
        names.setdefault(defined.get("name"), []).append(defined.text)
    result = {"sheets": [], "formulas": 0, "properties": {}, "definedNames": names}
    core = ET.fromstring(archive.read("docProps/core.xml"))
    for element in core:
        result["properties"][element.tag.split("}")[1]] = element.text or ""
    for sheet in workbook.find(q("sheets")):
        root = ET.fromstring(archive.read("xl/" + targets[sheet.get("{%s}id" % R)]))
        rows = {}
        for cell in root.iter(q("c")):
            match = re.fullmatch(r"([A-Z]+)([0-9]+)", cell.get("r"))
            column, row = column_index(match.group(1)), int(match.group(2)) - 1
            if cell.find(q("f")) is not None:
                result["formulas"] += 1
            kind, value = cell.get("t"), cell.find(q("v"))
            if kind == "s":
                entry = {"t": "s", "v": shared[int(value.text)]}
            elif kind == "inlineStr":
                # A text cell written without the shared-string table (libxlsxwriter's
                # constant_memory mode): the same text cell to a reader.
                entry = {"t": "s", "v": "".join(t.text or "" for t in cell.iter(q("t")))}
            elif kind in ("str", "e", "b"):
                entry = {"t": kind, "v": value.text if value is not None else ""}
            elif value is None:
                entry = {"t": "blank", "v": ""}
            else:
                entry = {"t": "n", "v": value.text}
            entry["fmt"] = number_format(cell.get("s"))
            rows.setdefault(row, {})[column] = entry
        dense = []
        for row in range(max(rows) + 1 if rows else 0):
            cells = rows.get(row, {})
            dense.append([cells.get(c, {"t": "none", "v": "", "fmt": ""}) for c in range(max(cells) + 1 if cells else 0)])
        pane = root.find(".//" + q("pane"))
        autofilter = root.find(q("autoFilter"))
        setup = root.find(q("pageSetup"))
        fit = root.find(".//" + q("pageSetUpPr"))
        result["sheets"].append({
            "name": sheet.get("name"),
            "rows": dense,
            "frozen": pane.get("topLeftCell") if pane is not None else "",
            "autofilter": autofilter.get("ref") if autofilter is not None else "",
            "print": {
                "orientation": setup.get("orientation", "") if setup is not None else "",
                "paperSize": setup.get("paperSize", "") if setup is not None else "",
                "scale": setup.get("scale", "") if setup is not None else "",
                "fitToWidth": setup.get("fitToWidth", "") if setup is not None else "",
                "fitToPage": fit.get("fitToPage", "") if fit is not None else "",
            },
        })
    print(json.dumps(result, ensure_ascii=False))


main(sys.argv[1])
