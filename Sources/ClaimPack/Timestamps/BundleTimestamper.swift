public import Foundation
internal import TimestampKit

/// Has a bundle's seal stamped by an RFC 3161 time-stamping authority and stores the token:
/// under `data/timestamps/NN-HOST.tsr` (the whole DER TimeStampResp), recorded as a
/// `timestamped` event of `delivery.xml` at the token's time. The seal never changes.
///
/// The bundle is locked, verified and rewritten as `deliver` does (`BundleRewriter`): every
/// entry it does not own copied as stored, atomically. A token is stored only when it
/// proves the seal: status granted, SHA-256 imprint equal to the seal, the request's nonce
/// echoed (when claimpack sent the request), the signature valid for the certificate in
/// the token, whose extended key usage is timeStamping (critical), which was valid at the
/// token's time and is the authority the token names. Its chain to a root is not checked
/// here.
public struct BundleTimestamper: Sendable {
    public var schemas: URL
    /// How long to wait for another run that holds the bundle.
    public var lockTimeout: Duration = .seconds(30)
    /// Told what the user should know about the rewrite (a hard-linked bundle).
    public var notice: (@Sendable (String) -> Void)?

    public init(schemas: URL, notice: (@Sendable (String) -> Void)? = nil) {
        self.schemas = schemas
        self.notice = notice
    }

    /// Asks the authority at `authority` (an http or https URL) to stamp the seal (or the
    /// record's chain head) of the bundle at `url`, checks the answer and stores it.
    public func stamp(_ url: URL, authority: String, subject: DeliveryEvent.Token.Subject = .seal) throws(TimestampingError) -> TimestampResult {
        let (replacement, bundle) = try open(url)
        let digest = try BundleTimestamper.digest(of: subject, in: bundle)
        let token = try fetchToken(for: digest, from: authority, subject: subject)
        return try store(token, of: subject, digest: digest, in: bundle, replacement: replacement,
                         name: BundleTimestamper.host(of: authority), nonceChecked: true)
    }

    /// Records `request` as `recorder` does and, in the same rewrite, a token of the
    /// authority at `authority` for the record's new chain head (the hash of that event),
    /// as `stamp(_:authority:subject: .record)` would right after (`deliver --timestamp`).
    ///
    /// The authority is asked after the event is checked and before anything is written:
    /// when it cannot be reached or its answer is refused, nothing is recorded (the bundle
    /// is left as it was) and the error says why. The bundle stays locked meanwhile (the
    /// client's timeouts bound it: 30 s).
    public func record(_ request: DeliveryRequest, with recorder: DeliveryRecorder, in url: URL,
                       authority: String) throws(TimestampingError) -> TimestampResult {
        let replacement: BundleReplacement, bundle: OpenedBundle
        let event: DeliveryEvent, proofs: [(file: PayloadFile, bytes: [UInt8])]
        do {
            (replacement, bundle) = try recorder.lockAndOpen(request, at: url)
            (event, proofs) = try recorder.event(for: request, in: bundle)
        } catch {
            switch error {
            case .bundle(let problem): throw .bundle(problem)
            case .write(let problem): throw .write(problem)
            default: throw .record(error)
            }
        }
        var record = bundle.record
        record.events.append(event)
        let digest = try BundleTimestamper.chainHead(of: record)
        let token = try fetchToken(for: digest, from: authority, subject: .record)
        return try store(token, of: .record, digest: digest, in: bundle, after: record, with: proofs, replacement: replacement,
                         name: BundleTimestamper.host(of: authority), nonceChecked: true)
    }

    /// The DER TimeStampReq for the seal (or the record's chain head) of the bundle at
    /// `url` (SHA-256, a random nonce, `certReq`), for a person who sends it another way.
    public func request(for url: URL, subject: DeliveryEvent.Token.Subject = .seal) throws(TimestampingError) -> [UInt8] {
        let bundle: OpenedBundle
        do { bundle = try OpenedBundle.open(url, verifier: BundleVerifier(schemas: schemas)) } catch { throw .bundle(error) }
        return try makeRequest(for: BundleTimestamper.digest(of: subject, in: bundle)).der
    }

    /// Checks an answer obtained elsewhere (the file `file`, at most 1 MiB) and stores it.
    /// Its nonce cannot be checked: claimpack did not keep the request.
    public func store(responseAt file: URL, in url: URL, subject: DeliveryEvent.Token.Subject = .seal) throws(TimestampingError) -> TimestampResult {
        let source = file.path
        guard let status = FileStatus(path: source), status.kind == .regular else {
            throw .input(path: source, reason: "not a readable regular file")
        }
        guard status.size <= 1 << 20 else { throw .refused("\(source): larger than 1 MiB; a time-stamp answer is a few KiB") }
        guard let data = FileManager.default.contents(atPath: source) else { throw .input(path: source, reason: "cannot be read") }
        let response = [UInt8](data)
        let (replacement, bundle) = try open(url)
        let digest = try BundleTimestamper.digest(of: subject, in: bundle)
        let token: TimestampToken
        do { token = try TimestampVerifier.check(response, digest: digest.bytes) } catch {
            throw .refused("\(source): \(BundleTimestamper.reason(error, subject: subject))")
        }
        return try store(token, of: subject, digest: digest, in: bundle, replacement: replacement, name: nil, nonceChecked: false)
    }

