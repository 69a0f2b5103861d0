internal import FileIO
public import Foundation
internal import SystemPackage
internal import XMLKit
internal import ZipKit

/// Adds an event to a bundle's delivery record: checks it, attaches its proofs under
/// `data/delivery/`, and rewrites the bundle atomically (`BundleRewriter`) —
/// `manifest.xml`, and so the seal, byte for byte the same; every entry it does not own
/// copied as stored; the BagIt files brought up to date.
///
/// The bundle is locked first (`BundleReplacement`): a read-only bundle is refused before
/// any work, and two runs on one bundle take turns, so no event is lost. A symbolic link
/// is followed: the file it leads to is rewritten, keeping its permissions, owner and group.
public struct DeliveryRecorder: Sendable {
    public var schemas: URL
    /// The date after which no event may be recorded.
    public var today: CalendarDate
    /// Told what the user should know about the rewrite (a hard-linked bundle).
    public var notice: (@Sendable (String) -> Void)?
    /// Told what may be wrong in what is recorded (a carrier that is not the claim's country's post).
    public var warning: (@Sendable (String) -> Void)?
    /// How long to wait for another run that holds the bundle.
    public var lockTimeout: Duration = .seconds(30)

    /// The largest proof file, read into memory once to be hashed and archived.
    public static let maximumProofBytes = 256 << 20

    public init(schemas: URL, today: CalendarDate = .today(), notice: (@Sendable (String) -> Void)? = nil,
                warning: (@Sendable (String) -> Void)? = nil) {
        self.schemas = schemas
        self.today = today
        self.notice = notice
        self.warning = warning
    }

    /// Records `request` in the bundle at `url`; returns the bundle as rewritten (its
    /// report made from the verification that opened it and what was written).
    public func record(_ request: DeliveryRequest, in url: URL) throws(DeliveryError) -> OpenedBundle {
        let (replacement, bundle) = try lockAndOpen(request, at: url)
        let (event, proofs) = try event(for: request, in: bundle)
        var record = bundle.record
        record.events.append(event)
        let updated: OpenedBundle
        do {
            updated = try BundleRewriter(schemas: schemas).rewrite(bundle, record: record, newPayload: proofs,
                                                                   replacement: replacement)
        } catch {
            throw .write(error)
        }
        replacement.notes.forEach { notice?($0) }
        return updated
    }

    /// Checks `request`'s text and locks and opens the bundle at `url` (it verifies).
    func lockAndOpen(_ request: DeliveryRequest, at url: URL) throws(DeliveryError) -> (BundleReplacement, OpenedBundle) {
        if let problem = request.textProblem { throw .text(problem) }
        do {
            return try BundleReplacement.lockAndOpen(url, schemas: schemas, timeout: lockTimeout)
        } catch {
            switch error {
            case .bundle(let problem): throw .bundle(problem)
            case .lock(let problem): throw .write(problem)
            }
        }
    }

    /// The event `request` adds to `bundle`'s record, checked against the events before it,
    /// and its proofs as they will be stored; nothing is written (`deliver --timestamp`
    /// adds a token to the same rewrite).
    func event(for request: DeliveryRequest, in bundle: OpenedBundle) throws(DeliveryError)
        -> (event: DeliveryEvent, proofs: [(file: PayloadFile, bytes: [UInt8])]) {
        try DeliveryRules.check(request.kind, at: request.at, after: bundle.record.events,
                                claimDate: bundle.claim.date, today: today)
        var tracking: TrackingNumber?
        if let number = request.tracking {
            do { tracking = try TrackingNumber(number, carrier: request.carrier) } catch { throw .tracking(error) }
        }
        if let tracking, request.carrier == nil, let country = tracking.carrier.country, country != bundle.claim.jurisdiction {
            // Inferred from the number's format alone (14 digits are Russian Post's): say so
            // when that is not the post of the claim's country.
            let post = TrackingNumber.Carrier.post(of: bundle.claim.jurisdiction)
            warning?("\(tracking.value) has the format of a \(tracking.carrier.name) number, so the dispatch is recorded as carried by \(tracking.carrier.name) (\(tracking.carrier.rawValue)), but \(bundle.claim.id) is a \(bundle.claim.jurisdiction.rawValue) claim, whose post is \(post.name); if \(tracking.carrier.name) did not carry it, give the carrier with --carrier (\(post.rawValue), or other for a number claimpack cannot check)")
        }
        let eventNumber = bundle.record.events.count + 1
        let proofs = try readProofs(request.proofs, eventNumber: eventNumber, kind: request.kind,
                                    taken: Set(bundle.report.contents.keys))
        let event = DeliveryEvent(
            kind: request.kind, at: request.at,
            method: request.kind == .sent ? bundle.claim.delivery.method : nil,
            carrier: tracking?.carrier ?? request.carrier, tracking: tracking?.value,
            proofs: proofs.map(\.file), note: request.note)
        return (event, proofs)
    }

