import Foundation
import Testing
@testable import ClaimPack

struct SealTextTests {
    static let seal = "c6a095f0f887336b8ff9e7fac1edeb5927ca8e86623b5ba07fa89852b735039d"

    @Test func plainDigitsInGroupsAndAnyCaseParse() throws {
        let grouped = stride(from: 0, to: 64, by: 4).map { String(Array(Self.seal.uppercased())[$0..<$0 + 4]) }.joined(separator: " ")
        let parsed = try SealText.parse(grouped).get()
        #expect(parsed.digest.hex == Self.seal)
        #expect(parsed.substitutions.isEmpty)
        #expect(parsed.note == nil)
    }

    @Test func lookAlikesAreReadAndListed() throws {
        let typed = "с6а095f0f887336b8ff9е7fac1edeb5927ca8e86623b5ba07fa89852b735039d"
        let parsed = try SealText.parse(typed).get()
        #expect(parsed.digest.hex == Self.seal)
        #expect(parsed.substitutions.map(\.position) == [1, 3, 21])
        #expect(parsed.note == "read Cyrillic с (U+0441) at digit 1 as c, Cyrillic а (U+0430) at digit 3 as a, Cyrillic е (U+0435) at digit 21 as e (letters that look like hexadecimal digits)")
    }

    @Test func cyrillicOIsZero() throws {
        let typed = Self.seal.replacingOccurrences(of: "0", with: "о")
        #expect(try SealText.parse(typed).get().digest.hex == Self.seal)
    }

    @Test func otherCharactersAreNamedWithTheirPlace() {
        let typed = "x" + Self.seal.dropFirst()
        guard case .failure(let problem) = SealText.parse(typed) else { Issue.record("accepted"); return }
        #expect(problem.description == "the seal has only the digits 0–9 and the letters a–f: retype x (U+0078) at digit 1")
    }

    @Test func aShortSealSaysHowManyDigits() {
        guard case .failure(let problem) = SealText.parse(String(Self.seal.dropLast(4))) else { Issue.record("accepted"); return }
        #expect(problem.description.contains("not 60"))
    }
}
