internal import Crypto

/// A SHA-256 digest, shown as 64 lower-case hexadecimal digits.
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes.
    public let bytes: [UInt8]

    init(_ digest: SHA256.Digest) {
        bytes = Array(digest)
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
        guard let bytes = SHA256Digest.parse(hex) else { return nil }
        self.bytes = bytes
    }

    private static func parse(_ hex: some StringProtocol) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var high: UInt8?
        for character in hex.utf8 {
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            case UInt8(ascii: " "), 0x09...0x0D: continue
            case 0x80...:
                // Not ASCII: only Unicode white space may be there, and is ignored.
                let rest = String(hex.filter { !$0.isWhitespace })
                return rest.utf8.allSatisfy({ $0 < 0x80 }) ? parse(rest) : nil
            default: return nil
            }
            if let first = high {
                guard bytes.count < 32 else { return nil }
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return bytes.count == 32 && high == nil ? bytes : nil
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
        for byte in bytes {
            text.append(SHA256Digest.hexDigits[Int(byte >> 4)])
            text.append(SHA256Digest.hexDigits[Int(byte & 0x0F)])
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
    public static let zero = SHA256Digest(bytes: [UInt8](repeating: 0, count: 32))

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }
}
