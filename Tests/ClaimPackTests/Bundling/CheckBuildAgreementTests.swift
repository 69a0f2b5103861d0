import Foundation
import Testing
@testable import ClaimPack

/// `check` and `build` agree: every claim `check` accepts builds into a bundle that
/// `verify` finds intact (its manifest.xml and delivery.xml valid against the schemas);
/// what cannot be represented is an error of `check`, with a code. Claims are generated
/// from the model's whole value space: leading and trailing spaces, every Unicode general
/// category (controls, format characters, unassigned, private use, non-characters), XML's
/// special characters, file names long and alike.
struct CheckBuildAgreementTests {
    /// Characters from every general category, and the ones XML, XSD patterns and
    /// terminals treat specially.
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", " ", " ", " ", "-", ".", "_", "<", ">", "&", "\"", "'", "#", ":", "[", "{", "*", "!", "%", "@", "|",
        "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}",
        "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{A0}", "\u{AD}", "\u{300}", "\u{378}", "\u{5D0}", "\u{61C}", "\u{E01}",
        "\u{200B}", "\u{200D}", "\u{200E}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{2066}", "\u{3000}", "\u{E000}",
        "\u{FEFF}", "\u{FFF9}", "\u{FFFD}", "\u{1F600}", "\u{E0001}", "\u{F0000}",
        "ж", "Ё", "ї", "ß", "ﬁ", "Å", "\u{212B}", "中",
    ] + [0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF].map { Unicode.Scalar($0)! }

    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// A text of 0 to 12 characters, sometimes with spaces around it.
    static func text(_ random: inout SeededGenerator) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            // Controls and U+FFFE/FFFF, which check refuses, are drawn rarely, so that
            // most claims are accepted and built.
            var scalar = alphabet.randomElement(using: &random)!
            while isRefused(scalar), Int.random(in: 0..<12, using: &random) != 0 { scalar = alphabet.randomElement(using: &random)! }
            scalars.append(scalar)
        }
        var text = String(scalars)
        if Bool.random(using: &random) { text = " " + text }
        if Bool.random(using: &random) { text += "  " }
        return text
    }

    /// `text` as a YAML double-quoted scalar: every character but printable ASCII escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" {
                result += "\\" + String(scalar)
            } else if (0x20..<0x7F).contains(scalar.value) {
                result.unicodeScalars.append(scalar)
            } else {
                result += String(format: "\\U%08X", scalar.value)
            }
        }
        return result + "\""
    }

    /// A file name a file system can hold: no "/" or NUL, at most 255 bytes.
    static func fileName(_ random: inout SeededGenerator, index: Int) -> String {
        var name: String
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            // Long and alike: only the end differs.
            name = String(repeating: "очень-длинное-похожее-имя-", count: 4) + "\(index % 7)-\(index)"
        case 1:
            name = " " + text(&random) + ".txt"
        default:
            name = text(&random) + [".txt", ".pdf", ".png", "", ".md"].randomElement(using: &random)!
        }
        name = String(String.UnicodeScalarView(name.unicodeScalars.filter { $0 != "/" && $0 != "\u{0}" }))
        while name.utf8.count > 255 { name.removeLast() }
        if name.isEmpty || name == "." || name == ".." { name = "file-\(index)" }
        return name
    }

    /// A claim whose fields are valid, but for a few drawn from the whole value space.
    static func claimYAML(_ random: inout SeededGenerator, files: [String]) -> String {
        var fields: [String: String] = [
            "subject": "Refund", "claimantName": "Ann Smith", "claimantAddress": "1 Road, Leeds", "phone": "+44 20 0000 0000",
            "respondentName": "Shop Ltd", "respondentAddress": "2 Road, York", "position": "The Director",
            "label": "Account", "value": "12345", "event": "Charged twice.", "reference": "T-1",
            "description": "Card payment", "demand": "Refund.", "basis": "Consumer Rights Act 2015",
            "title": "Receipt", "source": "https://bank.example", "id": "receipt", "note": "x",
        ]
        let keys = fields.keys.sorted()
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            fields[keys.randomElement(using: &random)!] = text(&random)
        }
        let q = { (key: String) in quoted(fields[key]!) }
        var yaml = """
            format: 1
            language: en
            id: agreement-test
            date: 2026-11-21
            subject: \(q("subject"))
            claimant: {name: \(q("claimantName")), address: \(q("claimantAddress")), phone: \(q("phone")), email: ann@example.com}
            respondent: {name: \(q("respondentName")), address: \(q("respondentAddress"))}
            addressee: {position: \(q("position")), name: Shop Ltd, address: "2 Road, York"}
            account:
              \(q("label")): \(q("value"))
            timeline:
              - at: 2026-10-01T10:15+01:00
                event: \(q("event"))
                reference: \(q("reference"))
                operations: [TX-1]
            operations:
              - {id: TX-1, at: "2026-10-01T10:15+01:00", amount: "10.00", currency: GBP, description: \(q("description"))}
            demands:
              - {text: \(q("demand")), basis: \(q("basis"))}
            delivery: {method: email}

            """
        if let described = files.first {
            yaml += "evidence:\n  - {id: \(q("id")), file: \(quoted("evidence/" + described)), title: \(q("title")), source: \(q("source"))}\n"
        }
        return yaml
    }

    @Test(arguments: 0..<4)
    func everyClaimCheckAcceptsBuildsAndVerifies(_ batch: Int) throws {
        var random = SeededGenerator(state: 0xC1A1_0000 + UInt64(batch))
        var accepted = 0
        for round in 0..<40 {
            let folder = try TemporaryFolder()
            var files: [String] = []
            for index in 0..<Int.random(in: 1...6, using: &random) {
                let name = Self.fileName(&random, index: index)
                guard !files.contains(where: { $0.lowercased().nfc == name.lowercased().nfc }) else { continue }
                guard FileManager.default.createFile(atPath: folder.url.appendingPathComponent("evidence").path + "/" + name, contents: nil) ||
                      (try? FileManager.default.createDirectory(at: folder.url.appendingPathComponent("evidence"), withIntermediateDirectories: true)) != nil &&
                      FileManager.default.createFile(atPath: folder.url.appendingPathComponent("evidence").path + "/" + name, contents: Data(name.utf8))
                else { continue }
                files.append(name)
            }
            let yaml = Self.claimYAML(&random, files: files)
            try folder.write("claim.yaml", yaml)
            let context = "batch \(batch) round \(round):\n\(yaml)\nfiles: \(files.map(\.debugDescription))"
            let report = try TestSupport.reader.read(folder: folder.url)
            guard report.isBuildable else {
                #expect(report.diagnostics.containsErrors, "\(context)")
                continue
            }
            accepted += 1
            let bundle = folder.url.deletingLastPathComponent().appendingPathComponent("agreement.zip")
            do {
                _ = try BundleTestSupport.builder.build(report, to: bundle, replacing: true)
            } catch {
                Issue.record("check accepted, build refused: \(error)\n\(context)")
                continue
            }
            let verification = try VerificationTestSupport.verifier.verify(bundle)
            #expect(verification.isIntact, "\(verification.findings)\n\(context)")
        }
        #expect(accepted >= 5, "too few claims accepted to test anything: \(accepted)")
    }
}
