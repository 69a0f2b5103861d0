import Crypto
import Foundation
import Testing
@testable import ClaimPack

/// `SHA256Digest` keeps its 32 bytes in four words; every way in and out must agree with
/// swift-crypto's digest and with its hexadecimal form.
struct DigestTests {
    @Test(arguments: [[UInt8](), Array("abc".utf8), [UInt8](repeating: 0xA5, count: 1000)])
    func theWordsAreTheDigestsBytes(_ input: [UInt8]) {
        let digest = SHA256Digest(of: input)
        let expected = Array(SHA256.hash(data: input))
        #expect(digest.bytes == expected)
        #expect(digest.hex == expected.map { String(format: "%02x", $0) }.joined())
        #expect(SHA256Digest(hex: digest.hex) == digest)
        #expect(SHA256Digest(hex: digest.hex.uppercased()) == digest)
        #expect(SHA256Digest(hexBytes: Array(digest.hex.utf8)) == digest)
        #expect(SHA256Digest(hex: digest.grouped) == digest)
        #expect(SHA256Digest(hex: digest.grouped.replacingOccurrences(of: " ", with: "\u{00A0}")) == digest)
    }

    @Test func onlySixtyFourHexDigitsAreADigest() {
        let hex = String(repeating: "0f", count: 32)
        #expect(SHA256Digest(hex: hex) != nil)
        #expect(SHA256Digest(hex: hex.dropLast()) == nil)
        #expect(SHA256Digest(hex: hex + "0") == nil)
        #expect(SHA256Digest(hex: hex.dropLast() + "g") == nil)
        #expect(SHA256Digest(hex: hex.dropLast() + "é") == nil)
        #expect(SHA256Digest(hexBytes: Array(hex.utf8.dropLast()) + [0xC3]) == nil)
        #expect(SHA256Digest(hex: "") == nil)
        #expect(SHA256Digest.zero.hex == String(repeating: "0", count: 64))
    }
}
