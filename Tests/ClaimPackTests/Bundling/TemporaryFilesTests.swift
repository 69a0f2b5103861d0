import FileIO
import Foundation
import SystemPackage
import Testing
@testable import ClaimPack

/// The registry of temporary files, on a registry of the test's own (the shared one
/// serves the other tests): what it makes is registered in the same step and removed by
/// `removeAll`, and nothing is made after it. Checked through FileManager and `flock`, not
/// through the registry.
struct TemporaryFilesTests {
    @Test func whatIsMadeIsRegisteredRemovedByRemoveAllAndNothingIsMadeAfter() throws {
        let scratch = try TemporaryFolder("registry")
        let registry = TemporaryFiles()
        let file = scratch.url.appendingPathComponent("made.bin").path
        let folder = scratch.url.appendingPathComponent("folder").path
        let existing = scratch.url.appendingPathComponent("existing").path
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: false)

        let parent = try FileDescriptor.open(FilePath(scratch.url.path), .readOnly, options: [.directory])
        defer { try? parent.close() }
        let descriptor = try registry.creating(file) { () throws(Errno) in
            try FileDescriptor.open("made.bin", in: parent, .writeOnly, options: [.create, .exclusiveCreate], permissions: [.ownerReadWrite])
        }
        try descriptor.close()
        try registry.creating(folder) { () throws(Errno) in try Paths.makeFolder(folder, permissions: [.ownerReadWriteExecute]) }
        // A failure registers nothing: removeAll would otherwise remove this empty folder.
        #expect(throws: Errno.fileExists) {
            try registry.creating(existing) { () throws(Errno) in try Paths.makeFolder(existing, permissions: [.ownerReadWriteExecute]) }
        }
        #expect(FileManager.default.fileExists(atPath: file) && FileManager.default.fileExists(atPath: folder))

        registry.removeAll()
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(FileManager.default.fileExists(atPath: existing))
        var called = false
        #expect(throws: Errno.interrupted) {
            try registry.creating(folder) { () throws(Errno) in called = true }
        }
        #expect(!called)
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func theTemporaryFileIsNewLockedPreparedAndGoneAfterTheBody() throws {
        let scratch = try TemporaryFolder("temporary")
        let target = scratch.url.appendingPathComponent("b.zip")
        var prepared: Stat?
        let seen = TemporaryFiles().withTemporaryFile(beside: target, mode: [.ownerReadWrite], prepare: { descriptor in
            prepared = try? descriptor.stat()
        }) { (temporary: URL) -> URL in
            let name = temporary.lastPathComponent
            #expect(name.hasPrefix(".b.zip.claimpack-partial-\(getpid())-") && name.count == ".b.zip.claimpack-partial-\(getpid())-".count + 16)
            let attributes = try? FileManager.default.attributesOfItem(atPath: temporary.path)
            #expect((attributes?[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect((attributes?[.systemFileNumber] as? NSNumber)?.uint64Value == prepared.map { UInt64($0.inode.rawValue) })
            // Another open file description cannot take the lock the registry holds.
            let other = open(temporary.path, O_RDONLY)
            defer { close(other) }
            #expect(flock(other, LOCK_EX | LOCK_NB) == -1 && errno == EWOULDBLOCK)
            return temporary
        }
        #expect(prepared != nil)
        #expect(!FileManager.default.fileExists(atPath: seen.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }
}
