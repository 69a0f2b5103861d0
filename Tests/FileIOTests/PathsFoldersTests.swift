import Foundation
import SystemPackage
import Testing
@testable import FileIO

/// Folders and hard links on paths, on a real temporary folder; checked through
/// FileManager and `stat`, not through the calls under test.
@Suite struct PathsFoldersTests {
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "fileio-paths-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    @Test func makesAndRemovesAFolderWithItsPermissions() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Paths.makeFolder(root + "/made", permissions: [.ownerReadWriteExecute])
        let attributes = try FileManager.default.attributesOfItem(atPath: root + "/made")
        #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(throws: Errno.fileExists) { try Paths.makeFolder(root + "/made", permissions: [.ownerReadWriteExecute]) }
        try FileManager.default.createDirectory(atPath: root + "/made/inner", withIntermediateDirectories: false)
        #expect(throws: Errno.directoryNotEmpty) { try Paths.removeFolder(root + "/made") }
        try Paths.removeFolder(root + "/made/inner")
        try Paths.removeFolder(root + "/made")
        #expect(!FileManager.default.fileExists(atPath: root + "/made"))
        #expect(throws: Errno.noSuchFileOrDirectory) { try Paths.removeFolder(root + "/made") }
    }

    @Test func aUniqueFolderIsNewPrivateAndNamedAfterTheTemplate() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try Paths.makeUniqueFolder(root + "/.work-XXXXXX")
        let second = try Paths.makeUniqueFolder(root + "/.work-XXXXXX")
        #expect(first != second)
        for made in [first, second] {
            #expect(made.hasPrefix(root + "/.work-") && made.count == (root + "/.work-XXXXXX").count)
            #expect(!made.hasSuffix("XXXXXX"))
            let attributes = try FileManager.default.attributesOfItem(atPath: made)
            #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        }
        #expect(throws: Errno.invalidArgument) { try Paths.makeUniqueFolder(root + "/no-template") }
        #expect(throws: Errno.noSuchFileOrDirectory) { try Paths.makeUniqueFolder(root + "/missing/x-XXXXXX") }
    }

    @Test func aHardLinkNamesTheSameFileAndNeverReplaces() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("one".utf8).write(to: URL(fileURLWithPath: root + "/a"))
        try Data("two".utf8).write(to: URL(fileURLWithPath: root + "/b"))
        try Paths.link(root + "/a", as: root + "/c")
        let a = try FileManager.default.attributesOfItem(atPath: root + "/a")
        let c = try FileManager.default.attributesOfItem(atPath: root + "/c")
        #expect(a[.systemFileNumber] as? NSNumber == c[.systemFileNumber] as? NSNumber)
        #expect((a[.referenceCount] as? NSNumber)?.intValue == 2)
        #expect(throws: Errno.fileExists) { try Paths.link(root + "/a", as: root + "/b") }
        #expect(try String(contentsOfFile: root + "/b", encoding: .utf8) == "two")
    }
}
