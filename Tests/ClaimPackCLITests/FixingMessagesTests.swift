import Foundation
import Testing

/// Messages that fix the mistake (issue 17, item 6): each mistake a user makes by hand,
/// and what the built binary answers (standard output, standard error, exit status).
struct FixingMessagesTests {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription")

    /// A scratch folder with the Russian example built as `b.zip`, and its seal.
    static func built() throws -> (ScratchFolder, String) {
        let scratch = try ScratchFolder()
        let outcome = try CLIRunner.run(["build", example.path, "-o", "b.zip"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let seal = try #require(outcome.standardOutput.split(separator: "\n").first { $0.hasPrefix("seal: ") }).dropFirst(6)
        return (scratch, String(seal))
    }

    // MARK: verify --seal

    @Test func sealTypedWithCyrillicLookAlikesIsReadAndSaid() throws {
        let (scratch, seal) = try Self.built()
        // As typed from paper on a Russian keyboard: Cyrillic с and е for c and e, in groups.
        var typed = seal.replacingOccurrences(of: "c", with: "с").replacingOccurrences(of: "e", with: "е")
        typed = stride(from: 0, to: 64, by: 4).map { String(Array(typed)[$0..<$0 + 4]) }.joined(separator: " ")
        #expect(typed.unicodeScalars.contains("\u{0441}"))
        let outcome = try CLIRunner.run(["verify", "b.zip", "--seal", typed], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.hasPrefix("claimpack: note: --seal: read Cyrillic с (U+0441) at digit 1 as c"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("Cyrillic е (U+0435) at digit"))
        #expect(outcome.standardOutput.contains("seal matches: the bundle's seal is the one given with --seal\n"))
    }

    @Test func greekLookAlikeIsReadToo() throws {
        let (scratch, seal) = try Self.built()
        let typed = seal.replacingOccurrences(of: "a", with: "α")
        let outcome = try CLIRunner.run(["verify", "b.zip", "--seal", typed], in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("Greek α (U+03B1) at digit"), "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("seal matches"))
    }

    @Test func aLetterThatIsNoDigitIsNamedToRetype() throws {
        let (scratch, seal) = try Self.built()
        let typed = String(seal.prefix(10)) + "р" + String(seal.dropFirst(11))
        let outcome = try CLIRunner.run(["verify", "b.zip", "--seal", typed], in: scratch.url)
        #expect(outcome.status == 64)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("--seal: the seal has only the digits 0–9 and the letters a–f: retype Cyrillic р (U+0440) at digit 11"),
                "\(outcome.standardError)")
    }

    @Test func aPlainMatchingSealSaysSoAndAnotherSealDoesNot() throws {
        let (scratch, seal) = try Self.built()
        let matching = try CLIRunner.run(["verify", "b.zip", "--seal", seal.uppercased()], in: scratch.url)
        #expect(matching.status == 0)
        #expect(matching.standardError.isEmpty)
        #expect(matching.standardOutput.contains("seal matches"))
        let other = String(repeating: "0", count: 64)
        let mismatch = try CLIRunner.run(["verify", "b.zip", "--seal", other], in: scratch.url)
        #expect(mismatch.status == 1)
        #expect(!mismatch.standardOutput.contains("seal matches"))
        #expect(mismatch.standardOutput.contains("V400"))
        let plain = try CLIRunner.run(["verify", "b.zip"], in: scratch.url)
        #expect(!plain.standardOutput.contains("seal matches"), "no --seal, nothing said")
    }

    // MARK: deliver

    @Test func aSecondDeliverySaysItIsAlreadyRecordedAndWhen() throws {
        let (scratch, _) = try Self.built()
        for (event, date) in [("sent", "2026-11-22"), ("delivered", "2026-11-25")] {
            let outcome = try CLIRunner.run(["deliver", "b.zip", event, "--date", date] + (event == "sent" ? ["--tracking", "RR473124829RU"] : []),
                                            in: scratch.url)
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        for event in ["delivered", "returned"] {
            let again = try CLIRunner.run(["deliver", "b.zip", event, "--date", "2026-11-26"], in: scratch.url)
            #expect(again.status == 1)
            #expect(again.standardOutput.isEmpty)
            #expect(again.standardError == "claimpack: error: the delivery is already recorded (\"delivered\" on 2026-11-25); a record holds only one\n")
            #expect(!again.standardError.contains("record the dispatch first"))
        }
        let sentAgain = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-26", "--tracking", "RR473124829RU"], in: scratch.url)
        #expect(sentAgain.status == 1)
        #expect(sentAgain.standardError.contains("the dispatch is already recorded (\"sent\" on 2026-11-22)"), "\(sentAgain.standardError)")
    }

    @Test func thirteenDigitsSuggestUkrposhta() throws {
        let (scratch, _) = try Self.built()
        let outcome = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-22", "--tracking", "0503 9123 4567 8"], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("0503912345678: 13 digits, as a Ukrposhta domestic number has; give --carrier ukrposhta"),
                "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("--carrier other"))
        let given = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-22", "--tracking", "0503912345678",
                                       "--carrier", "ukrposhta"], in: scratch.url)
        #expect(given.status == 0, "\(given.standardError)")
    }

    @Test func todayAndYesterdayAreTakenAndTheDatePrinted() throws {
        let (scratch, _) = try Self.built()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Europe/Moscow")
        let yesterday = formatter.string(from: Date().addingTimeInterval(-86_400))
        let today = formatter.string(from: Date())
        let sent = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "yesterday", "--tracking", "RR473124829RU"],
                                     in: scratch.url, environment: ["TZ": "Europe/Moscow"])
        #expect(sent.status == 0, "\(sent.standardError)")
        #expect(sent.standardError == "claimpack: note: --date yesterday is \(yesterday)\n")
        #expect(sent.standardOutput.hasPrefix("recorded: sent \(yesterday) in b.zip\n"))
        let delivered = try CLIRunner.run(["deliver", "b.zip", "delivered", "--date", "Today"], in: scratch.url,
                                          environment: ["TZ": "Europe/Moscow"])
        #expect(delivered.status == 0, "\(delivered.standardError)")
        #expect(delivered.standardError == "claimpack: note: --date Today is \(today)\n")
    }

