/// Where an export goes (`court-ru`, `court-ua`, `email`): its limits and their source, as
/// `Templates/export/targets.yaml` gives them.
public struct ExportTarget: Sendable, Hashable {
    /// The key given to `--for`.
    public var key: String
    /// The portal or service, as its users know it.
    public var name: String
    /// The largest file it takes, in bytes; a copy larger is split into parts.
    public var fileLimit: Int
    /// The most the files of one message may hold together, in bytes (e-mail); `nil` when
    /// the target takes the files one by one.
    public var messageLimit: Int?
    /// The act or page the limits come from.
    public var source: String
    /// Where the source was read.
    public var urls: [String]
    /// Whether the limits were read in the act's (or the service's own) text; `false`:
    /// only in a secondary source, or not at all.
    public var confirmed: Bool
}
