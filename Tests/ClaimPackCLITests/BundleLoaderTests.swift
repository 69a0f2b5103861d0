import Foundation
import Testing

/// The commands that read a claim (`list`, `status`, `letter`) accept its content intact in
/// another container — a ZIP re-packed by `zip -r` or Python's `zipfile`, or the folder
/// `unzip` made — with a note; those that rewrite or carry the bundle (`deliver`,
/// `timestamp`, `escalate`) refuse them, saying why, and change nothing.
struct BundleLoaderTests {
    /// `b.zip` (the Ukrainian example, sent), its folder `x` made by `unzip`, `zip.zip`
    /// re-packed by `zip -r` and `py.zip` by Python's zipfile.
    static func containers() throws -> ScratchFolder {
        let scratch = try ListCommandTests.deliveredBundle()
        _ = try VerifyFolderCommandTests.unzip("b.zip", in: scratch)
        let folder = scratch.url.appendingPathComponent("x")
        _ = try CLIRunner.runTool("/usr/bin/zip", ["-q", "-r", "../zip.zip", "."], in: folder)
        let script = """
            import sys, zipfile
            src = zipfile.ZipFile(sys.argv[1])
            with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as out:
                for info in reversed(src.infolist()):
                    out.writestr(info.filename, src.read(info.filename))
            """
        _ = try CLIRunner.runTool("/usr/bin/env", ["python3", "-c", script, "b.zip", "py.zip"], in: scratch.url)
        for name in ["zip.zip", "py.zip"] {
            #expect(try CLIRunner.run(["verify", name], in: scratch.url).status == 2, "\(name) is not a re-pack")
        }
        #expect(try CLIRunner.run(["verify", "x"], in: scratch.url).status == 2)
        return scratch
    }

    static let notes = [
        "x": "claimpack: note: x: an extracted folder; its content is intact (the seal and every digest hold)\n",
        "zip.zip": "claimpack: note: zip.zip: the content is intact, the ZIP was re-packed by another tool (V130); read from the sealed content\n",
        "py.zip": "claimpack: note: py.zip: the content is intact, the ZIP was re-packed by another tool (V130); read from the sealed content\n",
    ]

    @Test func readingCommandsAcceptTheContentInAnyContainerWithANote() throws {
        let scratch = try Self.containers()
        let list = try CLIRunner.run(["list", "b.zip"], in: scratch.url)
        let status = try CLIRunner.run(["status", "b.zip", "--json"], in: scratch.url)
        let letter = try CLIRunner.run(["letter", "b.zip", "--format", "text"], in: scratch.url)
        #expect(list.status == 0 && status.status == 0 && letter.status == 0, "\(letter.standardError)")
        for (name, note) in Self.notes {
            let listed = try CLIRunner.run(["list", name], in: scratch.url)
            #expect(listed.status == 0, "\(name): \(listed.standardError)")
            #expect(listed.standardError == note)
            #expect(listed.standardOutput == list.standardOutput.replacingOccurrences(of: "bundle: b.zip", with: "bundle: \(name)"))
            let shown = try CLIRunner.run(["status", name, "--json"], in: scratch.url)
            #expect(shown.status == 0 && shown.standardError == note, "\(name): \(shown.standardError)")
            // The same object, but for the name and the note, which `messages` carries too.
            #expect(Self.withoutMessages(shown.standardOutput.replacingOccurrences(of: "\"\(name)\"", with: "\"b.zip\""))
                    == Self.withoutMessages(status.standardOutput))
            let messages = (try? JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8)) as? [String: Any])?["messages"] as? [String]
            #expect(messages == [String(note.dropLast())], "\(name): the note is in messages")
            let printed = try CLIRunner.run(["letter", name, "--format", "text"], in: scratch.url)
            #expect(printed.status == 0 && printed.standardError.hasPrefix(note), "\(name): \(printed.standardError)")
            // The letter names the file it was given (three times; lines wrap by its length),
            // a folder as the ZIP build names (<id>.zip), and is otherwise the same.
            func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            let file = name == "x" ? "kyivstar-roaming-2026.zip" : name
            let renamed = [" \(file)), ", " \(file). ", "verify \(file) "].reduce(words(printed.standardOutput)) {
                $0.replacingOccurrences(of: $1, with: $1.replacingOccurrences(of: file, with: "b.zip"))
            }
            #expect(renamed == words(letter.standardOutput), "\(name)")
        }
        // A folder that is not a bag is still read as a claim folder by letter.
        let notABag = try CLIRunner.run(["letter", ".", "--format", "text"], in: scratch.url)
        #expect(notABag.status != 0 && !notABag.standardError.contains("bagit.txt"), "\(notABag.standardError)")
    }

    @Test func commandsThatRewriteOrCarryTheBundleRefuseOtherContainers() throws {
        let scratch = try Self.containers()
        for name in ["zip.zip", "py.zip"] {
            let before = try Data(contentsOf: scratch.url.appendingPathComponent(name))
            let delivered = try CLIRunner.run(["deliver", name, "delivered", "--date", "2026-11-25"], in: scratch.url)
            #expect(delivered.status == 1)
            #expect(delivered.standardError.contains("re-packed the ZIP (V130); it is refused: this command needs the bundle claimpack wrote"), "\(delivered.standardError)")
            let stamped = try CLIRunner.run(["timestamp", name, "--tsa", "http://127.0.0.1:9/"], in: scratch.url)
            #expect(stamped.status == 1)
            #expect(stamped.standardError.contains("(V130); it is refused"), "\(stamped.standardError)")
            let escalated = try CLIRunner.run(["escalate", name, "--to", "complaint", "--anyway", "-o", "c"], in: scratch.url)
            #expect(escalated.status == 1, "\(escalated.standardError)")
            #expect(try Data(contentsOf: scratch.url.appendingPathComponent(name)) == before)
        }
        let delivered = try CLIRunner.run(["deliver", "x", "delivered", "--date", "2026-11-25"], in: scratch.url)
        #expect(delivered.status == 66)
        #expect(delivered.standardError.contains("x: cannot be read (a folder: only the bundle's .zip is rewritten"), "\(delivered.standardError)")
        let stamped = try CLIRunner.run(["timestamp", "x", "--tsa", "http://127.0.0.1:9/"], in: scratch.url)
        #expect(stamped.status == 66)
        let escalated = try CLIRunner.run(["escalate", "x", "--to", "complaint", "--anyway", "-o", "c"], in: scratch.url)
        #expect(escalated.status == 1)
        #expect(escalated.standardError.contains("an extracted folder (its content is intact); it is refused"), "\(escalated.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("c").path))
        let extracted = try CLIRunner.run(["extract", "x", "y"], in: scratch.url)
        #expect(extracted.status == 66 && extracted.standardError.contains("a folder, extracted already"))
    }

    /// A `--json` object with its `messages` left out, keys sorted.
    static func withoutMessages(_ json: String) -> String {
        guard var object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return json }
        object["messages"] = nil
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return json }
        return String(decoding: data, as: UTF8.self)
    }
}
