internal import Dispatch
internal import Foundation
internal import ZipKit

/// Chooses how each entry is compressed: formats that are compressed already are stored;
/// anything else (evidence and tag files alike) is deflated when deflate (at its fastest
/// level, as a quick test) makes its first 16 KiB smaller, else stored —
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

    /// The methods for `files` (opened as the payload is, and their bag names), in order; the samples are read and
    /// judged on every core.
    static func compressions(for files: [(file: PayloadPipeline.File, name: String)]) -> [ZipCompression] {
        let stripes = min(max(1, files.count / 64), ProcessInfo.processInfo.activeProcessorCount)
        // Each stripe writes its own indices only.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<ZipCompression>.allocate(capacity: files.count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
            let sample = UnsafeMutableRawBufferPointer.allocate(byteCount: sampleSize, alignment: 64)
            defer { sample.deallocate() }
            for index in stride(from: stripe, to: files.count, by: stripes) {
                (results.baseAddress! + index).initialize(to: compression(for: files[index].file, name: files[index].name, sample: sample))
            }
        }
        return Array(results)
    }

    /// The method for one file, read into `sample` (at least `sampleSize` bytes).
    static func compression(for file: PayloadPipeline.File, name: String, sample: UnsafeMutableRawBufferPointer) -> ZipCompression {
        if MediaType(fileName: name).isCompressed { return .store }
        guard let descriptor = file.openForSample() else { return .store }
        defer { close(descriptor) }
        var filled = 0
        while filled < sampleSize {
            let count = read(descriptor, sample.baseAddress! + filled, sampleSize - filled)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return filled == 0 ? .store : decide(UnsafeRawBufferPointer(start: sample.baseAddress, count: filled))
    }

    /// For text made in memory (tag files): its first `sampleSize` bytes, as for files.
    static func compression(for bytes: [UInt8]) -> ZipCompression {
        bytes.withUnsafeBytes { decide(UnsafeRawBufferPointer(rebasing: $0.prefix(sampleSize))) }
    }

    /// For a file already in memory: its type, then its first `sampleSize` bytes.
    static func compression(for sample: [UInt8], name: String) -> ZipCompression {
        MediaType(fileName: name).isCompressed || sample.isEmpty ? .store : compression(for: sample)
    }

    static let maximumRatio = 100

    /// The bytes the entropy is counted on: enough to tell random data (about 7.95 bits per
    /// byte at this size) from anything deflate can shrink.
    static let entropySampleSize = 4 << 10

    private static func decide(_ sample: UnsafeRawBufferPointer) -> ZipCompression {
        // Bytes as even as random data (or data compressed already) gain nothing from
        // deflate: counting them is much cheaper than deflating them to find out.
        if entropy(of: UnsafeRawBufferPointer(rebasing: sample.prefix(entropySampleSize))) >= 7.5 { return .store }
        let compressed = DeflateProbe.compressedSize(of: sample, level: probeLevel)
        return compressed < sample.count && sample.count <= compressed * maximumRatio ? .deflate(level: level) : .store
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
