/// The person making the claim: name and postal address, with contacts for the reply.
public struct Party: Sendable, Hashable {
    public var name: String
    public var address: String
    public var phone: String?
    public var email: String?

    public init(name: String, address: String, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
    }
}
