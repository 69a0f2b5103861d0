internal import CLibXML2

/// Collects libxml2's structured errors for the duration of one operation, so that
/// libxml2 never prints to standard error.
final class XMLErrorCollector {
    private(set) var issues: [XMLIssue] = []
    static let limit = 100

    func add(_ error: xmlErrorPtr?) {
        guard let error, issues.count < XMLErrorCollector.limit else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        issues.append(XMLIssue(line: Int(error.pointee.line), message: message.trimmingWhitespace()))
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