    /// Why a token is refused, naming the record's chain head rather than the seal when it
    /// was the subject.
    static func reason(_ error: TimestampError, subject: DeliveryEvent.Token.Subject) -> String {
        if subject == .record, case .imprintMismatch(let expected, let found) = error {
            return "the token stamps \(found), not the delivery record's chain head \(expected) (an event recorded since the request?)"
        }
        return error.description
    }

    /// The digest a token of `subject` stamps: the seal, or the hash of the record's last event.
    static func digest(of subject: DeliveryEvent.Token.Subject, in bundle: OpenedBundle) throws(TimestampingError) -> SHA256Digest {
        switch subject {
        case .seal: bundle.seal
        case .record: try chainHead(of: bundle.record)
        }
    }

    /// The hash of the last event of `record`, which covers every event before it.
    static func chainHead(of record: DeliveryRecord) throws(TimestampingError) -> SHA256Digest {
        guard let head = try? DeliveryRecordDocument.bytes(for: record).hashes.last else {
            throw .refused("the delivery record's chain head cannot be computed; please report this claimpack bug")
        }
        return head
    }

    /// Asks the authority at `authority` to stamp `digest` and checks its answer: the token,
    /// or why there is none (`.authority` when it cannot be used, `.refused` when the answer
    /// does not prove `digest`).
    private func fetchToken(for digest: SHA256Digest, from authority: String,
                            subject: DeliveryEvent.Token.Subject) throws(TimestampingError) -> TimestampToken {
        let request = try makeRequest(for: digest)
        let response: [UInt8]
        do { response = try TimestampClient().post(request, to: authority) } catch { throw .authority(error.description) }
        do { return try TimestampVerifier.check(response, answering: request) } catch {
            throw .refused("\(authority): \(BundleTimestamper.reason(error, subject: subject))")
        }
    }

    /// The host of an authority's URL, which names its tokens' files.
    private static func host(of authority: String) -> String? { URLComponents(string: authority)?.host }

    private func open(_ url: URL) throws(TimestampingError) -> (BundleReplacement, OpenedBundle) {
        do {
            return try BundleReplacement.lockAndOpen(url, schemas: schemas, timeout: lockTimeout)
        } catch {
            switch error {
            case .bundle(let problem): throw .bundle(problem)
            case .lock(let problem): throw .write(problem)
            }
        }
    }

    private func makeRequest(for seal: SHA256Digest) throws(TimestampingError) -> TimestampRequest {
        do { return try TimestampRequest(sha256: seal.bytes) } catch { throw .refused(error.description) }
    }

    /// Adds `token` (for `subject`, stamping `digest`) to `bundle` as
    /// `data/timestamps/NN-NAME.tsr` and a `timestamped` event after the events of `record`
    /// (the bundle's own by default), writing `payload` (an event's proofs) with it.
    private func store(_ token: TimestampToken, of subject: DeliveryEvent.Token.Subject, digest: SHA256Digest, in bundle: OpenedBundle,
                       after record: DeliveryRecord? = nil, with payload: [(file: PayloadFile, bytes: [UInt8])] = [],
                       replacement: BundleReplacement, name: String?, nonceChecked: Bool) throws(TimestampingError) -> TimestampResult {
        var record = record ?? bundle.record
        do { try DeliveryRules.checkTimestamp(after: record.events) } catch { throw .record(error) }
        guard case .success(let at) = EventTime.parse(token.time.description) else {
            throw .refused("the token's time \(token.time) cannot be read")
        }
        let number = record.events.count + 1
        let path = BundleTimestamper.tokenPath(number: number, name: name ?? BundleTimestamper.commonName(of: token.authority),
                                               taken: Set(bundle.report.contents.keys).union(payload.map(\.file.path)))
        let file = PayloadFile(path: path, size: UInt64(token.response.count), sha256: SHA256Digest(of: token.response))
        let event = DeliveryEvent(kind: .timestamped, at: at,
                                  token: .init(file: file, authority: token.authority, serial: token.serial, subject: subject, imprint: digest))
        record.events.append(event)
        let updated: OpenedBundle
        do {
            updated = try BundleRewriter(schemas: schemas).rewrite(bundle, record: record, newPayload: payload + [(file, token.response)],
                                                                   replacement: replacement)
        } catch {
            throw .write(error)
        }
        replacement.notes.forEach { notice?($0) }
        return TimestampResult(bundle: updated, event: event, nonceChecked: nonceChecked)
    }

    /// `data/timestamps/NN-NAME.tsr`, NN the event's number; a suffix when taken.
    static func tokenPath(number: Int, name: String, taken: Set<String>) -> String {
        let stem = BundleLayout.timestampFolder + (number < 10 ? "0" : "") + "\(number)-" + DeliveryRecorder.safeName(name)
        var path = stem + ".tsr"
        var counter = 2
        while taken.contains(path) {
            path = "\(stem)-\(counter).tsr"
            counter += 1
        }
        return path
    }

    /// The `CN=` value of an RFC 2253 name, lowercased with dashes; "authority" when none.
    static func commonName(of name: String) -> String {
        guard let part = name.split(separator: ",").first(where: { $0.hasPrefix("CN=") }) else { return "authority" }
        let slug = part.dropFirst(3).lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return slug.isEmpty ? "authority" : slug
    }
}
