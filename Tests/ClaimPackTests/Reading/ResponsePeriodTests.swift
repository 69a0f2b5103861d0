import Foundation
import Testing
@testable import ClaimPack

/// `response_days` against the law table: absent, the law's period; shorter, a warning.
struct ResponsePeriodTests {
    func telecomClaim(_ extra: String) throws -> (TemporaryFolder, ClaimFolderReport) {
        let folder = try TemporaryFolder("claim")
        try folder.copyContents(of: TestSupport.examples.appendingPathComponent("ru-telecom-subscription"))
        let file = folder.url.appendingPathComponent("claim.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data((text + extra).utf8).write(to: file)
        return (folder, try TestSupport.reader.read(folder: folder.url))
    }

    @Test func shorterThanTheLawIsAWarning() throws {
        let (_, report) = try telecomClaim("\nresponse_days: 10\n")
        let warning = try #require(report.diagnostics.first { $0.code == .responsePeriodShorterThanLaw })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("30 days") && warning.message.contains("126-FZ"))
        #expect(warning.location.line != nil)
        #expect(report.claim?.responseDays == 10)
    }

    /// 0 and -5 are whole numbers out of range alike; a word is not a number.
    @Test func aNegativeNumberIsOutOfRangeLikeZero() throws {
        for value in ["0", "-5", "-99999999999999999999"] {
            let (_, report) = try telecomClaim("\nresponse_days: \(value)\n")
            let error = try #require(report.diagnostics.first { $0.message.hasPrefix("response_days:") }, "\(value)")
            #expect(error.code == .numberOutOfRange, "\(value): \(error.message)")
            #expect(error.message == "response_days: \(value) is out of range; use 1 to 365")
        }
        for value in ["-", "5-", "-x"] {
            let (_, report) = try telecomClaim("\nresponse_days: \"\(value)\"\n")
            let error = try #require(report.diagnostics.first { $0.message.hasPrefix("response_days:") }, "\(value)")
            #expect(error.code == .wrongType, "\(value): \(error.message)")
        }
    }

    @Test func equalOrLongerIsQuiet() throws {
        let (_, report) = try telecomClaim("\nresponse_days: 30\n")
        #expect(!report.diagnostics.contains { $0.code == .responsePeriodShorterThanLaw })
        #expect(report.claim?.responseDays == 30)
    }

    @Test func absentTakesTheLawsPeriod() throws {
        let report = try TestSupport.reader.read(folder: TestSupport.examples.appendingPathComponent("ru-city-portal-complaint"))
        #expect(report.claim?.responseDays == 30)
        #expect(report.claim?.respondent.sector == .state)
    }

    @Test func withoutALawTableTheKindDecides() throws {
        let report = try ClaimFolderReader(today: CalendarDate(year: 2026, month: 11, day: 21)!)
            .read(folder: TestSupport.examples.appendingPathComponent("ru-telecom-subscription"))
        #expect(report.claim?.responseDays == ClaimKind.claim.defaultResponseDays)
    }
}
