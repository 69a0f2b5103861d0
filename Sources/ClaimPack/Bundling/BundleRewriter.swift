internal import Foundation
internal import XMLKit
internal import ZipKit

/// Writes a new version of an intact bundle with another delivery record and more payload
/// (proofs): every other entry is copied from the old archive (read, checked against its
/// CRC-32, written with the same method), `manifest.xml` unchanged, the BagIt files
/// brought up to date. The new archive is verified before it replaces the old one.
struct BundleRewriter {
    let schemas: URL

    func rewrite(_ bundle: OpenedBundle, record: DeliveryRecord, newPayload: [(file: PayloadFile, bytes: [UInt8])]) throws(BuildError) {
        let bytes: [UInt8]
        do { bytes = try DeliveryRecordDocument.bytes(for: record).bytes } catch {
            throw .invalidDocument(name: BundleLayout.deliveryRecord, problems: [error.description])
        }
        try rewrite(bundle, deliveryBytes: bytes, newPayload: newPayload)
    }

    /// The same with `delivery.xml` given as bytes. `requireIntact: false` lets tests make
    /// bundles that are consistent in every way but a tampered record.
    func rewrite(_ bundle: OpenedBundle, deliveryBytes: [UInt8], newPayload: [(file: PayloadFile, bytes: [UInt8])],
                 requireIntact: Bool = true) throws(BuildError) {
        let target = bundle.url.standardizedFileURL
        let root = bundle.claim.id + "/"
        let layout: ZipLayout
        let reader: ZipArchiveReader
        do {
            layout = try ZipLayout.scan(path: target.path, maximumEntries: VerificationLimits().maximumEntries)
            reader = try ZipArchiveReader(path: target.path)
        } catch {
            throw .writeFailed(path: target.path, reason: "the bundle cannot be read again: \(error)")
        }
        do {
            let schema = try XMLSchema(contentsOf: schemas.appendingPathComponent(BundleBuilder.deliverySchema).path)
            let violations = schema.violations(in: try XMLDocument(parsing: deliveryBytes, name: BundleLayout.deliveryRecord))
            if !violations.isEmpty { throw BuildError.invalidDocument(name: BundleLayout.deliveryRecord, problems: violations.map(\.description)) }
        } catch let error as BuildError {
            throw error
        } catch {
            throw .invalidDocument(name: BundleLayout.deliveryRecord, problems: ["\(error)"])
        }

        // The payload: what the archive has under data/, and the new files.
        var payload: [String: PayloadFile] = [:]
        for (path, file) in bundle.report.contents where path.hasPrefix("data/") { payload[path] = file }
        for item in newPayload { payload[item.file.path] = item.file }
        let payloadPaths = payload.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let entriesByName = Dictionary(layout.entries.map { (String(decoding: $0.rawName, as: UTF8.self), $0) }, uniquingKeysWith: { a, _ in a })
        let newBytes = Dictionary(newPayload.map { ($0.file.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })

        var tags: [String: [UInt8]] = [:]
        tags[BundleLayout.declaration] = bundle.report.tagFiles[BundleLayout.declaration] ?? Array(BundleLayout.declarationText.utf8)
        tags[BundleLayout.payloadManifest] = BundleLayout.manifestBytes(payloadPaths.compactMap { payload[$0].map { ($0.path, $0.sha256) } })
        tags[BundleLayout.manifest] = bundle.report.tagFiles[BundleLayout.manifest]
        tags[BundleLayout.deliveryRecord] = deliveryBytes
        let oxum = "Payload-Oxum: \(payloadPaths.reduce(UInt64(0)) { $0 + (payload[$1]?.size ?? 0) }).\(payloadPaths.count)"
        let bagInfo = String(decoding: bundle.report.tagFiles[BundleLayout.bagInfo] ?? [], as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("Payload-Oxum:") ? oxum : String($0) }.joined(separator: "\n")
        tags[BundleLayout.bagInfo] = Array(bagInfo.utf8)
        tags[BundleLayout.tagManifest] = BundleLayout.manifestBytes(BundleLayout.listedTagFiles.compactMap { name in
            tags[name].map { (name, SHA256Digest(of: $0)) }
        })

        let timestamp = DOSTimestamp(year: bundle.claim.date.year, month: bundle.claim.date.month, day: bundle.claim.date.day)
        try TemporaryFiles.shared.withTemporaryFile(beside: target) { (temporary: URL) throws(BuildError) in
            try write(temporary, root: root, tags: tags, payload: (payloadPaths, newBytes, entriesByName), reader: reader, timestamp: timestamp)
            // The new bundle must verify, with the same seal, before it replaces the old one.
            let check = try? BundleVerifier(schemas: schemas).verify(temporary)
            guard let check, !requireIntact || check.isIntact, check.seal == bundle.seal else {
                throw .writeFailed(path: target.path, reason: "the rewritten bundle does not verify: \(check?.findings.map(\.description).joined(separator: "; ") ?? "unreadable")")
            }
            guard rename(temporary.path, target.path) == 0 else {
                throw .cannotCreateOutput(path: target.path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// The entries, in the bundle's order, written to `temporary`.
    private func write(_ temporary: URL, root: String, tags: [String: [UInt8]],
                       payload: (paths: [String], newBytes: [String: [UInt8]], entries: [String: ZipLayout.Entry]),
                       reader: ZipArchiveReader, timestamp: DOSTimestamp) throws(BuildError) {
        do {
            let writer = try ZipArchiveWriter(creatingAt: temporary.path)
            func addTag(_ name: String) throws {
                guard let bytes = tags[name] else { return }
                try writer.add(root + name, bytes: bytes, compression: CompressionPolicy.compression(for: bytes), timestamp: timestamp)
            }
            try addTag(BundleLayout.declaration)
            if payload.paths.isEmpty {
                try writer.add(root + "data/", bytes: [], compression: .store, timestamp: timestamp)
            }
            for path in payload.paths {
                if let bytes = payload.newBytes[path] {
                    try writer.add(root + path, bytes: bytes, compression: CompressionPolicy.compression(for: Array(bytes.prefix(CompressionPolicy.sampleSize)),
                                                                                                         name: path), timestamp: timestamp)
                } else if let entry = payload.entries[root + path] {
                    let content = ZipArchivedContent(reader: reader, index: entry.index, deflated: entry.method == 8,
                                                     crc: entry.crc, size: entry.uncompressedSize)
                    try writer.add(root + path, content: content, compression: entry.method == 8 ? .deflate(level: CompressionPolicy.level) : .store,
                                   timestamp: timestamp)
                }
            }
            for name in [BundleLayout.payloadManifest, BundleLayout.manifest, BundleLayout.deliveryRecord, BundleLayout.bagInfo, BundleLayout.tagManifest] {
                try addTag(name)
            }
            try writer.close()
        } catch {
            throw .writeFailed(path: temporary.path, reason: "\(error)")
        }
    }
}
