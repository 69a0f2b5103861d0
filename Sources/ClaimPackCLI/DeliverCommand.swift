internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack deliver BUNDLE EVENT --date D …`: records dispatch, delivery, return or answer.
struct DeliverCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Add an event to a bundle's delivery record: sent, delivered, returned or answered.",
        discussion: """
            The bundle is verified first and rewritten atomically; its seal does not change. \
            Proof files go to data/delivery/. A returned (unclaimed) letter counts as delivered on that date (ГК РФ ст. 165.1). \
            A symbolic link is followed (the file it leads to is rewritten, with its permissions, owner and group). \
            --timestamp URL has the record stamped in the same step: the event and the authority's token for the record up to it \
            are written together or not at all (docs/timestamps.md). \
            Exit status: 0 recorded; 1 refused (out of order, bad date or tracking number, bundle does not verify, the token does not prove the record); \
            66 a file cannot be read; 69 (--timestamp) the authority cannot be reached or answered something else than a time stamp, nothing recorded; \
            73 the bundle is read-only or cannot be rewritten; 74 an I/O error; 75 another claimpack is using the bundle (try again).
            """
    )

    @Argument(help: "The bundle (.zip).", completion: .file(extensions: ["zip"]))
    var bundle: String

    @Argument(help: "sent, delivered, returned or answered.")
    var event: DeliveryEvent.Kind

    @Option(help: "When it happened: YYYY-MM-DD, YYYY-MM-DDTHH:MM+03:00, today or yesterday.")
    var date: String

    @Option(help: "The tracking number (checked by its check digit).")
    var tracking: String?

    @Option(help: "russian-post, ukrposhta, usps, royal-mail or other (default: from the tracking number).")
    var carrier: TrackingNumber.Carrier?

    @Option(parsing: .upToNextOption, help: "Files proving it: the post's receipt, the signed Form 119 card, the answer.", completion: .file())
    var proof: [String] = []

    @Option(help: "A note to keep with the event.")
    var note: String?

    @Option(help: ArgumentHelp("Have the record up to this event stamped by this time-stamping authority (http:// or https://) in the same step, as timestamp --record does.",
                               valueName: "url"))
    var timestamp: String?
    @OptionGroup var display: DisplayOptions
    @Flag(help: "Print the result as JSON on standard output (see docs/json.md).")
    var json = false

    func validate() throws {
        if event == .prepared { throw ValidationError("\"prepared\" is recorded by build; give sent, delivered, returned or answered") }
        if case .failure(let problem) = DeliveryDate.parse(date, today: .today()) {
            throw ValidationError(problem.description.terminalEscaped)
        }
        if let timestamp, !(timestamp.lowercased().hasPrefix("http://") || timestamp.lowercased().hasPrefix("https://")) {
            throw ValidationError("--timestamp takes an http:// or https:// URL, not \"\(timestamp.terminalEscaped)\"")
        }
        if let note, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--note is empty") }
        if case .success(let at) = DeliveryDate.parse(date, today: .today()),
           let problem = DeliveryRequest(kind: event, at: at, tracking: tracking, note: note).textProblem {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        let resources = try Resources.locate()
        guard case .success(let at) = DeliveryDate.parse(date, today: .today()) else { throw ExitCode.usage }
        if DeliveryDate.isWord(date) { Console.message("claimpack: note: --date \(date) is \(at)") }
        let request = DeliveryRequest(kind: event, at: at, tracking: tracking, carrier: carrier,
                                      proofs: proof.map { URL(fileURLWithPath: $0) }, note: note)
        SignalCleanup.install()
        let recorder = DeliveryRecorder(schemas: resources.schemas, notice: { Console.message("claimpack: note: \($0)") },
                                        warning: { Console.message("claimpack: warning: \($0)") })
        if let timestamp { return try recordStamped(request, recorder: recorder, resources: resources, authority: timestamp) }
        do throws(DeliveryError) {
            let updated = try recorder.record(request, in: URL(fileURLWithPath: bundle))
            if json, let recorded = updated.record.events.last {
                JSONReport.write(DeliverSummary(bundle: bundle, event: StatusSummary.Event(recorded), seal: updated.seal.hex))
                return
            }
            Console.result("recorded: \(event.rawValue) \(request.at) in \(bundle)")
            Console.result("seal: \(updated.seal.hex) (unchanged)")
        } catch {
            if case .bundle(let refusal) = error { BundleLoader.report(refusal) } else { Console.error(error.description) }
            throw ExitCode(error.exitStatus)
        }
    }

    /// `--timestamp`: the event and a token for the record up to it, in one rewrite.
    private func recordStamped(_ request: DeliveryRequest, recorder: DeliveryRecorder, resources: ResourceLocation, authority: String) throws {
        let stamper = BundleTimestamper(schemas: resources.schemas, notice: { Console.message("claimpack: note: \($0)") })
        do throws(TimestampingError) {
            let result = try stamper.record(request, with: recorder, in: URL(fileURLWithPath: bundle), authority: authority)
            if json, let recorded = result.bundle.record.events.last(where: { $0.kind == event }) {
                JSONReport.write(DeliverSummary(bundle: bundle, event: StatusSummary.Event(recorded), seal: result.bundle.seal.hex))
                return
            }
            Console.result("recorded: \(event.rawValue) \(request.at) in \(bundle)")
            if let token = result.event.token {
                Console.result("stamped: the delivery record up to event \(result.bundle.record.events.count - 1) existed no later than \(result.event.at), by \(token.authority)")
                Console.result("token: \(token.file.path) (SHA-256 \(token.file.sha256.hex))")
            }
            Console.result("seal: \(result.bundle.seal.hex) (unchanged)")
        } catch {
            if case .bundle(let refusal) = error { BundleLoader.report(refusal) } else { Console.error(error.description) }
            switch error {
            case .authority, .refused:
                Console.message("claimpack: note: nothing was recorded; try again, or record the event without --timestamp and stamp it afterwards: claimpack timestamp \(bundle.terminalEscaped) --tsa URL --record")
            default: break
            }
            throw ExitCode(error.exitStatus)
        }
    }
}

/// The `deliver --json` object.
struct DeliverSummary: Encodable {
    let bundle: String
    /// The event recorded, as in `status --json`'s `events`.
    let event: StatusSummary.Event
    /// The seal, unchanged.
    let seal: String
}
