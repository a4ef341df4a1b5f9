/// Statistical disclosure control (Geheimhaltung) of the participant counts, BA convention.
///
/// Participant counts by Kreis, gender, Maßnahmenart and Rechtskreis are personal data about
/// few people in small Kreise. A count of 1 or 2 is published as `*` (primary suppression), and
/// so is any further cell that would let a reader recompute a `*` by subtracting published
/// cells from a published total (secondary suppression). The rule is deliberately simple and
/// fully deterministic, so the CSV and the Markdown, and every rerun, suppress the same cells.
public enum DisclosureControl {
    /// Which cells of `table` are published as `*`.
    ///
    /// 1. Primary: a count `n` with `0 < n < minimum` is suppressed.
    /// 2. Secondary, over these groups (the first element is the group's total):
    ///    for each area by index, {total; gender cells}, {total; Maßnahmenart cells},
    ///    {total; Rechtskreis cells}; then for each area with children, by index, for each cell
    ///    `c` in cell order, {the parent's cell `c`; cell `c` of each child, by index}.
    ///    A group whose total is published and which has exactly one suppressed member gets its
    ///    smallest non-zero published member suppressed too (equal values: the earlier member);
    ///    if there is none, nothing happens. Groups are decided in the order above, each seeing
    ///    the suppressions made before it, and whole passes repeat until one changes nothing.
    ///
    /// Zero is never suppressed: "nobody" is not a count about a person.
    ///
    /// This is the rule exactly as specified (issue 2, section 4), and it has two known gaps in
    /// which a `*` stays recomputable: a lone suppressed member whose other members are all zero
    /// (it equals the total), and a suppressed total whose members are all published (it is their
    /// sum), since a group acts only while its total is published. The tests document both.
    ///
    /// - Returns: `suppressed[i][c] == true`: cell `c` of area `i` is published as `*`.
    public static func suppressedCells(_ table: CountTable, minimum: Int = 3) -> [[Bool]] {
        table.validate()
        var suppressed = table.cells.map { row in row.map { $0 > 0 && $0 < minimum } }
        let groups = groups(of: table)
        var changed = true
        while changed {
            changed = false
            for group in groups {
                if protect(group, cells: table.cells, suppressed: &suppressed) { changed = true }
            }
        }
        return suppressed
    }

    /// A cell of the table: area index and cell index.
    struct Position: Hashable, Sendable {
        var area: Int
        var cell: Int
    }

    /// A group of cells whose members add up to its total.
    struct Group: Hashable, Sendable {
        var total: Position
        var members: [Position]
    }

    /// All groups in evaluation order: area groups first, then parent groups.
    static func groups(of table: CountTable) -> [Group] {
        var result = [Group]()
        for area in 0..<table.areaCount {
            let total = Position(area: area, cell: CountTable.totalIndex)
            for range in [table.genderRange, table.massnahmenartRange, table.rechtskreisRange] {
                result.append(Group(total: total, members: range.map { Position(area: area, cell: $0) }))
            }
        }
        for (parent, children) in table.children.enumerated() where !children.isEmpty {
            for cell in 0..<table.cellCount {
                result.append(
                    Group(
                        total: Position(area: parent, cell: cell),
                        members: children.map { Position(area: $0, cell: cell) }
                    ))
            }
        }
        return result
    }

    /// Applies the secondary rule to one group; returns whether it suppressed a cell.
    static func protect(_ group: Group, cells: [[Int]], suppressed: inout [[Bool]]) -> Bool {
        guard !suppressed[group.total.area][group.total.cell] else { return false }
        let suppressedMembers = group.members.filter { suppressed[$0.area][$0.cell] }
        guard suppressedMembers.count == 1 else { return false }
        var smallest: Position?
        for member in group.members where !suppressed[member.area][member.cell] {
            let value = cells[member.area][member.cell]
            guard value > 0 else { continue }
            if let current = smallest, cells[current.area][current.cell] <= value { continue }
            smallest = member
        }
        guard let smallest else { return false }
        suppressed[smallest.area][smallest.cell] = true
        return true
    }
}
