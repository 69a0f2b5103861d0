import Foundation
import Testing

/// `--json` on every command: one object on standard output, valid against the schema
/// shipped in Schemas/json/ as checked by an independent validator (Python's jsonschema),
/// and on failure the error object with the exit status the text mode has.
struct JSONOutputTests {
    /// What the validator said about one output.
    struct Validation {
        let valid: Bool
        let report: String
    }

    /// Validates `json` against `Schemas/json/NAME.schema.json` with Tests/Support/validate_json.py.
    static func validate(_ json: String, against name: String, in scratch: ScratchFolder) throws -> Validation {
        let file = scratch.url.appendingPathComponent("output-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        let process = Process()
        // python3 from PATH, where scripts/setup.sh --tests installed jsonschema.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLIRunner.repositoryRoot.appendingPathComponent("Tests/Support/validate_json.py").path,
                             CLIRunner.repositoryRoot.appendingPathComponent("Schemas/json").path, name, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Validation(valid: process.terminationStatus == 0, report: String(decoding: data, as: UTF8.self))
    }

    /// Runs `claimpack arguments… --json` and checks the object against `schema` (or, when
    /// the status is `errorStatus`, the error schema), `format` and `command`.
    @discardableResult
    static func check(_ arguments: [String], schema: String, status: Int32, in scratch: ScratchFolder,
                      error: Bool = false, usageWithoutJSON: Bool = true) throws -> [String: Any] {
        let outcome = try CLIRunner.run(arguments + ["--json"], in: scratch.url)
        #expect(outcome.status == status, "\(arguments): \(outcome.standardError)")
        let validation = try validate(outcome.standardOutput, against: error ? "error" : schema, in: scratch)
        #expect(validation.valid, "\(arguments): \(validation.report)\n\(outcome.standardOutput)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(object["format"] as? Int == 1)
        #expect(object["command"] as? String == arguments[0])
        if error {
            let details = try #require(object["error"] as? [String: Any])
            #expect(details["exit"] as? Int == Int(status))
            #expect((details["message"] as? String)?.isEmpty == false)
            // The same status as without --json (where --json itself is not what is wrong).
            if usageWithoutJSON {
                let plain = try CLIRunner.run(arguments, in: scratch.url)
                #expect(plain.status == status)
            }
        }
        return object
    }

    @Test func everyCommandsObjectAndErrorMatchTheShippedSchemas() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path
        try Self.check(["init", "new", "--language", "en"], schema: "init", status: 0, in: scratch)
        try Data().write(to: scratch.url.appendingPathComponent("a-file"))
        try Self.check(["init", "a-file"], schema: "init", status: 73, in: scratch, error: true)

        try Self.check(["check", example], schema: "check", status: 0, in: scratch)
        let dirty = try Self.check(["check", "new"], schema: "check", status: 1, in: scratch)
        #expect((dirty["errors"] as? Int ?? 0) > 0)
        #expect((dirty["diagnostics"] as? [[String: Any]])?.count ?? 0 >= dirty["errors"] as? Int ?? 0)
        try Self.check(["check", "missing"], schema: "check", status: 66, in: scratch, error: true)

        let built = try Self.check(["build", example, "-o", "b.zip"], schema: "build", status: 0, in: scratch)
        let seal = try #require(built["seal"] as? String)
        try Self.check(["build", example, "-o", "b.zip"], schema: "build", status: 73, in: scratch, error: true)
        let failed = try Self.check(["build", "new"], schema: "build", status: 1, in: scratch, error: true)
        #expect((failed["diagnostics"] as? [Any])?.isEmpty == false, "the claim's errors are in the error object")

        let verified = try Self.check(["verify", "b.zip", "--seal", seal], schema: "verify", status: 0, in: scratch)
        #expect(verified["sealMatches"] as? Bool == true)
        try Self.check(["verify", "missing.zip"], schema: "verify", status: 66, in: scratch, error: true)

        try Self.check(["letter", "b.zip", "-o", "letter.txt", "--format", "text"], schema: "letter", status: 0, in: scratch)
        try Self.check(["letter", "b.zip", "--format", "text"], schema: "letter", status: 64, in: scratch, error: true,
                       usageWithoutJSON: false)
        // -o - puts the PDF on standard output: no room for the object there.
        let piped = try Self.check(["letter", "b.zip", "-o", "-"], schema: "letter", status: 64, in: scratch, error: true,
                                   usageWithoutJSON: false)
        #expect(((piped["error"] as? [String: Any])?["message"] as? String)?.contains("--json needs -o FILE") == true)

        try Data("receipt".utf8).write(to: scratch.url.appendingPathComponent("receipt.pdf"))
        let delivered = try Self.check(["deliver", "b.zip", "sent", "--date", "2026-11-22", "--tracking", "RR473124829RU",
                                        "--proof", "receipt.pdf"], schema: "deliver", status: 0, in: scratch)
        #expect((delivered["event"] as? [String: Any])?["type"] as? String == "sent")
        let refused = try Self.check(["deliver", "b.zip", "answered", "--date", "2026-11-10"], schema: "deliver", status: 1,
                                     in: scratch, error: true)
        #expect((refused["error"] as? [String: Any])?["code"] as? String == "problems-found")

        try Self.check(["status", "b.zip"], schema: "status", status: 0, in: scratch)
        try Self.check(["status", "missing.zip"], schema: "status", status: 66, in: scratch, error: true)

        try Self.check(["list", "b.zip"], schema: "list", status: 0, in: scratch)
        try Self.check(["list", "missing.zip"], schema: "list", status: 66, in: scratch, error: true)

        try Self.check(["extract", "b.zip", "out"], schema: "extract", status: 0, in: scratch)
        try Self.check(["extract", "b.zip", "out"], schema: "extract", status: 73, in: scratch, error: true)

        try Self.check(["export", "b.zip", "--for", "email", "-o", "exported"], schema: "export", status: 0, in: scratch)
        try Self.check(["export", "b.zip", "--for", "email", "-o", "exported"], schema: "export", status: 73, in: scratch, error: true)

        try Self.check(["timestamp", "b.zip", "--request", "b.tsq"], schema: "timestamp", status: 0, in: scratch)
        try Self.check(["timestamp", "b.zip"], schema: "timestamp", status: 64, in: scratch, error: true)

        try Self.check(["escalate", "b.zip", "--to", "complaint", "--anyway"], schema: "escalate", status: 0, in: scratch)
        try Self.check(["escalate", "--list-authorities", "--language", "ru"], schema: "escalate", status: 0, in: scratch)
        try Self.check(["escalate", "b.zip"], schema: "escalate", status: 64, in: scratch, error: true)
    }

