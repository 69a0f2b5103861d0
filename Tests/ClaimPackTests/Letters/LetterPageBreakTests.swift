import Foundation
import Testing
@testable import ClaimPack

/// Where pages break, read back from the PDF with `pdftotext -bbox`: paragraphs of tagged
/// words (`p7` is paragraph 7), pushed down by a varying space so that the page breaks at
/// every position within them.
struct LetterPageBreakTests {
    /// The lines of each tagged paragraph on each page: `[page: [paragraph: lines]]`.
    func linesByPage(_ blocks: [LetterBlock]) throws -> [Int: [Int: Int]] {
        let folder = try TemporaryFolder("breaks")
        let pdf = try folder.write("breaks.pdf", Data(try LetterPDFRenderer.pdf(of: blocks)))
        let xhtml = try Witness.run(["pdftotext", "-bbox", pdf.path, "-"]).output
        var result: [Int: [Int: Int]] = [:]
        for (number, page) in xhtml.components(separatedBy: "<page ").dropFirst().enumerated() {
            var lines: [Int: Set<Int>] = [:]
            for match in page.matches(of: #/yMin="([0-9.]+)"[^>]*>p([0-9]+)</word>/#) {
                if let y = Double(match.1), let tag = Int(match.2) { lines[tag, default: []].insert(Int(y.rounded())) }
            }
            result[number + 1] = lines.mapValues(\.count)
        }
        return result
    }

    func paragraph(_ tag: Int, lines: Int) -> LetterBlock {
        LetterBlock(role: .paragraph, argument: "", text: Array(repeating: "p\(tag)", count: lines * 17).joined(separator: " "))
    }

    /// No page starts or ends with one line of a paragraph that has more.
    @Test(arguments: Array(stride(from: 0, through: 36, by: 3)))
    func noParagraphLeavesOneLineOnAPage(_ offset: Int) throws {
        var blocks = [LetterBlock(role: .space, argument: String(offset), text: "")]
        for tag in 1...16 { blocks.append(paragraph(tag, lines: 2 + tag % 5)) }
        let pages = try linesByPage(blocks)
        #expect(pages.count >= 2, "the blocks fill more than one page")
        var totals: [Int: Int] = [:]
        for lines in pages.values { for (tag, count) in lines { totals[tag, default: 0] += count } }
        for (page, lines) in pages {
            for (tag, count) in lines where count < totals[tag, default: 0] {
                #expect(count >= 2, "page \(page) holds \(count) line of paragraph \(tag) (of \(totals[tag] ?? 0))")
            }
        }
    }

    /// At least two lines of body text share the signature's page.
    @Test(arguments: Array(stride(from: 0, through: 84, by: 4)))
    func twoLinesOfTextGoWithTheSignature(_ offset: Int) throws {
        var blocks = [LetterBlock(role: .space, argument: String(offset), text: "")]
        for tag in 1...13 { blocks.append(paragraph(tag, lines: 3)) }
        blocks.append(LetterBlock(role: .item, argument: "", text: "p98 p98 p98"))
        blocks.append(LetterBlock(role: .item, argument: "", text: "p99 p99 p99"))
        blocks += [LetterBlock(role: .space, argument: "3", text: ""),
                   LetterBlock(role: .small, argument: "", text: "seal"),
                   LetterBlock(role: .mono, argument: "", text: "aaaa bbbb\ncccc dddd"),
                   LetterBlock(role: .small, argument: "", text: "check"),
                   LetterBlock(role: .mono, argument: "", text: "claimpack verify b.zip \\\n--seal 00"),
                   LetterBlock(role: .signature, argument: "", text: "date | p0")]
        let pages = try linesByPage(blocks)
        let signaturePage = try #require(pages.first { $0.value[0] != nil }?.key)
        let textLines = pages[signaturePage]!.filter { $0.key != 0 }.values.reduce(0, +)
        #expect(textLines >= 2, "the signature's page \(signaturePage) holds \(textLines) lines of text: \(pages)")
    }

    /// A heading keeps with the first two rows of the table after it: the money table of a
    /// statement of claim (`Templates/ru/court.mustache`, wrapped cells), pushed down so that
    /// the page ends at every point around the heading. Read back page by page with pdftotext.
    @Test(arguments: Array(stride(from: 30, through: 120, by: 2)))
    func aHeadingIsNotLeftAloneAboveATable(_ offset: Int) throws {
        var blocks = [LetterBlock(role: .space, argument: String(offset), text: "")]
        for tag in 1...8 { blocks.append(paragraph(tag, lines: 4)) }
        blocks.append(LetterBlock(role: .heading, argument: "", text: "HEADING Цена иска и расчёт взыскиваемых сумм"))
        blocks.append(LetterBlock(role: .table, argument: "38,44,18r", text: """
            |* Статья расчёта | Расчёт | Сумма, RUB |
            | ROWONE Денежные средства, уплаченные по оспариваемым операциям | сумма операций op-1, op-2 по выписке банка | 12 480,00 |
            | ROWTWO Неустойка (п. 5 ст. 28 Закона РФ «О защите прав потребителей») | 12 480,00 × 3 % × 23 дня, не более цены услуги | 8 611,20 |
            |* Цена иска | | 21 091,20 |
            """))
        blocks.append(paragraph(9, lines: 3))
        let folder = try TemporaryFolder("keep")
        let pdf = try folder.write("keep.pdf", Data(try LetterPDFRenderer.pdf(of: blocks)))
        let count = try #require(Int(try Witness.run(["pdfinfo", pdf.path]).output
            .firstMatch(of: #/Pages:\s+([0-9]+)/#).map { String($0.1) } ?? ""))
        var pages: [String] = []
        for page in 1...count {
            pages.append(try Witness.run(["pdftotext", "-f", String(page), "-l", String(page), "-layout", pdf.path, "-"]).output)
        }
        let headingPage = try #require(pages.firstIndex { $0.contains("HEADING") })
        #expect(pages[headingPage].contains("Статья расчёта") && pages[headingPage].contains("ROWONE"),
                "offset \(offset): the heading is on page \(headingPage + 1), the table's first rows are not")
    }
}
