internal import Foundation
internal import ArgumentParser
internal import ClaimPack

/// `claimpack status BUNDLE`: the claim in one screen.
struct StatusCommand: ParsableCommand, JSONCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The claim in one screen: parties, seal, delivery events, and the date the answer is due.",
        discussion: "The answer is due as the law of the claim's jurisdiction counts it (Templates/law/, docs/law.md): from delivery or from the latest day of registration, in calendar or working days, a last day that is not a working day moved to the next working day by the production calendar. Printed in English. Exit status: 0 shown; 1 the bundle does not verify (a re-packed ZIP or an extracted folder whose content is intact is accepted, with a note); 66 it cannot be read; 78 the templates or the law table cannot be read."
    )

    @Argument(help: "The bundle (.zip), or its extracted folder (the one holding bagit.txt, or the one unzip made around it).", completion: .file(extensions: ["zip"]))
    var bundle: String

    @Flag(help: "Print the status as JSON on standard output (see docs/json.md).")
    var json = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let resources = try Resources.locate()
        let opened = try BundleLoader.open(bundle, schemas: resources.schemas, readOnly: true)
        let claim = opened.claim
        let law: LegalProvisions
        let wording: LocaleWording
        do {
            law = try LegalProvisions(templates: resources.templates)
            wording = try LocaleWording(templates: resources.templates, language: .en)
        } catch {
            Console.error(error.description)
            throw ExitCode.configuration
        }
        let provision = law.provision(jurisdiction: claim.jurisdiction, sector: claim.respondent.sector, kind: claim.kind, language: .en)
        let calendar = law.calendar(for: claim.jurisdiction)
        let status = ClaimStatus(record: opened.record, period: provision.period, responseDays: claim.responseDays,
                                 calendar: calendar, today: CalendarDate.today())
        let rule = law.countingRule(for: claim.jurisdiction, language: .en)
        let chain = BundleChain(of: opened, schemas: resources.schemas, law: law, today: CalendarDate.today())
        // The next step once the answer is overdue or came: a claim goes to the regulator
        // (or to court), a complaint to court (docs/escalation.md).
        let next: String? = switch (claim.kind, status.state) {
        case (.claim, .overdue), (.claim, .answered): "claimpack escalate \(Console.quoted(bundle)) --to complaint (or --to court)"
        case (.complaint, .overdue), (.complaint, .answered): "claimpack escalate \(Console.quoted(bundle)) --to court"
        default: nil
        }
        if json {
            JSONReport.write(StatusSummary(opened, status: status, provision: provision, rule: rule, path: bundle,
                                           next: next, chain: chain))
            return
        }
        StatusText.print(opened, status: status, provision: provision, rule: rule, wording: wording, next: next, chain: chain)
    }
}
