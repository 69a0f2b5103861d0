import Foundation
import Testing
@testable import ZipKit

/// `ZipArchiveWriter.addCopy`: an entry of one archive copied into another as stored — the
/// same compressed bytes, method, CRC-32 and sizes — with the date and attributes given.
@Suite struct ZipArchiveCopyTests {
    /// Each entry as Python's zipfile sees it: method, CRC, size, date, attributes, and the
    /// SHA-256 of its stored (compressed) bytes.
    static func entries(_ path: String) throws -> [String] {
        let script = """
            import hashlib, struct, sys, zipfile
            archive = zipfile.ZipFile(sys.argv[1])
            assert archive.testzip() is None
            data = open(sys.argv[1], 'rb').read()
            for i in archive.infolist():
                lengths = struct.unpack('<HH', data[i.header_offset + 26:i.header_offset + 30])
                start = i.header_offset + 30 + sum(lengths)
                stored = hashlib.sha256(data[start:start + i.compress_size]).hexdigest()
                print(i.filename, i.compress_type, f'{i.CRC:08x}', i.file_size, i.compress_size, i.date_time, oct(i.external_attr >> 16), stored)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func entriesAreCopiedAsStored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zipcopy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source.zip").path
        let copy = folder.appendingPathComponent("copy.zip").path
        let date = DOSTimestamp(year: 2026, month: 11, day: 21)
        let writer = try ZipArchiveWriter(creatingAt: source)
        let text = Array(String(repeating: "a line of text that deflates well\n", count: 5000).utf8)
        try writer.add("dir/deflated.txt", bytes: text, compression: .deflate(level: 9), timestamp: date)
        try writer.add("dir/stored.bin", bytes: ZipArchiveWriterTests.noise(70_000, seed: 7), compression: .store, timestamp: date)
        try writer.add("dir/empty.txt", bytes: [], compression: .store, timestamp: date)
        try writer.close()

        let layout = try ZipLayout.scan(path: source, maximumEntries: 10)
        let reader = try ZipArchiveReader(path: source)
        let copier = try ZipArchiveWriter(creatingAt: copy)
        try copier.add("first.txt", bytes: Array("written\n".utf8), compression: .store, timestamp: date)
        for entry in layout.entries {
            try copier.addCopy(String(decoding: entry.rawName, as: UTF8.self), of: entry.index, in: reader, method: entry.method,
                               timestamp: DOSTimestamp(time: entry.central.time, date: entry.central.date),
                               attributes: (entry.madeBy, entry.externalAttributes))
        }
        try copier.close()

        let original = try Self.entries(source)
        let copied = try Self.entries(copy)
        #expect(original.count == 3 && copied.count == 4)
        #expect(Array(copied.dropFirst()) == original, "same names, methods, CRCs, sizes, dates, attributes and stored bytes")
        let copiedLayout = try ZipLayout.scan(path: copy, maximumEntries: 10)
        #expect(copiedLayout.anomalies.isEmpty)
        for (old, new) in zip(layout.entries, copiedLayout.entries.dropFirst()) {
            #expect(new.central.flags == old.central.flags && new.central.versionNeeded == old.central.versionNeeded,
                    "the headers are written as claimpack writes them")
        }
    }
}
