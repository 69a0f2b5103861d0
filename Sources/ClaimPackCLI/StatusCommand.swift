internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack status BUNDLE`: the claim in one screen.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The claim in one screen: parties, seal, delivery events, and the date the answer is due.",
        discussion: "The answer is due on the delivery (or return) date plus the answer period in calendar days, moved to the next Monday when it falls on a weekend (ГК РФ ст. 193). Public holidays are not known to claimpack. Exit status: 0 shown; 1 the bundle does not verify; 66 it cannot be read."
    )

    @Argument(help: "The bundle (.zip).")
    var bundle: String

    @Flag(help: "Print the status as JSON on standard output (see docs/json.md).")
    var json = false

    func run() throws {
        let resources = try Resources.locate()
        let opened = try BundleLoader.open(bundle, schemas: resources.schemas)
        let today = CalendarDate.today()
        let status = ClaimStatus(record: opened.record, responseDays: opened.claim.responseDays, today: today)
        if json {
            Console.json(JSONOutput.encode(StatusSummary(opened, status: status, path: bundle)))
            return
        }
        let wording: LocaleWording
        do { wording = try LocaleWording(templates: resources.templates, language: opened.claim.language) } catch {
            Console.error(error.description)
            throw ExitCode.configuration
        }
        StatusText.print(opened, status: status, wording: wording)
    }
}
