import Foundation

/// The mail settings of one run, from the configuration (`mail_to`, `alert_to`, `mail_from`,
/// `sendmail`, `mail_attachments`, `mail_max_bytes`, `mail_internal`, `mail_kreise`,
/// `mail_link_base`).
///
/// The addresses stay text here and are checked when a mail is about to leave: a bad address
/// must not cost the night's report, only its mail (status 79, the report on disk).
public struct MailSettings: Sendable {
    /// The morning mail's recipients (comma-separated); `nil`: no morning mail.
    public var mailTo: String?
    /// Who hears about a failure streak; `nil`: no alert.
    public var alertTo: String?
    public var from: String?
    public var sendmail = Sendmail.defaultCommand
    /// `mail_attachments`: which files go with the morning mail.
    public var attachments = MailSettings.defaultAttachments
    public var maxBytes = MailSettings.defaultMaxBytes
    /// Whether an internal report (without disclosure control) may be mailed at all.
    public var mailInternal = false
    /// `mail_kreise`: the Kreise whose county sheets (`kreise/<ags>-<slug>.html`) go with the
    /// morning mail, by key.
    public var kreise: [String] = []
    /// `mail_link_base`: where the analysts reach the output folder (`https://…/aqb/`); the mail
    /// links each report there instead of naming the server's path.
    public var linkBase: String?

    public static let defaultAttachments = ["xlsx", "html"]
    /// 10 MB: below the limit of most mail servers (Exchange Online: 25 MB after base64's third more).
    public static let defaultMaxBytes = 10_000_000
    /// What `mail_attachments` may name: formats of the report, or `none`.
    public static let attachmentChoices = ["xlsx", "html", "md", "csv", "werte", "svg", "manifest", "none"]

    public init() {}

    /// Whether there is anything to do after a run.
    public var isConfigured: Bool { mailTo != nil || alertTo != nil }

    /// The report files an attachment choice stands for, in the order they are attached.
    static func files(for choice: String) -> [String] {
        switch choice {
        case "xlsx": ["bericht.xlsx"]
        case "html": ["bericht.html"]
        case "md": ["bericht.md"]
        case "csv": ["kreise.csv", "massnahmenarten.csv", "rechtskreise.csv"]
        case "werte": ["werte.csv"]
        case "svg": ["grafik-mittelabfluss.svg", "grafik-rechtskreise.svg", "grafik-massnahmenarten.svg"]
        case "manifest": ["manifest.json"]
        default: []
        }
    }

    /// The sender: `mail_from`, else `aqb-report@<host name>`.
    func sender() -> Result<MailAddress, MailAddress.InvalidAddress> {
        let text = from ?? "aqb-report@" + MailSettings.hostName()
        guard let address = MailAddress(text) else { return .failure(.init(text: text)) }
        return .success(address)
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost.localdomain" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.contains(".") ? name : name + ".localdomain"
    }
}

extension Settings {
    /// The mail part of the settings.
    public var mail: MailSettings {
        var mail = MailSettings()
        mail.mailTo = self[.mailTo]?.text
        mail.alertTo = self[.alertTo]?.text
        mail.from = self[.mailFrom]?.text
        if let value = self[.sendmail]?.text { mail.sendmail = value }
        if let value = self[.mailAttachments]?.list { mail.attachments = value }
        if let value = self[.mailMaxBytes]?.integer { mail.maxBytes = value }
        if let value = self[.mailInternal]?.boolean { mail.mailInternal = value }
        if let value = self[.mailKreise]?.list { mail.kreise = value }
        mail.linkBase = self[.mailLinkBase]?.text
        return mail
    }
}
