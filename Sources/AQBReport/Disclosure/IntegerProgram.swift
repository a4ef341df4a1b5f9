import CGLPK

/// A linear program over integer or continuous columns, solved by GLPK.
///
/// The disclosure audit asks, for every suppressed cell, the question an attacker asks: what is
/// the largest and the smallest value this cell can take while every published figure and every
/// sum stays as published? That is an integer program, and it is left to a real solver (GLPK's
/// simplex and branch-and-cut), not to hand-written arithmetic. This is the only file that
/// imports the C module.
///
/// GLPK keeps its environment per thread (Debian builds it with `_Thread_local`), so a program
/// must be created, solved and freed on one thread: use it inside synchronous code only, which
/// is why the type is neither `Sendable` nor escapes the functions that build it.
final class IntegerProgram {
    /// Result of one optimisation.
    enum Outcome: Equatable {
        /// An optimal solution: the value of every column, rounded to an integer for integer
        /// programs, and as computed for continuous ones.
        case optimal([Double])
        /// The objective can grow without bound: the cell has no upper limit an attacker can prove.
        case unbounded
        /// No solution satisfies the constraints (for the audit: the published figures contradict
        /// each other, which means the attacker's model does not fit the data).
        case infeasible
        /// An integer solution, not proven optimal: the time limit hit after it was found, and the
        /// caller settles for any solution (`solve(…, anySolutionAtTimeLimit: true)`).
        case found([Double])
        /// The solver hit the time limit or failed otherwise; the message names the GLPK code.
        case failed(String)
    }

    enum Direction { case minimize, maximize }

    /// What the branch-and-cut callback is told (`solve`), and what it found.
    private struct BranchStop {
        let firstSolution: Bool
        let nodeLimit: Int32
        var subproblems: Int32 = 0
        var atNodeLimit = false
    }

    private let problem: OpaquePointer
    let columnCount: Int
    private(set) var rowCount = 0
    private var objectiveColumns: [Int] = []

    /// - Parameters:
    ///   - columns: number of columns (variables), numbered from 0.
    ///   - integer: whether all columns are integer.
    ///   - lowerBound: the lower bound of every column (upper: none), changed by `setBounds`.
    init(columns: Int, integer: Bool, lowerBound: Double = 0) {
        precondition(columns > 0, "IntegerProgram needs at least one column")
        _ = glp_term_out(GLP_OFF)
        problem = glp_create_prob()
        columnCount = columns
        glp_add_cols(problem, Int32(columns))
        for column in 1...columns {
            glp_set_col_bnds(problem, Int32(column), GLP_LO, lowerBound, 0)
            if integer { glp_set_col_kind(problem, Int32(column), GLP_IV) }
        }
    }

    deinit { glp_delete_prob(problem) }

    /// Adds `Σ coefficient × column` between `lower` and `upper` (`nil`: unbounded on that side;
    /// equal values: an equation).
    func addRow(_ terms: [(column: Int, coefficient: Double)], lower: Double?, upper: Double?) {
        let row = glp_add_rows(problem, 1)
        rowCount += 1
        let bounds = Self.bounds(lower, upper)
        glp_set_row_bnds(problem, row, bounds.kind, bounds.lower, bounds.upper)
        // GLPK arrays are 1-based: element 0 is ignored. Repeated columns are merged first,
        // because GLPK refuses duplicate indices in a row (and aborts the process).
        var merged: [Int: Double] = [:]
        for term in terms { merged[term.column, default: 0] += term.coefficient }
        let columns = merged.keys.sorted().filter { merged[$0] != 0 }
        var indices: [Int32] = [0] + columns.map { Int32($0 + 1) }
        var values: [Double] = [0] + columns.map { merged[$0] ?? 0 }
        glp_set_mat_row(problem, row, Int32(columns.count), &indices, &values)
    }

    /// Sets the bounds of one column (`nil`: unbounded on that side).
    func setBounds(column: Int, lower: Double?, upper: Double?) {
        let bounds = Self.bounds(lower, upper)
        glp_set_col_bnds(problem, Int32(column + 1), bounds.kind, bounds.lower, bounds.upper)
    }

    /// GLPK's bound type for optional bounds (`nil`: unbounded on that side).
    private static func bounds(_ lower: Double?, _ upper: Double?) -> (kind: Int32, lower: Double, upper: Double) {
        switch (lower, upper) {
        case let (lower?, upper?) where lower == upper: (GLP_FX, lower, upper)
        case let (lower?, upper?): (GLP_DB, lower, upper)
        case let (lower?, nil): (GLP_LO, lower, 0)
        case let (nil, upper?): (GLP_UP, 0, upper)
        case (nil, nil): (GLP_FR, 0, 0)
        }
    }

    /// Replaces the objective.
    func setObjective(_ terms: [(column: Int, coefficient: Double)], direction: Direction) {
        for column in objectiveColumns { glp_set_obj_coef(problem, Int32(column + 1), 0) }
        objectiveColumns = terms.map(\.column)
        for term in terms { glp_set_obj_coef(problem, Int32(term.column + 1), term.coefficient) }
        glp_set_obj_dir(problem, direction == .maximize ? GLP_MAX : GLP_MIN)
    }

