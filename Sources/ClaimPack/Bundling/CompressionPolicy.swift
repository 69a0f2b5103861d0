internal import Foundation
internal import ZipKit

/// Chooses how each entry is compressed: formats that are compressed already are stored;
/// anything else is deflated when deflate makes its first 64 KiB smaller, else stored.
///
/// The sample is read before the archive is written, only to choose the method; the
/// digest and the archived bytes come from the single read of the whole file.
enum CompressionPolicy {
    static let level = 6
    static let sampleSize = 64 << 10

    static func compression(for file: URL, name: String) -> ZipCompression {
        if MediaType(fileName: name).isCompressed { return .store }
        guard let handle = try? FileHandle(forReadingFrom: file) else { return .store }
        defer { try? handle.close() }
        guard let sample = try? handle.read(upToCount: sampleSize), !sample.isEmpty else { return .store }
        return sample.withUnsafeBytes { DeflateProbe.shrinks($0, level: level) } ? .deflate(level: level) : .store
    }

    /// For text made in memory (tag files).
    static func compression(for bytes: [UInt8]) -> ZipCompression {
        bytes.withUnsafeBytes { DeflateProbe.shrinks($0, level: level) } ? .deflate(level: level) : .store
    }
}
