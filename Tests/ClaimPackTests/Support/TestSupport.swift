import Foundation
import Testing
@testable import ClaimPack

/// Paths and helpers shared by the core tests.
enum TestSupport {
    /// The repository's root folder.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = repositoryRoot.appendingPathComponent("Tests/ClaimPackTests/Fixtures")
    static let examples = repositoryRoot.appendingPathComponent("Examples")

    /// The example claim folders, by name.
    static var exampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/claim.yaml").path) }
            .sorted()
    }

    /// The reader the tests use: "today" is fixed so that results do not depend on the day;
    /// the law table is the shipped one, as the command-line tool reads it.
    static let reader: ClaimFolderReader = {
        var reader = ClaimFolderReader(today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                       law: try? LegalProvisions(templates: repositoryRoot.appendingPathComponent("Templates")))
        // Moscow keeps +03:00 all year: the offset a time without one is told to add is fixed.
        reader.timeZone = TimeZone(identifier: "Europe/Moscow")!
        return reader
    }()

    /// Compares `actual` with the golden file at `url`; with `CLAIMPACK_UPDATE_GOLDEN=1`
    /// rewrites the golden file instead. On a mismatch the comment shows a line diff.
    static func expectGolden(_ actual: String, matches url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["CLAIMPACK_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, Comment(rawValue: "golden \(url.lastPathComponent) differs:\n" + lineDiff(expected: expected, actual: actual)),
                sourceLocation: sourceLocation)
    }

    /// `-` lines only in the expected text, `+` lines only in the actual one.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        return new.difference(from: old).map { change in
            switch change {
            case .remove(_, let line, _): "- \(line)"
            case .insert(_, let line, _): "+ \(line)"
            }
        }.joined(separator: "\n")
    }
}

/// A folder under the system's temporary folder, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init(_ name: String = "claim") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("claimpack-tests-\(UUID().uuidString)")
        url = base.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }

    /// Writes `text` to the relative path, creating folders on the way.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, Data(text.utf8))
    }

    @discardableResult
    func write(_ relativePath: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    /// Copies a whole folder's content here.
    func copyContents(of folder: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: url.appendingPathComponent(name))
        }
    }
}

/// Every entry below a folder with its type, permissions, modification time and content,
/// to prove that reading a folder changed nothing.
struct FolderSnapshot: Equatable {
    let entries: [String: String]

    init(_ folder: URL) throws {
        var entries: [String: String] = [:]
        let fileManager = FileManager.default
        let enumerator = fileManager.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            let attributes = try fileManager.attributesOfItem(atPath: url.path)
            let type = (attributes[.type] as? FileAttributeType)?.rawValue ?? "?"
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            var content = ""
            if type == FileAttributeType.typeRegular.rawValue {
                content = try Data(contentsOf: url).base64EncodedString()
            } else if type == FileAttributeType.typeSymbolicLink.rawValue {
                content = try fileManager.destinationOfSymbolicLink(atPath: url.path)
            }
            entries[Array(path.utf8).map { String($0) }.joined(separator: ",")] = "\(type) \(permissions) \(modified) \(content)"
        }
        self.entries = entries
    }
}
