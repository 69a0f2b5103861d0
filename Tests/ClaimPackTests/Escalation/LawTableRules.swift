import Foundation
@testable import ClaimPack

/// The penalty rules, court fees and courts of the repository's law table
/// (`Templates/law/*.yaml`: `penalties:`, `court_fee:`, `courts:`), by the names the
/// hand-worked tests use: the sums they check are the data's.
extension PenaltyRule {
    static let table = try! LegalProvisions(templates: TestSupport.repositoryRoot.appendingPathComponent("Templates"))
    static var ruServices: PenaltyRule { table.penaltyRule(jurisdiction: .ru, sector: .services)! }
    static var ruTelecom: PenaltyRule { table.penaltyRule(jurisdiction: .ru, sector: .telecom)! }
    static var ruGoods: PenaltyRule { table.penaltyRule(jurisdiction: .ru, sector: .goods)! }
    static var uaServices: PenaltyRule { table.penaltyRule(jurisdiction: .ua, sector: .services)! }
    static var uaGoods: PenaltyRule { table.penaltyRule(jurisdiction: .ua, sector: .goods)! }
    static var gbStatutoryInterest: PenaltyRule { table.penaltyRule(jurisdiction: .gb, sector: .finance)! }
}

extension CourtFee {
    /// The fee by the law table's `court_fee:` of `jurisdiction`.
    init(jurisdiction: Jurisdiction, claimPrice: Money) {
        self.init(jurisdiction: jurisdiction, claimPrice: claimPrice, schedule: PenaltyRule.table.courtFeeSchedule(jurisdiction: jurisdiction))
    }

    /// The Russian fee in whole roubles for a claim price in kopecks.
    static func ruFee(kopecks: Int) -> Int? {
        fee(units: kopecks, schedule: PenaltyRule.table.courtFeeSchedule(jurisdiction: .ru)!)
    }
}

extension CourtChoice {
    /// The court by the law table's `courts:` of `jurisdiction`.
    init(jurisdiction: Jurisdiction, claimPrice: Money) {
        self.init(jurisdiction: jurisdiction, claimPrice: claimPrice, rule: PenaltyRule.table.courtRule(jurisdiction: jurisdiction))
    }
}
