import Foundation
import Testing
@testable import ZipKit

/// The writer's file sink tells libzip the `errno` of a failure, so the message names it.
@Suite struct BufferedFileSinkTests {
    @Test func anArchiveInAMissingFolderNamesTheMissingFolder() throws {
        let path = NSTemporaryDirectory() + "missing-\(UUID().uuidString)/bundle.zip"
        let writer = try ZipArchiveWriter(creatingAt: path)
        try writer.add("a.txt", bytes: Array("a\n".utf8), compression: .store, timestamp: DOSTimestamp(year: 2026, month: 12, day: 4))
        do {
            try writer.close()
            Issue.record("an archive was written into a missing folder")
        } catch {
            #expect(error.description.contains("No such file or directory"), "\(error.description)")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
