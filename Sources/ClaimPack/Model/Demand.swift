/// One numbered demand of the claim, with its legal basis when given.
public struct Demand: Sendable, Hashable {
    public var text: String
    public var basis: String?
    public var location: SourceLocation?

    public init(text: String, basis: String? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.basis = basis
        self.location = location
    }
}
