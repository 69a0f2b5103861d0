import Foundation
import Testing
@testable import ClaimPack

/// Evidence trees that git cannot be trusted to keep (links, NFD names, case twins, pipes)
/// are made inside each test.
struct EvidenceInventoryTests {
    @Test func linksAreRefusedAndNeverFollowed() throws {
        let folder = try TemporaryFolder()
        try folder.write("evidence/real.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("evidence/passwd").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("evidence/up").path, withDestinationPath: "..")
        let inventory = EvidenceInventory(claimFolder: folder.url)
        #expect(inventory.files.map(\.path) == ["evidence/real.txt"])
        #expect(inventory.diagnostics.map(\.description) == [
            "evidence/passwd: error: symbolic link, never followed; replace it with a copy of the file",
            "evidence/up: error: symbolic link, never followed; replace it with a copy of the file",
        ])
    }

    @Test func anEvidenceFolderThatIsALinkIsRefused() throws {
        let folder = try TemporaryFolder()
        let elsewhere = try TemporaryFolder("elsewhere")
        try elsewhere.write("a.txt", "x")
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("evidence"), withDestinationURL: elsewhere.url)
        let inventory = EvidenceInventory(claimFolder: folder.url)
        #expect(inventory.files.isEmpty)
        #expect(inventory.diagnostics.map(\.code) == [.symbolicLink])
    }

    @Test func namesEqualUnderNFCOrCaseCollide() throws {
        let folder = try TemporaryFolder()
        try folder.write("evidence/\u{00E9}t\u{00E9}.txt", "nfc")
        try folder.write("evidence/e\u{0301}te\u{0301}.txt", "nfd")
        try folder.write("evidence/Чек.pdf", "upper")
        try folder.write("evidence/чек.pdf", "lower")
        try folder.write("evidence/Calls/a.md", "1")
        try folder.write("evidence/calls/b.md", "2")
        let inventory = EvidenceInventory(claimFolder: folder.url)
        let collisions = inventory.diagnostics.filter { $0.code == .nameCollision }
        #expect(collisions.count == 6)
        #expect(collisions.filter { $0.message.contains("Unicode NFC") }.count == 2)
        #expect(collisions.filter { $0.message.contains("letter case") }.count == 4)
        #expect(Set(collisions.map(\.location.file)).contains("evidence/Calls"))
    }

    @Test func nfdNamesOnDiskAreBundledUnderTheirNFCName() throws {
        let folder = try TemporaryFolder()
        try folder.write("evidence/Отчёт.txt".decomposedStringWithCanonicalMapping, "x")
        let inventory = EvidenceInventory(claimFolder: folder.url)
        let file = try #require(inventory.files.first)
        #expect(Array(file.path.utf8) == Array("evidence/Отчёт.txt".precomposedStringWithCanonicalMapping.utf8))
        #expect(Array(file.diskPath.utf8) != Array(file.path.utf8))
        #expect(inventory.diagnostics.isEmpty)
    }

    @Test func hiddenFilesAndFoldersAreSkippedWithANote() throws {
        let folder = try TemporaryFolder()
        try folder.write("evidence/.DS_Store", "x")
        try folder.write("evidence/Thumbs.db", "x")
        try folder.write("evidence/.git/config", "x")
        try folder.write("evidence/receipt.pdf", "x")
        let inventory = EvidenceInventory(claimFolder: folder.url)
        #expect(inventory.files.map(\.path) == ["evidence/receipt.pdf"])
        #expect(inventory.diagnostics.map(\.severity) == [.note, .note, .note])
        #expect(inventory.diagnostics.map(\.location.file) == ["evidence/.DS_Store", "evidence/.git", "evidence/Thumbs.db"])
    }

    @Test func namesWithControlCharactersOrBackslashesAreRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("evidence/line\nbreak.txt", "x")
        try folder.write("evidence/back\\slash.txt", "x")
        try folder.write("evidence/fine.txt", "x")
        let inventory = EvidenceInventory(claimFolder: folder.url)
        #expect(inventory.files.map(\.path) == ["evidence/fine.txt"])
        #expect(inventory.diagnostics.map(\.code) == [.invalidFileName, .invalidFileName])
    }

    @Test func pipesAndDeepNestingAreRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("evidence/ok.txt", "x")
        #expect(mkfifo(folder.url.appendingPathComponent("evidence/pipe").path, 0o600) == 0)
        let deep = (0...EvidenceInventory.maximumDepth).map { "d\($0)" }.joined(separator: "/")
        try folder.write("evidence/\(deep)/deep.txt", "x")
        let inventory = EvidenceInventory(claimFolder: folder.url)
        #expect(inventory.files.map(\.path) == ["evidence/ok.txt"])
        #expect(Set(inventory.diagnostics.map(\.code)) == [.notRegularFile])
        #expect(inventory.diagnostics.count == 2)
    }

    @Test func emptyFilesDeepFoldersAndOddNamesAreKept() throws {
        let folder = try TemporaryFolder()
        let names = ["evidence/пустой.txt", "evidence/a/b/c/d/e/f/глубоко [1] (копия).md", "evidence/名前 #1 & co.png", "evidence/ 'quoted'.txt"]
        for name in names { try folder.write(name, name.hasSuffix("пустой.txt") ? "" : "x") }
        let inventory = EvidenceInventory(claimFolder: folder.url)
        #expect(Set(inventory.files.map(\.path)) == Set(names))
        #expect(inventory.files.first { $0.path.hasSuffix("пустой.txt") }?.size == 0)
        #expect(inventory.diagnostics.isEmpty)
    }

    @Test func filesAreSortedBytewise() throws {
        let folder = try TemporaryFolder()
        for name in ["b.txt", "B.txt2", "а.txt", "a.txt", "a/z.txt", "a-b.txt"] { try folder.write("evidence/\(name)", "x") }
        let paths = EvidenceInventory(claimFolder: folder.url).files.map(\.path)
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
