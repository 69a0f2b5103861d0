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

    private let validationQueue = DispatchQueue(label: "claimpack.validation")
    private let validationProblem = FirstProblem()

    /// How many evidence files the drafts of the tag files list: their lines fill more than
    /// the sample `CompressionPolicy` looks at.
    static let draftFileCount = 256

    /// Reads and hashes the evidence while libzip archives it.
    private var pipeline: PayloadPipeline?

    /// Evidence bundled so far, by bag path.
    private(set) var payload: [String: PayloadFile] = [:]
    /// Tag files written so far, by name.
    private var tagDigests: [String: SHA256Digest] = [:]
    private(set) var seal: SHA256Digest?
    /// `manifest.xml`, made as soon as the evidence is hashed, until libzip takes it.
    private var manifestBytes: [UInt8]?
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
        let opener: EvidenceOpener
        do {
            opener = try EvidenceOpener(folder: folder.path)
        } catch {
            throw BuildError.evidenceUnreadable(path: folder.path, reason: "the claim folder cannot be opened")
        }
        let sources = files.map { PayloadPipeline.File(evidence: $0, opener: opener) }
        let bagPaths = files.map { BagLayout.payloadPath(for: $0.path) }
        let pipeline = PayloadPipeline(
            files: sources,
            progress: { [unowned self] count in
                bytesDone += count
                progress?(bytesDone, total)
            },
            completion: { [unowned self] index, size, digest in
                payload[bagPaths[index]] = PayloadFile(path: bagPaths[index], size: size, sha256: digest)
            })
        self.pipeline = pipeline
        if files.isEmpty {
            // An empty payload still needs data/ for the bag to be valid once unzipped.
            try writer.add(root + "data/", bytes: [], compression: .store, timestamp: timestamp)
        }
        let compressions = CompressionPolicy.compressions(for: zip(sources, files).map { ($0, $1.path) })
        for index in files.indices {
            try writer.add(root + bagPaths[index], content: HashingFileContent(index: index, expectedSize: files[index].size, pipeline: pipeline),
                           compression: compressions[index], timestamp: timestamp)
        }

        // The tag files are made only when libzip reaches them, after the payload. Their
        // compression must be chosen before: it is chosen on the start of a draft with the
        // same layout and stand-in digests (random-looking, as real ones are), made from
        // the first files only: enough for the sample the choice looks at.
        let draftPayload = Dictionary(uniqueKeysWithValues: files.prefix(BundleAssembly.draftFileCount).map { file in
            let path = BagLayout.payloadPath(for: file.path)
            return (path, PayloadFile(path: path, size: file.size, sha256: Self.standIn(path)))
        })
        let draftSeal = Self.standIn("seal")
        try addTag(BagLayout.payloadManifest, to: writer,
                   draft: manifestSHA256(draftPayload.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })) { [unowned self] in
            try pipeline.finish()
            // manifest.xml is made now, with every digest known, so that the second core
            // validates it while libzip deflates this file and the next.
            let manifest = try ManifestDocument.bytes(for: claim, payload: payload)
            validateInBackground(manifest, name: ManifestDocument.fileName, against: manifestSchema)
            manifestBytes = manifest
            seal = SHA256Digest(of: manifest)
            return manifestSHA256(payloadInOrder)
        }
        try addTag(ManifestDocument.fileName, to: writer,
                   draft: try ManifestDocument.bytes(for: claim, payload: draftPayload)) { [unowned self] in
            guard let manifestBytes else { throw BuildError.writeFailed(path: ManifestDocument.fileName, reason: "made before the evidence was read") }
            self.manifestBytes = nil
            return manifestBytes
        }
        try addTag(DeliveryRecordDocument.fileName, to: writer,
                   draft: try DeliveryRecordDocument.initialBytes(for: claim, seal: draftSeal)) { [unowned self] in
            let bytes = try DeliveryRecordDocument.initialBytes(for: claim, seal: try currentSeal())
            validateInBackground(bytes, name: DeliveryRecordDocument.fileName, against: deliverySchema)
            return bytes
        }
        try addTag(BagLayout.bagInfo, to: writer, draft: bagInfo(total, files.count, draftSeal)) { [unowned self] in
            let files = payloadInOrder
            return bagInfo(files.reduce(0) { $0 + $1.size }, files.count, try currentSeal())
        }
        let draftTags = BagLayout.listedTagFiles.map { ($0, Self.standIn($0)) }
        try addTag(BagLayout.tagManifest, to: writer, draft: BagLayout.manifestBytes(draftTags)) { [unowned self] in
            BagLayout.manifestBytes(BagLayout.listedTagFiles.compactMap { name in tagDigests[name].map { (name, $0) } })
        }
    }

    /// Stops the evidence reader: once the archive is written or abandoned.
    func stopReading() {
        pipeline?.stop()
        pipeline = nil
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
        BagLayout.manifestBytes(files.map { ($0.path, $0.sha256) })
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
