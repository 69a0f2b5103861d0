internal import Foundation
internal import XMLKit

/// The checks of the tag files that need no digest of the payload: each XML document parsed
/// the hardened way and validated against its schema, each BagIt manifest split into
/// lines. They are pure functions of the bytes, so `verify` can run them on the second
/// core (`TagFilePreparation`) while it reads and hashes the payload.
enum TagFileChecks {
    /// A tag document parsed and validated.
    struct CheckedDocument: Sendable {
        /// The root element, when the document is well formed and valid.
        let root: XMLElement?
        /// What was wrong, in the order found.
        let findings: [Finding]
    }

    /// One line of a BagIt manifest.
    enum ManifestLine: Sendable {
        /// A line that is not `<64 hex digits> <path>`, or names a path outside the bag.
        case malformed(Finding)
        /// A file the manifest lists, with the line that lists it.
        case listing(line: Int, path: String, sha256: SHA256Digest)
    }

    /// The SHA-256 of each event of a delivery record, canonicalized without its `hash`
    /// attribute (exclusive C14N): what each event's `hash` must be.
    enum EventDigests: Sendable {
        case digests([SHA256Digest])
        case failed(Finding)
    }

    /// The digests of the events of the delivery record `bytes` (at `entry`).
    static func eventDigests(_ bytes: [UInt8], entry: String) -> EventDigests {
        do {
            let document = try XMLDocument(parsing: bytes, name: BundleLayout.deliveryRecord, ignoringBlankText: true)
            return .digests(try document.canonicalChildren(named: "event", excludingAttribute: "hash").map { SHA256Digest(of: $0) })
        } catch {
            return .failed(Finding(.malformedXML, entry: entry, error.description))
        }
    }

    /// The XML tag documents and the schema each is validated against.
    static let documentSchemas = [BundleLayout.manifest: BundleBuilder.manifestSchema, BundleLayout.deliveryRecord: BundleBuilder.deliverySchema]

    /// Parses `bytes` (the document `name`, at `entry` in the archive) with the hardening
    /// limits and validates it against `schemaName` in `schemas`.
    /// - Parameter take: elements to leave out of the tree (`XMLValidatingReader.read`).
    static func checkDocument(_ bytes: [UInt8], name: String, entry: String, schemaName: String, schemas: URL,
                              limits: VerificationLimits, take: ((XMLElement, Int) -> Bool)? = nil) -> CheckedDocument {
        var xmlLimits = XMLDocument.Limits()
        xmlLimits.maximumBytes = limits.maximumTagFileBytes
        xmlLimits.maximumDepth = limits.maximumXMLDepth
        let schema: XMLSchema
        do {
            schema = try XMLSchema(contentsOf: schemas.appendingPathComponent(schemaName).path)
        } catch {
            // Without the schema, the document is still read, so that a malformed one says so.
            if let finding = readingFinding({ () throws(XMLError) in _ = try XMLDocument(parsing: bytes, name: name, limits: xmlLimits) }, entry: entry) {
                return CheckedDocument(root: nil, findings: [finding])
            }
            return CheckedDocument(root: nil, findings: [Finding(.schemaViolation, entry: entry, "cannot be validated: \(error.description)")])
        }
        var result: XMLValidatingReader.Result?
        if let finding = readingFinding({ () throws(XMLError) in result = try XMLValidatingReader.read(bytes, name: name, schema: schema, limits: xmlLimits, take: take) }, entry: entry) {
            return CheckedDocument(root: nil, findings: [finding])
        }
        guard let result else { return CheckedDocument(root: nil, findings: []) }
        let findings = result.violations.prefix(20).map {
            Finding(.schemaViolation, entry: entry, "not valid against \(schemaName): \($0)")
        }
        return CheckedDocument(root: result.violations.isEmpty ? result.root : nil, findings: findings)
    }

    /// The finding for a document that cannot be read as XML, or `nil` when `read` succeeds.
    private static func readingFinding(_ read: () throws(XMLError) -> Void, entry: String) -> Finding? {
        do {
            try read()
            return nil
        } catch .doctypeRefused {
            return Finding(.doctypeRefused, entry: entry, "has a DOCTYPE; refused before parsing (no DTD, no entity is ever read)")
        } catch {
            return Finding(.malformedXML, entry: entry, error.description)
        }
    }

    /// The lines of the BagIt manifest at `entry`. Lines end with LF,
    /// CRLF or CR, as BagIt allows; empty lines are skipped. A percent-encoded CR, LF or %
    /// in a path is decoded. `expectedLines` is the room made for them at once; a path found
    /// in `known` is that set's string (`shared(_:in:)`).
    static func manifestLines(_ bytes: [UInt8], entry: String, expectedLines: Int = 0, known: Set<String> = []) -> [ManifestLine] {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return [.malformed(Finding(.malformedManifestLine, entry: entry, "not UTF-8 text"))]
        }
        var lines: [ManifestLine] = []
        lines.reserveCapacity(expectedLines)
        var number = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            number += 1
            if end > start { lines.append(line(bytes[start..<end], number: number, entry: entry, known: known)) }
            start = end + (end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A ? 2 : 1)
        }
        return lines
    }

    /// Whether one of the path's segments is `..`.
    private static func climbsOut(_ path: String) -> Bool {
        var segmentLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if segmentLength == 2, dots == 2 { return true }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength == 2 && dots == 2
    }

    /// `path` as the string `known` holds when it holds it: the same path read from the
    /// archive's names, `manifest-sha256.txt` and `manifest.xml` is then held once, not
    /// three times (64,000 files: 8 MB less at the peak of a verify).
    static func shared(_ path: String, in known: Set<String>) -> String {
        known.firstIndex(of: path).map { known[$0] } ?? path
    }

    private static func line(_ bytes: ArraySlice<UInt8>, number: Int, entry: String, known: Set<String>) -> ManifestLine {
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let separator = bytes.firstIndex(where: isBlank), separator - bytes.startIndex == 64,
              let expected = SHA256Digest(hexBytes: bytes[..<separator])
        else {
            return .malformed(Finding(.malformedManifestLine, entry: entry, "line \(number) is not \"<64 hex digits> <path>\""))
        }
        var rest = bytes[separator...].drop(while: isBlank)
        if rest.first == UInt8(ascii: "*") { rest = rest.dropFirst() }
        // Decoded on the bytes: a String replacement compares characters, and "%25" followed
        // by a combining mark is no "%25" to it.
        var decoded: [UInt8] = []
        decoded.reserveCapacity(rest.count)
        var index = rest.startIndex
        while index < rest.endIndex {
            if rest[index] == UInt8(ascii: "%"), rest.endIndex - index >= 3 {
                let code = (rest[index + 1], rest[index + 2])
                let byte: UInt8? = switch code {
                case (0x30, 0x41): 0x0A
                case (0x30, 0x44): 0x0D
                case (0x32, 0x35): 0x25
                default: nil
                }
                if let byte {
                    decoded.append(byte)
                    index += 3
                    continue
                }
            }
            decoded.append(rest[index])
            index += 1
        }
        let path = String(decoding: decoded, as: UTF8.self)
        guard !path.isEmpty, !path.hasPrefix("/"), !climbsOut(path) else {
            return .malformed(Finding(.malformedManifestLine, entry: entry, "line \(number) names a path outside the bag"))
        }
        return .listing(line: number, path: shared(path, in: known), sha256: expected)
    }
}
