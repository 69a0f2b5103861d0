import Foundation
import Testing
@testable import ClaimPack

/// A folder listed from the open descriptor of its parent, on real folders.
struct DirectoryListingTests {
    @Test func namesAreSortedByTheirBytesAndBadBytesAreShown() throws {
        let path = NSTemporaryDirectory() + "listing-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/inner", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for name in ["b.txt", "a.txt", "Z.txt", ".hidden"] {
            try Data().write(to: URL(fileURLWithPath: path + "/inner/" + name))
        }
        // A name that is not UTF-8: 0xFF.
        let bad = Array((path + "/inner/bad").utf8) + [0xFF, 0]
        let created = bad.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600) } }
        #expect(created >= 0)
        close(created)
        let parent = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(parent) }
        let listing = try #require(DirectoryListing(in: parent, name: "inner"))
        #expect(listing.names == [".hidden", "Z.txt", "a.txt", "b.txt", "bad\\xff"])
        // The open folder looks its names up.
        #expect(FileStatus(in: listing.descriptor, name: "a.txt")?.kind == .regular)
    }

    @Test func aLinkToAFolderOrAFileIsNotListed() throws {
        let path = NSTemporaryDirectory() + "listing-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/inner", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createSymbolicLink(atPath: path + "/link", withDestinationPath: "inner")
        try Data().write(to: URL(fileURLWithPath: path + "/file"))
        let parent = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(parent) }
        #expect(DirectoryListing(in: parent, name: "inner")?.names == [])
        #expect(DirectoryListing(in: parent, name: "link") == nil)
        #expect(DirectoryListing(in: parent, name: "file") == nil)
        #expect(DirectoryListing(in: parent, name: "missing") == nil)
    }
}
