import Foundation
import Testing

/// The printed complaint and statement of claim (issue 18, items 4 and 5): the example chain
/// built end to end by Examples/escalation-chain.sh, the text letters as golden files, the
/// PDF's calculation read back with pdftotext against sums worked by hand.
struct EscalationLetterTests {
    static func golden(_ name: String, _ text: String) throws {
        let file = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ClaimPackCLITests/Fixtures/Letters/\(name).txt")
        if ProcessInfo.processInfo.environment["CLAIMPACK_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: file)
        }
        #expect(text == (try String(contentsOf: file, encoding: .utf8)), "\(name)")
    }

    static func tool(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// claim → complaint → court from the telecom example, by the shipped script.
    /// By hand: principal 1 500,00 (TX-0001); answer due 30.12.2026 (126-ФЗ ст. 55 п. 7);
    /// penalty from 31.12.2026 to 15.01.2027 = 1 + 15 = 16 days × 45,00 = 720,00 (under the
    /// cap of 1 500,00); claim price 2 220,00; fee: exempt (≤ 1 000 000); мировой судья (≤ 100 000).
    @Test func theExampleChainIsBuiltAndPrinted() throws {
        let scratch = try ScratchFolder()
        let script = CLIRunner.repositoryRoot.appendingPathComponent("Examples/escalation-chain.sh")
        let process = Process()
        process.executableURL = script
        process.arguments = [scratch.url.appendingPathComponent("chain").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["CLAIMPACK": CLIRunner.executable.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let chain = scratch.url.appendingPathComponent("chain")
        let court = try CLIRunner.run(["letter", "court.zip", "--format", "text"], in: chain)
        #expect(court.status == 0, "\(court.standardError)")
        try Self.golden("ru-telecom-court", court.standardOutput)
        // From the extracted bundle's folder the chain is read as from the ZIP: the same penalty.
        _ = try Self.tool(["unzip", "-q", chain.appendingPathComponent("court.zip").path, "-d", chain.appendingPathComponent("extracted").path])
        let fromFolder = try CLIRunner.run(["letter", "extracted/mts-2026-11-court", "--format", "text"], in: chain)
        #expect(fromFolder.status == 0 && !fromFolder.standardError.contains("no penalty"), "\(fromFolder.standardError)")
        let folderText = fromFolder.standardOutput.replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(folderText.contains("1 500,00 × 3 % × 16 = 720,00") && folderText.contains("с 31.12.2026 по 15.01.2027"), "\(folderText)")
        let complaint = try CLIRunner.run(["letter", "complaint.zip", "--format", "text"], in: chain)
        #expect(complaint.status == 0, "\(complaint.standardError)")
        try Self.golden("ru-telecom-complaint", complaint.standardOutput)
        #expect(complaint.standardOutput.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\n", with: " ").contains("с требованиями ст. 7 Федерального закона от 02.05.2006 № 59-ФЗ"))

        let pdf = try Self.tool(["pdftotext", "-layout", chain.appendingPathComponent("court-letter.pdf").path, "-"])
        #expect(pdf.contains("ИСКОВОЕ ЗАЯВЛЕНИЕ"))
        #expect(pdf.contains("1 500,00 × 3 % × 16 = 720,00"))
        #expect(pdf.contains("1 500,00 + 720,00"))
        #expect(pdf.contains("Цена иска: 2 220,00 ₽"))
        #expect(pdf.contains("с 31.12.2026 по 15.01.2027"))
        // The copy for the defendant: Form 107 and the envelope name the respondent, not the court.
        #expect(pdf.contains("Куда: 109147, г. Москва, ул. Марксистская, д. 4"))
        let fonts = try Self.tool(["pdffonts", chain.appendingPathComponent("court-letter.pdf").path])
        #expect(fonts.contains("LiberationSerif"))
    }

    /// Particulars of claim drafted with --anyway before the answer was due (delivered
    /// 24/11/2026, due 19/01/2027, drafted 01/12/2026): the demands worded for the court
    /// (never "Pay me"); no interest demand and no £0.00 row, the draft saying why; the
    /// header and the fee row agree that the fee is not computed.
    @Test func particularsBeforeTheAnswerWasDue() throws {
        let scratch = try ScratchFolder()
        let path = CLIRunner.repositoryRoot.appendingPathComponent("Examples/en-bank-duplicate-payment").path
        try EscalateCommandTests.expectSuccess(["build", path, "-o", "c.zip"], in: scratch)
        try EscalateCommandTests.expectSuccess(["deliver", "c.zip", "sent", "--date", "2026-11-22"], in: scratch)
        try EscalateCommandTests.expectSuccess(["deliver", "c.zip", "delivered", "--date", "2026-11-24"], in: scratch)
        try EscalateCommandTests.expectSuccess(["escalate", "c.zip", "--to", "court", "--as-of", "2026-12-01", "--anyway", "-o", "court"], in: scratch)
        let folder = scratch.url.appendingPathComponent("court")
        let draft = try EscalateCommandTests.claimText(folder)
        #expect(!draft.contains("Pay me") && !draft.contains("Interest under"), "\(draft)")
        #expect(draft.contains("text: \"£649.00, the amount of transaction TXN-8842, which the Defendant has not refunded.\""), "\(draft)")
        #expect(draft.contains("# No interest demand: on 01/12/2026 the answer to the letter before claim was not yet overdue (due by 19/01/2027)"), "\(draft)")
        try EscalateCommandTests.fillPlaceholders(folder)
        let letter = try CLIRunner.run(["letter", "court", "--format", "text"], in: scratch.url)
        #expect(letter.status == 0, "\(letter.standardError)")
        let text = letter.standardOutput.replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(text.contains("Amount claimed: £649.00 (court fee: see the court fee table)\n"), "\(text)")
        #expect(!text.contains("plus the court fee") && !text.contains("0.00 from") && !text.contains("Interest runs from"), "\(text)")
        #expect(text.contains("The Claimant claims:\n1. £649.00, the amount of transaction TXN-8842"), "\(text)")
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Court fee ") && $0.contains("not computed: see the court") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("Period of interest ") && $0.contains("not yet overdue") }, "\(text)")
        #expect(!lines.contains { $0.hasPrefix("Interest (") }, "\(text)")
    }

    /// A complaint and a statement of claim in Ukrainian, and a complaint to the ombudsman and
    /// particulars of claim in English, each from an example delivered on 24.11.2026 and
    /// escalated on 15.02.2027.
    @Test(arguments: [("uk-mobile-roaming", "uk-mobile-roaming-court"), ("en-bank-duplicate-payment", "en-bank-court")])
    func aStatementOfClaimInEachLanguage(_ example: String, _ golden: String) throws {
        let scratch = try ScratchFolder()
        let path = CLIRunner.repositoryRoot.appendingPathComponent("Examples/\(example)").path
        try EscalateCommandTests.expectSuccess(["build", path, "-o", "c.zip"], in: scratch)
        try EscalateCommandTests.expectSuccess(["deliver", "c.zip", "sent", "--date", "2026-11-22"], in: scratch)
        try EscalateCommandTests.expectSuccess(["deliver", "c.zip", "delivered", "--date", "2026-11-24"], in: scratch)
        try EscalateCommandTests.expectSuccess(["escalate", "c.zip", "--to", "complaint", "--as-of", "2027-02-15", "-o", "complaint"], in: scratch)
        try EscalateCommandTests.fillPlaceholders(scratch.url.appendingPathComponent("complaint"))
        let complaint = try CLIRunner.run(["letter", "complaint", "--format", "text"], in: scratch.url)
        #expect(complaint.status == 0, "\(complaint.standardError)")
        try Self.golden(golden.replacingOccurrences(of: "-court", with: "-complaint"), complaint.standardOutput)
        try EscalateCommandTests.expectSuccess(["escalate", "c.zip", "--to", "court", "--as-of", "2027-02-15", "-o", "court"], in: scratch)
        try EscalateCommandTests.fillPlaceholders(scratch.url.appendingPathComponent("court"))
        let letter = try CLIRunner.run(["letter", "court", "--format", "text"], in: scratch.url)
        #expect(letter.status == 0, "\(letter.standardError)")
        try Self.golden(golden, letter.standardOutput)
        if example.hasPrefix("uk") {
            // 1 240,00 × 3 % = 37,20 a day × 53 days (25.12.2026–15.02.2027) = 1 971,60; no cap applied.
            #expect(letter.standardOutput.contains("1\u{00A0}240,00 × 3\u{00A0}% × 53 = 1\u{00A0}971,60"))
            #expect(letter.standardOutput.contains("ПОЗОВНА ЗАЯВА"))
            #expect(complaint.standardOutput.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\n", with: " ")
                .contains("відповідно до ст. 5 Закону України «Про звернення громадян»"))
        } else {
            // £649.00 × 8 % ÷ 365 × 27 days (20/01/2027–15/02/2027) = 3.8405… → £3.84.
            #expect(letter.standardOutput.contains("649.00 × 8% ÷ 365 × 27 = 3.84"))
            #expect(letter.standardOutput.contains("For Money Claim Online ("))
            #expect(!letter.standardOutput.contains("TOO LONG"))
        }
    }
}
