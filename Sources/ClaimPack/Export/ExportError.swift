/// Why nothing was exported. No folder is left behind by a failed export.
public enum ExportError: Error, Sendable, CustomStringConvertible {
    /// `export/targets.yaml` is missing or does not say what it must (its path and why).
    case rules(String)
    /// `--for` names no target of `export/targets.yaml`.
    case unknownTarget(String, known: [String])
    /// The output folder exists: an export is written into a new folder only.
    case outputExists(String)
    /// The output folder cannot be made or a file in it written (its path and why).
    case cannotWrite(String)
    /// The letter or a copy of the evidence cannot be made.
    case letter(LetterError)

    public var description: String {
        switch self {
        case .rules(let message): message
        case .unknownTarget(let key, let known):
            "\"\(key)\" is no export target; give --for \(known.joined(separator: ", ")) (Templates/export/targets.yaml)"
        case .outputExists(let path):
            "\(path) already exists; an export is written into a new folder only: give another -o"
        case .cannotWrite(let message): message
        case .letter(let error): error.description
        }
    }
}
