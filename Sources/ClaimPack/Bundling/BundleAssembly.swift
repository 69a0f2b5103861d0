internal import Foundation
internal import Synchronization
internal import XMLKit
internal import ZipKit

/// The entries of one bundle and what they learn from each other while libzip writes
/// them: the evidence digests feed the manifests, the manifest gives the seal, the seal
/// goes into the delivery record and `bag-info.txt`.
final class BundleAssembly {
    let claim: Claim
    let files: [EvidenceFile]
    let folder: URL
    let software: String
    let progress: (@Sendable (UInt64, UInt64) -> Void)?
    let manifestSchema: XMLSchema
    let deliverySchema: XMLSchema
    /// The schemas the bundle carries, by name (`BundleLayout.schemaFiles`).
    let schemaBytes: [String: [UInt8]]

    private let validationQueue = DispatchQueue(label: "claimpack.validation")
    private let validationProblem = FirstProblem()

    /// Whether `checkLimits()` passed.
    private var limitsChecked = false
    /// The most bytes `manifest.xml` can take, as `checkLimits()` found.
    private var manifestBound = 0

    /// Reads and hashes the evidence while libzip archives it.
    private var pipeline: PayloadPipeline?

    /// The digest of each evidence file (by its place in `files`) once it is hashed: an
    /// array, not a dictionary of paths, so that a folder of many files costs little.
    private var digests: [SHA256Digest?]
    /// Tag files written so far, by name.
    private var tagDigests: [String: SHA256Digest] = [:]
    private(set) var seal: SHA256Digest?
    /// `manifest.xml`, made as soon as the evidence is hashed, until libzip takes it.
    private var manifestBytes: [UInt8]?
    private var bytesDone: UInt64 = 0

    /// The DOS timestamp of every entry: the claim's date at midnight.
    let timestamp: DOSTimestamp

    init(claim: Claim, files: [EvidenceFile], folder: URL, software: String,
         progress: (@Sendable (UInt64, UInt64) -> Void)?, manifestSchema: XMLSchema, deliverySchema: XMLSchema,
         schemaBytes: [String: [UInt8]]) {
        self.claim = claim
        self.files = files
        self.folder = folder
        self.software = software
        self.progress = progress
        self.manifestSchema = manifestSchema
        self.deliverySchema = deliverySchema
        self.schemaBytes = schemaBytes
        timestamp = BundleLayout.entryTimestamp(for: claim.date)
        digests = Array(repeating: nil, count: files.count)
    }

    /// The evidence bundled, in the archive's order. (A file's size is the one listed: the
    /// pipeline fails on any other.)
    var payloadInOrder: [PayloadFile] {
        files.indices.compactMap { index in
            digests[index].map { PayloadFile(path: BundleLayout.payloadPath(for: files[index].path), size: files[index].size, sha256: $0) }
        }
    }

