internal import Foundation
internal import ZipKit

/// The one rule that decides how each entry is stored: formats that are compressed already
/// are stored; so is anything larger than `BundleLimits.ratioAllowance`, the size up to
/// which `verify` accepts any compression ratio — the real ratio of a deflated entry is
/// known only once libzip has deflated it, and a white page or a log of repeated lines
/// deflates far beyond the ratio limit past a harmless start. Anything else (evidence and
/// tag files alike) is deflated when deflate (at its fastest level, as a quick test) makes
/// its first 16 KiB smaller, else stored. So every entry `build` writes is within the
/// verifier's limits whatever its content (docs/bundle-format.md, "Compression").
///
/// The sample is the start of the one read of each file (`PayloadPipeline`), which also
/// gives the digest and the archived bytes: the method is chosen when libzip reaches the
/// entry, before it writes its header (`ZipEntryContent.chosenCompression`).
enum CompressionPolicy {
    static let level = 6
    /// The sample is deflated at level 1: whatever level 1 shrinks, level 6 shrinks too.
    static let probeLevel = 1
    static let sampleSize = 16 << 10

    /// The method for a file named `name` of `size` bytes whose bytes start with `sample`
    /// (at least its first `sampleSize` bytes, or the whole file): read once, by the payload
    /// pipeline, for the archive and the hash as well.
    static func compression(forStart sample: UnsafeRawBufferPointer, name: String, size: UInt64) -> ZipCompression {
        if MediaType(fileName: name).isCompressed || !mayDeflate(size: size) || sample.isEmpty { return .store }
        return decide(UnsafeRawBufferPointer(rebasing: sample.prefix(sampleSize)))
    }

    /// For text made in memory (tag files): its first `sampleSize` bytes, as for files.
    static func compression(for bytes: [UInt8]) -> ZipCompression {
        guard mayDeflate(size: UInt64(bytes.count)) else { return .store }
        return bytes.withUnsafeBytes { decide(UnsafeRawBufferPointer(rebasing: $0.prefix(sampleSize))) }
    }

    /// For a file of `size` bytes whose start is `sample`: its type, its size, then the
    /// sample. Without `size`, a sample shorter than `sampleSize` is the whole file, and a
    /// file of unknown size is stored.
    static func compression(for sample: [UInt8], name: String, size: UInt64? = nil) -> ZipCompression {
        let known = size ?? (sample.count < sampleSize ? UInt64(sample.count) : UInt64.max)
        return MediaType(fileName: name).isCompressed || sample.isEmpty || !mayDeflate(size: known)
            ? .store : sample.withUnsafeBytes { decide(UnsafeRawBufferPointer(rebasing: $0.prefix(sampleSize))) }
    }

    /// Whether an entry of `size` bytes may be deflated: whatever it deflates to, `verify`
    /// accepts it (`VerificationRun.isWithinRatioLimit`).
    static func mayDeflate(size: UInt64) -> Bool { size <= BundleLimits.ratioAllowance }

    /// Whether a deflated entry that has inflated to `inflated` bytes so far, of
    /// `compressed` bytes in all, is within the ratio limit: the check `verify` makes as it
    /// inflates, on the same constants `mayDeflate` keeps `build` within.
    static func isWithinRatioLimit(inflated: UInt64, compressed: UInt64,
                                   ratio: UInt64 = BundleLimits.maximumCompressionRatio,
                                   allowance: UInt64 = BundleLimits.ratioAllowance) -> Bool {
        inflated <= allowance || inflated <= ratio &* max(compressed, 1)
    }

    /// The bytes the entropy is counted on: enough to tell random data (about 7.95 bits per
    /// byte at this size) from anything deflate can shrink.
    static let entropySampleSize = 4 << 10

    private static func decide(_ sample: UnsafeRawBufferPointer) -> ZipCompression {
        // Bytes as even as random data (or data compressed already) gain nothing from
        // deflate: counting them is much cheaper than deflating them to find out.
        if entropy(of: UnsafeRawBufferPointer(rebasing: sample.prefix(entropySampleSize))) >= 7.5 { return .store }
        let compressed = DeflateProbe.compressedSize(of: sample, level: probeLevel)
        return compressed < sample.count ? .deflate(level: level) : .store
    }

    /// The Shannon entropy of the bytes, in bits per byte (8 for random data).
    static func entropy(of sample: UnsafeRawBufferPointer) -> Double {
        guard !sample.isEmpty else { return 0 }
        // Four tables, so that runs of one byte value do not wait on one counter.
        var counts = [Int](repeating: 0, count: 1024)
        counts.withUnsafeMutableBufferPointer { table in
            let bytes = sample.bindMemory(to: UInt8.self)
            var index = 0
            while index + 4 <= bytes.count {
                table[Int(bytes[index])] &+= 1
                table[256 + Int(bytes[index + 1])] &+= 1
                table[512 + Int(bytes[index + 2])] &+= 1
                table[768 + Int(bytes[index + 3])] &+= 1
                index += 4
            }
            while index < bytes.count {
                table[Int(bytes[index])] &+= 1
                index += 1
            }
        }
        let total = Double(sample.count)
        var sum = 0.0
        for value in 0..<256 {
            let count = counts[value] + counts[256 + value] + counts[512 + value] + counts[768 + value]
            guard count > 0 else { continue }
            let p = Double(count) / total
            sum -= p * log2(p)
        }
        return sum
    }
}
