import Testing
@testable import ZipKit

struct ZipEntryTypeTests {
    @Test func typesComeFromTheUnixBitsThenTheName() {
        let file = Array("a/b.txt".utf8)
        let folder = Array("a/b/".utf8)
        #expect(ZipEntryType(rawName: file, unixFileType: nil) == .regular)
        #expect(ZipEntryType(rawName: file, unixFileType: 0) == .regular)
        #expect(ZipEntryType(rawName: file, unixFileType: 0o100000) == .regular)
        #expect(ZipEntryType(rawName: folder, unixFileType: nil) == .directory)
        #expect(ZipEntryType(rawName: file, unixFileType: 0o040000) == .directory)
        #expect(ZipEntryType(rawName: file, unixFileType: 0o120000) == .symbolicLink)
        #expect(ZipEntryType(rawName: folder, unixFileType: 0o120000) == .symbolicLink)
        #expect(ZipEntryType(rawName: file, unixFileType: 0o010000) == .special(0o010000))
        #expect(ZipEntryType(rawName: file, unixFileType: 0o020000) == .special(0o020000))
    }

    @Test func onlyStoreAndDeflateAreMethods() {
        #expect(ZipCompressionMethod(rawValue: 0) == .store)
        #expect(ZipCompressionMethod(rawValue: 8) == .deflate)
        for other: UInt16 in [1, 9, 12, 14, 93, 99] { #expect(ZipCompressionMethod(rawValue: other) == nil) }
    }
}
