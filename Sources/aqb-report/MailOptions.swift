import AQBReport
import ArgumentParser

/// The flags of the morning mail and the failure alert; each also a configuration key and an
/// `AQB_…` variable (`ConfigKey`).
struct MailOptions: ParsableArguments {
    @Option(name: .customLong("mail-to"), help: "Mail the report to ADDR[,ADDR…] after a successful run.")
    var mailTo: String?

    @Option(name: .customLong("alert-to"), help: "Mail ADDR[,ADDR…] once when runs start failing, and when they succeed again.")
    var alertTo: String?

    @Option(name: .customLong("mail-from"), help: "Sender address. Default: aqb-report@<host name>.")
    var mailFrom: String?

    @Option(name: .customLong("sendmail"), help: "The sendmail program, with arguments (run with -t -i). Default: /usr/sbin/sendmail.")
    var sendmail: String?

    @Option(
        name: .customLong("mail-attachments"),
        help: "Files to attach: xlsx, html, md, csv, werte, svg, manifest or none, comma-separated. Default: xlsx,html.")
    var mailAttachments: String?

    @Option(
        name: .customLong("mail-max-bytes"), help: "Largest mail; above it the attachments are left out (status 79). Default: 10000000.")
    var mailMaxBytes: Int?

    @Option(
        name: .customLong("mail-kreise"),
        help: "Also attach the county sheets (HTML) of these Kreise, by key, comma-separated: 06634,06437.")
    var mailKreise: String?

    @Option(
        name: .customLong("mail-link-base"),
        help: "Where analysts reach the output folder (https://intranet.example/aqb/); the mail links each report there.")
    var mailLinkBase: String?

    @Flag(name: .customLong("mail-internal"), help: "Also mail internal reports (--no-disclosure-control), marked intern.")
    var mailInternal = false

    /// Adds the flags given to `flags`, checked like configuration values (status 64).
    func add(to flags: inout Settings) throws(ConfigError) {
        if let mailTo { flags[.mailTo] = .text(mailTo) }
        if let alertTo { flags[.alertTo] = .text(alertTo) }
        if let mailFrom { flags[.mailFrom] = .text(mailFrom) }
        if let sendmail { flags[.sendmail] = .text(sendmail) }
        if let mailAttachments {
            flags[.mailAttachments] = try SettingsOptions.validated(mailAttachments, .mailAttachments, flag: "--mail-attachments")
        }
        if let mailMaxBytes {
            flags[.mailMaxBytes] = try SettingsOptions.validated(String(mailMaxBytes), .mailMaxBytes, flag: "--mail-max-bytes")
        }
        if mailInternal { flags[.mailInternal] = .boolean(true) }
        if let mailKreise { flags[.mailKreise] = try SettingsOptions.validated(mailKreise, .mailKreise, flag: "--mail-kreise") }
        if let mailLinkBase { flags[.mailLinkBase] = .text(mailLinkBase) }
    }
}
