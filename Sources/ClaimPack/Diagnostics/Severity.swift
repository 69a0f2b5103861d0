/// How serious a diagnostic is.
///
/// An `error` stops `build`; a `warning` is a likely mistake that does not; a `note` is
/// information, such as a hidden file that was skipped.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case error
    case warning
    case note
}
