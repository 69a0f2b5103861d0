import Foundation
import Testing
@testable import ClaimPack

/// YAML traps: anchors and aliases ("billion laughs", aliases as mapping keys), too many
/// values, nesting, over-long scalars. Each is refused with its code at its position,
/// before the document is composed.
struct YAMLLimitsTests {
    /// The kinds of bomb, each as a claim.yaml text under 1 MiB, with the code and
    /// position it must be reported with.
    static let bombs: [(name: String, text: String, code: DiagnosticCode, line: Int, column: Int)] = {
        var laughs = ["format: 1", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 { laughs.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        var keys = ["format: 1", "k0: &k0 {x: 1, y: 2}"]
        for level in 1...12 { keys.append("k\(level): &k\(level) {*k\(level - 1): 1, ? *k\(level - 1) : 2}") }
        let lonelyAlias = "format: 1\nsubject: *nowhere\n"
        let values = "format: 1\naccount: [" + Array(repeating: "1", count: YAMLLimits.maximumNodes + 10).joined(separator: ",") + "]\n"
        let depth = "format: 1\nx: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        let blockDepth = "format: 1\n" + (0..<40).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        let long = "format: 1\nsubject: \"" + String(repeating: "я", count: YAMLLimits.maximumScalarLength) + "\"\n"
        return [
            ("billion laughs", laughs.joined(separator: "\n") + "\n", .yamlAlias, 2, 5),
            ("aliases as keys", keys.joined(separator: "\n") + "\n", .yamlAlias, 2, 5),
            ("alias without anchor", lonelyAlias, .yamlAlias, 2, 10),
            ("too many values", values, .yamlTooManyValues, 2, 2 * YAMLLimits.maximumNodes + 1),
            ("flow nesting", depth, .yamlTooDeep, 2, 35),
            ("block nesting", blockDepth, .yamlTooDeep, 34, 65),
            ("long scalar", long, .yamlValueTooLong, 2, 10),
        ]
    }()

    @Test(arguments: bombs.indices)
    func bombIsRefusedAtItsPosition(_ index: Int) throws {
        let bomb = Self.bombs[index]
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", bomb.text)
        try folder.write("evidence/a.txt", "a\n")
        let report = try TestSupport.reader.read(folder: folder.url)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [bomb.code], "\(bomb.name): \(errors)")
        #expect(errors.first?.location == SourceLocation(file: "claim.yaml", line: bomb.line, column: bomb.column), "\(bomb.name)")
        #expect(report.claim == nil)
    }

    @Test func messagesSayWhyAndHow() throws {
        let folder = try TemporaryFolder()
        try folder.write("claim.yaml", Self.bombs[0].text)
        let message = try TestSupport.reader.read(folder: folder.url).diagnostics.first { $0.code == .yamlAlias }?.message ?? ""
        #expect(message.contains("&a0") && message.contains("a claim needs no anchors or aliases") && message.contains("write each value out"))
    }

    /// A claim just inside every bound still reads: the limits leave room for real claims.
    @Test func aClaimInsideTheBoundsIsRead() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOf: TestSupport.examples.appendingPathComponent("en-bank-duplicate-payment/claim.yaml"), encoding: .utf8)
        let long = String(repeating: "word ", count: YAMLLimits.maximumScalarLength / 6)
        try folder.copyContents(of: TestSupport.examples.appendingPathComponent("en-bank-duplicate-payment"))
        try folder.write("claim.yaml", text.replacingOccurrences(of: "\nsubject: ", with: "\nsubject: \(long)"))
        let report = try TestSupport.reader.read(folder: folder.url)
        #expect(!report.diagnostics.containsErrors, "\(report.diagnostics.prefix(3))")
        #expect(report.claim?.subject.hasPrefix("word word") == true)
    }
}
