import Foundation
import Testing
@testable import ClaimPack

struct TrackingNumberTests {
    @Test(arguments: ["62009147017544", "6200 9147 0175 44"])
    func russianPostPublishedExamplePasses(_ number: String) throws {
        let tracking = try TrackingNumber(number)
        #expect(tracking.value == "62009147017544")
        #expect(tracking.carrier == .russianPost)
    }

    @Test(arguments: [("RR473124829RU", TrackingNumber.Carrier.russianPost), ("RR123456785EE", .other),
                      ("ra123456785ru", .russianPost), ("RA123456785UA", .ukrposhta), ("RA123456785GB", .royalMail)])
    func s10PublishedExamplesPass(_ number: String, _ carrier: TrackingNumber.Carrier) throws {
        #expect(try TrackingNumber(number).carrier == carrier)
    }

    @Test func wrongCheckDigitsSayMistypedWithoutOfferingTheDigit() {
        #expect(throws: TrackingNumber.Problem.wrongCheckDigit(number: "RR123456789EE", format: "UPU S10")) {
            try TrackingNumber("RR123456789EE")
        }
        #expect(throws: TrackingNumber.Problem.wrongCheckDigit(number: "62009147017545", format: "Russian Post")) {
            try TrackingNumber("62009147017545")
        }
        // The right digits (5 and 4) would make valid numbers of other items: not named.
        for (number, right) in [("RR123456789EE", "5"), ("62009147017545", "4"), ("9400100000000000000001", "6")] {
            do {
                _ = try TrackingNumber(number)
                Issue.record("\(number) accepted")
            } catch {
                let text = error.description.replacingOccurrences(of: number, with: "")
                #expect(text.contains("a digit is mistyped or two are swapped"), "\(error.description)")
                #expect(!text.contains("should be") && (right.isEmpty || !text.contains(right)), "\(error.description)")
            }
        }
    }

    @Test func everyWrongRussianPostDigitIsCaught() {
        // Changing any one digit of a valid number changes the check sum.
        let valid = Array("62009147017544")
        for position in 0..<13 {
            for digit in "0123456789" where digit != valid[position] {
                var changed = valid
                changed[position] = digit
                #expect(throws: TrackingNumber.Problem.self) { try TrackingNumber(String(changed)) }
            }
        }
    }

    @Test func uspsNumbersUseTheMod10CheckDigit() throws {
        for body in ["9400111899223100001234", "92055901755477000000", "9405511899223197428490"] {
            let stem = String(body.dropLast())
            let valid = stem + String(TrackingNumber.mod10CheckDigit(stem + "0"))
            #expect(try TrackingNumber(valid).carrier == .usps)
            let wrongDigit = (valid.last!.wholeNumberValue! + 1) % 10
            #expect(throws: TrackingNumber.Problem.self) { try TrackingNumber(stem + String(wrongDigit)) }
        }
        // Worked by hand: digits right to left × 3, 1, 3, …: 9400100000000000000000's check digit is 6.
        #expect(TrackingNumber.mod10CheckDigit("9400100000000000000000") == "6")
    }

    @Test func unknownFormatsNeedCarrierOther() throws {
        #expect(throws: TrackingNumber.Problem.unknownFormat(number: "ABC-1")) { try TrackingNumber("ABC-1") }
        #expect(try TrackingNumber("ABC-1", carrier: .other).value == "ABC1")
        #expect(try TrackingNumber("0503423568474", carrier: .ukrposhta).carrier == .ukrposhta)
        // 13 digits are a Ukrposhta domestic number's form: the carrier is what to give, not "other".
        #expect(throws: TrackingNumber.Problem.ukrposhtaNotGiven(number: "0503423568474")) { try TrackingNumber("0503 4235 6847 4") }
        #expect(TrackingNumber.Problem.ukrposhtaNotGiven(number: "0503423568474").description.contains("give --carrier ukrposhta"))
        #expect(throws: TrackingNumber.Problem.carrierMismatch(number: "62009147017544", format: "Russian Post", carrier: .usps)) {
            try TrackingNumber("62009147017544", carrier: .usps)
        }
    }
}
