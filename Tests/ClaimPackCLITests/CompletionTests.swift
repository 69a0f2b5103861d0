import Foundation
import Testing

/// Completion that helps (issue 17, item 3): the generated bash script, sourced in bash,
/// offers bundles for bundles, folders for folders, files for files, and only the values
/// an enumeration accepts.
struct CompletionTests {
    /// What `claimpack LINE<TAB>` offers in bash, sorted, in a folder holding two bundles,
    /// a text file, a photo and two folders (one with a space in its name).
    static func complete(_ line: String) throws -> [String] {
        let scratch = try ScratchFolder()
        for file in ["b.zip", "other.zip", "note.txt", "receipt.jpg"] {
            _ = FileManager.default.createFile(atPath: scratch.url.appendingPathComponent(file).path, contents: Data())
        }
        for folder in ["my claim", "tpl"] {
            try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let script = try CLIRunner.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        let scriptFolder = try ScratchFolder()
        let scriptFile = scriptFolder.url.appendingPathComponent("claimpack.bash")
        try Data(script.standardOutput.utf8).write(to: scriptFile)
        // As bash's programmable completion calls it: COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT.
        let harness = """
            source "$2"
            COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _claimpack claimpack "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let offered = try CLIRunner.runTool("/bin/bash", ["-c", harness, "bash", line, scriptFile.path], in: scratch.url)
        return offered.split(separator: "\n").map(String.init).sorted()
    }

    @Test func aBundleArgumentOffersZipFilesAndFolders() throws {
        #expect(try Self.complete("claimpack verify ") == ["b.zip", "my claim", "other.zip", "tpl"])
        #expect(try Self.complete("claimpack status o") == ["other.zip"])
        #expect(try Self.complete("claimpack letter ") == ["b.zip", "my claim", "other.zip", "tpl"])
    }

    @Test func deliverOffersOnlyTheEventsItRecords() throws {
        #expect(try Self.complete("claimpack deliver b.zip ") == ["answered", "delivered", "returned", "sent"])
        #expect(try Self.complete("claimpack deliver b.zip sent --carrier u") == ["ukrposhta", "usps"])
    }

    @Test func foldersCompleteFolders() throws {
        #expect(try Self.complete("claimpack letter b.zip --templates ") == ["my claim", "tpl"])
        #expect(try Self.complete("claimpack check ") == ["my claim", "tpl"])
        #expect(try Self.complete("claimpack build ") == ["my claim", "tpl"])
        #expect(try Self.complete("claimpack extract b.zip ") == ["my claim", "tpl"])
    }

    @Test func proofsAndOutputsCompleteAnyFile() throws {
        let all = ["b.zip", "my claim", "note.txt", "other.zip", "receipt.jpg", "tpl"]
        #expect(try Self.complete("claimpack deliver b.zip sent --proof ") == all)
        #expect(try Self.complete("claimpack letter b.zip -o ") == all)
    }

    @Test(arguments: ["zsh", "fish"])
    func zshAndFishScriptsAreGeneratedWithoutPrepared(_ shell: String) throws {
        let script = try CLIRunner.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        #expect(script.standardOutput.contains("delivered"))
        #expect(script.standardOutput.contains("zip"))
        #expect(!script.standardOutput.contains("prepared"))
    }
}
