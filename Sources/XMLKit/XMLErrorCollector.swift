internal import CLibXML2

/// Collects libxml2's structured errors for the duration of one operation, so that
/// libxml2 never prints to standard error. Schema validity errors are kept apart from the
/// rest (the parser's, the schema reader's), each list up to `limit`.
final class XMLErrorCollector {
    /// What the validator found: the document is well-formed but not valid.
    private(set) var violations: [XMLIssue] = []
    /// Everything else: the parser's reasons a document is not well-formed, or the
    /// schema reader's.
    private(set) var readingIssues: [XMLIssue] = []
    static let limit = 100

    /// Every issue: the reading issues, then the violations.
    var issues: [XMLIssue] { readingIssues + violations }

    func add(_ error: xmlErrorPtr?) {
        guard let error else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        let issue = XMLIssue(line: Int(error.pointee.line), message: message.trimmingWhitespace())
        if error.pointee.domain == Int32(XML_FROM_SCHEMASV.rawValue) { addViolation(issue) } else if readingIssues.count < XMLErrorCollector.limit { readingIssues.append(issue) }
    }

    /// Adds a violation found outside libxml2 (the identity constraints XMLKit checks).
    func addViolation(_ issue: XMLIssue) {
        if violations.count < XMLErrorCollector.limit { violations.append(issue) }
    }

    /// Runs `body` with this collector receiving every error of the current thread.
    func collecting<T>(_ body: () throws -> T) rethrows -> T {
        let pointer = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(pointer, collectError)
        defer { xmlSetStructuredErrorFunc(nil, ignoreError) }
        return try body()
    }
}

private func collectError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData else { return }
    Unmanaged<XMLErrorCollector>.fromOpaque(userData).takeUnretainedValue().add(error)
}

/// Installed between operations: libxml2's default would print to standard error.
private func ignoreError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}

extension String {
    func trimmingWhitespace() -> String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
