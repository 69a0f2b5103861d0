internal import Foundation
internal import XMLKit
internal import ZipKit

/// The delivery record of the bundle `build --force` is about to replace, when it holds
/// events after `prepared`: what was sent, delivered or answered, and the proofs of it.
/// Replacing such a bundle silently would destroy that proof.
struct PreviousDelivery {
    /// The record as read from the old bundle (not yet verified); `nil` when the archive
    /// has a `delivery.xml` that cannot be read (a damaged bundle, which may hold events).
    let record: DeliveryRecord?

    /// The events after `prepared`, described for a message: `sent 2026-11-23 (russian-post
    /// 62009147017544, 1 proof)`.
    var laterEvents: [String] {
        (record?.events ?? []).dropFirst().map { event in
            var details: [String] = []
            if let tracking = event.tracking { details.append([event.carrier?.rawValue, tracking].compactMap { $0 }.joined(separator: " ")) }
            if !event.proofs.isEmpty { details.append(Plural.english(event.proofs.count, "proof")) }
            return "\(event.kind.rawValue) \(event.at)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
        }
    }

    /// The events and their proofs, for a note: `sent 2026-11-20 (…), with its proofs data/delivery/…`.
    var summary: String {
        guard record != nil else { return "a record that cannot be read" }
        return laterEvents.joined(separator: "; ") + (proofPaths.isEmpty ? "" : ", with its proofs \(proofPaths.joined(separator: ", "))")
    }

    /// The proof files the record lists, by path.
    var proofPaths: [String] { (record?.events ?? []).flatMap { $0.proofs.map(\.path) } }

    /// The record of the bundle `file` when it holds events after `prepared`, or cannot be
    /// read although the archive has one; `nil` when the file is not a ZIP archive with a
    /// `<folder>/delivery.xml`, or its record holds only `prepared`. Only `delivery.xml` is
    /// read (the central directory, then that entry).
    static func read(_ file: URL, limits: VerificationLimits = VerificationLimits()) -> PreviousDelivery? {
        guard let layout = try? ZipLayout.scan(path: file.path, maximumEntries: limits.maximumEntries) else { return nil }
        let records = layout.entries.filter { entry in
            let parts = entry.rawName.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            return parts.count == 2 && Array(parts[1]) == Array(BundleLayout.deliveryRecord.utf8)
        }
        guard !records.isEmpty else { return nil }
        guard records.count == 1, let entry = records.first, entry.uncompressedSize <= UInt64(limits.maximumTagFileBytes),
              let reader = try? ZipArchiveReader(path: file.path),
              let bytes = try? read(entry, from: reader),
              let root = try? XMLDocument(parsing: bytes, name: BundleLayout.deliveryRecord).root,
              let record = DeliveryRecordDocument.record(from: root)
        else { return PreviousDelivery(record: nil) }
        return record.events.count > 1 ? PreviousDelivery(record: record) : nil
    }

    private static func read(_ entry: ZipLayout.Entry, from reader: ZipArchiveReader) throws -> [UInt8] {
        let file = try reader.open(entry: entry.index, deflated: entry.isDeflated, expectedCRC: entry.crc)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try file.read(into: $0) }
            if count == 0 { break }
            bytes += chunk[..<count]
            guard bytes.count <= Int(entry.uncompressedSize) else { break }
        }
        return bytes
    }
}