    func addEntries(to writer: ZipArchiveWriter) throws {
        let root = claim.id + "/"
        let declaration = Array(BundleLayout.declarationText.utf8)
        try addTag(BundleLayout.declaration, to: writer) { declaration }
        for name in BundleLayout.schemaFiles {
            let bytes = schemaBytes[name] ?? []
            try addTag(name, to: writer) { bytes }
        }
        let total = files.reduce(0) { $0 + $1.size }
        let opener: EvidenceOpener
        do {
            opener = try EvidenceOpener(folder: folder.path)
        } catch {
            throw BuildError.evidenceUnreadable(path: folder.path, reason: "the claim folder cannot be opened")
        }
        let pipeline = PayloadPipeline(
            evidence: files, opener: opener,
            progress: { [unowned self] count in
                bytesDone += count
                progress?(bytesDone, total)
            },
            completion: { [unowned self] index, _, digest in
                digests[index] = digest
            })
        self.pipeline = pipeline
        if files.isEmpty {
            // An empty payload still needs data/ for the bag to be valid once unzipped.
            try writer.add(root + BundleLayout.payloadFolder, bytes: [], compression: .store, timestamp: timestamp)
        }
        // Each file's method is chosen on its first bytes when libzip reaches it
        // (`HashingFileContent.chosenCompression`): `.store` is only a placeholder.
        for index in files.indices {
            try writer.add(root + BundleLayout.payloadPath(for: files[index].path), content: HashingFileContent(index: index, expectedSize: files[index].size, pipeline: pipeline),
                           compression: .store, timestamp: timestamp)
        }

        // The tag files are made only when libzip reaches them, after the payload, and
        // their compression is chosen then, on their bytes.
        if !limitsChecked { try checkLimits() }
        let makers: [String: () throws -> [UInt8]] = [
            BundleLayout.payloadManifest: { [unowned self] in
                try pipeline.finish()
                // manifest.xml is made now, with every digest known, so that the second core
                // validates it while libzip deflates this file and the next.
                let manifest = try manifestDocument()
                validateInBackground(manifest, name: BundleLayout.manifest, against: manifestSchema)
                manifestBytes = manifest
                seal = SHA256Digest(of: manifest)
                return BundleLayout.manifestBytes(count: files.count) { index in
                    (BundleLayout.payloadFolder, files[index].path, digests[index] ?? SHA256Digest(of: []))
                }
            },
            BundleLayout.manifest: { [unowned self] in
                guard let manifestBytes else { throw BuildError.writeFailed(path: BundleLayout.manifest, reason: "made before the evidence was read") }
                self.manifestBytes = nil
                return manifestBytes
            },
            BundleLayout.deliveryRecord: { [unowned self] in
                let bytes = try DeliveryRecordDocument.initialBytes(for: claim, seal: try currentSeal())
                validateInBackground(bytes, name: BundleLayout.deliveryRecord, against: deliverySchema)
                return bytes
            },
            BundleLayout.bagInfo: { [unowned self] in
                bagInfo(total, files.count, try currentSeal())
            },
            BundleLayout.tagManifest: { [unowned self] in
                BundleLayout.manifestBytes(BundleLayout.listedTagFiles.compactMap { name in tagDigests[name].map { (name, $0) } })
            },
        ]
        // In the layout's order: each one is made from those before it.
        for name in BundleLayout.tagFilesAfterPayload {
            guard let make = makers[name] else { throw BuildError.writeFailed(path: name, reason: "no maker for this tag file") }
            try addTag(name, to: writer, make)
        }
    }

    /// `manifest.xml`, with every digest known: each evidence entry found by its path
    /// among the files, which are sorted by it (no dictionary of paths, which took 50 bytes
    /// a file at the peak of the build). Room is made for the document at once, up to its
    /// bound (`tagFileBounds()`).
    private func manifestDocument() throws -> [UInt8] {
        guard digests.allSatisfy({ $0 != nil }) else {
            throw BuildError.writeFailed(path: BundleLayout.manifest, reason: "made before the evidence was read")
        }
        return try ManifestDocument.bytes(for: claim, expectedSize: min(manifestBound, BundleLimits.maximumTagFileBytes)) { entry in
            place(of: entry.file).flatMap { index in digests[index].map { (files[index].size, $0) } }
        }
    }

