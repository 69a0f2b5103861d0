import Foundation
import Testing
@testable import ClaimPack

struct TemplateFolderTests {
    @Test func aFileIsTheUsersWhenItExistsElseTheBuiltIn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let user = root.appendingPathComponent("user"), builtIn = root.appendingPathComponent("builtIn")
        for folder in [user.appendingPathComponent("ru"), builtIn.appendingPathComponent("ru"), builtIn.appendingPathComponent("law")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("mine".utf8).write(to: user.appendingPathComponent("ru/court.mustache"))
        let folder = TemplateFolder(user: user, builtIn: builtIn)
        #expect(folder.file("ru/court.mustache") == user.appendingPathComponent("ru/court.mustache"))
        #expect(folder.file("ru/locale.yaml") == builtIn.appendingPathComponent("ru/locale.yaml"))
        #expect(folder.lawRoot == builtIn)
        #expect(throws: Never.self) { try folder.validate(language: .ru) }
        #expect(throws: TemplateFolderError.noLanguage(path: user.relativePath, language: .en)) { try folder.validate(language: .en) }
        #expect(throws: TemplateFolderError.exists(path: user.relativePath)) { try folder.copy(to: user) }
    }
}
