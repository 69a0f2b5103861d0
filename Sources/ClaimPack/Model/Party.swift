/// The person making the claim: name and postal address, with contacts for the reply.
public struct Party: Sendable, Hashable {
    public var name: String
    public var address: String
    public var phone: String?
    public var email: String?
    /// The gender `claim.yaml` states (`claimant.gender`); `nil` when it states none, and the
    /// letter then infers it from a patronymic or uses a neutral wording.
    public var gender: Gender?
    /// The date of birth a statement of claim gives (`claimant.birth_date`; ГПК РФ ст. 131
    /// ч. 2 п. 2).
    public var birthDate: CalendarDate?
    /// The place of birth a statement of claim gives (`claimant.birth_place`).
    public var birthPlace: String?
    /// One identifier the procedure code asks of a plaintiff, as written: «СНИЛС 112-233-445 95»,
    /// «РНОКПП 1234567890» (`claimant.identifier`).
    public var identifier: String?

    public init(name: String, address: String, phone: String? = nil, email: String? = nil, gender: Gender? = nil,
                birthDate: CalendarDate? = nil, birthPlace: String? = nil, identifier: String? = nil) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.gender = gender
        self.birthDate = birthDate
        self.birthPlace = birthPlace
        self.identifier = identifier
    }
}
