#!/usr/bin/env python3
"""Parses SVG files with Python's XML parser and prints, per file, what the tests check, as JSON.

A file that is not well-formed XML makes this fail. Per file: the root's viewBox, its title and
desc, every text element's text, every rect's tooltip (its title child), and whether any element
refers to something outside the file.
"""
import json
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
result = {}
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    external = [value for element in root.iter() for key, value in element.attrib.items()
                if key.endswith("href") or (value.startswith("url(") and not value.startswith("url(#"))]
    result[path.rsplit("/", 1)[-1]] = {
        "root": root.tag,
        "viewBox": root.get("viewBox"),
        "title": root.findtext(SVG + "title"),
        "desc": root.findtext(SVG + "desc"),
        "texts": [element.text or "" for element in root.iter(SVG + "text")],
        "tooltips": [element.findtext(SVG + "title") for element in root.iter(SVG + "rect") if element.find(SVG + "title") is not None],
        "external": external,
    }
print(json.dumps(result, ensure_ascii=False))
