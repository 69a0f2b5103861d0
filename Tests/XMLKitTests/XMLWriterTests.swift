import Testing
import XMLKit

/// The writer's bytes are the document as written by hand, however long: libxml2 hands
/// them over in pieces of about 4 KB and the last piece when the writer is finished.
struct XMLWriterTests {
    @Test func aLongDocumentIsWrittenWhole() throws {
        let count = 20_000
        let writer = try XMLWriter(expectedSize: 100)
        try writer.element("list", namespace: "urn:test") { () throws(XMLError) in
            for index in 0..<count {
                try writer.element("item", text: "a < b & \(index)", attributes: [("n", String(index))])
            }
        }
        var expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<list xmlns=\"urn:test\">\n"
        for index in 0..<count {
            expected += "  <item n=\"\(index)\">a &lt; b &amp; \(index)</item>\n"
        }
        expected += "</list>\n"
        let bytes = try writer.finish()
        #expect(bytes.count > 100 * 4096)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func aShortDocumentAndNothingAfterTheEnd() throws {
        let writer = try XMLWriter(indent: false)
        try writer.element("a", text: "é")
        #expect(String(decoding: try writer.finish(), as: UTF8.self) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>é</a>\n")
        #expect(throws: XMLError.writerFailed(operation: "write after finish")) { try writer.element("b", text: "x") }
    }
}
