import Foundation
import Testing

/// `escalate --authority`, `--list-authorities`, and a complaint with no default authority.
struct EscalateAuthorityTests {
    @Test func listAuthoritiesPrintsEveryLanguage() throws {
        let run = try CLIRunner.run(["escalate", "--list-authorities"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("ru  roskomnadzor") && run.standardOutput.contains("default for telecom"))
        #expect(run.standardOutput.contains("uk  ") && run.standardOutput.contains("en  "))
    }

    @Test func anAuthorityIsChosenByKeyAndAnUnknownKeyIsUsage() throws {
        let scratch = try EscalateCommandTests.deliveredClaim()
        let unknown = try CLIRunner.run(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2027-01-15", "--authority", "nobody"], in: scratch.url)
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("--authority nobody: no such authority") && unknown.standardError.contains("rospotrebnadzor"))
        let chosen = try CLIRunner.run(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2027-01-15", "--authority", "rospotrebnadzor"], in: scratch.url)
        #expect(chosen.status == 0, "\(chosen.standardError)")
        let text = try EscalateCommandTests.claimText(scratch.url.appendingPathComponent("mts-2026-11-complaint"))
        #expect(text.contains("(Роспотребнадзор)\""))
        #expect(text.contains("по ст. 14.8 КоАП РФ"))
    }

    /// A complaint about a city portal (sector state): authorities.yaml names no default, so
    /// the body and its address are placeholders.
    @Test func noDefaultAuthorityLeavesPlaceholders() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-city-portal-complaint").path
        try EscalateCommandTests.expectSuccess(["build", example, "-o", "city.zip"], in: scratch)
        let run = try CLIRunner.run(["escalate", "city.zip", "--to", "complaint", "--anyway", "-o", "next"], in: scratch.url)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("no authority for ru/state"))
        let check = try CLIRunner.run(["check", "next"], in: scratch.url)
        let errors = check.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 3 && errors.allSatisfy { $0.contains("placeholder <") }, "\(check.standardError)")
        #expect(errors.contains { $0.contains("addressee.name: placeholder <название органа") })
    }
}
