import Foundation

/// The mail after a successful run: the headline as subject, the key figures of every year as
/// plain text and as HTML, and the chosen report files attached as they lie on disk.
///
/// Disclosure: the only count of people in it is each area's number of participations, taken
/// from the report as published (`MailDigest`, so `*` where the files have `*`). Everything else
/// is money.
public struct MorningMail: Sendable {
    public var headline: MailHeadline
    /// The folders written, in the order of `headline.years`.
    public var folders: [String]
    public var attachmentNames: [String]
    public var maxBytes: Int
    /// `mail_kreise`: Kreise whose county sheets are attached too, by key.
    public var kreise: [String] = []
    /// `mail_link_base`: the reports are linked there instead of named by their server path.
    public var linkBase: String?
    /// The run's warnings (a stale feed), as the top of each report shows them.
    public var warnings: [String] = []

    public init(headline: MailHeadline, folders: [String], attachmentNames: [String], maxBytes: Int) {
        self.headline = headline
        self.folders = folders
        self.attachmentNames = attachmentNames
        self.maxBytes = maxBytes
    }

    /// The mail, and whether its attachments had to be left out to stay within `maxBytes`.
    public func message(from: MailAddress, to: [MailAddress], date: Date) throws(Failure) -> (MailMessage, droppedAttachments: Bool) {
        let files = try attachments()
        var message = MailMessage(
            from: from, to: to, subject: headline.subject, date: date, text: text(attached: files, dropped: nil),
            html: html(attached: files, dropped: nil))
        message.attachments = files
        let size = message.rendered(messageID: "<x@x>").count
        guard size > maxBytes else { return (message, false) }
        message.attachments = []
        let note =
            "Die Anhänge fehlen: mit ihnen wäre die Mail \(MorningMail.megabytes(size)) groß, erlaubt sind \(MorningMail.megabytes(maxBytes)) (mail_max_bytes). Die Dateien liegen in den genannten Ordnern."
        message.text = text(attached: [], dropped: note)
        message.html = html(attached: [], dropped: note)
        let smaller = message.rendered(messageID: "<x@x>").count
        guard smaller <= maxBytes else {
            throw Failure(
                reason:
                    "the mail is \(smaller) bytes even without attachments, more than mail_max_bytes (\(maxBytes)); raise mail_max_bytes")
        }
        return (message, true)
    }

    /// Why the morning mail could not be put together.
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    /// The chosen files of every folder, read through `Directory` (no link followed). A file the
    /// run did not write (its format not selected) is left out. Several years: each name gets
    /// its year in front, so `2024-bericht.xlsx` and `2025-bericht.xlsx` do not collide.
    func attachments() throws(Failure) -> [MailAttachment] {
        var result: [MailAttachment] = []
        for (index, path) in folders.enumerated() {
            let folder: Directory
            do { folder = try Directory.open(path, followLink: false, ownedByUs: true) } catch {
                throw Failure(reason: "cannot open the report folder to attach its files: \(error)")
            }
            let year = headline.years.indices.contains(index) ? headline.years[index].year : index
            for name in attachmentNames where folder.kind(name) == .file {
                let bytes: [UInt8]
                do { bytes = try folder.readFile(name, limit: 1 << 30) } catch { throw Failure(reason: "cannot read \(error)") }
                let shown = folders.count > 1 ? "\(year)-\(name)" : name
                result.append(MailAttachment(fileName: shown, contentType: MailAttachment.contentType(of: name), bytes: bytes))
            }
            for name in kreisSheets(in: folder).found {
                let bytes: [UInt8]
                do { bytes = try folder.readFile(name, limit: 1 << 30) } catch { throw Failure(reason: "cannot read \(error)") }
                let file = String(name.dropFirst("kreise/".count))
                let shown = folders.count > 1 ? "\(year)-\(file)" : file
                result.append(MailAttachment(fileName: shown, contentType: MailAttachment.contentType(of: file), bytes: bytes))
            }
        }
        return result
    }

    /// The county sheets of `kreise` in a report folder (`kreise/<ags>-<slug>.html`, else the
    /// Markdown one when the HTML was not written), and the keys without a sheet there.
    func kreisSheets(in folder: Directory) -> (found: [String], missing: [String]) {
        guard !kreise.isEmpty, let sheets = try? folder.subdirectory("kreise", create: false) else { return ([], kreise) }
        let names = sheets.entries().filter { sheets.kind($0) == .file }.sorted()
        var found: [String] = []
        var missing: [String] = []
        for key in kreise {
            let own = names.filter { $0.hasPrefix(key + "-") }
            if let sheet = own.first(where: { $0.hasSuffix(".html") }) ?? own.first(where: { $0.hasSuffix(".md") }) {
                found.append("kreise/" + sheet)
            } else {
                missing.append(key)
            }
        }
        return (found, missing)
    }

    /// Keys of `mail_kreise` with no county sheet in any folder of the run (a typo, or a Kreis
    /// not in the report), named in the mail so nobody waits for them.
    var missingKreise: [String] {
        let missing = folders.map { path in
            (try? Directory.open(path, followLink: false, ownedByUs: true)).map { kreisSheets(in: $0).missing } ?? kreise
        }
        return kreise.filter { key in missing.allSatisfy { $0.contains(key) } }
    }

    /// One row of key figures: Hessen and each Regierungsbezirk.
    struct Row: Sendable {
        var name: String
        var budget: String
        var bewilligt: String
        var ausgegeben: String
        var abfluss: String
        var teilnehmende: String
    }

    static let columns = ["Gebiet", "Budget", "Bewilligt", "Ausgegeben", "Mittelabfluss", "Teilnehmende"]

