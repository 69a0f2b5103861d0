internal import Foundation
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

    /// Evidence bundled so far, by bag path.
    private(set) var payload: [String: PayloadFile] = [:]
    /// Tag files written so far, by name.
    private var tagDigests: [String: SHA256Digest] = [:]
    private(set) var seal: SHA256Digest?
    private var bytesDone: UInt64 = 0

    /// The DOS timestamp of every entry: the claim's date at midnight.
    let timestamp: DOSTimestamp

    init(claim: Claim, files: [EvidenceFile], folder: URL, software: String,
         progress: (@Sendable (UInt64, UInt64) -> Void)?, manifestSchema: XMLSchema, deliverySchema: XMLSchema) {
        self.claim = claim
        self.files = files
        self.folder = folder
        self.software = software
        self.progress = progress
        self.manifestSchema = manifestSchema
        self.deliverySchema = deliverySchema
        timestamp = DOSTimestamp(year: claim.date.year, month: claim.date.month, day: claim.date.day)
    }

    var payloadInOrder: [PayloadFile] {
        files.compactMap { payload[BagLayout.payloadPath(for: $0.path)] }
    }

    func addEntries(to writer: ZipArchiveWriter) throws {
        let root = claim.id + "/"
        let declaration = Array(BagLayout.declarationText.utf8)
        try addTag(BagLayout.declaration, to: writer, draft: declaration) { declaration }
        let total = files.reduce(0) { $0 + $1.size }
        let hasher = PipelinedHasher()
        if files.isEmpty {
            // An empty payload still needs data/ for the bag to be valid once unzipped.
            try writer.add(root + "data/", bytes: [], compression: .store, timestamp: timestamp)
        }
        for file in files {
            let bagPath = BagLayout.payloadPath(for: file.path)
            let url = folder.appendingPathComponent(file.diskPath)
            let content = HashingFileContent(
                url: url, displayPath: file.diskPath, expectedSize: file.size, hasher: hasher,
                progress: { [weak self] count in
                    guard let self else { return }
                    bytesDone += count
                    progress?(bytesDone, total)
                },
                completion: { [weak self] size, digest in
                    self?.payload[bagPath] = PayloadFile(path: bagPath, size: size, sha256: digest)
                })
            try writer.add(root + bagPath, content: content,
                           compression: CompressionPolicy.compression(for: url, name: file.path), timestamp: timestamp)
        }

        // The tag files are made only when libzip reaches them, after the payload. Their
        // compression must be chosen before: it is chosen on a draft with the same layout
        // and stand-in digests (random-looking, as real ones are).
        let draftPayload = Dictionary(uniqueKeysWithValues: files.map { file in
            let path = BagLayout.payloadPath(for: file.path)
            return (path, PayloadFile(path: path, size: file.size, sha256: Self.standIn(path)))
        })
        let draftSeal = Self.standIn("seal")
        try addTag(BagLayout.payloadManifest, to: writer,
                   draft: manifestSHA256(draftPayload.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })) { [unowned self] in
            manifestSHA256(payloadInOrder)
        }
        try addTag(ManifestDocument.fileName, to: writer,
                   draft: try ManifestDocument.bytes(for: claim, payload: draftPayload)) { [unowned self] in
            let bytes = try ManifestDocument.bytes(for: claim, payload: payload)
            try validate(bytes, name: ManifestDocument.fileName, against: manifestSchema)
            seal = SHA256Digest(of: bytes)
            return bytes
        }
        try addTag(DeliveryRecordDocument.fileName, to: writer,
                   draft: try DeliveryRecordDocument.initialBytes(for: claim, seal: draftSeal)) { [unowned self] in
            let bytes = try DeliveryRecordDocument.initialBytes(for: claim, seal: try currentSeal())
            try validate(bytes, name: DeliveryRecordDocument.fileName, against: deliverySchema)
            return bytes
        }
        try addTag(BagLayout.bagInfo, to: writer, draft: bagInfo(total, files.count, draftSeal)) { [unowned self] in
            let files = payloadInOrder
            return bagInfo(files.reduce(0) { $0 + $1.size }, files.count, try currentSeal())
        }
        let draftTags = BagLayout.listedTagFiles.map { ($0, Self.standIn($0)) }
        try addTag(BagLayout.tagManifest, to: writer, draft: Array(BagLayout.manifestText(draftTags).utf8)) { [unowned self] in
            Array(BagLayout.manifestText(BagLayout.listedTagFiles.compactMap { name in tagDigests[name].map { (name, $0) } }).utf8)
        }
    }

    /// A tag file made when libzip reaches it; its digest is kept for the tag manifest.
    /// It is deflated when deflate shrinks `draft`.
    private func addTag(_ name: String, to writer: ZipArchiveWriter, draft: [UInt8], _ make: @escaping () throws -> [UInt8]) throws {
        try writer.add(claim.id + "/" + name, content: ZipDeferredContent { [unowned self] in
            let bytes = try make()
            tagDigests[name] = SHA256Digest(of: bytes)
            return bytes
        }, compression: CompressionPolicy.compression(for: draft), timestamp: timestamp)
    }

    private func manifestSHA256(_ files: [PayloadFile]) -> [UInt8] {
        Array(BagLayout.manifestText(files.map { ($0.path, $0.sha256) }).utf8)
    }

    private func bagInfo(_ bytes: UInt64, _ count: Int, _ seal: SHA256Digest) -> [UInt8] {
        Array(BagLayout.bagInfoText(claim: claim, payloadBytes: bytes, payloadCount: count, seal: seal, software: software).utf8)
    }

    /// A random-looking digest standing in for one not known yet.
    private static func standIn(_ name: String) -> SHA256Digest { SHA256Digest(of: Array(name.utf8)) }

    private func currentSeal() throws -> SHA256Digest {
        guard let seal else { throw BuildError.writeFailed(path: ManifestDocument.fileName, reason: "manifest.xml was not written first") }
        return seal
    }

    private func validate(_ bytes: [UInt8], name: String, against schema: XMLSchema) throws {
        do {
            let document = try XMLDocument(parsing: bytes, name: name)
            let violations = schema.violations(in: document)
            if !violations.isEmpty { throw BuildError.invalidDocument(name: name, problems: violations.map(\.description)) }
        } catch let error as XMLError {
            throw BuildError.invalidDocument(name: name, problems: [error.description])
        }
    }
}
