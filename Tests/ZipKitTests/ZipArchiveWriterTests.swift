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
}
