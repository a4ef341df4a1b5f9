/// The stylesheet embedded in `bericht.html`: one file, no requests, for screen and for print.
///
/// Screen: readable line length, grid lines, numbers right-aligned in tabular figures so digits
/// line up, sums (Land, Regierungsbezirke) tinted and bold, Kreise indented under them. Print: A4
/// portrait, table headers repeated on every page (`thead` as a header group), no row split
/// across pages, backgrounds kept. A section whose table is too wide for portrait
/// (`HTMLSections`, `HTMLTables.PrintWidth`) prints on landscape pages (the named page `quer`),
/// the widest tables in smaller type; headers wrap between words there, numbers never, so every
/// column reaches the paper. `PrintTests` checks that with Chromium's PDF.
enum HTMLStyle {
    static let css = """
        :root { --text: #1a1a1a; --muted: #555; --grid: #c4c4c4; --head: #e8ecf0; --summe: #f1f4f7; --warn: #D55E00; }
        html { font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 15px; color: var(--text); line-height: 1.45; }
        body { margin: 0; background: #fff; }
        main { max-width: 78rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0 0 1rem; }
        h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--grid); }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
        p, li { max-width: 60rem; }
        blockquote { margin: 1rem 0; padding: .4rem 1rem; border-left: 4px solid var(--warn); background: #fdf1e8; }
        code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .92em; }
        .tabelle { overflow-x: auto; margin: .6rem 0 1.4rem; }
        table { border-collapse: collapse; font-size: .88rem; }
        th, td { border: 1px solid var(--grid); padding: .22rem .5rem; vertical-align: top; }
        th { background: var(--head); text-align: left; }
        td[align="right"], th[align="right"] { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.summe td { background: var(--summe); font-weight: 600; }
        tr.summe td strong { font-weight: 700; }
        table.gebiete tbody tr:not(.summe) td:first-child { padding-left: 1.6rem; }
        tbody tr:hover td { background: #fff8d6; }
        .grafiken figure { margin: 1rem 0 2rem; }
        .grafiken svg { display: block; max-width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: .85rem; margin-top: .3rem; max-width: 60rem; }
        .zurueck { margin: 0 0 .6rem; font-size: .9rem; }
        .kreisblaetter ul { columns: 3 16rem; padding-left: 1.2rem; }
        @page { size: A4 portrait; margin: 14mm 11mm 16mm; }
        @page quer { size: A4 landscape; margin: 11mm 11mm 12mm; }
        @media print {
          html { font-size: 8.5pt; }
          main { max-width: none; padding: 0; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .tabelle { overflow: visible; }
          table { font-size: 7.2pt; }
          thead { display: table-header-group; }
          tr, figure, blockquote { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          h2 { break-before: auto; }
          section.quer { page: quer; }
          th, th[align="right"] { white-space: normal; }
          .tabelle.eng table { font-size: 6.2pt; }
          .tabelle.eng th, .tabelle.eng td { padding: .12rem .25rem; }
          .zurueck { display: none; }
          tbody tr:hover td { background: inherit; }
          tr.summe td { background: var(--summe); }
        }
        """
}
