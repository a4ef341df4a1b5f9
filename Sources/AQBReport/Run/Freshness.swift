/// What the log, the manifest and the head of `bericht.md` say about the booking feed.
///
/// Staleness is measured from the newest booking dated on or before the snapshot's day: a
/// booking dated in the future (or `infinity`) would otherwise make any feed look fresh. Such
/// bookings get a warning of their own, naming them, whether or not a maximum age is set.
struct Freshness {
    /// German, as they appear in `bericht.md`.
    var warnings: [String] = []
    /// The newest booking is older than `max_booking_age_days` (status 65 with `stale_is_error`).
    var isStale = false

    init(snapshot: Snapshot, maxBookingAgeDays: Int?) {
        let today = BerlinTime.today(snapshot.takenAt)
        if snapshot.unusualBookings > 0 {
            warnings.append(
                "\(snapshot.unusualBookings) Buchung(en) in aqb.ausgabe sind nach dem Datenstand (\(today.german)) oder unbestimmt datiert, z. B. \(snapshot.unusualExamples); bitte prüfen. Sie zählen nicht für die Aktualität der Buchungsdaten."
            )
        }
        guard let maxAge = maxBookingAgeDays else { return }
        guard let newest = snapshot.newestBooking else {
            warnings.append("Keine Buchungen in aqb.ausgabe bis zum Datenstand: der Buchungsdatenbestand ist leer.")
            isStale = true
            return
        }
        let age = today.daysSince(newest)
        guard age > maxAge else { return }
        warnings.append(
            "Die neueste Buchung ist vom \(newest.german), \(age) Tage vor dem Datenstand (erlaubt: \(maxAge)); die Buchungsdaten sind möglicherweise nicht aktuell."
        )
        isStale = true
    }
}
