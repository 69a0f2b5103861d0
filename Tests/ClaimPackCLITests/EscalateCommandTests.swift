import Foundation
import Testing

/// `claimpack escalate`, and the chain of bundles it starts: the folders it writes, `check`
/// on them, the bundles built from them, and `verify` of the chain.
struct EscalateCommandTests {
    static let telecom = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path

    /// The telecom example built as `mts.zip`, sent 22.11.2026 and delivered 27.11.2026
    /// (answer due 30.12.2026, docs/delivery.md).
    static func deliveredClaim() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try expectSuccess(["build", telecom, "-o", "mts.zip"], in: scratch)
        try expectSuccess(["deliver", "mts.zip", "sent", "--date", "2026-11-22", "--tracking", "62009147017544"], in: scratch)
        try expectSuccess(["deliver", "mts.zip", "delivered", "--date", "2026-11-27"], in: scratch)
        return scratch
    }

    @discardableResult
    static func expectSuccess(_ arguments: [String], in scratch: ScratchFolder) throws -> CLIRunner.Outcome {
        let run = try CLIRunner.run(arguments, in: scratch.url)
        #expect(run.status == 0, "\(arguments.joined(separator: " ")): \(run.standardError)")
        return run
    }

    /// Fills every `<…>` placeholder of the folder's claim.yaml (a whole quoted value
    /// `"<…>"`) with a plain value.
    static func fillPlaceholders(_ folder: URL) throws {
        let file = folder.appendingPathComponent("claim.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        var filled = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let open = line.range(of: ": \"<"), let close = line.range(of: ">\"", options: .backwards),
                  open.upperBound <= close.lowerBound, !line[open.upperBound..<close.lowerBound].contains("\"") else { return String(line) }
            filled += 1
            // A date where the field is one (claimant.birth_date), text elsewhere.
            let value = line.contains("birth_date:") ? "1985-04-15" : "заполнено \(filled)"
            return line[..<open.lowerBound] + ": \"\(value)\"" + line[close.upperBound...]
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
    }

    static func claimText(_ folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("claim.yaml"), encoding: .utf8)
    }

    @Test func complaintFromAnOverdueClaimIsAFolderCheckReadsBack() throws {
        let scratch = try Self.deliveredClaim()
        let run = try Self.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2027-01-15"], in: scratch)
        #expect(run.standardOutput.contains("[roskomnadzor]"))
        let folder = scratch.url.appendingPathComponent("mts-2026-11-complaint")
        let text = try Self.claimText(folder)
        #expect(text.contains("kind: complaint\n"))
        #expect(text.contains("id: mts-2026-11-complaint\n"))
        #expect(text.contains("date: 2027-01-15\n"))
        #expect(text.contains("event: \"Претензия направлена 22.11.2026 ценным письмом с описью вложения № 62009147017544; вручена 27.11.2026; ответ в срок до 30.12.2026 не получен.\""))
        // The tracking number is the post's: in the sentence on how it was sent, never as
        // the reference the company gave («Номер обращения»).
        #expect(!text.contains("reference: \"62009147017544\""), "\(text)")
        #expect(text.contains("name: \"Федеральная служба по надзору в сфере связи, информационных технологий и массовых коммуникаций (Роскомнадзор)\""))
        #expect(text.contains("  sector: telecom\n") && text.contains("disputed: true"))
        let seal = try #require(try Self.seal(of: "mts.zip", in: scratch))
        #expect(text.contains("follows:\n  bundle: \"evidence/mts.zip\"\n  seal: \(seal)\n"))
        // The earlier bundle, byte for byte; the input bundle unchanged.
        let original = try Data(contentsOf: scratch.url.appendingPathComponent("mts.zip"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("evidence/mts.zip")) == original)

        // check: the only errors are the placeholders (the official's name).
        let check = try CLIRunner.run(["check", folder.path], in: scratch.url)
        #expect(check.status == 1)
        let errors = check.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1 && errors.allSatisfy { $0.contains("placeholder <") }, "\(check.standardError)")

        try Self.fillPlaceholders(folder)
        try Self.expectSuccess(["check", folder.path], in: scratch)
        try Self.expectSuccess(["build", folder.path, "-o", "complaint.zip"], in: scratch)
        let verify = try CLIRunner.run(["verify", "complaint.zip"], in: scratch.url)
        #expect(verify.status == 0, "\(verify.standardOutput)")
    }

    @Test func anEarlyStepIsRefusedUnlessAnyway() throws {
        let scratch = try Self.deliveredClaim()
        let early = try CLIRunner.run(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2026-12-30"], in: scratch.url)
        #expect(early.status == 1)
        #expect(early.standardError.contains("due by 2026-12-30") && early.standardError.contains("--anyway"))
        // The command it suggests names the bundle as given, never a literal BUNDLE.
        #expect(early.standardError.contains("claimpack deliver mts.zip answered --date"), "\(early.standardError)")
        #expect(!early.standardError.contains("BUNDLE"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("mts-2026-11-complaint").path))
        // The day after the due date it is overdue.
        try Self.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2026-12-31"], in: scratch)
        let anyway = try CLIRunner.run(["escalate", "mts.zip", "--to", "court", "--as-of", "2026-12-01", "--anyway"], in: scratch.url)
        #expect(anyway.status == 0, "\(anyway.standardError)")
        let text = try Self.claimText(scratch.url.appendingPathComponent("mts-2026-11-court"))
        #expect(text.contains("срок ответа истекает 30.12.2026"))
    }

    /// A statement of claim from a claim with no operations: one clear error, no "drafted
    /// anyway" before it, and nothing written; the early step's suggestion quotes the bundle.
    @Test func courtFromAClaimWithoutOperationsIsOneError() throws {
        let scratch = try ScratchFolder()
        let portal = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-city-portal-complaint").path
        try Self.expectSuccess(["build", portal, "-o", "my portal.zip"], in: scratch)
        let early = try CLIRunner.run(["escalate", "my portal.zip", "--to", "court"], in: scratch.url)
        #expect(early.status == 1)
        #expect(early.standardError.contains("claimpack deliver 'my portal.zip' sent --date"), "\(early.standardError)")
        let run = try CLIRunner.run(["escalate", "my portal.zip", "--to", "court", "--anyway"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.standardError.contains("mosru-compensation-2026 lists no operations"), "\(run.standardError)")
        #expect(!run.standardError.contains("drafted anyway") && !run.standardError.contains("no operation is disputed"), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["my portal.zip"])
    }

    @Test func anExistingFolderIsNeverWrittenOver() throws {
        let scratch = try Self.deliveredClaim()
        let folder = scratch.url.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let run = try CLIRunner.run(["escalate", "mts.zip", "--to", "court", "--as-of", "2027-01-15", "-o", "mine"], in: scratch.url)
        #expect(run.status == 73)
        #expect(run.standardError.contains("mine already exists"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["mine", "mts.zip"])
    }

    /// The draft is never written into a claim folder's evidence/ (the next build would
    /// take it for evidence): `OutputDestination`, as for build, letter, export and extract.
    @Test func neverIntoTheEvidenceOfAClaimFolder() throws {
        let scratch = try Self.deliveredClaim()
        let claim = scratch.url.appendingPathComponent("claim")
        try FileManager.default.createDirectory(at: claim.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try Data("format: 1\n".utf8).write(to: claim.appendingPathComponent("claim.yaml"))
        let run = try CLIRunner.run(["escalate", "mts.zip", "--to", "court", "--as-of", "2027-01-15", "-o", "claim/evidence/draft"], in: scratch.url)
        #expect(run.status == 73)
        #expect(run.standardError.contains("claim/evidence/draft: is inside"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: claim.appendingPathComponent("evidence").path).isEmpty)
    }

    /// The statement of claim from the telecom claim: principal 1 500 ₽, penalty 3 % a day
    /// from 31.12.2026 to 15.01.2027 (16 days: 720 ₽), moral damages left to the person,
    /// the 50 % fine; the plaintiff's birth date and identifier as placeholders.
    @Test func courtDemandsArePrefilled() throws {
        let scratch = try Self.deliveredClaim()
        try Self.expectSuccess(["escalate", "mts.zip", "--to", "court", "--as-of", "2027-01-15"], in: scratch)
        let folder = scratch.url.appendingPathComponent("mts-2026-11-court")
        let text = try Self.claimText(folder)
        #expect(text.contains("kind: court\n"))
        #expect(text.contains("в мою пользу 1\u{00A0}500,00 ₽ — сумму операций TX-0001."))
        // Worded for the court: the defendant, not the company by name, is to pay.
        #expect(text.contains("text: \"Взыскать с ответчика в мою пользу") && text.contains("text: \"Взыскать с ответчика неустойку"), "\(text)")
        #expect(text.contains("неустойку за период с 31.12.2026 по 15.01.2027 в размере 720,00 ₽"))
        #expect(text.contains("штраф в размере 50 %"))
        let check = try CLIRunner.run(["check", folder.path], in: scratch.url)
        let placeholders = check.standardError.split(separator: "\n").filter { $0.contains("placeholder <") }
        let errors = check.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        // The court and its address, moral damages, and the plaintiff's birth date, birth place
        // and identifier (ГПК РФ ст. 131 ч. 2 п. 2) — now claim.yaml fields, not account lines.
        #expect(placeholders.count == 6 && errors.count == 6, "\(check.standardError)")
        #expect(placeholders.contains { $0.contains("addressee.name") })
        #expect(["claimant.birth_date", "claimant.birth_place", "claimant.identifier"].allSatisfy { field in placeholders.contains { $0.contains(field) } })
        #expect(!text.contains("Дата и место рождения истца\":"))
    }

    /// claim → complaint → court, each built and the last verified with the chain.
    @Test func aChainOfThreeBundlesVerifies() throws {
        let scratch = try Self.deliveredClaim()
        // Dates no later than the day deliver accepts (today, 2026-12-04 or after).
        try Self.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2026-12-01", "--anyway", "-o", "complaint"], in: scratch)
        try Self.fillPlaceholders(scratch.url.appendingPathComponent("complaint"))
        try Self.expectSuccess(["build", "complaint", "-o", "complaint.zip"], in: scratch)
        try Self.expectSuccess(["deliver", "complaint.zip", "sent", "--date", "2026-12-01", "--tracking", "62009147017544"], in: scratch)
        try Self.expectSuccess(["deliver", "complaint.zip", "delivered", "--date", "2026-12-02"], in: scratch)
        let proof = scratch.url.appendingPathComponent("answer.txt")
        try Data("Ответ Роскомнадзора: нарушений не выявлено.".utf8).write(to: proof)
        try Self.expectSuccess(["deliver", "complaint.zip", "answered", "--date", "2026-12-03", "--proof", "answer.txt"], in: scratch)
        try Self.expectSuccess(["escalate", "complaint.zip", "--to", "court", "--as-of", "2026-12-04", "-o", "court"], in: scratch)
        let text = try Self.claimText(scratch.url.appendingPathComponent("court"))
        #expect(text.contains("Получен ответ от 03.12.2026"))
        #expect(text.contains("evidence: [answered-proof]"))
        // The answer proof, copied out of the complaint's bundle, byte for byte.
        let copied = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("court/evidence/delivery").path)
        #expect(copied.count == 1)
        #expect(try Data(contentsOf: scratch.url.appendingPathComponent("court/evidence/delivery/\(copied[0])")) == Data(contentsOf: proof))
        try Self.fillPlaceholders(scratch.url.appendingPathComponent("court"))
        try Self.expectSuccess(["build", "court", "-o", "court.zip"], in: scratch)
        let verify = try CLIRunner.run(["verify", "court.zip", "--json"], in: scratch.url)
        #expect(verify.status == 0, "\(verify.standardOutput)")
        // From the complaint, the penalty still runs from the claim's answer date (due
        // 30.12.2026), not the regulator's: 31.12.2026–15.01.2027, 16 × 45,00 = 720,00 —
        // as the printed statement counts it.
        try Self.expectSuccess(["escalate", "complaint.zip", "--to", "court", "--as-of", "2027-01-15", "-o", "court-later"], in: scratch)
        let later = try Self.claimText(scratch.url.appendingPathComponent("court-later"))
        #expect(later.contains("неустойку за период с 31.12.2026 по 15.01.2027 в размере 720,00 ₽"), "\(later)")
        try Self.fillPlaceholders(scratch.url.appendingPathComponent("court-later"))
        let letter = try CLIRunner.run(["letter", "court-later", "--format", "text"], in: scratch.url)
        #expect(letter.status == 0, "\(letter.standardError)")
        #expect(letter.standardOutput.contains("1\u{00A0}500,00 × 3\u{00A0}% × 16 = 720,00"), "\(letter.standardOutput)")
    }

    @Test func aCitedSealThatDoesNotMatchIsRefusedByBuild() throws {
        let scratch = try Self.deliveredClaim()
        try Self.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2027-01-15", "-o", "complaint"], in: scratch)
        let folder = scratch.url.appendingPathComponent("complaint")
        try Self.fillPlaceholders(folder)
        let seal = try #require(try Self.seal(of: "mts.zip", in: scratch))
        let text = try Self.claimText(folder).replacingOccurrences(of: "seal: \(seal)", with: "seal: \(String(repeating: "ab", count: 32))")
        try Data(text.utf8).write(to: folder.appendingPathComponent("claim.yaml"))
        let build = try CLIRunner.run(["build", "complaint", "-o", "complaint.zip"], in: scratch.url)
        #expect(build.status == 1)
        #expect(build.standardError.contains("follows.bundle: evidence/mts.zip: its seal is \(seal)"), "\(build.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("complaint.zip").path))
    }

    /// An inner bundle altered inside the outer archive: its own findings come under its
    /// path (`…/data/evidence/mts.zip!/…`).
    @Test func aTamperedInnerBundleIsFoundUnderItsPath() throws {
        let scratch = try Self.deliveredClaim()
        try Self.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2027-01-15", "-o", "complaint"], in: scratch)
        try Self.fillPlaceholders(scratch.url.appendingPathComponent("complaint"))
        try Self.expectSuccess(["build", "complaint", "-o", "complaint.zip"], in: scratch)
        // Flip one byte of the stored PNG inside the inner bundle, and put it back.
        let script = """
        import sys, zipfile, io, struct
        outer = zipfile.ZipFile("complaint.zip")
        inner_name = "mts-2026-11-complaint/data/evidence/mts.zip"
        inner = bytearray(outer.read(inner_name))
        z = zipfile.ZipFile(io.BytesIO(bytes(inner)))
        info = next(i for i in z.infolist() if i.filename.endswith(".png"))
        o = info.header_offset
        n, e = struct.unpack("<HH", inner[o + 26:o + 30])
        inner[o + 30 + n + e + 40] ^= 0xFF
        out = zipfile.ZipFile("tampered.zip", "w")
        for i in outer.infolist():
            out.writestr(i, bytes(inner) if i.filename == inner_name else outer.read(i.filename))
        out.close()
        """
        _ = try CLIRunner.runTool("/usr/bin/python3", ["-c", script], in: scratch.url)
        let verify = try CLIRunner.run(["verify", "tampered.zip"], in: scratch.url)
        #expect(verify.status == 1)
        let inner = verify.standardOutput.split(separator: "\n")
            .filter { $0.contains("mts-2026-11-complaint/data/evidence/mts.zip!/mts-2026-11/data/evidence/balance-2026-10-01.png") }
        #expect(inner.contains { $0.hasPrefix("V104 error:") }, "\(verify.standardOutput)")
    }

    /// Six bundles, each carrying the one before: four deep is the limit `verify` checks,
    /// so `build` writes the fourth level (which verifies) and refuses the fifth, which
    /// `verify` would refuse (V603): build never writes a chain its own verify rejects.
    @Test func aChainNestedPastTheDepthLimitIsRefused() throws {
        let scratch = try Self.deliveredClaim()
        var previous = "mts.zip"
        for level in 1...5 {
            try Self.expectSuccess(["escalate", previous, "--to", "complaint", "--as-of", "2027-01-15", "--anyway", "-o", "step\(level)"], in: scratch)
            try Self.fillPlaceholders(scratch.url.appendingPathComponent("step\(level)"))
            if level == 5 { break }
            try Self.expectSuccess(["build", "step\(level)", "-o", "step\(level).zip"], in: scratch)
            previous = "step\(level).zip"
        }
        let four = try CLIRunner.run(["verify", "step4.zip"], in: scratch.url)
        #expect(four.status == 0, "\(four.standardOutput)")
        let five = try CLIRunner.run(["build", "step5", "-o", "step5.zip"], in: scratch.url)
        #expect(five.status == 1)
        #expect(five.standardError.contains("follows.bundle: evidence/step4.zip: it already carries 4 earlier bundles") && five.standardError.contains("V603"),
                "\(five.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("step5.zip").path))
        let check = try CLIRunner.run(["check", "step5"], in: scratch.url)
        #expect(check.status == 1 && check.standardError.contains("follows.bundle: evidence/step4.zip: it already carries 4"), "\(check.standardError)")
    }

    /// Values YAML would misread unquoted — a colon, `#`, quotes, a backslash, a leading
    /// `*` or `<` — come back from the escalated folder exactly as they were.
    @Test func valuesYAMLWouldMisreadRoundTrip() throws {
        let scratch = try ScratchFolder()
        let claim = scratch.url.appendingPathComponent("claim")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.telecom), to: claim)
        let name = "*Иванов: \"Ваня\" # 1 \\ <2>"
        let company = "<ПАО> «МТС»: #1"
        var text = try Self.claimText(claim)
        text = text.replacingOccurrences(of: "name: Иванов Иван Иванович", with: "name: '\(name)'")
            .replacingOccurrences(of: "name: ПАО «Мобильные ТелеСистемы»", with: "name: '\(company)'")
        try Data(text.utf8).write(to: claim.appendingPathComponent("claim.yaml"))
        try Self.expectSuccess(["build", "claim", "-o", "mts.zip"], in: scratch)
        try Self.expectSuccess(["escalate", "mts.zip", "--to", "complaint", "--as-of", "2026-12-01", "--anyway", "-o", "next"], in: scratch)
        try Self.fillPlaceholders(scratch.url.appendingPathComponent("next"))
        try Self.expectSuccess(["build", "next", "-o", "next.zip"], in: scratch)
        let status = try CLIRunner.run(["status", "next.zip", "--json"], in: scratch.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any])
        #expect(object["claimant"] as? String == name)
        #expect(object["respondent"] as? String == company)
    }

    static func seal(of bundle: String, in scratch: ScratchFolder) throws -> String? {
        let run = try CLIRunner.run(["status", bundle, "--json"], in: scratch.url)
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        return object?["seal"] as? String
    }
}
