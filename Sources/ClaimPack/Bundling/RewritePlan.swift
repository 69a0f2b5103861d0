internal import ZipKit

/// What the new version of a bundle holds, entry by entry: the entries the rewriter owns
/// written anew, every other one copied as stored, new payload after the last entry under
/// `data/`. Made from the old archive's layout and what its verification read.
struct RewritePlan {
    enum Step {
        /// An entry of the old archive, copied as stored.
        case copy(name: String, entry: ZipLayout.Entry)
        /// An entry of another archive (`build --force` carrying proofs over), copied as stored.
        case carry(name: String, entry: ZipLayout.Entry)
        /// An entry written from bytes.
        case write(name: String, bytes: [UInt8], compression: ZipCompression)
    }

    /// The tag files the rewriter writes anew; every other entry is copied.
    static let ownedTagFiles: Set<String> = [BundleLayout.deliveryRecord, BundleLayout.payloadManifest,
                                             BundleLayout.bagInfo, BundleLayout.tagManifest]

    private(set) var steps: [Step] = []
    /// The new version's tag files as the report keeps them.
    private(set) var tagFiles: [String: [UInt8]]
    /// The new version's regular entries, with sizes and digests.
    private(set) var contents: [String: PayloadFile]

    /// - Parameter carried: payload copied from another archive, with its entry there.
    init(old: VerificationReport, root: String, deliveryBytes: [UInt8],
         newPayload: [(file: PayloadFile, bytes: [UInt8])], carried: [(file: PayloadFile, entry: ZipLayout.Entry)] = [],
         layout: ZipLayout) {
        let prefix = root + "/"
        tagFiles = old.tagFiles
        contents = old.contents
        for item in newPayload { contents[item.file.path] = item.file }
        for item in carried { contents[item.file.path] = item.file }

        // The payload: every regular entry under data/, as verified, and the new files.
        let payload = contents.values.filter { BundleLayout.isPayload($0.path) }
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var owned: [String: [UInt8]] = [:]
        owned[BundleLayout.deliveryRecord] = deliveryBytes
        owned[BundleLayout.payloadManifest] = BundleLayout.manifestBytes(payload.map { ($0.path, $0.sha256) })
        let oxumKey = BundleLayout.BagInfoKey.payloadOxum + ":"
        let oxum = oxumKey + " " + BundleLayout.payloadOxum(bytes: payload.reduce(UInt64(0)) { $0 + $1.size }, count: payload.count)
        owned[BundleLayout.bagInfo] = Array(String(decoding: old.tagFiles[BundleLayout.bagInfo] ?? [], as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(oxumKey) ? oxum : String($0) }.joined(separator: "\n").utf8)
        for (name, bytes) in owned where name != BundleLayout.tagManifest {
            contents[name] = PayloadFile(path: name, size: UInt64(bytes.count), sha256: SHA256Digest(of: bytes))
        }
        // Every tag file in the archive, known or not: the known ones in their order first.
        let others = contents.keys.filter { !BundleLayout.isPayload($0) && $0 != BundleLayout.tagManifest && !BundleLayout.listedTagFiles.contains($0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        owned[BundleLayout.tagManifest] = BundleLayout.manifestBytes((BundleLayout.listedTagFiles + others).compactMap { name in
            contents[name].map { (name, $0.sha256) }
        })
        if let bytes = owned[BundleLayout.tagManifest] {
            contents[BundleLayout.tagManifest] = PayloadFile(path: BundleLayout.tagManifest, size: UInt64(bytes.count), sha256: SHA256Digest(of: bytes))
        }
        for (name, bytes) in owned { tagFiles[name] = bytes }

        // The steps, in the old archive's order.
        let payloadFolder = prefix + BundleLayout.payloadFolder
        let lastPayload = layout.entries.lastIndex { String(decoding: $0.rawName, as: UTF8.self).hasPrefix(payloadFolder) }
        func addNewPayload() {
            for item in carried {
                steps.append(.carry(name: prefix + item.file.path, entry: item.entry))
            }
            for item in newPayload {
                steps.append(.write(name: prefix + item.file.path, bytes: item.bytes,
                                    compression: CompressionPolicy.compression(for: Array(item.bytes.prefix(CompressionPolicy.sampleSize)), name: item.file.path,
                                                                               size: UInt64(item.bytes.count))))
            }
        }
        for (position, entry) in layout.entries.enumerated() {
            let name = String(decoding: entry.rawName, as: UTF8.self)
            let relative = name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
            if let bytes = owned[relative], name.hasPrefix(prefix) {
                if lastPayload == nil, relative == BundleLayout.payloadManifest { addNewPayload() }
                steps.append(.write(name: name, bytes: bytes, compression: CompressionPolicy.compression(for: bytes)))
            } else if name == payloadFolder, !payload.isEmpty || !carried.isEmpty {
                // The empty payload's folder entry: not needed once there is payload.
            } else {
                steps.append(.copy(name: name, entry: entry))
            }
            if position == lastPayload { addNewPayload() }
        }
    }
}
