/// A value of the report as the workbook types it: text stays text, numbers become numbers.
///
/// Mirrors the CSV files' rules: `nil` money or share is an empty cell (nothing to report), a
/// `nil` count is `*` (suppressed), written as right-aligned text so it lines up with numbers.
enum WorkbookCell {
    case text(String)
    /// An official key (`06`, `064`, `06411`): text, so Excel keeps the leading zero.
    case key(String)
    case euro(Cents?)
    /// Tenths of a percent.
    case percent(Int?)
    /// A change of a share, in tenths of a percentage point (`vorjahr.csv`'s
    /// `abfluss_veraenderung_prozentpunkte`).
    case percentagePoints(Int)
    /// A count as published: `nil` where disclosure control suppresses it.
    case count(Int?)
    /// A count that is never suppressed (Projekte).
    case plainCount(Int)
    case suppressed
    case empty
}

/// Where a row sits in the area tree, which sets how it looks.
enum WorkbookRowKind {
    case header, land, regierungsbezirk, kreis, plain

    init(_ ebene: Ebene) {
        switch ebene {
        case .land: self = .land
        case .regierungsbezirk: self = .regierungsbezirk
        case .kreis: self = .kreis
        }
    }
}
