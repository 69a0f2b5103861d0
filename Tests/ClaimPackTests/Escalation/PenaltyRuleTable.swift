import Foundation
@testable import ClaimPack

/// The penalty rules of the repository's law table (`Templates/law/*.yaml`, `penalties:`),
/// by the names the hand-worked tests use: the sums they check are the data's.
extension PenaltyRule {
    static let table = try! LegalProvisions(templates: TestSupport.repositoryRoot.appendingPathComponent("Templates"))
    static var ruServices: PenaltyRule { table.penaltyRule(jurisdiction: .ru, sector: .services)! }
    static var ruTelecom: PenaltyRule { table.penaltyRule(jurisdiction: .ru, sector: .telecom)! }
    static var ruGoods: PenaltyRule { table.penaltyRule(jurisdiction: .ru, sector: .goods)! }
    static var uaServices: PenaltyRule { table.penaltyRule(jurisdiction: .ua, sector: .services)! }
    static var uaGoods: PenaltyRule { table.penaltyRule(jurisdiction: .ua, sector: .goods)! }
    static var gbStatutoryInterest: PenaltyRule { table.penaltyRule(jurisdiction: .gb, sector: .finance)! }
}
