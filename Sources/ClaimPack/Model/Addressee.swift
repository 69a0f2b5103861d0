/// Who receives the letter: by default the respondent itself.
public struct Addressee: Sendable, Hashable {
    /// The position, already in the dative case (for example «Генеральному директору»).
    public var position: String?
    /// The official's name, already in the dative case (for example «Иванову И. И.»).
    public var person: String?
    public var name: String
    public var address: String

    public init(position: String? = nil, person: String? = nil, name: String, address: String) {
        self.position = position
        self.person = person
        self.name = name
        self.address = address
    }
}
