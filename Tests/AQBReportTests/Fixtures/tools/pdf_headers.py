#!/usr/bin/env python3
"""Checks that a printed page kept every column: each header cell of each table of an HTML file
must appear in the text of its PDF (pdftotext), in document order, as a reader of the paper sees it.

Usage: pdf_headers.py FILE.html FILE.pdf  -> JSON {"tables": n, "headers": n, "missing": [...]}

The header cells are read with Python's own html.parser. The PDF's text comes from poppler's
pdftotext in reading order, whitespace collapsed (a header wrapped over two lines is one string
again) and NFKC-normalised (ligatures). Text a browser cut off at the page's edge is not in the
PDF at all. The headers are searched as one ordered sequence, so a column missing in one table
is not found in a later table that has a column of the same name: the search would then run
past that table's own headers, and they would be missing.
"""
import json
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser


class Headers(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cell = [], None
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "thead":
            self.in_head = True
        elif tag == "th" and self.in_head and self.tables:
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "th" and self.cell is not None:
            self.tables[-1].append(normalized("".join(self.cell)))
            self.cell = None
        elif tag == "thead":
            self.in_head = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def normalized(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def main():
    html_path, pdf_path = sys.argv[1], sys.argv[2]
    parser = Headers()
    with open(html_path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf_path, "-"], check=True, capture_output=True).stdout.decode("utf-8")
    text = normalized(text)
    missing, cursor, count = [], 0, 0
    for number, headers in enumerate(parser.tables, start=1):
        for header in headers:
            count += 1
            found = text.find(header, cursor)
            if found < 0:
                missing.append("table %d: %s" % (number, header))
            else:
                cursor = found + len(header)
    json.dump({"tables": len(parser.tables), "headers": count, "missing": missing}, sys.stdout, ensure_ascii=False)


main()
