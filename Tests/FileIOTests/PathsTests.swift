import Foundation
import SystemPackage
import Testing
@testable import FileIO

/// Calls on paths, given byte for byte, on a real temporary folder.
@Suite struct PathsTests {
    /// A new folder holding the file `file` (3 bytes) and the link `link` to it.
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "fileio-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path + "/file"))
        try FileManager.default.createSymbolicLink(atPath: path + "/link", withDestinationPath: "file")
        return path
    }

    @Test func statusSeesALinkUnlessToldToFollowIt() throws {
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Paths.status(of: path + "/link").type == .symbolicLink)
        #expect(try Paths.status(of: path + "/link", followingLinks: true).type == .regular)
        #expect(try Paths.status(of: path + "/link", followingLinks: true).size == 3)
        #expect(throws: Errno.noSuchFileOrDirectory) { try Paths.status(of: path + "/missing") }
    }

    /// The path reaches the system as given: a trailing `/` is not dropped, as `FilePath`
    /// would drop it.
    @Test func aTrailingSlashIsKept() throws {
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FilePath(path + "/file/").description == path + "/file")
        #expect(throws: Errno.notDirectory) { try Paths.status(of: path + "/file/") }
        #expect(throws: Errno.notDirectory) { try FileDescriptor.open(path: path + "/file/", .readOnly) }
        // `link/` follows the link, even for lstat.
        #expect(throws: Errno.notDirectory) { try Paths.status(of: path + "/link/") }
        let folder = try FileDescriptor.open(path: path + "/", .readOnly, options: [.directory])
        try folder.close()
    }

    @Test func openKeepsItsOptionsAndPermissions() throws {
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: Errno.tooManySymbolicLinkLevels) { try FileDescriptor.open(path: path + "/link", .readOnly, options: [.noFollow]) }
        let created = try FileDescriptor.open(path: path + "/new", .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                                              permissions: FilePermissions(rawValue: 0o600))
        try created.close()
        #expect(try Paths.status(of: path + "/new").permissions == FilePermissions(rawValue: 0o600))
        #expect(throws: Errno.fileExists) {
            try FileDescriptor.open(path: path + "/new", .writeOnly, options: [.create, .exclusiveCreate], permissions: .ownerReadWrite)
        }
    }

    @Test func searchAccessIsAskedOfAFolder() throws {
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let parent = try FileDescriptor.open(path: (path as NSString).deletingLastPathComponent, .readOnly, options: [.directory])
        defer { try? parent.close() }
        let name = (path as NSString).lastPathComponent
        #expect(parent.allows([.read, .search], to: name))
        #expect(!parent.allows([.read, .search], to: name + "-missing"))
        // The file is readable, not searchable.
        let folder = try FileDescriptor.open(path: path, .readOnly, options: [.directory])
        defer { try? folder.close() }
        #expect(folder.allows(.read, to: "file"))
        #expect(!folder.allows(.search, to: "file"))
    }
}
