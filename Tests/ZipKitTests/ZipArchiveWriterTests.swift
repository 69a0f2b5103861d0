import Foundation
import Testing
@testable import ZipKit

/// The archive writer's file sink: entries larger than its 1 MiB buffers and many small
/// ones, whose local headers libzip rewrites after their data, often behind the buffer
/// (written in the background, after the buffer's own write), and the last partial
/// buffer, written with `O_DIRECT` on a disk and with ordinary writes on tmpfs. Every
/// local header must end with the CRC and sizes of its central record.
@Suite struct ZipArchiveWriterTests {
    /// Bytes deflate cannot shrink, reproducible (a linear congruential sequence).
    static func noise(_ count: Int, seed: UInt32) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    static let entries: [(name: String, bytes: [UInt8], compression: ZipCompression)] = [
        ("a-small.txt", Array("a few words\n".utf8), .deflate(level: 6)),
        ("b-large.bin", noise((5 << 20) + 3, seed: 1), .store),
        ("c-between.bin", noise(4097, seed: 2), .store),
        ("d-text.txt", Array(String(repeating: "line of text\n", count: 700_000).utf8), .deflate(level: 6)),
        ("e-exactly-a-buffer.bin", noise(4 << 20, seed: 3), .store),
        ("f-empty.txt", [], .store),
        ("g-last.bin", noise(12_345, seed: 4), .store),
    ] + (0..<60).map { ("h-small-\($0).bin", noise(40_000, seed: 10 + UInt32($0)), .store) }

    static func write(into folder: URL) throws -> [UInt8] {
        let path = folder.appendingPathComponent("test-\(UUID().uuidString).zip").path
        defer { unlink(path) }
        let writer = try ZipArchiveWriter(creatingAt: path)
        let timestamp = DOSTimestamp(year: 2026, month: 11, day: 21)
        for entry in entries {
            try writer.add(entry.name, bytes: entry.bytes, compression: entry.compression, timestamp: timestamp)
        }
        try writer.close()
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", """
            import struct, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            data = open(sys.argv[1], 'rb').read()
            for i in z.infolist():
                fields = struct.unpack('<IHHHHHIII', data[i.header_offset:i.header_offset + 26])
                assert fields[0] == 0x04034B50 and fields[2] & 8 == 0, i.filename
                assert fields[6:] == (i.CRC, i.compress_size, i.file_size), (i.filename, fields[6:])
            print(" ".join(f"{i.filename}:{i.file_size}" for i in z.infolist()))
            """, path]
        let output = Pipe()
        check.standardOutput = output
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
        let listing = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(listing.trimmingCharacters(in: .whitespacesAndNewlines)
            == entries.map { "\($0.name):\($0.bytes.count)" }.joined(separator: " "))
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func archivesAreTheSameOnDiskAndOnTmpfs() throws {
        let disk = try Self.write(into: FileManager.default.temporaryDirectory)
        #expect(disk.count > 9 << 20)
        let shm = URL(fileURLWithPath: "/dev/shm")
        guard FileManager.default.isWritableFile(atPath: shm.path) else { return }
        #expect(try Self.write(into: shm) == disk)
    }

    /// A content that chooses its compression on its bytes, when libzip reaches it, gets
    /// that method (python's zipfile and `unzip -t` as witnesses), whatever was given to
    /// `add`; the entries before and after keep theirs.
    @Test func contentChosenCompressionIsTheOneWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chosen-\(UUID().uuidString).zip").path
        defer { unlink(path) }
        let writer = try ZipArchiveWriter(creatingAt: path)
        let timestamp = DOSTimestamp(year: 2026, month: 12, day: 4)
        let text = Array(String(repeating: "a line that deflates\n", count: 2_000).utf8)
        var made: [String] = []
        let choose: ([UInt8]) -> ZipCompression = { $0.first == UInt8(ascii: "a") ? .deflate(level: 6) : .store }
        try writer.add("1-given-deflate.txt", bytes: text, compression: .deflate(level: 6), timestamp: timestamp)
        try writer.add("2-chosen-deflate.txt", content: ZipDeferredContent({ made.append("2"); return text }, choose: choose),
                       compression: .store, timestamp: timestamp)
        try writer.add("3-chosen-store.bin", content: ZipDeferredContent({ made.append("3"); return Self.noise(10_000, seed: 5) }, choose: choose),
                       compression: .deflate(level: 6), timestamp: timestamp)
        try writer.add("4-given-store.txt", bytes: text, compression: .store, timestamp: timestamp)
        #expect(made.isEmpty)
        try writer.close()
        #expect(made == ["2", "3"])
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(" ".join(f"{i.filename}:{i.compress_type}" for i in z.infolist()))
            """, path]
        let output = Pipe()
        check.standardOutput = output
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
        let listing = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(listing.trimmingCharacters(in: .whitespacesAndNewlines)
            == "1-given-deflate.txt:8 2-chosen-deflate.txt:8 3-chosen-store.bin:0 4-given-store.txt:0")
    }
}
