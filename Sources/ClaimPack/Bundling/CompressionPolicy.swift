internal import Foundation
internal import ZipKit

/// Chooses how each entry is compressed: formats that are compressed already are stored;
/// anything else is deflated when deflate (at its fastest level, as a quick test) makes its
/// first 16 KiB smaller, else stored —
/// and also stored when deflate shrinks it more than 100:1 (long runs of zeros), so that
/// no honest bundle comes near the verifier's compression-ratio limit (250:1).
///
/// The sample is read before the archive is written, only to choose the method; the
/// digest and the archived bytes come from the single read of the whole file.
enum CompressionPolicy {
    static let level = 6
    /// The sample is deflated at level 1: whatever level 1 shrinks, level 6 shrinks too.
    static let probeLevel = 1
    static let sampleSize = 16 << 10

    static func compression(for file: URL, name: String) -> ZipCompression {
        if MediaType(fileName: name).isCompressed { return .store }
        guard let handle = try? FileHandle(forReadingFrom: file) else { return .store }
        defer { try? handle.close() }
        guard let sample = try? handle.read(upToCount: sampleSize), !sample.isEmpty else { return .store }
        return sample.withUnsafeBytes { decide($0) }
    }

    /// For text made in memory (tag files).
    static func compression(for bytes: [UInt8]) -> ZipCompression {
        bytes.withUnsafeBytes { decide($0) }
    }

    /// For a file already in memory: its type, then its first 64 KiB.
    static func compression(for sample: [UInt8], name: String) -> ZipCompression {
        MediaType(fileName: name).isCompressed || sample.isEmpty ? .store : compression(for: sample)
    }

    static let maximumRatio = 100

    private static func decide(_ sample: UnsafeRawBufferPointer) -> ZipCompression {
        // Bytes as even as random data (or data compressed already) gain nothing from
        // deflate: counting them is much cheaper than deflating them to find out.
        if entropy(of: sample) >= 7.5 { return .store }
        let compressed = DeflateProbe.compressedSize(of: sample, level: probeLevel)
        return compressed < sample.count && sample.count <= compressed * maximumRatio ? .deflate(level: level) : .store
    }

    /// The Shannon entropy of the bytes, in bits per byte (8 for random data).
    static func entropy(of sample: UnsafeRawBufferPointer) -> Double {
        guard !sample.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for byte in sample { counts[Int(byte)] += 1 }
        let total = Double(sample.count)
        return counts.reduce(0.0) { sum, count in
            guard count > 0 else { return sum }
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }
}
