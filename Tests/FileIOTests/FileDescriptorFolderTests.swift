import Foundation
import SystemPackage
import Testing
@testable import FileIO

/// The calls relative to an open folder, on a real temporary folder.
@Suite struct FileDescriptorFolderTests {
    /// A new empty folder, open, and its path.
    static func folder() throws -> (FileDescriptor, String) {
        let path = NSTemporaryDirectory() + "fileio-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return (try FileDescriptor.open(FilePath(path), .readOnly, options: [.directory, .closeOnExec]), path)
    }

    @Test func createsWritesRenamesListsAndRemovesInTheFolder() throws {
        let (folder, path) = try Self.folder()
        defer { try? folder.close(); try? FileManager.default.removeItem(atPath: path) }
        let file = try FileDescriptor.open("a.txt", in: folder, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec], permissions: [.ownerReadWrite])
        _ = try file.writeAll("hello".utf8)
        try file.synchronize()
        try file.close()
        #expect(try folder.status(of: "a.txt").size == 5)
        #expect(folder.allows(.read, to: "a.txt"))
        try folder.makeFolder("sub", permissions: [.ownerReadWriteExecute])
        try folder.rename("a.txt", to: "b.txt")
        #expect(try folder.names().map { String(decoding: $0, as: UTF8.self) }.sorted() == ["b.txt", "sub"])
        #expect(throws: Errno.fileExists) {
            try FileDescriptor.open("b.txt", in: folder, .writeOnly, options: [.create, .exclusiveCreate], permissions: [.ownerReadWrite])
        }
        try folder.remove("b.txt")
        try folder.remove("sub", folder: true)
        #expect(try folder.names().isEmpty)
        #expect(throws: Errno.noSuchFileOrDirectory) { try folder.status(of: "b.txt") }
    }

    /// `names(limit:)` stops reading once there are more than `limit` names; `names()` reads
    /// them all, from the start even when the folder was listed before.
    @Test func namesStopAfterTheLimit() throws {
        let (folder, path) = try Self.folder()
        defer { try? folder.close(); try? FileManager.default.removeItem(atPath: path) }
        for index in 0..<50 {
            try FileDescriptor.open("f\(index)", in: folder, .writeOnly, options: [.create], permissions: [.ownerReadWrite]).close()
        }
        #expect(try folder.names(limit: 10).count == 11)
        #expect(try folder.names(limit: 50).count == 50)
        #expect(try folder.names().count == 50)
        #expect(try folder.names(limit: 0).count == 1)
        let file = try FileDescriptor.open("f0", in: folder, .readOnly)
        defer { try? file.close() }
        #expect(throws: Errno.notDirectory) { try file.names() }
    }

    @Test func aLinkIsSeenAsALinkAndNotFollowedWithNoFollow() throws {
        let (folder, path) = try Self.folder()
        defer { try? folder.close(); try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createSymbolicLink(atPath: path + "/link", withDestinationPath: "/etc/hostname")
        #expect(try folder.status(of: "link").type == .symbolicLink)
        #expect(try folder.status(of: "link", followingLinks: true).type == .regular)
        #expect(try folder.linkTarget(of: "link") == Array("/etc/hostname".utf8))
        #expect(throws: Errno.tooManySymbolicLinkLevels) {
            try FileDescriptor.open("link", in: folder, .readOnly, options: [.noFollow])
        }
    }

    @Test func aSecondLockOnTheSameFileIsRefusedUntilTheFirstIsClosed() throws {
        let (folder, path) = try Self.folder()
        defer { try? folder.close(); try? FileManager.default.removeItem(atPath: path) }
        let first = try FileDescriptor.open("lock", in: folder, .readWrite, options: [.create], permissions: [.ownerReadWrite])
        let second = try FileDescriptor.open("lock", in: folder, .readOnly)
        defer { try? second.close() }
        #expect(try first.tryLock())
        #expect(try !second.tryLock())
        try first.close()
        #expect(try second.tryLock())
    }

    @Test func pathsResolveLinksAndDots() throws {
        let (folder, path) = try Self.folder()
        defer { try? folder.close(); try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createSymbolicLink(atPath: path + "/up", withDestinationPath: ".")
        let resolved = try Paths.resolved(path)
        #expect(try Paths.resolved(path + "/up/./up") == resolved)
        #expect(try Paths.resolved(path + "/up/..") == (resolved as NSString).deletingLastPathComponent)
        #expect(throws: Errno.noSuchFileOrDirectory) { try Paths.resolved(path + "/missing") }
    }
}
