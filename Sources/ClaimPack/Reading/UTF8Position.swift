/// Positions in bytes that may not be valid UTF-8.
enum UTF8Position {
    /// The 1-based line and column (in characters) of the first byte that is not valid
    /// UTF-8; the end of the text when all of it is valid.
    static func ofFirstInvalidByte(in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }
}