    /// The index in `files` (sorted bytewise by path, `EvidenceInventory.files`) of the
    /// file at `path`.
    private func place(of path: String) -> Int? {
        var low = 0
        var high = files.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = files[middle].path
            if candidate == path { return middle }
            if candidate.utf8.lexicographicallyPrecedes(path.utf8) { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Stops the evidence reader: once the archive is written or abandoned.
    func stopReading() {
        pipeline?.stop()
        pipeline = nil
    }

    /// A tag file made when libzip reaches it; its digest is kept for the tag manifest.
    /// It is deflated when deflate shrinks its start (`CompressionPolicy`).
    private func addTag(_ name: String, to writer: ZipArchiveWriter, _ make: @escaping () throws -> [UInt8]) throws {
        try writer.add(claim.id + "/" + name, content: ZipDeferredContent({ [unowned self] in
            let bytes = try make()
            tagDigests[name] = SHA256Digest(of: bytes)
            return bytes
        }, choose: CompressionPolicy.compression(for:)), compression: .store, timestamp: timestamp)
    }

    /// Refuses, before anything is written, a bundle `verify` would refuse: too many
    /// entries, too many bytes, a name or a name's component too long, a tag file larger
    /// than a tag file may be. The tag files that grow with the evidence are not made for
    /// this: their size is bounded from above, file by file (`tagFileBounds()`); only when
    /// a bound crosses the limit are they drafted whole, with stand-in digests and seal
    /// (the real ones have the same length, so the draft's size is exact).
    func checkLimits() throws(BuildError) {
        let entries = files.count + BundleLayout.tagEntryCount
        if entries > BundleLimits.maximumEntries {
            throw .exceedsLimit("\(files.count) evidence files make \(entries) entries with the tag files; a bundle holds at most \(BundleLimits.maximumEntries) entries (the limit verify applies): split the evidence into several claims or pack related files into one archive")
        }
        let total = files.reduce(UInt64(0)) { $0 &+ $1.size }
        if total > BundleLimits.maximumTotalBytes {
            throw .exceedsLimit("the evidence holds \(total) bytes; a bundle holds at most \(BundleLimits.maximumTotalBytes) (the limit verify applies)")
        }
        let root = claim.id + "/"
        for file in files {
            let name = root + BundleLayout.payloadPath(for: file.path)
            if name.utf8.count > BundleLimits.maximumNameBytes {
                throw .exceedsLimit("\(Self.shortened(file.diskPath)): its name in the bundle has \(name.utf8.count) bytes in UTF-8, more than the \(BundleLimits.maximumNameBytes) an entry name may have; shorten its path")
            }
            if let long = name.split(separator: "/").first(where: { $0.utf8.count > BundleLimits.maximumNameComponentBytes }) {
                throw .exceedsLimit("\(Self.shortened(file.diskPath)): the name \(Self.shortened(String(long))) has \(long.utf8.count) bytes in UTF-8, more than the \(BundleLimits.maximumNameComponentBytes) a file or folder name may have on common file systems; shorten it")
            }
        }
        let draftSeal = Self.standIn("seal")
        var sizes: [String: Int] = [:]
        do {
            sizes[BundleLayout.deliveryRecord] = try DeliveryRecordDocument.initialBytes(for: claim, seal: draftSeal).count
            let bounds = try tagFileBounds()
            sizes[BundleLayout.manifest] = bounds.manifest
            sizes[BundleLayout.payloadManifest] = bounds.payloadManifest
            manifestBound = bounds.manifest
            if bounds.manifest > BundleLimits.maximumTagFileBytes || bounds.payloadManifest > BundleLimits.maximumTagFileBytes {
                let draft = draftPayload()
                manifestBound = try ManifestDocument.bytes(for: claim, payload: draft).count
                sizes[BundleLayout.manifest] = manifestBound
                sizes[BundleLayout.payloadManifest] = manifestSHA256(draft.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }).count
            }
        } catch {
            throw .invalidDocument(name: BundleLayout.manifest, problems: [error.description])
        }
        sizes[BundleLayout.bagInfo] = bagInfo(total, files.count, draftSeal).count
        sizes[BundleLayout.tagManifest] = BundleLayout.manifestBytes(BundleLayout.listedTagFiles.map { ($0, Self.standIn($0)) }).count
        for name in BundleLayout.schemaFiles { sizes[name] = schemaBytes[name]?.count ?? 0 }
        for name in BundleLayout.listedTagFiles + [BundleLayout.tagManifest] {
            let size = sizes[name] ?? 0
            if size > BundleLimits.maximumTagFileBytes {
                throw .exceedsLimit("\(name) would have \(size) bytes, more than the \(BundleLimits.maximumTagFileBytes) a tag file may have (the limit verify applies): \(files.count) evidence files; split the evidence into several claims, or shorten the titles and names")
            }
        }
        limitsChecked = true
    }

    /// Upper bounds of the sizes of `manifest.xml` and `manifest-sha256.txt`, without
    /// making them: `manifest.xml` without its files, plus for each file the most its
    /// element can take (every character of its texts escaped, at most six bytes each, the
    /// size and the digest at their longest, the markup and indentation); a line of
    /// `manifest-sha256.txt` per file, every byte of its path escaped (three bytes).
    func tagFileBounds() throws(XMLError) -> (manifest: Int, payloadManifest: Int) {
        var manifest = try ManifestDocument.bytes(for: claim, payload: [:]).count
        let listed = Set(files.map { BundleLayout.payloadPath(for: $0.path) })
        for entry in claim.evidence {
            let path = BundleLayout.payloadPath(for: entry.file)
            guard listed.contains(path) else { continue }
            let texts = entry.id.utf8.count + path.utf8.count + entry.kind.rawValue.utf8.count
                + MediaType(fileName: entry.file).name.utf8.count + (entry.captured?.description.utf8.count ?? 0)
                + entry.title.utf8.count + (entry.source?.utf8.count ?? 0)
            manifest += Self.fileElementMarkup + 6 * texts
        }
        let payloadManifest = files.reduce(0) { $0 + 64 + 2 + 3 * BundleLayout.payloadPath(for: $1.path).utf8.count + 1 }
        return (manifest, payloadManifest)
    }

    /// Bytes of a `<file>` element besides its escaped texts, more than it can take: the
    /// element and attribute names, quotes, the size (20 digits), the digest (64), the
    /// sheets (20), the two flags, the `<title>` and `<source>` tags, line ends and
    /// indentation (about 290 in all).
    static let fileElementMarkup = 512

    /// The payload with stand-in digests, for drafts whose size is exact.
    private func draftPayload() -> [String: PayloadFile] {
        Dictionary(files.map { file in
            let path = BundleLayout.payloadPath(for: file.path)
            return (path, PayloadFile(path: path, size: file.size, sha256: Self.standIn(path)))
        }, uniquingKeysWith: { first, _ in first })
    }

    private func manifestSHA256(_ files: [PayloadFile]) -> [UInt8] {
        BundleLayout.manifestBytes(files.map { ($0.path, $0.sha256) })
    }

    private func bagInfo(_ bytes: UInt64, _ count: Int, _ seal: SHA256Digest) -> [UInt8] {
        Array(BundleLayout.bagInfoText(claim: claim, payloadBytes: bytes, payloadCount: count, seal: seal, software: software).utf8)
    }

    /// A long name shortened for a message: its start and its end.
    static func shortened(_ name: String) -> String {
        name.count <= 80 ? name : name.prefix(40) + "…" + name.suffix(30)
    }

    /// A random-looking digest standing in for one not known yet.
    private static func standIn(_ name: String) -> SHA256Digest { SHA256Digest(of: Array(name.utf8)) }

    private func currentSeal() throws -> SHA256Digest {
        guard let seal else { throw BuildError.writeFailed(path: BundleLayout.manifest, reason: "manifest.xml was not written first") }
        return seal
    }

    /// Validates `bytes` against `schema` on the second core while libzip goes on; the
    /// build waits for the verdict (`checkDocuments()`) before the bundle is put in place.
    private func validateInBackground(_ bytes: [UInt8], name: String, against schema: XMLSchema) {
        let problem = validationProblem
        validationQueue.async {
            guard let error = Self.problem(in: bytes, name: name, against: schema) else { return }
            problem.keep(error)
        }
    }

    /// Waits for the documents' validation; throws the first problem found.
    func checkDocuments() throws(BuildError) {
        validationQueue.sync {}
        if let problem = validationProblem.first { throw problem }
    }

    /// The document is only checked, never read back: validated streaming, without a tree.
    private static func problem(in bytes: [UInt8], name: String, against schema: XMLSchema) -> BuildError? {
        let violations = schema.violations(inBytes: bytes, name: name)
        return violations.isEmpty ? nil : .invalidDocument(name: name, problems: violations.map(\.description))
    }
}

/// The first problem found by background work, shared with it.
private final class FirstProblem: Sendable {
    private let problem = Mutex<BuildError?>(nil)

    func keep(_ error: BuildError) {
        problem.withLock { if $0 == nil { $0 = error } }
    }

    var first: BuildError? { problem.withLock { $0 } }
}
