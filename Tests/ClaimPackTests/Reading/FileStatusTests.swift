import Foundation
import Testing
@testable import ClaimPack

/// `FileStatus` by path, by name in an open folder and of an open file, on real files of
/// every kind; the raw-descriptor forms agree with the others.
struct FileStatusTests {
    /// A folder holding a 5-byte file, a link to it, a subfolder and a named pipe.
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "status-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path + "/file"))
        try FileManager.default.createSymbolicLink(atPath: path + "/link", withDestinationPath: "file")
        #expect(mkfifo(path + "/pipe", 0o600) == 0)
        return path
    }

    @Test func eachKindIsSeenAndNoLinkIsFollowed() throws {
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileStatus(path: path + "/file")?.kind == .regular)
        #expect(FileStatus(path: path + "/file")?.size == 5)
        #expect(FileStatus(path: path + "/link")?.kind == .symbolicLink)
        #expect(FileStatus(path: path + "/sub")?.kind == .directory)
        #expect(FileStatus(path: path + "/pipe")?.kind == .pipe)
        #expect(FileStatus(path: "/dev/null")?.kind == .device)
        #expect(FileStatus(path: path + "/missing") == nil)
        // The path reaches the system as given: `file/` is not the file.
        #expect(FileStatus(path: path + "/file/") == nil)
    }

    @Test func byNameInAFolderAndOfAnOpenFileAgreeWithThePath() throws {
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #expect(folder >= 0)
        defer { close(folder) }
        let file = open(path + "/file", O_RDONLY | O_CLOEXEC)
        #expect(file >= 0)
        defer { close(file) }
        let byPath = try #require(FileStatus(path: path + "/file"))
        #expect(FileStatus(in: folder, name: "file") == byPath)
        #expect(FileStatus(descriptor: file) == byPath)
        #expect(FileStatus(in: folder, name: "link")?.kind == .symbolicLink)
        #expect(FileStatus(in: folder, name: "missing") == nil)
        #expect(FileStatus(descriptor: -1) == nil)
        #expect(FileStatus(in: folder, name: "link") != FileStatus(path: path + "/file"))
        #expect(FileStatus.isReadable(in: folder, name: "file"))
        #expect(!FileStatus.isReadable(in: folder, name: "missing"))
        #expect(FileStatus.isReadable(path + "/file"))
    }
}
