/// The change of one value between two reports, as a reader may be shown it.
///
/// A difference is only ever computed from two published values: where either side is a `*`,
/// the difference would let a reader compute the hidden count, so it is withheld too.
public enum Veraenderung<Value: Sendable & Equatable>: Sendable, Equatable {
    /// Both values are published and comparable: the new one minus the old one.
    case wert(Value)
    /// At least one of the two counts is suppressed (`*`).
    case gesperrt
    /// The areas differ between the two reports (another set of Kreise, another Bezirk).
    case nichtVergleichbar
    /// A side has no value at all (no Zielvereinbarung, a budget of 0 for a share).
    case fehlt

    /// The change of a count, both sides as published (`nil` = `*`).
    static func count(_ new: Int?, _ old: Int?, comparable: Bool, present: Bool = true) -> Veraenderung<Int> {
        guard present else { return .fehlt }
        guard comparable else { return .nichtVergleichbar }
        guard let new, let old else { return .gesperrt }
        return .wert(new - old)
    }

    /// The change of an amount; `nil` on either side (no Zielvereinbarung) leaves nothing to show.
    static func money(_ new: Cents?, _ old: Cents?, comparable: Bool) -> Veraenderung<Cents> {
        guard comparable else { return .nichtVergleichbar }
        guard let new, let old, let difference = new.subtracting(old) else { return .fehlt }
        return .wert(difference)
    }

    /// The value, when there is one.
    public var value: Value? {
        if case .wert(let value) = self { return value }
        return nil
    }
}
