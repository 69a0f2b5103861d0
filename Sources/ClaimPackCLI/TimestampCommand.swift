internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack timestamp BUNDLE --tsa URL | --request FILE | --response FILE`: has the seal
/// stamped by an RFC 3161 time-stamping authority and stores the token in the bundle.
struct TimestampCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "timestamp",
        abstract: "Have the seal stamped by a time-stamping authority (RFC 3161) and keep the token in the bundle.",
        discussion: """
            The token is checked (granted, stamps this seal, answers this request, signature valid, a time-stamping certificate), \
            stored as data/timestamps/NN-HOST.tsr and recorded as a "timestamped" event in delivery.xml; the seal does not change. \
            --request writes the request only (send it yourself: curl -H 'Content-Type: application/timestamp-query' --data-binary @FILE URL -o answer.tsr); \
            --response stores such an answer (its nonce cannot be checked then). \
            --record stamps the delivery record's chain head (the hash of its last event) instead of the seal, fixing every event up to it in time. See docs/timestamps.md. \
            Exit status: 0 stored (or request written); 1 refused (the token does not prove this seal, or the bundle does not verify); \
            64 bad usage; 66 a file cannot be read; 69 the authority cannot be reached or answered something else than a time stamp; \
            73 the bundle is read-only or a file cannot be written; 74 an I/O error; 75 another claimpack is using the bundle (try again).
            """
    )

    @Argument(help: "The bundle (.zip).", completion: .file(extensions: ["zip"]))
    var bundle: String

    @Option(help: "The authority's URL (http:// or https://), e.g. one from docs/timestamps.md.")
    var tsa: String?

    @Option(help: "Write the time-stamp request (.tsq) to this file instead of sending it.", completion: .file(extensions: ["tsq"]))
    var request: String?

    @Option(help: "Check and store this answer (.tsr) to a request made with --request.", completion: .file(extensions: ["tsr"]))
    var response: String?

    @Flag(help: "Stamp the delivery record's last event (its chain head, so every event up to it) instead of the seal.")
    var record = false

    @OptionGroup var display: DisplayOptions
    @Flag(help: "Print the result as JSON on standard output (see docs/json.md).")
    var json = false

    func validate() throws {
        guard [tsa, request, response].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give one of --tsa URL, --request FILE or --response FILE")
        }
        if let tsa, !(tsa.lowercased().hasPrefix("http://") || tsa.lowercased().hasPrefix("https://")) {
            throw ValidationError("--tsa takes an http:// or https:// URL, not \"\(tsa)\"")
        }
    }

    private var subject: DeliveryEvent.Token.Subject { record ? .record : .seal }

    func run() throws {
        let resources = try Resources.locate()
        let url = URL(fileURLWithPath: bundle)
        let stamper = BundleTimestamper(schemas: resources.schemas, notice: { Console.message("claimpack: note: \($0)") })
        SignalCleanup.install()
        do throws(TimestampingError) {
            if let request {
                let bytes = try stamper.request(for: url, subject: subject)
                do { try AtomicFile.write(bytes, to: URL(fileURLWithPath: request), replacing: false) } catch {
                    throw TimestampingError.output(path: request, reason: "\(error)")
                }
                if json {
                    Console.message("claimpack: note: send it with curl -H 'Content-Type: application/timestamp-query' --data-binary @\(request) URL -o answer.tsr, then: claimpack timestamp \(bundle) --response answer.tsr")
                    JSONReport.write(TimestampSummary(bundle: bundle, request: request))
                    return
                }
                Console.result("request written: \(request)")
                Console.message("claimpack: note: send it with curl -H 'Content-Type: application/timestamp-query' --data-binary \(Console.quoted("@" + request)) URL -o answer.tsr, then: claimpack timestamp \(Console.quoted(bundle)) --response answer.tsr")
                return
            }
            let result: TimestampResult
            if let response {
                result = try stamper.store(responseAt: URL(fileURLWithPath: response), in: url, subject: subject)
            } else {
                result = try stamper.stamp(url, authority: tsa ?? "", subject: subject)
            }
            if !result.nonceChecked {
                Console.message("claimpack: note: the answer's nonce was not checked: it answers a request claimpack did not send itself")
            }
            if json {
                JSONReport.write(TimestampSummary(bundle: bundle, result: result))
                return
            }
            if let token = result.event.token {
                let what = token.subject == .record ? "the delivery record up to event \(result.bundle.record.events.count - 1) " : ""
                Console.result("stamped: \(what)existed no later than \(result.event.at), by \(token.authority)")
                Console.result("token: \(token.file.path) (SHA-256 \(token.file.sha256.hex))")
            }
            Console.result("seal: \(result.bundle.seal.hex) (unchanged)")
        } catch {
            if case .bundle(let refusal) = error { BundleLoader.report(refusal) } else { Console.error(error.description) }
            throw ExitCode(error.exitStatus)
        }
    }
}

/// The `timestamp --json` object.
struct TimestampSummary: Encodable {
    /// The token stored.
    struct Token: Encodable {
        /// Its file inside the bundle's folder, and that file's SHA-256.
        let path: String
        let sha256: String
        /// The time the authority vouches for (UTC, ISO 8601), and the authority.
        let time: String
        let authority: String
        let serial: String
        /// `seal` or `record`.
        let stamps: String
        /// For `record`: the events 1 to this number are anchored; else `null`.
        @NullEncoded var anchoredEvents: Int?
    }

    let bundle: String
    /// With `--request`: the request file written (then `token`, `seal` and `nonceChecked` are `null`).
    @NullEncoded var request: String?
    @NullEncoded var token: Token?
    /// The seal, unchanged.
    @NullEncoded var seal: String?
    /// Whether the answer's nonce was compared with the request's (`false` with `--response`).
    @NullEncoded var nonceChecked: Bool?

    init(bundle: String, request: String) {
        self.bundle = bundle
        self.request = request
    }

    init(bundle: String, result: TimestampResult) {
        self.bundle = bundle
        token = result.event.token.map {
            Token(path: $0.file.path, sha256: $0.file.sha256.hex, time: result.event.at.description, authority: $0.authority,
                  serial: $0.serial, stamps: $0.subject.rawValue,
                  anchoredEvents: $0.subject == .record ? result.bundle.record.events.count - 1 : nil)
        }
        seal = result.bundle.seal.hex
        nonceChecked = result.nonceChecked
    }
}