    @Test func aDayFirstDateOrATimeWithoutOffsetGetsTheValueToWrite() throws {
        let (scratch, _) = try Self.built()
        let dotted = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "22.11.2026"], in: scratch.url)
        #expect(dotted.status == 64)
        #expect(dotted.standardOutput.isEmpty)
        #expect(dotted.standardError.hasPrefix("Error: --date \"22.11.2026\" is written day first; write it as 2026-11-22 (YYYY-MM-DD)\n"),
                "\(dotted.standardError)")
        let local = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-22T10:15"], in: scratch.url,
                                      environment: ["TZ": "Asia/Kolkata"])
        #expect(local.status == 64)
        #expect(local.standardError.contains("add it: 2026-11-22T10:15+05:30 with this computer's offset now"), "\(local.standardError)")
    }

    @Test func aSecondProofOfTheSameNameKeepsItsExtension() throws {
        let (scratch, _) = try Self.built()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("second"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: scratch.url.appendingPathComponent("квитанция.jpg"))
        try Data("two".utf8).write(to: scratch.url.appendingPathComponent("second/квитанция.jpg"))
        let outcome = try CLIRunner.run(["deliver", "b.zip", "sent", "--date", "2026-11-22", "--tracking", "RR473124829RU",
                                         "--proof", "квитанция.jpg", "second/квитанция.jpg"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let listing = try CLIRunner.run(["list", "b.zip"], in: scratch.url)
        #expect(listing.standardOutput.contains("data/delivery/02-sent-квитанция.jpg\n"))
        #expect(listing.standardOutput.contains("data/delivery/02-sent-квитанция-2.jpg\n"), "\(listing.standardOutput)")
        #expect(!listing.standardOutput.contains(".jpg-2"))
    }

    // MARK: check

    /// The Russian example with `replacements` made in its claim.yaml, checked.
    static func check(_ replacements: [(String, String)], environment: [String: String] = [:]) throws -> CLIRunner.Outcome {
        let scratch = try ScratchFolder()
        let claim = scratch.url.appendingPathComponent("claim")
        try FileManager.default.copyItem(at: example, to: claim)
        let file = claim.appendingPathComponent("claim.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in replacements {
            let range = try #require(text.range(of: old), "\(old) is in the example")
            text.replaceSubrange(range, with: new)
        }
        try Data(text.utf8).write(to: file)
        return try CLIRunner.run(["check", "claim"], in: scratch.url, environment: environment)
    }

    @Test func handWrittenValuesGetTheValueToWrite() throws {
        let outcome = try Self.check([("date: 2026-11-21", "date: 21.11.2026"),
                                      ("amount: \"1500.00\"", "amount: \"1 500,00\""),
                                      ("at: 2026-10-02T09:00+03:00", "at: 2026-10-02T09:00")],
                                     environment: ["TZ": "Europe/Kyiv"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        let lines = outcome.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix("error: date: \"21.11.2026\" is written day first; write it as 2026-11-21 (YYYY-MM-DD)") },
                "\(outcome.standardError)")
        #expect(lines.contains { $0.contains("operations[1].amount: \"1 500,00\" has digit groups or a decimal comma; write it as \"1500.00\"") },
                "\(outcome.standardError)")
        // Kyiv in winter (the test's date may be in summer: either offset is Kyiv's).
        #expect(lines.contains { $0.contains("timeline[2].at: \"2026-10-02T09:00\" has a time but no UTC offset; add it: 2026-10-02T09:00+02:00")
                                 || $0.contains("add it: 2026-10-02T09:00+03:00") }, "\(outcome.standardError)")
        #expect(lines.last == "claim: 3 errors")
    }

    @Test func aMisspeltRequiredKeyIsOneErrorNotTwo() throws {
        let outcome = try Self.check([("  name: Иванов Иван Иванович", "  nmae: Иванов Иван Иванович")])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("claimant.nmae: unknown key; did you mean \"name\"?"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("missing required field \"name\""), "\(outcome.standardError)")
        #expect(outcome.standardError.hasSuffix("claim: 1 error\n"), "\(outcome.standardError)")
    }

    @Test func aRequiredKeyMissingWithNoLookAlikeIsStillReported() throws {
        let outcome = try Self.check([("  name: Иванов Иван Иванович\n", "")])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("claimant: missing required field \"name\""), "\(outcome.standardError)")
    }

    @Test func aMistypedINNIsNotAnsweredWithADigitThatMakesItValid() throws {
        let outcome = try Self.check([("inn: \"7740000076\"", "inn: \"7740000075\""), ("ogrn: \"1027700149124\"", "ogrn: \"1027700149123\"")])
        #expect(outcome.status == 1)
        let inn = try #require(outcome.standardError.split(separator: "\n").first { $0.contains("respondent.inn") })
        #expect(inn.contains("INN 7740000075 is not valid: the 10th digit is a check digit and does not agree with the others: a digit is mistyped, missing or two are swapped; copy it again from the company's details"), "\(inn)")
        #expect(!inn.contains("should be"))
        #expect(!inn.contains("6"), "the digit that would make it pass is not offered")
        #expect(outcome.standardError.contains("respondent.ogrn: OGRN 1027700149123 is not valid: the last digit is a check digit"))
        #expect(outcome.standardError.hasSuffix("claim: 2 errors\n"))
    }

    @Test func countsArePluralRight() throws {
        let one = try Self.check([("inn: \"7740000076\"", "inn: \"7740000075\"")])
        #expect(one.standardError.hasSuffix("claim: 1 error\n"), "\(one.standardError)")
        #expect(!one.standardError.contains("1 errors"))
    }
}
