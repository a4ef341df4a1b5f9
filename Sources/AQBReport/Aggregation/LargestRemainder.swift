/// Splits an amount of cents over categories in proportion to weights, Hare-Niemeyer.
///
/// `rechtskreise.csv` shows each project's spending split over the Rechtskreise by its
/// participants. The split must be in whole cents and must add up to the project's amount
/// exactly, so that the Rechtskreis amounts of an area plus `nicht zugeordnet` equal its
/// `ausgegeben_eur` to the cent. The largest-remainder method gives exactly that, and its
/// tie rule (lower `sortierung` first) makes the result independent of anything but the input.
public enum LargestRemainder {
    /// Splits `cents` in proportion to `weights`.
    ///
    /// Each share is `floor(|cents| × w / W)` (W = the sum of the weights); the cents still
    /// missing go one each to the categories with the largest remainders `|cents| × w mod W`,
    /// equal remainders to the lower index first. A negative amount (repayments exceeding
    /// spending) is split as its absolute value and each share negated, so a reversal splits
    /// exactly like the booking it reverses.
    ///
    /// The arithmetic is done in `Int128`: `cents × weight` overflows 64 bits for large amounts,
    /// and `|Int64.min|` does not fit in `Int64`. Every result fits in `Int64` because no share's
    /// magnitude exceeds `|cents|` and shares carry the sign of `cents`.
    ///
    /// - Parameters:
    ///   - cents: the amount to split; may be negative.
    ///   - weights: non-negative counts, one per category in `sortierung` order. A negative
    ///     weight is a programming error and traps.
    /// - Returns: `nil` if all weights are zero (or there are none): the caller books the whole
    ///   amount to "nicht zugeordnet". Otherwise one share per weight, summing to `cents` exactly;
    ///   a category of weight zero gets zero.
    public static func split(_ cents: Int64, weights: [Int]) -> [Int64]? {
        precondition(weights.allSatisfy { $0 >= 0 }, "LargestRemainder.split: negative weight")
        let total = weights.reduce(Int128(0)) { $0 + Int128($1) }
        guard total > 0 else { return nil }

        let amount = Int128(cents).magnitude
        let divisor = UInt128(total)
        var shares = [UInt128]()
        var remainders = [UInt128]()
        shares.reserveCapacity(weights.count)
        remainders.reserveCapacity(weights.count)
        var distributed: UInt128 = 0
        for weight in weights {
            let (quotient, remainder) = (amount * UInt128(weight)).quotientAndRemainder(dividingBy: divisor)
            shares.append(quotient)
            remainders.append(remainder)
            distributed += quotient
        }

        // Fewer cents are left than there are non-zero remainders (each remainder is < W and
        // they add up to `left × W`), so a category of weight zero never receives one.
        let left = Int(amount - distributed)
        let order = weights.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
        }
        for index in order.prefix(left) {
            shares[index] += 1
        }

        return shares.map { share in
            let signed = cents < 0 ? -Int128(share) : Int128(share)
            guard let value = Int64(exactly: signed) else {
                preconditionFailure("LargestRemainder.split: share outside Int64, impossible by construction")
            }
            return value
        }
    }
}