    @Test func aBundleThatDoesNotVerifyGivesItsFindingsInTheErrorObject() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path
        #expect(try CLIRunner.run(["build", example, "-o", "b.zip"], in: scratch.url).status == 0)
        // One evidence file changed, the archive re-packed by Python's zipfile.
        let script = """
            import sys, zipfile
            src = zipfile.ZipFile(sys.argv[1]); out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
            for info in src.infolist():
                data = src.read(info.filename)
                out.writestr(info.filename, data + b'x' if '/data/evidence/' in info.filename and not info.is_dir() else data)
            out.close()
            """
        _ = try CLIRunner.runTool("/usr/bin/python3", ["-c", script, "b.zip", "t.zip"], in: scratch.url)
        for command in ["list", "status"] {
            let object = try Self.check([command, "t.zip"], schema: command, status: 1, in: scratch, error: true)
            let findings = try #require(object["findings"] as? [[String: Any]])
            #expect(findings.contains { $0["code"] as? String == "V204" && $0["severity"] as? String == "error" }, "\(findings)")
        }
        // verify's own object carries the verdict; no error object.
        let verified = try Self.check(["verify", "t.zip"], schema: "verify", status: 1, in: scratch)
        #expect(verified["verdict"] as? String == "not-intact")
        #expect(verified["error"] == nil)
    }

    @Test func aSealWithLookAlikesIsNotedInMessages() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path
        let built = try Self.check(["build", example, "-o", "b.zip"], schema: "build", status: 0, in: scratch)
        let seal = try #require(built["seal"] as? String).replacingOccurrences(of: "c", with: "с")
        let verified = try Self.check(["verify", "b.zip", "--seal", seal], schema: "verify", status: 0, in: scratch)
        #expect(verified["sealMatches"] as? Bool == true)
        let messages = try #require(verified["messages"] as? [String])
        #expect(messages.first?.hasPrefix("claimpack: note: --seal: read Cyrillic с (U+0441) at digit") == true, "\(messages)")
        let refused = try Self.check(["verify", "b.zip", "--seal", "р" + seal.dropFirst()], schema: "verify", status: 64, in: scratch,
                                     error: true)
        #expect(((refused["error"] as? [String: Any])?["message"] as? String)?.contains("retype Cyrillic р (U+0440) at digit 1") == true)
    }

    @Test func theValidatorRejectsAnObjectTheSchemaDoesNotDescribe() throws {
        let scratch = try ScratchFolder()
        let outcome = try CLIRunner.run(["check", CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path,
                                         "--json"], in: scratch.url)
        #expect(try Self.validate(outcome.standardOutput, against: "check", in: scratch).valid)
        #expect(try !Self.validate(outcome.standardOutput, against: "build", in: scratch).valid)
        let extra = outcome.standardOutput.replacingOccurrences(of: "\"format\" : 1", with: "\"format\" : 1, \"undocumented\" : true")
        #expect(try !Self.validate(extra, against: "check", in: scratch).valid)
    }

    @Test func warningsAreInTheObjectAndMessagesKeepStandardErrorsLines() throws {
        let scratch = try ScratchFolder()
        let claim = try scratch.claimWithRecording(size: 10)
        try FileManager.default.createDirectory(at: claim.appendingPathComponent("evidence/extra"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: claim.appendingPathComponent("evidence/extra/undescribed.txt"))
        let outcome = try CLIRunner.run(["build", claim.path, "-o", "w.zip", "--json"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["severity"] as? String == "warning" }, "\(outcome.standardOutput)")
        #expect(try Self.validate(outcome.standardOutput, against: "build", in: scratch).valid)
    }

    /// A Ukrainian claim's period is one month (ЗУ «Про звернення громадян», ст. 20): the
    /// object says so (`count` 1, `unit` `months`), not 30 days, and validates.
    @Test func aPeriodInMonthsIsDescribedAsMonthsAndValidates() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/uk-mobile-roaming").path
        try Self.check(["build", example, "-o", "u.zip"], schema: "build", status: 0, in: scratch)
        let prepared = try Self.check(["status", "u.zip"], schema: "status", status: 0, in: scratch)
        let period = try #require(prepared["period"] as? [String: Any])
        #expect(period["count"] as? Int == 1 && period["unit"] as? String == "months", "\(period)")
        #expect(period["lawCount"] as? Int == 1 && period["lawUnit"] as? String == "months", "\(period)")
        #expect(period["days"] == nil)
        for (state, date) in [("sent", "2026-11-23"), ("delivered", "2026-11-27")] {
            let run = try CLIRunner.run(["deliver", "u.zip", state, "--date", date], in: scratch.url)
            #expect(run.status == 0, "\(run.standardError)")
        }
        let delivered = try Self.check(["status", "u.zip"], schema: "status", status: 0, in: scratch)
        #expect(delivered["answerDue"] as? String == "2026-12-28", "\(delivered)")
    }

    /// `verify DIR --json` on an extracted bundle: verdict `content-intact-folder` (exit 2),
    /// an object the shipped schema describes.
    @Test func verifyingAnExtractedFolderMatchesTheSchema() throws {
        let scratch = try ScratchFolder()
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Examples/ru-telecom-subscription").path
        try Self.check(["build", example, "-o", "b.zip"], schema: "build", status: 0, in: scratch)
        try Self.check(["extract", "b.zip", "out"], schema: "extract", status: 0, in: scratch)
        let verified = try Self.check(["verify", "out"], schema: "verify", status: 2, in: scratch)
        #expect(verified["verdict"] as? String == "content-intact-folder")
    }
}
