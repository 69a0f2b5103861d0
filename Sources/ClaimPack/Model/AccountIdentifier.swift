/// One identifier of the relationship with the company, such as a contract or an account
/// number, in the order the claim lists them.
public struct AccountIdentifier: Sendable, Hashable {
    /// The label as the user wrote it, for example «Лицевой счёт».
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}
