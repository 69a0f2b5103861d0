import Testing
@testable import ClaimPack

private let rub = CurrencyCode("RUB")!
private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
private func rubles(_ text: String) -> Money { Money(DecimalAmount(text)!, currency: rub)! }
private func operation(_ id: String, _ amount: String, _ currency: String = "RUB", disputed: Bool = true) -> Operation {
    Operation(id: id, amount: DecimalAmount(amount)!, currency: CurrencyCode(currency)!, disputed: disputed)
}

struct ClaimPriceTests {
    @Test func thePrincipalIsTheSumOfTheDisputedOperationsOnly() throws {
        // 1 500,00 + 99,99 = 1 599,99; the undisputed 200,00 and the undisputed 10,00 USD are left out.
        let principal = try ClaimPrincipal(operations: [
            operation("TX-1", "1500.00"), operation("TX-2", "200.00", disputed: false),
            operation("TX-3", "99.99"), operation("TX-4", "10.00", "USD", disputed: false),
        ])
        #expect(principal.total == rubles("1599.99"))
        #expect(principal.parts.map(\.id) == ["TX-1", "TX-3"])
        let rows = principal.rows(CalculationWording(.ru))
        #expect(rows.map(\.key) == [.operation, .operation, .principal])
        #expect(rows.last?.formula == "1\u{00A0}500,00 + 99,99")
    }

    @Test func mixedCurrenciesNoDisputedOperationAndFractionsOfAKopeckAreErrors() {
        #expect(throws: EscalationError.mixedCurrencies(["RUB", "USD"])) {
            try ClaimPrincipal(operations: [operation("A", "1.00"), operation("B", "1.00", "USD")])
        }
        #expect(throws: EscalationError.noDisputedOperations) {
            try ClaimPrincipal(operations: [operation("A", "1.00", disputed: false)])
        }
        #expect(throws: EscalationError.noDisputedOperations) { try ClaimPrincipal(operations: []) }
        #expect(throws: EscalationError.unrepresentableAmount(operation: "A")) {
            try ClaimPrincipal(operations: [operation("A", "1.005")])
        }
    }

    @Test func theClaimPriceIsPrincipalPlusPenaltyAndSaysWhatIsLeftOut() throws {
        // Principal 1 500,00; penalty capped at 1 500,00 (see StatutoryPenaltyTests); price 3 000,00.
        let principal = try ClaimPrincipal(operations: [operation("TX-0001", "1500.00")])
        let penalty = try StatutoryPenalty(rule: .ruServices, base: principal.total,
                                           answerDue: date("2026-12-05"), asOf: date("2027-02-10"))
        let price = try ClaimPrice(jurisdiction: .ru, principal: principal, penalty: penalty)
        #expect(price.total == rubles("3000.00"))
        let rows = price.rows(CalculationWording(.ru))
        #expect(rows.map(\.key) == [.operation, .principal, .penaltyPeriod, .penalty, .penaltyCap, .claimPrice, .moralDamages, .consumerFine])
        // The rows counted in the claim price add up to it: 1 500,00 + 1 500,00.
        let counted = rows.filter { $0.inClaimPrice && $0.key != .claimPrice && $0.key != .operation }.compactMap(\.amount)
        #expect(counted.map(\.units).reduce(0, +) == price.total.units)
        let claimRow = try #require(rows.first { $0.key == .claimPrice })
        #expect(claimRow.formula == "1\u{00A0}500,00 + 1\u{00A0}500,00" && claimRow.amount == rubles("3000.00"))
        for key in [CalculationRow.Key.moralDamages, .consumerFine] {
            let row = try #require(rows.first { $0.key == key })
            #expect(row.amount == nil && !row.inClaimPrice && row.label.contains("в цену иска не входит"))
        }
    }

    @Test func withoutAPenaltyThePriceIsThePrincipal() throws {
        let principal = try ClaimPrincipal(operations: [operation("TX", "700.00")])
        let price = try ClaimPrice(jurisdiction: .gb, principal: principal, penalty: nil)
        #expect(price.total == rubles("700.00"))
        #expect(price.rows(CalculationWording(.en)).map(\.key) == [.operation, .principal, .claimPrice])
    }

    @Test func ukrainianRowsAreInUkrainianAndHaveNoConsumerFine() throws {
        // 2 000,00 грн, services, 3 % a day; due 30.12.2026, as-of 04.01.2027:
        // 31 Dec + 1–4 Jan = 5 days; 2 000,00 × 3 % × 5 = 300,00; price 2 300,00.
        let uah = CurrencyCode("UAH")!
        let principal = try ClaimPrincipal(operations: [Operation(id: "P-1", amount: DecimalAmount("2000.00")!, currency: uah)])
        let penalty = try StatutoryPenalty(rule: .uaServices, base: principal.total,
                                           answerDue: date("2026-12-30"), asOf: date("2027-01-04"))
        let price = try ClaimPrice(jurisdiction: .ua, principal: principal, penalty: penalty)
        #expect(price.total == Money(units: 230_000, currency: uah))
        let rows = price.rows(CalculationWording(.uk))
        #expect(rows.map(\.key) == [.operation, .principal, .penaltyPeriod, .penalty, .claimPrice, .moralDamages])
        #expect(rows[2].formula == "з 31.12.2026 по 04.01.2027 включно: 5 дн.")
        #expect(rows[3].label.hasSuffix("— застосовність перевірити"))
        #expect(rows[4].formula == "2\u{00A0}000,00 + 300,00")
    }
}
