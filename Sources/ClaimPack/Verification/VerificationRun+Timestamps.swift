internal import Foundation
internal import TimestampKit
internal import ZipKit

extension VerificationRun {
    /// The largest token read: a time-stamp response is a few KiB, its certificates included;
    /// a larger entry is refused before it is parsed.
    static let maximumTokenBytes: UInt64 = 1 << 20

    /// The token of every `timestamped` event, read again from the archive (tokens are
    /// small; this runs after the payload): DER structure, imprint equal to the seal or to
    /// the chain head the event names, signature, the signer's key usage and, with
    /// `trust`, the chain. `digests` are the events' hashes as computed. A missing or
    /// changed token file is already reported (V505) and not read.
    func checkTimestamps(_ events: [DeliveryEvent], digests: [SHA256Digest]) {
        let stamped = events.indices.filter { events[$0].token != nil }
        guard !stamped.isEmpty, let reread = fileRereader() else { return }
        // Each file is read once: a record of many events naming one large token must not
        // make verify read it again and again.
        var owners: [String: Int] = [:]
        for index in stamped {
            guard let token = events[index].token, let file = files[token.file.path],
                  file.size == token.file.size, file.sha256 == token.file.sha256 else { continue }
            let name = entryName(token.file.path)
            let label = "the token of event \(index + 1) (timestamped)"
            if let owner = owners[token.file.path] {
                add(Finding(.timestampMalformed, entry: name, "\(label) is the file of event \(owner + 1) too; each timestamped event has a token of its own"))
                continue
            }
            owners[token.file.path] = index
            guard file.size <= VerificationRun.maximumTokenBytes else {
                add(Finding(.timestampMalformed, entry: name, "\(label) holds \(file.size) bytes, more than the \(VerificationRun.maximumTokenBytes >> 20) MiB a time-stamp response may have; not parsed"))
                continue
            }
            guard let bytes = reread(token.file.path, file.size),
                  SHA256Digest(of: bytes) == file.sha256 else {
                add(Finding(.timestampMalformed, entry: name, "\(label) cannot be read again from the \(folder == nil ? "archive" : "folder"), or changed while it was checked"))
                continue
            }
            guard let digest = expectedDigest(of: token, at: index, digests: digests, entry: name, label: label) else { continue }
            inspect(bytes, token: token, digest: digest, entry: name, label: label)
        }
    }

    /// The digest a token must stamp: the seal, or the chain head its event names (one of
    /// the events before it, `digest.anchored` the count up to it); reports and returns
    /// `nil` when the event names something else.
    private func expectedDigest(of token: DeliveryEvent.Token, at index: Int, digests: [SHA256Digest], entry: String,
                                label: String) -> (value: SHA256Digest, anchored: Int?)? {
        switch token.subject {
        case .seal:
            guard let seal else { return nil }
            guard token.imprint == seal else {
                add(Finding(.timestampMismatch, entry: entry, "\(label): delivery.xml says it stamps \(token.imprint.hex), not this bundle's seal \(seal.hex)"))
                return nil
            }
            return (seal, nil)
        case .record:
            guard let head = digests.prefix(index).lastIndex(of: token.imprint) else {
                add(Finding(.timestampMismatch, entry: entry, "\(label) anchors the delivery record's chain head \(token.imprint.hex), but no event before it has that hash: an event under the anchor was rewritten"))
                return nil
            }
            return (token.imprint, head + 1)
        }
    }

    /// Checks the token's bytes with TimestampKit and reports what it finds.
    private func inspect(_ bytes: [UInt8], token: DeliveryEvent.Token, digest: (value: SHA256Digest, anchored: Int?),
                         entry: String, label: String) {
        let inspection = TimestampVerifier.inspect(bytes, digest: digest.value.bytes, roots: nil)
        if let problem = inspection.problem {
            let subject = digest.anchored.map { "the delivery record up to event \($0)" } ?? "the seal"
            let code: FindingCode = switch problem {
            case .imprintMismatch: .timestampMismatch
            case .badSignature: .timestampSignature
            case .keyUsage: .timestampKeyUsage
            default: .timestampMalformed
            }
            add(Finding(code, entry: entry, "\(label) does not prove \(subject): \(problem.description)"))
            return
        }
        guard let found = inspection.token else { return }
        var trusted: Bool?
        if let trust {
            do throws(TimestampError) {
                switch trust {
                case .system: try TimestampVerifier.verifyChain(bytes, roots: nil)
                case .roots(let roots): try TimestampVerifier.verifyChain(bytes, roots: roots)
                }
                trusted = true
            } catch {
                trusted = false
                let store = if case .system = trust { "the system's CA store" } else { "the roots given with --trust" }
                add(Finding(.timestampUntrusted, entry: entry, "\(label) is valid, but its authority's certificate (\(found.signer)) does not lead to a root in \(store): the root \"\(found.issuer)\" is missing; give it with --trust FILE.pem (\(error.description))", severity: .warning))
            }
        }
        timestamps.append(VerifiedTimestamp(path: token.file.path, time: found.time.description, authority: found.authority,
                                            serial: found.serial, subject: token.subject, anchoredEvents: digest.anchored,
                                            trusted: trusted))
    }

    /// The bytes of the entry `name` (`size` bytes as read before), or `nil` when it cannot
    /// be read to exactly that size.
    static func readToken(_ name: String, size: UInt64, layout: ZipLayout, reader: ZipArchiveReader) -> [UInt8]? {
        let wanted = Array(name.utf8)
        guard let entry = layout.entries.first(where: { $0.rawName == wanted }), entry.type == .regular,
              !entry.isEncrypted, entry.compressionMethod != nil, entry.uncompressedSize == size,
              let file = try? reader.open(entry: entry.index, deflated: entry.isDeflated, expectedCRC: entry.crc) else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(size) + 1)
        var count = 0
        while true {
            // One byte more than expected is room to see an entry that inflates past its size.
            let read = bytes.withUnsafeMutableBytes { buffer in
                try? file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
            }
            guard let read else { return nil }
            if read == 0 { break }
            count += read
            guard count <= Int(size) else { return nil }
        }
        guard count == Int(size) else { return nil }
        return Array(bytes.prefix(count))
    }
}
