import Foundation
import Testing
@testable import ClaimPack

/// The ASCII fast paths of `EntryNameRules` against the rules as Unicode text, on names
/// made of the characters the rules are about.
struct EntryNameRulesTests {
    private static let alphabet: [String] = ["a", "B", "z", ".", "/", "\\", ":", " ", "\u{1}", "\u{7F}", "é", "e\u{301}", "K", "\u{212A}", "k", "Я"]

    private static func names(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func theFastPathAgreesWithTheRules() {
        for name in Self.names(count: 20_000, seed: 7) {
            let raw = Array(name.utf8)
            let fast = EntryNameRules.check(raw)
            let full = EntryNameRules.checkText(raw)
            #expect(fast.name == full.name && fast.findings == full.findings, "\(name.debugDescription)")
        }
    }

    @Test func duplicatesAreFoundByBytesThenNFCThenCase() {
        let names = Self.names(count: 1_000, seed: 11).filter { !$0.isEmpty }
        var expected: [FindingCode] = []
        for (index, name) in names.enumerated() {
            let earlier = names[..<index]
            if earlier.contains(where: { Array($0.utf8) == Array(name.utf8) }) {
                expected.append(.duplicateName)
            } else if earlier.contains(where: { Array($0.nfc.utf8) == Array(name.nfc.utf8) }) {
                expected.append(.duplicateNameNFC)
            } else if earlier.contains(where: { Array($0.nfc.lowercased().utf8) == Array(name.nfc.lowercased().utf8) }) {
                expected.append(.duplicateNameCase)
            }
        }
        #expect(expected.count > 100)
        #expect(EntryNameRules.duplicates(names).map(\.code) == expected)
    }

    @Test func namesAndComponentsAtTheirLimitsPassAndOneByteMoreIsAFinding() {
        let component = String(repeating: "я", count: 127) + "a"  // 255 bytes
        #expect(EntryNameRules.lengthFinding(Array("b/data/\(component)".utf8)) == nil)
        #expect(EntryNameRules.lengthFinding(Array("b/data/\(component)x".utf8))?.code == .nameTooLong)
        #expect(EntryNameRules.lengthFinding(Array("b/\(component)x/c".utf8))?.code == .nameTooLong)
        let name = "b/" + Array(repeating: String(repeating: "d", count: 99), count: 10).joined(separator: "/") + "/"
        let padded = name + String(repeating: "f", count: BundleLimits.maximumNameBytes - name.utf8.count)
        #expect(EntryNameRules.lengthFinding(Array(padded.utf8)) == nil)
        #expect(EntryNameRules.lengthFinding(Array((padded + "f").utf8))?.code == .nameTooLong)
        #expect(EntryNameRules.lengthFinding(Array((padded + "f").utf8))?.severity == .warning)
        #expect(EntryNameRules.lengthFinding(Array("b/\(component)x".utf8))?.severity == .error)
    }
}
