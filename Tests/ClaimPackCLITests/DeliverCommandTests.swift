import Foundation
import Testing

struct DeliverCommandTests {
    static func bundle() throws -> (ScratchFolder, String) {
        let scratch = try ScratchFolder()
        let built = try CLIRunner.run(["build", CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming").path,
                                       "-o", "b.zip"], in: scratch.url)
        #expect(built.status == 0)
        return (scratch, "b.zip")
    }

    @Test func aFullDeliveryIsRecordedAndShown() throws {
        let (scratch, bundle) = try Self.bundle()
        try Data("квитанція".utf8).write(to: scratch.url.appendingPathComponent("квитанція.pdf"))
        let sent = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20T16:00+02:00", "--tracking", "RR473124829RU",
                                      "--carrier", "russian-post", "--proof", "квитанція.pdf"], in: scratch.url)
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(sent.standardOutput.hasPrefix("recorded: sent 2026-11-20T16:00:00+02:00 in b.zip\n"))
        let delivered = try CLIRunner.run(["deliver", bundle, "returned", "--date", "2026-11-20", "--note", "не вручено, повернуто"], in: scratch.url)
        #expect(delivered.status == 0, "\(delivered.standardError)")
        #expect(try CLIRunner.run(["verify", bundle], in: scratch.url).status == 0)

        let status = try CLIRunner.run(["status", bundle], in: scratch.url)
        #expect(status.status == 0)
        #expect(status.standardOutput.contains("  sent       20 November 2026, 16:00  russian-post RR473124829RU  proofs: 02-sent-квитанція.pdf\n"))
        #expect(status.standardOutput.contains("  returned   20 November 2026  — не вручено, повернуто\n"))
        #expect(status.standardOutput.contains("answer due 21 December 2026"))
        #expect(status.standardOutput.contains("(Civil Code of Ukraine, art. 254(5))"))
        #expect(!status.standardOutput.contains("ГК РФ"))

        let json = try CLIRunner.run(["status", bundle, "--json"], in: scratch.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["answerDue"] as? String == "2026-12-21")  // one month: Sunday 20 December, moved
        #expect(object["deliveredOn"] as? String == "2026-11-20")
        #expect(object["holidaysKnown"] as? Bool == true)  // 2026 is in the calendar (no holidays under martial law)
        #expect((object["events"] as? [[String: Any]])?.map { $0["type"] as? String } == ["prepared", "sent", "returned"])
    }

    /// A 14-digit number is taken for Russian Post's by its format; on a claim of another
    /// country that is said as a warning naming --carrier. Given --carrier, or on a Russian
    /// claim, nothing is said.
    @Test func aCarrierFromAnotherCountryIsWarnedOf() throws {
        let scratch = try ScratchFolder()
        let bank = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        #expect(try CLIRunner.run(["build", bank, "-o", "gb.zip"], in: scratch.url).status == 0)
        #expect(try CLIRunner.run(["build", bank, "-o", "gb2.zip"], in: scratch.url).status == 0)
        let inferred = try CLIRunner.run(["deliver", "gb.zip", "sent", "--date", "2026-11-22", "--tracking", "62009147017544"], in: scratch.url)
        #expect(inferred.status == 0, "\(inferred.standardError)")
        #expect(inferred.standardError.contains("claimpack: warning: 62009147017544 has the format of a Russian Post number"), "\(inferred.standardError)")
        #expect(inferred.standardError.contains("is a gb claim, whose post is Royal Mail") && inferred.standardError.contains("--carrier"))
        let given = try CLIRunner.run(["deliver", "gb2.zip", "sent", "--date", "2026-11-22", "--tracking", "62009147017544",
                                       "--carrier", "russian-post"], in: scratch.url)
        #expect(given.status == 0 && !given.standardError.contains("warning"), "\(given.standardError)")
        let telecom = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path
        #expect(try CLIRunner.run(["build", telecom, "-o", "ru.zip"], in: scratch.url).status == 0)
        let russian = try CLIRunner.run(["deliver", "ru.zip", "sent", "--date", "2026-11-22", "--tracking", "62009147017544"], in: scratch.url)
        #expect(russian.status == 0 && !russian.standardError.contains("warning"), "\(russian.standardError)")
    }

    @Test func refusalsExitOneAndChangeNothing() throws {
        let (scratch, bundle) = try Self.bundle()
        let path = scratch.url.appendingPathComponent(bundle)
        let before = try Data(contentsOf: path)
        let early = try CLIRunner.run(["deliver", bundle, "delivered", "--date", "2026-11-20"], in: scratch.url)
        #expect(early.status == 1)
        #expect(early.standardError.contains("\"delivered\" follows \"sent\""))
        let badTracking = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--tracking", "RR123456789EE"], in: scratch.url)
        #expect(badTracking.status == 1)
        #expect(badTracking.standardError.contains("a digit is mistyped or two are swapped") && !badTracking.standardError.contains("should be"))
        let future = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2999-01-01"], in: scratch.url)
        #expect(future.status == 1)
        #expect(future.standardError.contains("in the future"))
        let missingProof = try CLIRunner.run(["deliver", bundle, "sent", "--date", "2026-11-20", "--proof", "nope.pdf"], in: scratch.url)
        #expect(missingProof.status == 66)
        #expect(try Data(contentsOf: path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == [bundle])
    }

    @Test func badUsageExits64() throws {
        let (scratch, bundle) = try Self.bundle()
        #expect(try CLIRunner.run(["deliver", bundle, "lost", "--date", "2026-11-20"], in: scratch.url).status == 64)
        #expect(try CLIRunner.run(["deliver", bundle, "sent", "--date", "20.11.2026"], in: scratch.url).status == 64)
        #expect(try CLIRunner.run(["deliver", bundle, "prepared", "--date", "2026-11-20"], in: scratch.url).status == 64)
    }

    @Test func statusOfAMissingOrBrokenBundle() throws {
        let (scratch, bundle) = try Self.bundle()
        #expect(try CLIRunner.run(["status", "none.zip"], in: scratch.url).status == 66)
        let path = scratch.url.appendingPathComponent(bundle)
        var bytes = try Data(contentsOf: path)
        bytes[bytes.count - 30] ^= 0x40
        try bytes.write(to: path)
        let broken = try CLIRunner.run(["status", bundle], in: scratch.url)
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("does not verify"))
    }
}
