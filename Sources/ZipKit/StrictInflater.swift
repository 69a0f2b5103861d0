internal import CZlib

/// Inflates a raw deflate stream with zlib and holds it to the form zlib's deflate writes:
/// the stream must end exactly where the entry's compressed bytes end, with its final
/// block marked and the unused bits of its last byte zero, and the output must match the
/// CRC-32. A reader that stops once it has enough output would miss a flipped "final
/// block" bit or padding bit; this one does not.
final class StrictInflater {
    private var stream = z_stream()
    private var crc: UInt = crc32(0, nil, 0)
    private var lastInputByte: UInt8 = 0
    /// Whether the end of the final block was reached and its padding bits checked.
    private var paddingChecked = false
    private(set) var finished = false

    /// The problem that stops inflating.
    enum Problem: Error {
        case damaged(String)
        case crcMismatch
    }

    init() throws(Problem) {
        guard inflateInit2_(&stream, -15, ZLIB_VERSION_STRING, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("zlib cannot start inflating")
        }
    }

    deinit { inflateEnd(&stream) }

    /// Inflates from `input` (advancing it) into `output`; returns the bytes produced.
    /// Returns 0 with `finished` set at the end of the stream.
    func inflate(_ input: inout UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(Problem) -> Int {
        guard !finished, let outputBase = output.baseAddress else { return 0 }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = UInt32(input.count)
        stream.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(output.count)
        // Z_BLOCK stops at each block boundary, so that the padding after the final block
        // can be seen before zlib discards it.
        let result = CZlib.inflate(&stream, paddingChecked ? Z_NO_FLUSH : Z_BLOCK)
        let consumed = input.count - Int(stream.avail_in)
        if consumed > 0 { lastInputByte = input[consumed - 1] }
        input = UnsafeRawBufferPointer(rebasing: input[consumed...])
        let produced = output.count - Int(stream.avail_out)
        if produced > 0 { crc = crc32(crc, outputBase.assumingMemoryBound(to: Bytef.self), UInt32(produced)) }
        // data_type: unused bits of the last byte read, +64 in or after the final block,
        // +128 at a block boundary.
        if result == Z_OK, !paddingChecked, stream.data_type & 0xC0 == 0xC0 {
            let unusedBits = Int(stream.data_type & 0x3F)
            guard unusedBits < 8 else { throw .damaged("bytes follow the end of the deflate stream") }
            if unusedBits > 0, lastInputByte >> (8 - unusedBits) != 0 {
                throw .damaged("the deflate stream's padding bits are not zero")
            }
            paddingChecked = true
        }
        switch result {
        case Z_OK, Z_BUF_ERROR:
            return produced
        case Z_STREAM_END:
            guard paddingChecked else { throw .damaged("the deflate stream ends without its final block boundary") }
            finished = true
            return produced
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "code \(result)"
            throw .damaged("the deflate stream is damaged (\(message))")
        }
    }

    /// The CRC-32 of everything produced.
    var checksum: UInt32 { UInt32(truncatingIfNeeded: crc) }
}
