internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack list BUNDLE`: what a verified bundle holds.
struct ListCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List what a bundle holds: the evidence, the delivery proofs and any other payload.",
        discussion: "The bundle is verified first; one that does not verify is refused with its findings. Each file is shown with its size, the start of its SHA-256 and its path in the bag. Exit status: 0 listed; 1 the bundle does not verify (a re-packed ZIP or an extracted folder whose content is intact is accepted, with a note); 66 it cannot be read."
    )

    @Argument(help: "The bundle (.zip), or its extracted folder (the one holding bagit.txt, or the one unzip made around it).", completion: .file(extensions: ["zip"]))
    var bundle: String

    @Flag(help: "Print the listing as JSON on standard output (see docs/json.md).")
    var json = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let resources = try Resources.locate()
        let listing = BundleListing(try BundleLoader.open(bundle, schemas: resources.schemas, readOnly: true))
        if json {
            JSONReport.write(ListingSummary(listing, path: bundle))
            return
        }
        Console.result("bundle: \(bundle)")
        Console.result("id: \(listing.bundleID)")
        Console.result("seal: \(listing.seal.hex)")
        Console.result("evidence: \(Self.count(listing.evidence))")
        let idWidth = listing.evidence.map { $0.id?.count ?? 0 }.max() ?? 0
        let kindWidth = listing.evidence.map { $0.kind?.rawValue.count ?? 0 }.max() ?? 0
        for item in listing.evidence {
            Console.result("  " + Self.padded(item.id ?? "", idWidth) + "  " + Self.padded(item.kind?.rawValue ?? "", kindWidth)
                           + "  " + Self.line(item) + "  " + (item.title ?? ""))
        }
        Console.result("delivery proofs: \(Self.count(listing.proofs))")
        let eventWidth = listing.proofs.map { $0.event?.rawValue.count ?? 0 }.max() ?? 0
        for item in listing.proofs {
            Console.result("  " + Self.padded(item.event?.rawValue ?? "", eventWidth) + "  " + Self.line(item))
        }
        Console.result("other payload: \(Self.count(listing.otherPayload))")
        for item in listing.otherPayload { Console.result("  " + Self.line(item)) }
    }

    /// `12 files, 34567 bytes`, or `none`.
    static func count(_ items: [BundleListing.Item]) -> String {
        guard !items.isEmpty else { return "none" }
        let bytes = items.reduce(UInt64(0)) { $0 + $1.size }
        return "\(Plural.english(items.count, "file")), \(bytes) bytes"
    }

    /// Size (right-aligned), the first 12 digits of the SHA-256, the path.
    static func line(_ item: BundleListing.Item) -> String {
        let size = String(item.size)
        return String(repeating: " ", count: max(0, 12 - size.count)) + size + "  " + item.sha256.hex.prefix(12) + "  " + item.path
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

/// The `list --json` object.
struct ListingSummary: Encodable {
    struct Evidence: Encodable {
        let id: String
        let title: String
        let kind: String
        let size: UInt64
        let sha256: String
        let path: String
    }

    struct Proof: Encodable {
        let event: String
        let size: UInt64
        let sha256: String
        let path: String
    }

    struct File: Encodable {
        let size: UInt64
        let sha256: String
        let path: String
    }

    let bundle: String
    let id: String
    let seal: String
    let evidence: [Evidence]
    let proofs: [Proof]
    let otherPayload: [File]

    init(_ listing: BundleListing, path: String) {
        bundle = path
        id = listing.bundleID
        seal = listing.seal.hex
        evidence = listing.evidence.map {
            Evidence(id: $0.id ?? "", title: $0.title ?? "", kind: $0.kind?.rawValue ?? "", size: $0.size, sha256: $0.sha256.hex, path: $0.path)
        }
        proofs = listing.proofs.map { Proof(event: $0.event?.rawValue ?? "", size: $0.size, sha256: $0.sha256.hex, path: $0.path) }
        otherPayload = listing.otherPayload.map { File(size: $0.size, sha256: $0.sha256.hex, path: $0.path) }
    }
}
