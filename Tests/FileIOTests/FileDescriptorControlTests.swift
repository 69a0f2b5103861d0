import Foundation
import SystemPackage
import Testing
@testable import FileIO

/// Reading until a buffer is full, and `Errno` from swift-system's untyped errors, on real
/// files and a real pipe.
@Suite struct FileDescriptorControlTests {
    /// A new file holding `bytes`, open for reading, and its path.
    static func file(_ bytes: [UInt8]) throws -> (FileDescriptor, String) {
        let path = NSTemporaryDirectory() + "fileio-" + UUID().uuidString
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec]), path)
    }

    @Test func readFillingStopsAtTheEndOrWhenTheBufferIsFull() throws {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let (file, path) = try Self.file(bytes)
        defer { try? file.close(); try? FileManager.default.removeItem(atPath: path) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 6_000, alignment: 1)
        defer { buffer.deallocate() }
        #expect(try file.read(filling: buffer) == 6_000)
        #expect(Array(buffer) == Array(bytes[..<6_000]))
        #expect(try file.read(filling: buffer) == 4_000)
        #expect(Array(buffer[..<4_000]) == Array(bytes[6_000...]))
        #expect(try file.read(filling: buffer) == 0)
        // At an offset: the file offset (at the end now) does not matter and does not move.
        #expect(try file.read(filling: buffer, fromAbsoluteOffset: 9_000) == 1_000)
        #expect(Array(buffer[..<1_000]) == Array(bytes[9_000...]))
        #expect(try file.read(filling: buffer, fromAbsoluteOffset: 1) == 6_000)
        #expect(Array(buffer) == Array(bytes[1..<6_001]))
        #expect(try file.read(filling: buffer, fromAbsoluteOffset: 10_000) == 0)
        #expect(try file.seek(offset: 0, from: .current) == 10_000)
    }

    /// A pipe gives what was written so far on each `read`: `read(filling:)` must go on
    /// until the writer closes it.
    @Test func readFillingCollectsShortReadsFromAPipe() throws {
        let (reading, writing) = try FileDescriptor.pipe()
        defer { try? reading.close() }
        let writer = Thread {
            for piece in 0..<4 {
                _ = try? writing.writeAll([UInt8](repeating: UInt8(piece), count: 1_000))
                Thread.sleep(forTimeInterval: 0.01)
            }
            try? writing.close()
        }
        writer.start()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 8_000, alignment: 1)
        defer { buffer.deallocate() }
        #expect(try reading.read(filling: buffer) == 4_000)
        #expect(Array(buffer[3_000..<4_000]) == [UInt8](repeating: 3, count: 1_000))
    }

    @Test func readFillingThrowsTheSystemsError() throws {
        let (file, path) = try Self.file([1, 2, 3])
        defer { try? file.close(); try? FileManager.default.removeItem(atPath: path) }
        let writeOnly = try FileDescriptor.open(FilePath(path), .writeOnly)
        defer { try? writeOnly.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 1)
        defer { buffer.deallocate() }
        #expect(throws: Errno.badFileDescriptor) { try writeOnly.read(filling: buffer) }
        #expect(throws: Errno.badFileDescriptor) { try writeOnly.read(filling: buffer, fromAbsoluteOffset: 0) }
    }

    /// Messages quote `Errno.description`, where they quoted `strerror(errno)`: the same text.
    @Test(arguments: [ENOENT, EACCES, ELOOP, ENOTDIR, EISDIR, EIO, ENOSPC, EINVAL, EBADF, EEXIST, EROFS, EAGAIN])
    func errnoSaysWhatStrerrorSays(code: Int32) {
        #expect(Errno(rawValue: code).description == String(cString: strerror(code)))
    }

    @Test func errnoFromAnUntypedErrorIsThatErrno() {
        let thrown: any Error = Errno.noSuchFileOrDirectory
        #expect(Errno(thrown) == .noSuchFileOrDirectory)
        struct Other: Error {}
        #expect(Errno(Other()) == .ioError)
    }

    @Test func directOpensWhereTheFileSystemTakesIt() throws {
        let (file, path) = try Self.file([])
        defer { try? file.close(); try? FileManager.default.removeItem(atPath: path) }
        #expect(FileDescriptor.OpenOptions.direct.rawValue != 0)
        #expect(!FileDescriptor.OpenOptions.direct.contains(.closeOnExec))
        do {
            let direct = try FileDescriptor.open(path: path, .writeOnly, options: [.direct, .closeOnExec])
            try direct.close()
        } catch {
            // A file system without O_DIRECT refuses it with EINVAL, and nothing else.
            #expect(Errno(error) == .invalidArgument)
        }
    }
}
