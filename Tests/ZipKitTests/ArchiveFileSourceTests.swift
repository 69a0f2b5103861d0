import Foundation
import Testing
@testable import ZipKit

/// The reader's file source and the layout scan say what the system said: the `Errno`'s
/// text where the file cannot be opened, and libzip's message with the `errno` the source
/// gave it where a read fails.
@Suite struct ArchiveFileSourceTests {
    @Test func aMissingArchiveIsUnreadableWithTheSystemsWords() {
        let path = NSTemporaryDirectory() + "missing-\(UUID().uuidString).zip"
        #expect(throws: ZipArchiveReader.Failure.unreadable(reason: "No such file or directory")) {
            try ZipArchiveReader(path: path)
        }
        #expect(throws: ZipLayout.Failure.cannotRead(reason: "No such file or directory")) {
            try ZipLayout.scan(path: path, maximumEntries: 10)
        }
    }

    /// A folder opens read-only, and its first `pread` fails with `EISDIR`: libzip's read
    /// error carries that errno into the message.
    @Test func aFolderFailsAtItsFirstReadWithIsADirectory() throws {
        let folder = NSTemporaryDirectory() + "folder-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try ZipArchiveReader(path: folder)
            Issue.record("a folder was opened as an archive")
        } catch {
            #expect(error.description.contains("Is a directory"), "\(error.description)")
        }
    }

    /// The scan reads the size with `fstat` and the tail and start with `pread`: a cut
    /// archive is seen cut, not as something else.
    @Test func aCutArchiveIsSeenCut() throws {
        let path = NSTemporaryDirectory() + "short-\(UUID().uuidString).zip"
        let writer = try ZipArchiveWriter(creatingAt: path)
        try writer.add("a.txt", bytes: Array("some bytes\n".utf8), compression: .store, timestamp: DOSTimestamp(year: 2026, month: 12, day: 4))
        try writer.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try ZipLayout.scan(path: path, maximumEntries: 10).entries.count == 1)
        #expect(try ZipArchiveReader(path: path).count == 1)
        try whole.prefix(whole.count - 10).write(to: URL(fileURLWithPath: path))
        #expect(throws: ZipLayout.Failure.truncated(reason: "it starts like a ZIP archive but has no end record: cut short")) {
            try ZipLayout.scan(path: path, maximumEntries: 10)
        }
    }
}