    func text(attached: [MailAttachment], dropped: String?) -> String {
        var text = headline.subject + "\n\n"
        if !headline.disclosureControl {
            text += "INTERN: ohne Geheimhaltung erstellt, kleine Fallzahlen sind nicht gesperrt. Nicht weitergeben.\n\n"
        }
        for warning in warnings { text += "Warnung: \(warning)\n\n" }
        for (index, digest) in headline.years.enumerated() {
            text += "AQB \(digest.year), Stichtag \(digest.asOf.german), Zähltag (Personen) \(digest.zaehltag.german)\n"
            if let findings = MailReportNotes.findings(digest.findings) { text += "Auffälligkeiten: \(findings)\n" }
            for row in digest.rows {
                text += "\n\(row.name)\n"
                for (label, value) in zip(
                    MorningMail.columns.dropFirst(), [row.budget, row.bewilligt, row.ausgegeben, row.abfluss, row.teilnehmende])
                {
                    text += "  " + (label + ":").padding(toLength: 15, withPad: " ", startingAt: 0) + value + "\n"
                }
            }
            if folders.indices.contains(index) {
                if let link = MailReportNotes.link(folder: folders[index], base: linkBase) {
                    text += "\nBericht: \(link)\(HTMLReport.fileName)\n"
                } else {
                    text += "\nOrdner: \(folders[index])\n"
                }
            }
            text += "\n"
        }
        text += "Teilnehmende zählt Teilnahmen (Eintritte) bis zum Zähltag; * ist gesperrt (Geheimhaltung).\n"
        if !missingKreise.isEmpty { text += "\n" + missingKreiseNote + "\n" }
        if let dropped { text += "\n" + dropped + "\n" }
        if !attached.isEmpty { text += "\nAnhänge: " + attached.map(\.fileName).joined(separator: ", ") + "\n" }
        text += "\n-- \naqb-report \(ReportRunner.version)\n"
        return text
    }

    func html(attached: [MailAttachment], dropped: String?) -> String {
        let cell = "padding:4px 8px;border-bottom:1px solid #d0d7de;"
        let number = cell + "text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;"
        var html = """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>\(XMLEscape.text(headline.subject))</title></head>
            <body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2328;margin:16px;">
            <h1 style="font-size:20px;margin:0 0 12px 0;">\(XMLEscape.text(headline.subject))</h1>

            """
        if !headline.disclosureControl {
            html +=
                "<p style=\"background:#fff3cd;border:1px solid #d4a72c;padding:8px;\"><strong>Intern:</strong> ohne Geheimhaltung erstellt, kleine Fallzahlen sind nicht gesperrt. Nicht weitergeben.</p>\n"
        }
        for warning in warnings {
            html +=
                "<p style=\"background:#fdf1e8;border-left:4px solid #D55E00;padding:8px;\"><strong>Warnung:</strong> \(XMLEscape.text(warning))</p>\n"
        }
        for (index, digest) in headline.years.enumerated() {
            html +=
                "<h2 style=\"font-size:16px;margin:20px 0 6px 0;\">AQB \(digest.year), Stichtag \(digest.asOf.german), Zähltag (Personen) \(digest.zaehltag.german)</h2>\n"
            if let findings = MailReportNotes.findings(digest.findings) {
                html += "<p>Auffälligkeiten: \(XMLEscape.text(findings))</p>\n"
            }
            html += "<table style=\"border-collapse:collapse;font-size:13px;\">\n<tr>"
            for (position, column) in MorningMail.columns.enumerated() {
                let align = position == 0 ? "left" : "right"
                html += "<th style=\"\(cell)text-align:\(align);background:#f6f8fa;\">\(column)</th>"
            }
            html += "</tr>\n"
            for (position, row) in digest.rows.enumerated() {
                let weight = position == 0 ? "font-weight:bold;" : ""
                html += "<tr><td style=\"\(cell)\(weight)\">\(XMLEscape.text(row.name))</td>"
                for value in [row.budget, row.bewilligt, row.ausgegeben, row.abfluss, row.teilnehmende] {
                    html += "<td style=\"\(number)\(weight)\">\(XMLEscape.text(value))</td>"
                }
                html += "</tr>\n"
            }
            html += "</table>\n"
            if folders.indices.contains(index) {
                if let link = MailReportNotes.link(folder: folders[index], base: linkBase) {
                    let href = XMLEscape.text(link + HTMLReport.fileName)
                    html += "<p>Bericht: <a href=\"\(href)\">\(href)</a></p>\n"
                } else {
                    html += "<p style=\"color:#59636e;\">Ordner: <code>\(XMLEscape.text(folders[index]))</code></p>\n"
                }
            }
        }
        html +=
            "<p style=\"color:#59636e;\">Teilnehmende zählt Teilnahmen (Eintritte) bis zum Stichtag; * ist gesperrt (Geheimhaltung).</p>\n"
        if !missingKreise.isEmpty { html += "<p>\(XMLEscape.text(missingKreiseNote))</p>\n" }
        if let dropped { html += "<p style=\"font-weight:bold;\">\(XMLEscape.text(dropped))</p>\n" }
        if !attached.isEmpty {
            html += "<p>Anhänge: " + attached.map { XMLEscape.text($0.fileName) }.joined(separator: ", ") + "</p>\n"
        }
        html += "</body></html>\n"
        return html
    }

    var missingKreiseNote: String {
        "Kein Kreisblatt für \(missingKreise.joined(separator: ", ")) (mail_kreise): kein Kreis dieses Schlüssels im Bericht."
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10)\u{00A0}MB"
    }
}
