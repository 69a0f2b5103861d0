/// `response_days`: the law's period when absent, a warning when shorter than the law's.
extension ClaimDecoder {
    /// The answer period in days: `given`, or the law's for the claim's jurisdiction,
    /// sector and kind. A `given` period shorter than the law's is reported (C060): the
    /// respondent may lawfully answer later than the letter asks.
    func answerDays(given: Int?, at position: TextPosition?, language: Language, jurisdiction: Jurisdiction?,
                    sector: Sector?, kind: ClaimKind) -> Int {
        guard let law else { return given ?? kind.defaultResponseDays }
        let provision = law.provision(jurisdiction: jurisdiction ?? .default(for: language), sector: sector, kind: kind, language: .en)
        guard let given else { return provision.period.nominalDays }
        if given < provision.period.nominalDays {
            session.report(.warning, .responsePeriodShorterThanLaw, at: position,
                           "response_days: \(given) is shorter than the \(provision.period.unit == .months ? Plural.english(provision.period.days, "month") : provision.period.unit == .working ? Plural.english(provision.period.days, "working day") : Plural.english(provision.period.days, "day")) \(provision.citation) gives; the respondent may answer later without breaking the law, so the letter's period cannot be enforced: remove response_days to use the law's period, or give at least \(provision.period.nominalDays)")
        }
        return given
    }
}
