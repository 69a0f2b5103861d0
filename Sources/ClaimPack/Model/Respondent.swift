/// The company the claim is against, with its state registration numbers when known.
public struct Respondent: Sendable, Hashable {
    public var name: String
    public var address: String
    /// Russian taxpayer number (ИНН), 10 or 12 digits, check digits verified.
    public var inn: String?
    /// Russian state registration number (ОГРН 13 digits, ОГРНИП 15), check digit verified.
    public var ogrn: String?
    /// Ukrainian registry code (ЄДРПОУ), 8 digits, check digit verified.
    public var edrpou: String?
    /// What the company does (`respondent.sector`); `nil` when `claim.yaml` does not say.
    public var sector: Sector?

    public init(name: String, address: String, inn: String? = nil, ogrn: String? = nil, edrpou: String? = nil,
                sector: Sector? = nil) {
        self.sector = sector
        self.name = name
        self.address = address
        self.inn = inn
        self.ogrn = ogrn
        self.edrpou = edrpou
    }
}
