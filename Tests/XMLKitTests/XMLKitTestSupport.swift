import Foundation
@testable import XMLKit

enum XMLKitTestSupport {
    /// The schema `text`, read from a temporary file as schemas are read (and removed).
    static func schema(_ text: String) throws -> XMLSchema {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xmlkit-\(UUID().uuidString).xsd").path
        defer { unlink(path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try XMLSchema(contentsOf: path)
    }
}
