internal import COpenSSL

/// The one place OpenSSL's results are checked: each failure becomes a `TimestampError`
/// with OpenSSL's own error text.
enum OpenSSL {
    /// The errors OpenSSL queued on this thread, as one text; the queue is emptied.
    static func errorText() -> String {
        var parts: [String] = []
        while true {
            var data: UnsafePointer<CChar>?
            var flags: Int32 = 0
            let code = ERR_get_error_all(nil, nil, nil, &data, &flags)
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            var text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let data, flags & ERR_TXT_STRING != 0, data.pointee != 0 { text += " (\(String(cString: data)))" }
            parts.append(text)
        }
        return parts.isEmpty ? "no reason given" : parts.joined(separator: "; ")
    }

    /// `value`, or the error of `operation` when OpenSSL returned NULL.
    static func check<Value>(_ value: Value?, _ operation: String) throws(TimestampError) -> Value {
        guard let value else { throw .openSSL(operation: operation, message: errorText()) }
        return value
    }

    /// Checks a status OpenSSL reports as 1 for success.
    static func check(_ status: Int32, _ operation: String) throws(TimestampError) {
        guard status == 1 else { throw .openSSL(operation: operation, message: errorText()) }
    }

    /// The DER encoding an `i2d_…` function gives.
    static func encode(_ operation: String, _ i2d: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32) throws(TimestampError) -> [UInt8] {
        let length = i2d(nil)
        guard length > 0 else { throw .openSSL(operation: operation, message: errorText()) }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let written = bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return i2d(&cursor)
        }
        guard written == length else { throw .openSSL(operation: operation, message: errorText()) }
        return bytes
    }

    /// The big-endian bytes of a non-negative big number (empty for zero).
    static func bytes(of number: OpaquePointer) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(number) + 7) / 8))
        _ = BN_bn2bin(number, &bytes)
        return bytes
    }

    /// The big-endian bytes of an ASN.1 INTEGER.
    static func bytes(of integer: UnsafePointer<ASN1_INTEGER>) throws(TimestampError) -> [UInt8] {
        let number = try check(ASN1_INTEGER_to_BN(integer, nil), "ASN1_INTEGER_to_BN")
        defer { BN_free(number) }
        return bytes(of: number)
    }

    /// What `print` writes into a memory BIO, as text.
    static func text(_ operation: String, _ print: (OpaquePointer) -> Int32) throws(TimestampError) -> String {
        let bio = try check(BIO_new(BIO_s_mem()), "BIO_new")
        defer { BIO_free(bio) }
        guard print(bio) > 0 else { throw .openSSL(operation: operation, message: errorText()) }
        var data: UnsafeMutablePointer<CChar>?
        let count = cp_bio_mem_data(bio, &data)
        guard let data, count > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    }

    /// A distinguished name as RFC 2253 text (UTF-8 kept).
    static func text(of name: OpaquePointer) throws(TimestampError) -> String {
        try text("X509_NAME_print_ex") { X509_NAME_print_ex($0, name, 0, cp_name_flags_rfc2253_utf8()) }
    }

    /// Hexadecimal digits, lowercase.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension OpenSSL {
    /// An object identifier as its dotted number, or its name.
    static func objectText(_ object: OpaquePointer, numeric: Bool) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, numeric ? 1 : 0)
        guard length > 0 else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
