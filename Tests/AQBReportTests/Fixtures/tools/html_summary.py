#!/usr/bin/env python3
"""Parses an HTML file with Python's own html.parser and prints what the tests check, as JSON.

An independent reader for the tests: the document's language, every table's rows of cell texts
(entities decoded, markup dropped), how many script, iframe, object and embed elements there
are, every attribute that would make the browser load something or run code, the targets of
plain links (`a href`, which load nothing until clicked; the tests check they name the report's own
files), the first cells of rows marked as sums (class summe), the inline SVG elements with their
title and desc, and the page's visible text.
"""
import json
import sys
from html.parser import HTMLParser

LOADING = {"src", "href", "srcset", "action", "formaction", "data", "poster", "xlink:href"}
ACTIVE = {"script", "iframe", "object", "embed", "link", "img", "form", "base"}


class Summary(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.tables, self.row, self.cell = [], None, None
        self.summe = []
        self.active, self.loading, self.handlers, self.links = [], [], [], []
        self.svgs, self.svg_part = [], None
        self.text = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag in ACTIVE:
            self.active.append(tag)
        for name, value in attrs:
            if tag == "a" and name == "href":
                self.links.append(value)
            elif name in LOADING:
                self.loading.append("%s=%s" % (name, value))
            if name.startswith("on"):
                self.handlers.append(name)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.row = []
            self.tables[-1].append(self.row)
            if "summe" in (attributes.get("class") or "").split():
                self.summe.append(self.row)
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag == "svg":
            self.svgs.append({"title": "", "desc": ""})
        elif tag in ("title", "desc") and self.svgs:
            self.svg_part = tag

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr":
            self.row = None
        elif tag in ("title", "desc"):
            self.svg_part = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        if self.svg_part and self.svgs:
            self.svgs[-1][self.svg_part] += data
        self.text.append(data)


parser = Summary()
with open(sys.argv[1], encoding="utf-8") as source:
    parser.feed(source.read())
parser.close()
print(json.dumps({
    "lang": parser.lang, "tables": parser.tables, "active": parser.active, "loading": parser.loading,
    "handlers": parser.handlers, "links": parser.links, "summe": [row[0] if row else "" for row in parser.summe], "svgs": parser.svgs, "text": "".join(parser.text),
}, ensure_ascii=False))