    /// Solves the LP relaxation (warm-started from the previous basis) and, for integer
    /// programs, the integer program from there.
    ///
    /// - Parameter timeLimitMs: per call; a program of a report's size needs milliseconds, so
    ///   hitting the limit means something is wrong, and the caller stops rather than publish.
    ///   - nodeLimit: the subproblems branch-and-cut may open before it stops as if out of time:
    ///     a limit that, unlike time, is the same on every run and every machine.
    ///   - anySolutionAtTimeLimit: return the best integer solution known when the time (or
    ///     node) limit hits (`found`), for callers to whom any solution is as good as the optimum.
    ///   - firstSolution: stop branch-and-cut at the first integer solution (`found`): for a
    ///     caller whose optimum did not finish in time, and who would rather have a solution the
    ///     same program always finds first than none.
    ///   - dual: start with the dual simplex. After a change of bounds alone the last optimal
    ///     basis stays dual feasible, so the dual simplex goes on from it (the audit's moves:
    ///     a fifth less time, BENCHMARKS.md); its vertices are more often fractional, which is
    ///     why the protecting moves of the search, solved to optimality, keep the primal.
    func solve(
        integer: Bool, timeLimitMs: Int, nodeLimit: Int? = nil, anySolutionAtTimeLimit: Bool = false, firstSolution: Bool = false,
        dual: Bool = false
    ) -> Outcome {
        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.msg_lev = GLP_MSG_OFF
        simplex.tm_lim = Int32(clamping: timeLimitMs)
        simplex.presolve = GLP_OFF
        if dual { simplex.meth = GLP_DUALP }
        var code = glp_simplex(problem, &simplex)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            // A basis made invalid by changed bounds: start again from the standard basis.
            glp_std_basis(problem)
            code = glp_simplex(problem, &simplex)
        }
        guard code == 0 else { return .failed("GLPK simplex code \(code)") }
        switch glp_get_status(problem) {
        case GLP_OPT: break
        case GLP_UNBND: return .unbounded
        case GLP_NOFEAS: return .infeasible
        case let status: return .failed("GLPK simplex status \(status)")
        }
        guard integer else {
            return .optimal((1...columnCount).map { glp_get_col_prim(problem, Int32($0)) })
        }
        // An LP optimum that is integer already is the integer optimum: branch-and-cut would
        // only copy the problem into its tree to find that out. Most of the audit's moves are
        // such programs (BENCHMARKS.md, issue 15).
        let relaxed = (1...columnCount).map { glp_get_col_prim(problem, Int32($0)) }
        if relaxed.allSatisfy({ abs($0 - $0.rounded()) < 1e-9 }) { return .optimal(relaxed.map { $0.rounded() }) }
        var branch = glp_iocp()
        glp_init_iocp(&branch)
        branch.msg_lev = GLP_MSG_OFF
        branch.tm_lim = Int32(clamping: timeLimitMs)
        branch.presolve = GLP_OFF
        // Most fractional variable, not GLPK's default Driebeck–Tomlin heuristic: its penalties
        // (`glp_eval_tab_row` per candidate) took 90 % of the time once the audit carried an
        // earlier counting day; measured 4 × faster on the sample data, same patterns.
        branch.br_tech = GLP_BR_MFV
        var stop = BranchStop(firstSolution: firstSolution, nodeLimit: Int32(clamping: nodeLimit ?? Int.max))
        branch.cb_func = { tree, info in
            guard let tree, let stop = info?.assumingMemoryBound(to: BranchStop.self) else { return }
            switch glp_ios_reason(tree) {
            case GLP_IBINGO where stop.pointee.firstSolution:
                glp_ios_terminate(tree)
            case GLP_ISELECT:
                var active: Int32 = 0
                var current: Int32 = 0
                var total: Int32 = 0
                glp_ios_tree_size(tree, &active, &current, &total)
                stop.pointee.subproblems = total
                if total > stop.pointee.nodeLimit {
                    stop.pointee.atNodeLimit = true
                    glp_ios_terminate(tree)
                }
            default: break
            }
        }
        let mipCode = withUnsafeMutablePointer(to: &stop) { stop in
            branch.cb_info = UnsafeMutableRawPointer(stop)
            return glp_intopt(problem, &branch)
        }
        let outOfTime = mipCode == GLP_ETMLIM || stop.atNodeLimit
        if (outOfTime && anySolutionAtTimeLimit) || (mipCode == GLP_ESTOP && !stop.atNodeLimit), glp_mip_status(problem) == GLP_FEAS {
            return .found((1...columnCount).map { glp_mip_col_val(problem, Int32($0)).rounded() })
        }
        if stop.atNodeLimit { return .failed("GLPK branch-and-cut stopped after \(stop.subproblems) subproblems") }
        guard mipCode == 0 else { return .failed("GLPK branch-and-cut code \(mipCode)") }
        switch glp_mip_status(problem) {
        case GLP_OPT:
            return .optimal((1...columnCount).map { glp_mip_col_val(problem, Int32($0)).rounded() })
        case GLP_NOFEAS: return .infeasible
        case let status: return .failed("GLPK branch-and-cut status \(status)")
        }
    }
}
