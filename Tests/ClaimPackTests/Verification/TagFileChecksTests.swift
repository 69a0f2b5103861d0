import Foundation
import Testing
@testable import ClaimPack

struct TagFileChecksTests {
    private let digest = String(repeating: "ab", count: 32)

    private func summary(_ text: String) -> [String] {
        TagFileChecks.manifestLines(Array(text.utf8), entry: "b/manifest-sha256.txt").map { line in
            switch line {
            case .malformed(let finding): "malformed: \(finding.message)"
            case .listing(let number, let path, let sha256): "\(number) \(path) \(sha256.hex == digest)"
            }
        }
    }

    /// BagIt lets lines end with LF, CRLF or CR; line numbers count every line.
    @Test func everyLineEndingIsALineEnding() {
        let expected = ["1 data/a.txt true", "2 data/b.txt true", "3 data/c.txt true"]
        #expect(summary("\(digest)  data/a.txt\n\(digest)  data/b.txt\n\(digest)  data/c.txt\n") == expected)
        #expect(summary("\(digest)  data/a.txt\r\n\(digest)  data/b.txt\r\n\(digest)  data/c.txt\r\n") == expected)
        #expect(summary("\(digest)  data/a.txt\r\(digest)  data/b.txt\r\(digest)  data/c.txt") == expected)
        #expect(summary("\(digest)  data/a.txt\n\n\(digest)\t*data/c.txt\n") == ["1 data/a.txt true", "3 data/c.txt true"])
    }

    @Test func badLinesAreReportedWithTheirNumbers() {
        #expect(summary("\(digest)  data/a.txt\nnot a line\n\(digest)  ../etc/passwd\n\(digest)  /etc/passwd\n") == [
            "1 data/a.txt true",
            "malformed: line 2 is not \"<64 hex digits> <path>\"",
            "malformed: line 3 names a path outside the bag",
            "malformed: line 4 names a path outside the bag",
        ])
        #expect(summary("\(digest.dropLast())  data/a.txt\n") == ["malformed: line 1 is not \"<64 hex digits> <path>\""])
        #expect(summary("\(digest)  data/x/../../etc\n\(digest)  data/x/..\n\(digest)  data/..x/.../a..\n") == [
            "malformed: line 1 names a path outside the bag",
            "malformed: line 2 names a path outside the bag",
            "3 data/..x/.../a.. true",
        ])
        #expect(summary("\(digest.uppercased())  data/a.txt\n\(digest.dropLast())g  data/b.txt\n") == [
            "1 data/a.txt true",
            "malformed: line 2 is not \"<64 hex digits> <path>\"",
        ])
        #expect(TagFileChecks.manifestLines([0xFF, 0x0A], entry: "b/manifest-sha256.txt").count == 1)
    }

    @Test func percentEncodedLineBreaksAreDecoded() {
        #expect(summary("\(digest)  data/a%0Ab%25c.txt\n") == ["1 data/a\nb%c.txt true"])
    }
}

/// A manifest line's path is the string of the entry found when there is one (held once,
/// not once per reading); the same characters either way.
@Test func aListedPathIsTheEntrysString() throws {
    let digest = String(repeating: "ab", count: 32)
    let known: Set<String> = ["data/evidence/a folder/first file.pdf"]
    let text = "\(digest)  data/evidence/a folder/first file.pdf\n\(digest)  data/evidence/a folder/other file.pdf\n"
    func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }
    let paths = TagFileChecks.manifestLines(Array(text.utf8), entry: "b/manifest-sha256.txt", known: known).compactMap { line -> String? in
        if case .listing(_, let path, _) = line { return path }
        return nil
    }
    #expect(paths == ["data/evidence/a folder/first file.pdf", "data/evidence/a folder/other file.pdf"])
    let entry = try #require(known.first)
    #expect(storage(paths[0]) == storage(entry))
    #expect(storage(paths[1]) != storage(entry))
}
