internal import ArgumentParser

/// The exit statuses of DESIGN.md §6 (sysexits).
extension ExitCode {
    /// The claim or bundle has problems; all were reported.
    static let problemsFound = ExitCode(1)
    /// `verify`: the content is intact, but the ZIP was re-packed by another tool (V130).
    static let contentIntactRepacked = ExitCode(2)
    /// Bad usage (EX_USAGE).
    static let usage = ExitCode(64)
    /// An input that does not exist or cannot be read (EX_NOINPUT).
    static let noInput = ExitCode(66)
    /// A service or library claimpack needs is not available (EX_UNAVAILABLE).
    static let unavailable = ExitCode(69)
    /// An output that cannot be created (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)
    /// An I/O error (EX_IOERR).
    static let ioError = ExitCode(74)
    /// claimpack's own files are missing (EX_CONFIG).
    static let configuration = ExitCode(78)
}
