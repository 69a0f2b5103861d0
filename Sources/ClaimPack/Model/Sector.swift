/// What the respondent does, as far as consumer law tells companies apart: it decides the
/// answer period and the law cited (a telecom operator answers under the law on
/// communications, a bank under the banking rules, a state body under the law on
/// citizens' appeals).
public enum Sector: String, ClaimVocabulary {
    /// A seller of goods (продавец, продавець).
    case goods
    /// A provider of services or works (исполнитель, виконавець).
    case services
    /// A telecom operator (оператор связи, оператор зв'язку).
    case telecom
    /// A bank or another financial organisation.
    case finance
    /// A utility: housing, water, heating, energy.
    case utilities
    /// A state or municipal body, or its portal.
    case state
}
