import Foundation
import Logging

/// One run of the report: connect, read every requested year from one snapshot, publish each
/// year's folder atomically.
public struct ReportRunner {
    public static let version = "0.1.0"

    let logger: Logger
    /// Injected so tests can fix the times the Markdown and manifest show.
    let now: @Sendable () -> Date
    /// When set, also used as the snapshot time shown in the Markdown (golden tests).
    let fixedSnapshotTime: Date?

    public init(logger: Logger, now: @escaping @Sendable () -> Date = { Date() }, fixedSnapshotTime: Date? = nil) {
        self.logger = logger
        self.now = now
        self.fixedSnapshotTime = fixedSnapshotTime
    }

    /// What a finished run did, for the summary line and the metrics file.
    public struct Summary: Sendable {
        public var years: [Int]
        public var areas: Int
        public var rowsRead: RowCounts
        /// Rows read per AQB year, in the order of `years`.
        public var perYear: [(year: Int, rows: RowCounts)]
        public var files: Int
        public var folders: [String]
        public var warnings: [String]
        public var durationMs: Int
        /// True when the booking feed is older than allowed and that is configured as an error.
        public var staleFailure: Bool
        /// The reports as published (disclosure control applied), in the order of `folders`: what
        /// the morning mail shows.
        public var reports: [YearReport] = []
        /// Hook for the findings (Auffälligkeiten) of the run, shown in the mail's subject;
        /// `nil` until findings are computed.
        public var auffaelligkeiten: Int? = nil
    }

    public func run(_ request: ReportRequest) throws(ReportError) -> Summary {
        let started = now()
        try request.validate()
        var request = request
        // `--year 2024 --year 2024` is one report, not two writers of the same folder.
        request.years = request.years.reduce(into: [Int]()) { years, year in if !years.contains(year) { years.append(year) } }
        let publisher = try ReportPublisher(base: request.outputBase)
        let lock = try RunLock(base: publisher.directory, description: "pid \(getpid()), started \(BerlinTime.iso(started))")
        defer { withExtendedLifetime(lock) {} }
        publisher.removeLeftovers()

        let connection = try DatabaseSession.connect(request, logger: logger)
        StopSignals.watch(connection.makeCanceller())
        defer { StopSignals.watch(nil) }
        try DatabaseSession.lock(connection, logger: logger)
        let snapshot: Snapshot
        var reports: [(YearReport, RowCounts)] = []
        var previous: [YearReport] = []
        do {
            try DatabaseSession.begin(connection)
            snapshot = try Snapshot.read(connection)
            let queries = ReportQueries(connection: connection, logger: logger)
            for year in request.years {
                logger.info("reading AQB year \(year) at Stichtag \(request.asOf)")
                reports.append(
                    try FindingQuery(connection: connection).report(
                        queries: queries, year: year, asOf: request.asOf, zaehltag: request.zaehltag,
                        proRataMargin: request.proRataMargin, logger: logger))
                // The previous cohort for the comparison, in the same snapshot (VorjahrVergleich).
                if ComparisonStep.readsPreviousYear(request) {
                    let asOf = request.asOf.sameDayOneYearEarlier
                    previous.append(
                        try queries.previousCohort(year: year - 1, asOf: asOf, zaehltag: request.zaehltagRule.zaehltag(for: asOf)))
                }
            }
            try connection.execute("COMMIT")
        } catch let error as ReportError {
            throw error
        } catch let error as PGError {
            throw ReportError.database(error)
        } catch {
            throw ReportError(.software, "unexpected failure while reading: \(error)")
        }

        var disclosureMs: [Int: Int] = [:]
        var disclosureNeighbours: [Int: [String]] = [:]
        var ledgers: [DisclosureLedger] = []
        if request.disclosureControl {
            let step = DisclosureStep(logger: logger, base: publisher.directory)
            for index in reports.indices {
                let (report, counts) = reports[index]
                let started = now()
                var ledger = try DisclosureLedger.read(publisher.directory, year: report.year)
                let outcome = try step.apply(to: report, ledger: ledger, outputBase: request.outputBase)
                reports[index] = (outcome.report, counts)
                if let entry = outcome.newEntry {
                    ledger.append(entry)
                    ledgers.append(ledger)
                }
                let pattern = outcome.report.disclosure
                for warning in pattern?.neighbourWarnings ?? [] { logger.warning("\(warning)") }
                disclosureMs[report.year] = Int(now().timeIntervalSince(started) * 1000)
                disclosureNeighbours[report.year] = pattern?.considered.map(\.description) ?? []
                logger.info(
                    "disclosure control for AQB year \(report.year) (counting day \(report.zaehltag)): \(pattern?.primaryCells ?? 0) primary and \(pattern?.secondaryCells ?? 0) secondary cells, audit passed (\(disclosureMs[report.year] ?? 0) ms, \(outcome.reused ? "recorded pattern reused" : "\(pattern?.considered.count ?? 0) published tables of the cohort considered"))"
                )
            }
        }

        try ComparisonStep(request: request, logger: logger).attach(to: &reports, previous: previous)

        let freshness = Freshness(snapshot: snapshot, maxBookingAgeDays: request.maxBookingAgeDays)
        let warnings = freshness.warnings
        for warning in warnings { logger.warning("\(warning)") }
        var staged: [ReportPublisher.StagedFolder] = []
        var files = 0
        var rowsRead = RowCounts()
        do {
            for (report, counts) in reports {
                rowsRead = rowsRead + counts
                let output = try self.output(report: report, request: request, snapshot: snapshot, warnings: warnings)
                staged.append(
                    try publisher.stage(
                        year: report.year, folder: ReportFolder.name(asOf: request.asOf, disclosureControl: request.disclosureControl),
                        updatesLatest: request.disclosureControl, files: output
                    ) { entries in
                        try manifest(
                            report: report, counts: counts, request: request, snapshot: snapshot, entries: entries,
                            warnings: warnings, started: started,
                            disclosure: report.disclosure.map {
                                .init(
                                    threshold: DisclosureControl.defaultThreshold, starsMayBeZero: true, primaryCells: $0.primaryCells,
                                    secondaryCells: $0.secondaryCells, primaryParticipants: $0.primaryParticipants,
                                    secondaryParticipants: $0.secondaryParticipants, neighbours: disclosureNeighbours[report.year] ?? [],
                                    durationMs: disclosureMs[report.year] ?? 0)
                            })
                    })
                files += output.count + 1
            }
        } catch {
            publisher.discard(staged)
            throw error
        }
        // Recorded before the folders appear: a crash in between leaves an entry for a table
        // nobody received, which only makes later audits stricter.
        do {
            for ledger in ledgers { try ledger.write(publisher.directory) }
        } catch {
            publisher.discard(staged)
            throw error
        }
        try publisher.publish(staged)
        for folder in staged {
            logger.info("wrote \(folder.finalPath)")
            if request.disclosureControl { try publisher.updateLatest(year: folder.year) }
            if let keep = request.keep {
                let pruning = publisher.prune(year: folder.year, keep: keep)
                for removed in pruning.removed { logger.info("removed old report \(removed)") }
                for kept in pruning.kept {
                    logger.warning(
                        "old report \(kept) could not be removed (--keep): something in it belongs to another user; remove it as that user or root."
                    )
                }
            }
        }
        let folders = staged.map(\.finalPath)
        return Summary(
            years: request.years, areas: reports.first?.0.areas.count ?? 0, rowsRead: rowsRead,
            perYear: reports.map { ($0.0.year, $0.1) }, files: files, folders: folders,
            warnings: warnings, durationMs: Int(now().timeIntervalSince(started) * 1000),
            staleFailure: request.staleIsError && freshness.isStale, reports: reports.map(\.0),
            // The mail's subject counts them ("3 Auffälligkeiten") when the findings were read.
            auffaelligkeiten: reports.allSatisfy { $0.0.findings != nil } ? reports.map { $0.0.findings?.count ?? 0 }.reduce(0, +) : nil)
    }

