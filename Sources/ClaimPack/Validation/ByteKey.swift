/// Text as a dictionary key made of its UTF-8 bytes: compared byte for byte (a `String`
/// key compares by canonical equivalence, so NFC and NFD forms would be one key) and
/// hashed in one call (an `[UInt8]` key hashes byte by byte).
struct ByteKey: Hashable, Sendable {
    let utf8: [UInt8]

    init(_ text: some StringProtocol) { utf8 = Array(text.utf8) }
    init(utf8: [UInt8]) { self.utf8 = utf8 }

    /// The key under which names that one file system would take for one collide: NFC,
    /// then lower case (ASCII is lowered byte by byte, without building a `String`).
    static func folded(_ text: String) -> ByteKey {
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return ByteKey(utf8: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        }
        return ByteKey(text.nfc.lowercased())
    }

    func hash(into hasher: inout Hasher) {
        utf8.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
