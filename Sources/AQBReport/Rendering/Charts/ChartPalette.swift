/// The colours of every chart: Okabe and Ito's palette, which stays distinguishable with the
/// common colour vision deficiencies and in greyscale print.
///
/// A category keeps its colour in every chart and every report: the i-th Maßnahmenart or
/// Rechtskreis (in `sortierung` order) is always colour i.
enum ChartPalette {
    struct Colour {
        let fill: String
        /// Text drawn on the colour: black or white, whichever reads better.
        let text: String
    }

    static let categories = [
        Colour(fill: "#0072B2", text: "#ffffff"),  // blue
        Colour(fill: "#E69F00", text: "#000000"),  // orange
        Colour(fill: "#009E73", text: "#ffffff"),  // bluish green
        Colour(fill: "#CC79A7", text: "#000000"),  // reddish purple
        Colour(fill: "#56B4E9", text: "#000000"),  // sky blue
        Colour(fill: "#F0E442", text: "#000000"),  // yellow
        Colour(fill: "#D55E00", text: "#ffffff"),  // vermillion
    ]

    static func category(_ index: Int) -> Colour { categories[index % categories.count] }

    /// Bars of a single measure.
    static let bar = "#0072B2"
    /// The Land's bar, set apart from the Kreise.
    static let total = "#1a1a1a"
    /// Reference lines (the pro-rata share of the year).
    static let reference = "#D55E00"
    static let grid = "#d9d9d9"
    static let axis = "#595959"
}