    /// The files of one year's folder, in the order they are written.
    func output(
        report: YearReport, request: ReportRequest, snapshot: Snapshot, warnings: [String]
    ) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        let context = ReportContext(
            erstelltAm: BerlinTime.german(now()), snapshotAm: BerlinTime.german(fixedSnapshotTime ?? snapshot.takenAt),
            neuesteBuchung: snapshot.newestBooking, warnings: warnings)
        var output: [(name: String, bytes: [UInt8])] = []
        let input = RenderInput(report: report, context: context, csvFormat: request.csvFormat)
        for renderer in ReportRenderers.selected(request.formats) {
            // Timed at debug level: the formats are the part of a run besides the database that
            // grows with what is written, and an operator can see which one costs what.
            let started = ContinuousClock.now
            let files = try renderer.files(for: input)
            output += files
            logger.debug("rendered \(files.map(\.name).joined(separator: ", ")) in \(started.duration(to: .now))")
        }
        return output
    }

    func manifest(
        report: YearReport, counts: RowCounts, request: ReportRequest, snapshot: Snapshot, entries: [Manifest.File],
        warnings: [String], started: Date, disclosure: Manifest.Disclosure?
    ) throws -> [UInt8] {
        let written = now()
        return try Manifest(
            version: ReportRunner.version,
            parameters: .init(
                year: report.year, asOf: request.asOf.description, yearsInRun: request.years,
                csvFormat: request.csvFormat.rawValue, disclosureControl: request.disclosureControl,
                zaehltag: report.zaehltag.description),
            database: .init(
                serverVersion: snapshot.serverVersion, snapshotAt: BerlinTime.iso(snapshot.takenAt),
                newestBuchungstag: snapshot.newestBooking?.description),
            rowsRead: counts, disclosure: disclosure, files: entries, createdAt: BerlinTime.iso(written),
            durationMs: Int(written.timeIntervalSince(started) * 1000), warnings: warnings
        ).encoded()
    }
}
