import Foundation
import Testing
@testable import ClaimPack

struct PortableNameTests {
    @Test(arguments: [
        ("чат 10:15.png", "чат 10_15.png"),
        ("вопрос?.txt", "вопрос_.txt"),
        ("a<b>c\"d|e*f.txt", "a_b_c_d_e_f.txt"),
        ("CON.txt", "_CON.txt"),
        ("con", "_con"),
        ("Nul.tar.gz", "_Nul.tar.gz"),
        ("COM1.log", "_COM1.log"),
        ("lpt9", "_lpt9"),
        ("COM¹.txt", "_COM¹.txt"),
        ("AUX .txt", "_AUX .txt"),
        ("note.", "note_"),
        ("note. ", "note__"),
        ("tab\there.txt", "tab_here.txt"),
    ])
    func namesWindowsCannotHoldAreMapped(name: String, mapped: String) {
        #expect(!PortableName.problems(ofComponent: name).isEmpty)
        #expect(PortableName.portable(component: name) == mapped)
        #expect(PortableName.problems(ofComponent: mapped).isEmpty, "\(mapped)")
    }

    @Test(arguments: ["receipt.pdf", "Чек №1 от 01.10.2026.pdf", "CONSOLE.txt", "COM10.txt", "COM0", "LPT.txt", ".hidden", "a b"])
    func portableNamesAreLeftAlone(name: String) {
        #expect(PortableName.problems(ofComponent: name).isEmpty)
        #expect(PortableName.portable(component: name) == name)
    }

    @Test func aComponentOver255UTF16UnitsIsShortenedKeepingItsExtension() {
        let name = String(repeating: "я", count: 300) + ".pdf"
        #expect(PortableName.problems(ofComponent: name) == [.componentTooLong(304)])
        let mapped = PortableName.portable(component: name)
        #expect(mapped.utf16.count == 255)
        #expect(mapped.hasSuffix("я.pdf"))
        // A character of two UTF-16 units is never split.
        let emoji = String(repeating: "😀", count: 200)
        #expect(PortableName.portable(component: emoji).utf16.count == 254)
    }

    @Test func aPathOver260IsShortenedInItsLastComponent() {
        let path = "claim/data/evidence/" + String(repeating: "a", count: 120) + "/" + String(repeating: "b", count: 200) + ".png"
        #expect(PortableName.problems(ofPath: path).contains(.pathTooLong(path.utf16.count)))
        let mapped = PortableName.portable(path: path)
        #expect(mapped.utf16.count == 260)
        #expect(mapped.hasPrefix("claim/data/evidence/" + String(repeating: "a", count: 120) + "/bbb"))
        #expect(mapped.hasSuffix("b.png"))
        #expect(PortableName.problems(ofPath: mapped).isEmpty)
    }

    @Test func checkWarnsAtTheFileWithTheProposedName() throws {
        let folder = try TemporaryFolder()
        try folder.write("evidence/чат 10:15.png", "1")
        try folder.write("evidence/CON.txt", "2")
        try folder.write("evidence/fine.txt", "3")
        let inventory = EvidenceInventory(claimFolder: folder.url)
        #expect(inventory.files.count == 3)
        let warnings = inventory.diagnostics.filter { $0.code == .nonPortableName }
        #expect(warnings.map(\.location.file).sorted() == ["evidence/CON.txt", "evidence/чат 10:15.png"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.contains { $0.message.contains("reserved device name CON") && $0.message.contains("\"evidence/_CON.txt\"") })
        #expect(warnings.contains { $0.message.contains("\":\"") && $0.message.contains("\"evidence/чат 10_15.png\"") })
    }
}
