internal import Foundation

/// The law the letter cites: the answer period as the law counts it, the act that gives it,
/// and what the claimant will do when ignored — from the law table (`Templates/law/`,
/// `LegalProvisions`) of the claim's jurisdiction, sector and kind.
extension LetterContext {
    /// The law table's row for the claim; `nil` when the templates folder has no law table
    /// (an older copy given with `--templates`): the templates' own wording is printed then.
    var provision: LegalProvision? {
        let folder = LegalProvisions.folder(templates: wording.templates)
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        return try? LegalProvisions(templates: wording.templates).provision(for: claim)
    }

    /// `period` (the answer period: the law's when `response_days` is the law's, else the
    /// claim's in calendar days from receipt) and `law` (citation, consequences, authority).
    func lawValues() -> [String: Any] {
        guard let provision, provision.language == claim.language else {
            // The same keys as with a row, empty, so that a template's names can be checked.
            return ["period": periodValues(count: claim.responseDays, unit: .calendar, fromRegistration: false, isLaw: false),
                    "law": ["citation": "", "consequences": [Any](), "hasConsequences": false, "authority": ""] as [String: Any],
                    "hasLaw": false]
        }
        let period = provision.period
        let isLaw = claim.responseDays == period.nominalDays
        var fromRegistration = false
        if case .registration = period.start { fromRegistration = true }
        return [
            "period": isLaw ? periodValues(count: period.days, unit: period.unit, fromRegistration: fromRegistration, isLaw: true)
                : periodValues(count: claim.responseDays, unit: .calendar, fromRegistration: false, isLaw: false),
            "law": ["citation": provision.citation, "consequences": provision.consequences.map { ["text": $0] },
                    "hasConsequences": !provision.consequences.isEmpty, "authority": provision.authority ?? ""] as [String: Any],
            "hasLaw": true,
        ]
    }

    private func periodValues(count: Int, unit: PeriodUnit, fromRegistration: Bool, isLaw: Bool) -> [String: Any] {
        let noun = switch unit {
        case .calendar: "day"
        case .working: "workday"
        case .months: "month"
        }
        return ["count": count, "word": wording.plural(noun, count), "isMonths": unit == .months, "isOneMonth": unit == .months && count == 1,
                "fromRegistration": fromRegistration, "fromReceipt": !fromRegistration, "isLaw": isLaw]
    }
}
