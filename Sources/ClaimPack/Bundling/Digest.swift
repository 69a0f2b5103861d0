internal import Crypto

/// A SHA-256 digest, shown as 64 lower-case hexadecimal digits.
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    // The 32 bytes as four big-endian words: a digest is a plain value, with no allocation
    // (verify holds several per evidence file).
    private let word0, word1, word2, word3: UInt64

    /// The 32 bytes.
    public var bytes: [UInt8] {
        [word0, word1, word2, word3].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * $0)) } }
    }

    init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { raw in
            func word(_ index: Int) -> UInt64 { UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self)) }
            return SHA256Digest(words: (word(0), word(1), word(2), word(3)))
        }
    }

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        (word0, word1, word2, word3) = words
    }

    /// The digest of `bytes`.
    public init(of bytes: [UInt8]) {
        self.init(SHA256.hash(data: bytes))
    }

    /// The digest of the bytes in `buffer`.
    init(of buffer: UnsafeRawBufferPointer) {
        var hasher = SHA256()
        hasher.update(bufferPointer: buffer)
        self.init(hasher.finalize())
    }

    /// A digest from its 64 hexadecimal digits (spaces ignored, any case); `nil` otherwise.
    public init?(hex: some StringProtocol) {
        var words = SHA256Digest.parse(hex.utf8)
        if words == nil, hex.utf8.contains(where: { $0 >= 0x80 }) {
            // Not ASCII: only Unicode white space may be there, and is ignored.
            words = SHA256Digest.parse(String(hex.filter { !$0.isWhitespace }).utf8)
        }
        guard let words else { return nil }
        self.init(words: words)
    }

    /// A digest from its 64 hexadecimal digits as ASCII bytes (spaces ignored, any case);
    /// `nil` otherwise.
    init?(hexBytes: some Collection<UInt8>) {
        guard let words = SHA256Digest.parse(hexBytes) else { return nil }
        self.init(words: words)
    }

    /// The four words of 64 hexadecimal ASCII digits, white space skipped; `nil` for
    /// anything else (including bytes that are not ASCII).
    private static func parse(_ hex: some Collection<UInt8>) -> (UInt64, UInt64, UInt64, UInt64)? {
        if let parsed = hex.withContiguousStorageIfAvailable(parse(buffer:)) { return parsed }
        return Array(hex).withUnsafeBufferPointer(parse(buffer:))
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64)? {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var digits = 0
        for character in buffer {
            let value = digitValues[Int(character)]
            if value == skipped { continue }
            guard value < 16, digits < 64 else { return nil }
            let digit = UInt64(value)
            switch digits >> 4 {
            case 0: words.0 = words.0 << 4 | digit
            case 1: words.1 = words.1 << 4 | digit
            case 2: words.2 = words.2 << 4 | digit
            default: words.3 = words.3 << 4 | digit
            }
            digits += 1
        }
        return digits == 64 ? words : nil
    }

    private static let skipped: UInt8 = 0xFE

    /// Each byte's value as a hexadecimal digit; `skipped` for ASCII white space, 0xFF for
    /// anything else.
    private static let digitValues: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x61...0x66: UInt8(byte - 0x61 + 10)
        case 0x41...0x46: UInt8(byte - 0x41 + 10)
        case 0x20, 0x09...0x0D: skipped
        default: 0xFF
        }
    }

    /// The 64 hexadecimal digits.
    public var hex: String {
        var text = [UInt8]()
        text.reserveCapacity(64)
        appendHex(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the 64 hexadecimal digits, as ASCII, to `text`.
    func appendHex(to text: inout [UInt8]) {
        for word in [word0, word1, word2, word3] {
            for shift in stride(from: 60, through: 0, by: -4) {
                text.append(SHA256Digest.hexDigits[Int(word >> UInt64(shift) & 0x0F)])
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Groups of four digits, as printed on the letter: `3f2a 9c01 …`.
    public var grouped: String {
        var groups: [Substring] = []
        var rest = Substring(hex)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    public var description: String { hex }

    /// 64 zeros: the `previous` hash of the first event of a chain.
    public static let zero = SHA256Digest(words: (0, 0, 0, 0))
}