    private func readProofs(_ files: [URL], eventNumber: Int, kind: DeliveryEvent.Kind,
                            taken: Set<String>) throws(DeliveryError) -> [(file: PayloadFile, bytes: [UInt8])] {
        var used = taken
        var result: [(PayloadFile, [UInt8])] = []
        for file in files {
            let bytes = try DeliveryRecorder.readProof(file)
            let prefix = (eventNumber < 10 ? "0" : "") + "\(eventNumber)-\(kind.rawValue)-"
            let named = prefix + DeliveryRecorder.safeName(file.lastPathComponent)
            let portable = PortableName.portable(component: named)
            if portable != named {
                notice?("\(file.lastPathComponent) is attached as \(portable): Windows cannot hold the name as it was (docs/diagnostics.md, C050)")
            }
            var path = BundleLayout.deliveryFolder + portable
            if used.contains(path) {
                // A second proof of the same name keeps its extension: квитанция-2.jpg.
                let dot = portable.lastIndex(of: ".").flatMap { $0 == portable.startIndex ? nil : $0 }
                let stem = dot.map { String(portable[..<$0]) } ?? portable
                let suffix = dot.map { String(portable[$0...]) } ?? ""
                var counter = 2
                while used.contains(BundleLayout.deliveryFolder + "\(stem)-\(counter)\(suffix)") { counter += 1 }
                path = BundleLayout.deliveryFolder + "\(stem)-\(counter)\(suffix)"
            }
            used.insert(path)
            result.append((PayloadFile(path: path, size: UInt64(bytes.count), sha256: SHA256Digest(of: bytes)), bytes))
        }
        return result
    }

    /// The bytes of the proof file `file`: opened without blocking (a pipe or a device is
    /// refused at once, never waited on), checked on the open descriptor to be a regular
    /// file within the size limit, and read from that descriptor — what was checked is
    /// what is read, whatever the path names meanwhile.
    static func readProof(_ file: URL) throws(DeliveryError) -> [UInt8] {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(FilePath(file.path), .readOnly, options: [.nonBlocking, .closeOnExec])
        } catch {
            throw .proof(path: file.path, reason: "cannot be read (\(error))")
        }
        defer { try? descriptor.close() }
        guard let status = try? descriptor.stat(), status.type == .regular else {
            throw .proof(path: file.path, reason: "not a regular file (a pipe, a device or a folder); give the scan or photo itself")
        }
        guard status.size <= maximumProofBytes else {
            throw .proof(path: file.path, reason: "larger than \(maximumProofBytes >> 20) MiB; attach a smaller scan")
        }
        try? descriptor.makeBlocking()
        // One byte more than the size, to see a file that grows while it is read.
        var bytes = [UInt8](repeating: 0, count: Int(status.size) + 1)
        var filled = 0
        while filled < bytes.count {
            let count: Int
            do {
                count = try bytes.withUnsafeMutableBytes { try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            } catch {
                throw .proof(path: file.path, reason: "cannot be read (\(error))")
            }
            if count == 0 { break }
            filled += count
        }
        guard filled == Int(status.size) else {
            throw .proof(path: file.path, reason: "changed while it was read; wait until it is complete and try again")
        }
        bytes.removeLast()
        return bytes
    }

    /// A file name safe in any archive and file system: NFC, no separators or control
    /// characters, no leading dot.
    static func safeName(_ name: String) -> String {
        var safe = ""
        for scalar in name.nfc.unicodeScalars {
            let bad = scalar == "/" || scalar == "\\" || scalar == ":" || scalar.properties.generalCategory == .control
            safe.unicodeScalars.append(bad ? "-" : scalar)
        }
        while safe.hasPrefix(".") { safe.removeFirst() }
        return safe.isEmpty ? "proof" : String(safe.prefix(120))
    }
}
