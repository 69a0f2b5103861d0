/// The person making the claim: name and postal address, with contacts for the reply.
public struct Party: Sendable, Hashable {
    public var name: String
    public var address: String
    public var phone: String?
    public var email: String?
    /// The gender `claim.yaml` states (`claimant.gender`); `nil` when it states none, and the
    /// letter then infers it from a patronymic or uses a neutral wording.
    public var gender: Gender?

    public init(name: String, address: String, phone: String? = nil, email: String? = nil, gender: Gender? = nil) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.gender = gender
    }
}
