import Foundation
import Logging

/// One run of the report: connect, then take each requested year through the stages, one year
/// at a time, all from one snapshot, and publish the years' folders together.
///
/// The stages, each a type of its own whose value only the next one takes:
/// `ReadStage` → `ReadYear` → `DisclosureStage` → `DisclosedYear` → `ComparisonStep` →
/// `ComparedYear` → `RenderStage` (into the folder of `PublishStage.open`) → `RenderedYear` →
/// `PublishStage.stage` → `StagedYear` → `PublishStage.publish`. While a year goes through the
/// stages, only the next one is read (on the second session, `SecondSession`; with `db_sessions: 1`
/// not even that), so a run holds at most two years (and the previous year's published count table
/// while the next year needs it) instead of all of them.
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

    /// What a finished run did, for the summary line, the metrics file and the morning mail.
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
        /// What the morning mail shows of each report as published, in the order of `folders`.
        public var digests: [MailDigest] = []
        /// The findings (Auffälligkeiten) of the run, shown in the mail's subject; `nil` when a
        /// year's findings were not read.
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
        // Oldest year first: a year's comparison shows the previous cohort under a pattern that
        // must also pass the audit with that cohort's table in this run (`sameRun`), so that one
        // is disclosed before. Only that table is kept from one year to the next.
        let order = request.years.sorted()
        // A second session reads while this thread renders, when there is something to read
        // beside the first cohort: a later year, or the previous cohort (`SecondSession`).
        let second =
            request.databaseSessions > 1 && (order.count > 1 || ComparisonStep.readsPreviousYear(request))
            ? SecondSession(request: request, logger: logger) : nil
        let reader: ReadStage
        do throws(ReportError) {
            reader = try ReadStage(connection: connection, request: request, logger: logger, years: order, second: second)
        } catch {
            second?.close(cancelling: true)
            throw error
        }
        let freshness = Freshness(snapshot: reader.snapshot, maxBookingAgeDays: request.maxBookingAgeDays)
        let warnings = freshness.warnings
        for warning in warnings { logger.warning("\(warning)") }

        let disclosure = DisclosureStage(request: request, logger: logger, base: publisher.directory, now: now)
        let comparison = ComparisonStep(request: request, logger: logger)
        let rendering = RenderStage(
            request: request, snapshot: reader.snapshot, warnings: warnings, logger: logger, now: now, fixedSnapshotTime: fixedSnapshotTime)
        let publishing = PublishStage(
            publisher: publisher, request: request, snapshot: reader.snapshot, warnings: warnings, started: started, logger: logger,
            now: now)
        var staged: [StagedYear] = []
        var sameRun: LedgerEntry?
        do throws(ReportError) {
            for year in order {
                let read = try reader.read(year: year)
                // What reading left behind goes back before disclosure control, the year's peak.
                FreeMemory.release()
                let disclosed = try disclosure.disclose(read)
                let compared = try comparison.compare(disclosed, sameRun: sameRun?.year == year - 1 ? sameRun : nil)
                sameRun = request.disclosureControl && order.contains(year + 1) ? disclosed.table : nil
                let staging = try publishing.open(compared)
                let rendered: RenderedYear
                // The formats take the second core when the second session is not reading ahead.
                do { rendered = try rendering.render(compared, into: staging, secondThread: !reader.readsAhead) } catch {
                    publishing.discard(staging)
                    throw error
                }
                staged.append(try publishing.stage(rendered))
            }
        } catch {
            reader.close(failed: true)
            publishing.discard(staged)
            throw error
        }
        reader.close(failed: false)
        // The folders, the output and the mail keep the order the years were asked for.
        staged = request.years.compactMap { year in staged.first { $0.year == year } }
        try publishing.publish(staged)
        let digests = staged.map(\.digest)
        return Summary(
            years: request.years, areas: staged.first?.areas ?? 0, rowsRead: staged.map(\.rows).reduce(RowCounts(), +),
            perYear: staged.map { ($0.year, $0.rows) }, files: staged.map(\.files).reduce(0, +), folders: staged.map(\.folder.finalPath),
            warnings: warnings, durationMs: Int(now().timeIntervalSince(started) * 1000),
            staleFailure: request.staleIsError && freshness.isStale, digests: digests,
            // The mail's subject counts them ("3 Auffälligkeiten") when the findings were read.
            auffaelligkeiten: digests.allSatisfy { $0.findingCount != nil } ? digests.compactMap(\.findingCount).reduce(0, +) : nil)
    }
}
