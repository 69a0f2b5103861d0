public import Foundation

/// What `ClaimExporter` wrote: the folder, its files in order, and what the person must know
/// (a copy split into parts, a file the portal will refuse, files too many for one message).
public struct ExportReport: Sendable {
    public var folder: URL
    public var target: ExportTarget
    public var files: [ExportedFile]
    /// One line each, as `letter` prints its warnings (`place: warning: …`).
    public var warnings: [String]
}
