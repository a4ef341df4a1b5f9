import Testing

@testable import AQBReport

/// The Hare-Niemeyer split of a project's spending over its Rechtskreise.
///
/// Hand-worked examples pin the rule (floors, largest remainders, ties to the lower index, sign);
/// the property test checks the defining properties on many inputs, including amounts and
/// weights whose products need more than 64 bits.
@Suite struct LargestRemainderTests {
    // MARK: Examples worked by hand

    @Test func oneHundredCentsOverThreeEqualWeightsGivesTheSpareCentToTheFirst() {
        // 100/3 = 33 rest 1 each; one cent left, all remainders equal → index 0.
        #expect(LargestRemainder.split(100, weights: [1, 1, 1]) == [34, 33, 33])
    }

    @Test func tenCentsOverOneAndTwoGivesTheSpareCentToTheLargerRemainder() {
        // 10·1/3 = 3 rest 1, 10·2/3 = 6 rest 2; one cent left → index 1.
        #expect(LargestRemainder.split(10, weights: [1, 2]) == [3, 7])
    }

    @Test func anExactlyDivisibleAmountHasNoLeftover() {
        #expect(LargestRemainder.split(100, weights: [1, 2, 3, 4]) == [10, 20, 30, 40])
        #expect(LargestRemainder.split(12_345, weights: [5]) == [12_345])
    }

    @Test func leftoverCentsGoToTheLargestRemaindersNotTheLargestWeights() {
        // W = 9: 20·4/9 = 8 r8, 20·5/9 = 11 r1; one cent left → index 0, the smaller weight.
        #expect(LargestRemainder.split(20, weights: [4, 5]) == [9, 11])
        // W = 10: 13·2/10 = 2 r6, 13·3/10 = 3 r9, 13·5/10 = 6 r5; two cents left
        // → index 1 (r9) and index 0 (r6); the largest weight gets none.
        #expect(LargestRemainder.split(13, weights: [2, 3, 5]) == [3, 4, 6])
        // W = 7: 10·1/7 = 1 r3, 10·2/7 = 2 r6, 10·4/7 = 5 r5; two left → indices 1 and 2.
        #expect(LargestRemainder.split(10, weights: [1, 2, 4]) == [1, 3, 6])
    }

    @Test func equalRemaindersGoToTheLowerSortierungFirst() {
        #expect(LargestRemainder.split(5, weights: [1, 1, 1, 1]) == [2, 1, 1, 1])
        #expect(LargestRemainder.split(6, weights: [1, 1, 1, 1]) == [2, 2, 1, 1])
        #expect(LargestRemainder.split(7, weights: [1, 1, 1, 1]) == [2, 2, 2, 1])
        // 10·1/4 = 2 r2 and 10·3/4 = 7 r2: equal remainders, different weights → index 0.
        #expect(LargestRemainder.split(10, weights: [1, 3]) == [3, 7])
    }

    @Test func aNegativeAmountIsSplitAsItsAbsoluteValueThenNegated() {
        #expect(LargestRemainder.split(-100, weights: [1, 1, 1]) == [-34, -33, -33])
        #expect(LargestRemainder.split(-10, weights: [1, 2]) == [-3, -7])
        #expect(LargestRemainder.split(-1, weights: [1, 1]) == [-1, 0])
    }

    @Test func categoriesOfWeightZeroGetNothingAndDoNotDisturbTheOthers() {
        // W = 3: 100·1/3 = 33 r1, 100·2/3 = 66 r2 → the spare cent to index 3.
        #expect(LargestRemainder.split(100, weights: [0, 1, 0, 2, 0]) == [0, 33, 0, 67, 0])
        #expect(LargestRemainder.split(1, weights: [0, 0, 1, 1]) == [0, 0, 1, 0])
        // W = 15, 2 cents: every non-zero weight has remainder 10 → indices 0 and 2.
        #expect(LargestRemainder.split(2, weights: [5, 0, 5, 0, 5]) == [1, 0, 1, 0, 0])
        #expect(LargestRemainder.split(-2, weights: [0, 5, 0, 5, 5]) == [0, -1, 0, -1, 0])
    }

    @Test func zeroCentsSplitIntoZeros() {
        #expect(LargestRemainder.split(0, weights: [3, 0, 4]) == [0, 0, 0])
    }

    @Test func allWeightsZeroGivesNilSoTheCallerBooksNichtZugeordnet() {
        #expect(LargestRemainder.split(100, weights: [0, 0, 0, 0, 0, 0]) == nil)
        #expect(LargestRemainder.split(-100, weights: [0]) == nil)
        #expect(LargestRemainder.split(0, weights: [0, 0]) == nil)
        #expect(LargestRemainder.split(100, weights: []) == nil)
    }

