import Foundation
import Testing

/// `claimpack status`: due dates as the law counts them, the worked examples of
/// docs/delivery.md, all in English.
struct StatusCommandTests {
    static func delivered(_ example: String, on date: String) throws -> (ScratchFolder, String) {
        let scratch = try ScratchFolder()
        let built = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Examples/\(example)").path, "-o", "b.zip"],
                                      in: scratch.url)
        #expect(built.status == 0, "\(built.standardError)")
        let sent = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-23", "--tracking", "62009147017544"], in: scratch.url)
        #expect(sent.status == 0, "\(sent.standardError)")
        let recorded = try CLIRunner.run(["deliver", "b.zip", "delivered", "--date", date], in: scratch.url)
        #expect(recorded.status == 0, "\(recorded.standardError)")
        return (scratch, "b.zip")
    }

    static func json(_ bundle: String, in scratch: ScratchFolder) throws -> [String: Any] {
        let run = try CLIRunner.run(["status", bundle, "--json"], in: scratch.url)
        #expect(run.status == 0, "\(run.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }

    /// 126-ФЗ ст. 55 п. 7: delivered Friday 2026-11-27, registered Monday 2026-11-30, due
    /// Wednesday 2026-12-30.
    @Test func telecomClaimIsDueThirtyDaysAfterRegistration() throws {
        let (scratch, bundle) = try Self.delivered("ru-telecom-subscription", on: "2026-11-27")
        let object = try Self.json(bundle, in: scratch)
        #expect(object["answerDue"] as? String == "2026-12-30")
        let due = try #require(object["due"] as? [String: Any])
        #expect(due["registeredBy"] as? String == "2026-11-30")
        #expect((due["rule"] as? String)?.contains("Civil Code of the Russian Federation, art. 193") == true)
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["count"] as? Int == 30 && period["unit"] as? String == "calendar" && period["start"] as? String == "registration")
        #expect(object["jurisdiction"] as? String == "ru" && object["sector"] as? String == "telecom")

        let text = try CLIRunner.run(["status", bundle], in: scratch.url)
        #expect(text.standardOutput.contains("state:     delivered; answer due 30 December 2026"))
        #expect(text.standardOutput.contains("counted:   delivered 27 November 2026, registered by 30 November 2026, last day 30 December 2026\n"))
        #expect(text.standardOutput.contains("\"On Communications\", art. 55(7)"))
        #expect(!text.standardOutput.contains("ноября"))
    }

    /// 59-ФЗ: delivered Tuesday 2026-12-01, registered by Friday 2026-12-04, the 30th day is
    /// Sunday 2027-01-03, inside the New Year holidays: due Monday 2027-01-11.
    @Test func complaintIsDueAfterTheNewYearHolidays() throws {
        let (scratch, bundle) = try Self.delivered("ru-city-portal-complaint", on: "2026-12-01")
        let object = try Self.json(bundle, in: scratch)
        #expect(object["answerDue"] as? String == "2027-01-11")
        let due = try #require(object["due"] as? [String: Any])
        #expect(due["registeredBy"] as? String == "2026-12-04")
        #expect(due["lastDay"] as? String == "2027-01-03")
        #expect(due["moved"] as? Bool == true)
        #expect(due["calendarYearsUnconfirmed"] as? [Int] == [2027])
        let text = try CLIRunner.run(["status", bundle], in: scratch.url)
        #expect(text.standardOutput.contains("last day 3 January 2027, not a working day: moved to 11 January 2027\n"))
        #expect(text.standardOutput.contains("note:      the 2027 calendar is not confirmed: see its sources in Templates/law/calendars/ru.yaml"))
    }

    /// bag-info.txt changed by a letter: one error (its tag manifest digest), and the refusal
    /// says "1 error", not "1 errors".
    @Test func aRefusalCountsItsErrorsInProperEnglish() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path
        #expect(try CLIRunner.run(["build", example, "-o", "b.zip"], in: scratch.url).status == 0)
        let script = """
            import sys, zipfile
            src = zipfile.ZipFile(sys.argv[1]); out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename.endswith('/bag-info.txt'):
                    assert b'Bagging-Date' in data
                    data = data.replace(b'Bagging-Date', b'Bagging-Datf', 1)
                out.writestr(info, data)
            out.close()
            """
        _ = try CLIRunner.runTool("/usr/bin/python3", ["-c", script, "b.zip", "t.zip"], in: scratch.url)
        let run = try CLIRunner.run(["status", "t.zip"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.standardError.contains("t.zip does not verify (1 error; see 'claimpack verify')"), "\(run.standardError)")
    }
}
