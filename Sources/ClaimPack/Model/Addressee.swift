/// Who receives the letter: by default the respondent itself.
public struct Addressee: Sendable, Hashable {
    /// The position, already in the dative case (for example «Генеральному директору»).
    public var position: String?
    public var name: String
    public var address: String

    public init(position: String? = nil, name: String, address: String) {
        self.position = position
        self.name = name
        self.address = address
    }
}
