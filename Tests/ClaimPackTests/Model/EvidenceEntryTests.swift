import Testing
@testable import ClaimPack

/// The fields only `claim.yaml` gives are kept out of line; they read and compare as
/// stored fields do.
struct EvidenceEntryTests {
    @Test func theFieldsOutOfLineReadAsGiven() {
        let captured = EventTime(date: CalendarDate(daysSinceEpoch: 20_397))
        let location = SourceLocation(file: "claim.yaml", line: 12, column: 5)
        let entry = EvidenceEntry(id: "r", file: "evidence/r.pdf", title: "R", kind: .receipt, captured: captured,
                                  source: "app", sheets: 2, location: location)
        #expect(entry.captured == captured && entry.source == "app" && entry.sheets == 2 && entry.location == location)
        #expect(entry.enclose && !entry.isDerived)
        let derived = EvidenceEntry(id: "r", file: "evidence/r.pdf", title: "R", kind: .receipt, isDerived: true)
        #expect(derived.captured == nil && derived.source == nil && derived.sheets == nil && derived.location == nil)
        #expect(!derived.enclose)
    }

    @Test func entriesWithTheSameFieldsAreEqual() {
        let plain = EvidenceEntry(id: "r", file: "evidence/r.pdf", title: "R", kind: .receipt)
        var changed = plain
        changed.source = "app"
        #expect(changed != plain && changed.source == "app")
        changed.source = nil
        #expect(changed == plain && changed.hashValue == plain.hashValue)
        changed.sheets = 3
        var other = plain
        other.sheets = 3
        #expect(changed == other && Set([changed, other, plain]).count == 2)
    }
}