    @Test func aNegativeWeightIsAProgrammingErrorAndTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = LargestRemainder.split(100, weights: [1, -1])
        }
    }

    // MARK: Near the limits of 64 bits

    @Test func theLargestAmountOverTwoEqualWeights() {
        // Int64.max = 9_223_372_036_854_775_807 = 2 · 4_611_686_018_427_387_903 + 1.
        #expect(
            LargestRemainder.split(Int64.max, weights: [1, 1])
                == [4_611_686_018_427_387_904, 4_611_686_018_427_387_903])
        // The same quotas from weights whose product with the amount needs 126 bits.
        #expect(
            LargestRemainder.split(Int64.max, weights: [Int.max, Int.max])
                == [4_611_686_018_427_387_904, 4_611_686_018_427_387_903])
    }

    @Test func theSmallestAmountWhoseMagnitudeDoesNotFitInt64() {
        // |Int64.min| = 2^63 is split in 128 bits and each half negated back into Int64.
        #expect(LargestRemainder.split(Int64.min, weights: [1]) == [Int64.min])
        #expect(
            LargestRemainder.split(Int64.min, weights: [1, 1])
                == [-4_611_686_018_427_387_904, -4_611_686_018_427_387_904])
        #expect(LargestRemainder.split(Int64.min, weights: [0, Int.max, 0]) == [0, Int64.min, 0])
    }

    @Test func hugeAmountsAndWeightsStillAddUpExactly() throws {
        let cases: [(Int64, [Int])] = [
            (Int64.max, [Int.max, Int.max - 1, 1, 0, 3]),
            (Int64.min, [Int.max, 7, Int.max / 3, 1]),
            (Int64.max - 1, [1_000_003, 999_983, 7]),
            (-9_000_000_000_000_000_000, [Int.max, Int.max, Int.max, Int.max, Int.max, Int.max]),
            (2_770_000_000, [Int.max / 2, 1, Int.max / 5]),
        ]
        for (cents, weights) in cases {
            let shares = try #require(LargestRemainder.split(cents, weights: weights))
            Self.expectLargestRemainderProperties(cents: cents, weights: weights, shares: shares)
        }
    }

    // MARK: Properties on many inputs

    @Test func manyPseudoRandomSplitsHaveTheDefiningProperties() throws {
        var random = SplitMix64(seed: 0x4151_4232_3032_34)
        for _ in 0..<20_000 {
            let cents = Self.amount(&random)
            let weights = Self.weights(&random)
            guard let shares = LargestRemainder.split(cents, weights: weights) else {
                #expect(weights.allSatisfy { $0 == 0 })
                continue
            }
            Self.expectLargestRemainderProperties(cents: cents, weights: weights, shares: shares)
            if cents != Int64.min {
                #expect(LargestRemainder.split(-cents, weights: weights) == shares.map { -$0 })
            }
            // Scaling every weight by the same factor changes neither quotas nor tie order.
            if weights.allSatisfy({ $0 < 1 << 40 }) {
                #expect(LargestRemainder.split(cents, weights: weights.map { $0 * 7 }) == shares)
            }
        }
    }

    /// Checks the split against its definition without recomputing it the same way: the sum is
    /// exact, every share is its quota rounded down or up, the cents went to the largest
    /// remainders (ties: lower index), and larger weights never get smaller shares.
    static func expectLargestRemainderProperties(
        cents: Int64, weights: [Int], shares: [Int64],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(shares.count == weights.count, sourceLocation: sourceLocation)
        guard shares.count == weights.count else { return }
        #expect(
            shares.reduce(Int128(0)) { $0 + Int128($1) } == Int128(cents),
            "sum of shares", sourceLocation: sourceLocation)
        #expect(
            shares.allSatisfy { $0 == 0 || ($0 < 0) == (cents < 0) },
            "shares carry the amount's sign", sourceLocation: sourceLocation)

        let total = weights.reduce(Int128(0)) { $0 + Int128($1) }
        let amount = Int128(cents.magnitude)
        let magnitudes = shares.map { Int128($0.magnitude) }
        var gotExtra = [Bool]()
        var remainders = [Int128]()
        for (weight, magnitude) in zip(weights, magnitudes) {
            let exact = amount * Int128(weight)  // the quota is exact / total
            let floor = exact / total
            #expect(
                magnitude == floor || magnitude == floor + 1,
                "share within 1 of the quota", sourceLocation: sourceLocation)
            gotExtra.append(magnitude == floor + 1)
            remainders.append(exact % total)
            if weight == 0 { #expect(magnitude == 0, sourceLocation: sourceLocation) }
        }
        for i in weights.indices {
            for j in weights.indices where i != j {
                if gotExtra[i] && !gotExtra[j] {
                    #expect(
                        remainders[i] > remainders[j] || (remainders[i] == remainders[j] && i < j),
                        "cent \(i) before \(j)", sourceLocation: sourceLocation)
                }
                if weights[i] < weights[j] {
                    #expect(magnitudes[i] <= magnitudes[j], "monotone in weight", sourceLocation: sourceLocation)
                }
                if weights[i] == weights[j] && i < j {
                    #expect(
                        magnitudes[i] - magnitudes[j] == 0 || magnitudes[i] - magnitudes[j] == 1,
                        "equal weights, earlier first", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Amounts of every size: cents of a single booking, county budgets, and the Int64 limits.
    static func amount(_ random: inout SplitMix64) -> Int64 {
        let magnitude: Int64 =
            switch random.below(6) {
            case 0: Int64(random.below(20))
            case 1: Int64(random.below(100_000))
            case 2: Int64(random.below(10_000_000_000))
            case 3: Int64.max - Int64(random.below(1_000))
            case 4: Int64(truncatingIfNeeded: random.next() >> 1)
            default: Int64(random.below(1_000_000_000_000_000))
            }
        if random.below(3) == 0 {
            return magnitude == Int64.max && random.below(2) == 0 ? Int64.min : -magnitude
        }
        return magnitude
    }

    /// Weights like participant counts (small, with zeros and repeats) and far beyond them.
    static func weights(_ random: inout SplitMix64) -> [Int] {
        let count = Int(random.below(8)) + 1
        let kind = random.below(4)
        return (0..<count).map { _ in
            if random.below(4) == 0 { return 0 }
            switch kind {
            case 0: return Int(random.below(4))
            case 1: return Int(random.below(200))
            case 2: return Int(random.below(1 << 40))
            default: return Int(truncatingIfNeeded: random.next() >> 1)
            }
        }
    }
}
