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

    /// A digest from its 64 hexadecimal digits (spaces ignored, any case); `nil` otherwise.
    public init?(hex: String) {
        let digits = hex.filter { !$0.isWhitespace }.lowercased()
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.bytes = bytes
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
