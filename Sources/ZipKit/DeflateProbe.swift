internal import CZlib

/// Tells whether deflate makes a sample smaller: libzip deflates whatever it is told to,
/// even when the result is larger, so the decision is taken before.
public enum DeflateProbe {
    /// Whether raw deflate at `level` (with the settings libzip uses) shrinks `sample`.
    public static func shrinks(_ sample: UnsafeRawBufferPointer, level: Int) -> Bool {
        compressedSize(of: sample, level: level) < sample.count
    }

    /// The size of `sample` deflated raw at `level`, as libzip would deflate it.
    public static func compressedSize(of sample: UnsafeRawBufferPointer, level: Int) -> Int {
        guard sample.count > 0 else { return 0 }
        var stream = z_stream()
        guard cp_deflate_init_raw(&stream, Int32(level)) == Z_OK else { return sample.count }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(sample.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let produced: Int = output.withUnsafeMutableBytes { target in
            stream.next_in = UnsafeMutablePointer(mutating: sample.baseAddress!.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = UInt32(sample.count)
            stream.next_out = target.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = UInt32(bound)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return sample.count }
            return Int(stream.total_out)
        }
        return produced
    }
}
