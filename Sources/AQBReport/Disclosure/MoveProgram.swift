/// The integer program over the moves of a `MoveSpace`, which both the search's protection
/// (`SecondarySuppression.Mover`) and the audit's proofs (`MoveCertificates`) solve, each with
/// its own bounds and prices.
///
/// Columns `y⁺[v]` (0…V−1) and `y⁻[v]` (V…2V−1), the rise and fall of each variable; rows for
/// the space's equations (`= 0`) and inequalities (`≤ bound`).
extension MoveSpace {
    /// The program with every variable free (`free(_:in:)`).
    func moveProgram() -> IntegerProgram {
        let count = base.count
        let program = IntegerProgram(columns: 2 * count, integer: true)
        for variable in 0..<count { free(variable, in: program) }
        for equation in equations {
            program.addRow(split(equation), lower: 0, upper: 0)
        }
        for inequality in inequalities {
            program.addRow(split(inequality.terms), lower: nil, upper: Double(inequality.bound))
        }
        return program
    }

    /// `variable` may rise freely and fall to what a reader knows of it: `y⁻ ≤ base − lower`.
    func free(_ variable: Int, in program: IntegerProgram) {
        program.setBounds(column: variable, lower: 0, upper: nil)
        program.setBounds(column: base.count + variable, lower: 0, upper: Double(max(base[variable] - lower[variable], 0)))
    }

    /// `variable` must rise by at least `rise`, or, for a negative `rise`, fall by at least
    /// `-rise` and no further than what a reader knows of it. `free(_:in:)` undoes it.
    func require(_ variable: Int, rise: Int, in program: IntegerProgram) {
        if rise > 0 {
            program.setBounds(column: variable, lower: Double(rise), upper: nil)
            program.setBounds(column: base.count + variable, lower: 0, upper: 0)
        } else {
            program.setBounds(column: variable, lower: 0, upper: 0)
            program.setBounds(column: base.count + variable, lower: Double(-rise), upper: Double(base[variable] - lower[variable]))
        }
    }

    /// The move a solution of the program stands for: `y⁺ − y⁻` per variable.
    func move(from values: [Double]) -> [Int] {
        (0..<base.count).map { Int(values[$0]) - Int(values[base.count + $0]) }
    }

    /// `Σ c·y` as `Σ c·y⁺ − c·y⁻`.
    private func split(_ terms: [(variable: Int, coefficient: Int)]) -> [(column: Int, coefficient: Double)] {
        terms.flatMap { [($0.variable, Double($0.coefficient)), (base.count + $0.variable, -Double($0.coefficient))] }
    }
}
