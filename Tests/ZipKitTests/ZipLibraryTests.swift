import Testing
import ZipKit

@Test func linkedLibzipReportsItsVersion() {
    let parts = ZipLibrary.version.split(separator: ".")
    #expect(parts.count >= 2)
    #expect(parts.allSatisfy { Int($0) != nil })
}
