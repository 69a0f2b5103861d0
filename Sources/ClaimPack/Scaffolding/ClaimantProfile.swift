public import Foundation
internal import Yams

/// The claimant's own details, typed once in `profile.yaml` and written by `claimpack init`
/// into every new claim: name, address, phone, e-mail and the default language.
///
/// The file is `$XDG_CONFIG_HOME/claimpack/profile.yaml`, else
/// `~/.config/claimpack/profile.yaml` (docs/profile.md).
public struct ClaimantProfile: Sendable, Hashable {
    public var name: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var language: Language?

    public init(name: String? = nil, address: String? = nil, phone: String? = nil, email: String? = nil, language: Language? = nil) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.language = language
    }

    /// The keys a profile may have.
    public static let keys = ["name", "address", "phone", "email", "language"]

    /// Where the profile is looked for: `$XDG_CONFIG_HOME/claimpack/profile.yaml` when
    /// `XDG_CONFIG_HOME` is set (and absolute), else `$HOME/.config/claimpack/profile.yaml`;
    /// `nil` when neither is set.
    public static func location(environment: [String: String]) -> URL? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config, isDirectory: true).appendingPathComponent("claimpack/profile.yaml")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config/claimpack/profile.yaml")
        }
        return nil
    }

    /// Reads the profile at `file`; `nil` when there is no file.
    ///
    /// - Throws: `ProfileError` naming the file and the line of the mistake (YAML syntax, a
    ///   key that is not a profile key, a value that is not text, a language other than
    ///   ru, uk or en).
    public static func read(_ file: URL) throws(ProfileError) -> ClaimantProfile? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw ProfileError(path: file.path, line: nil, message: "cannot be read as UTF-8 text")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw ProfileError(path: file.path, line: mark.line, message: "YAML syntax: \(problem); write one `key: value` a line")
            case .duplicatedKeysInMapping(let duplicates, let context):
                throw ProfileError(path: file.path, line: context.mark.line,
                                   message: "key \"\(duplicates.first ?? "")\" appears twice; keep one")
            default:
                throw ProfileError(path: file.path, line: nil, message: "YAML: \(error)")
            }
        } catch {
            throw ProfileError(path: file.path, line: nil, message: "YAML: \(error)")
        }
        guard let node else { return ClaimantProfile() }
        guard case .mapping(let mapping) = node else {
            throw ProfileError(path: file.path, line: node.mark?.line, message: "a profile is keys with values (name: …, address: …, phone: …, email: …, language: …)")
        }
        var profile = ClaimantProfile()
        for (key, value) in mapping {
            let line = key.mark?.line
            guard let name = key.string, keys.contains(name) else {
                let written = key.string ?? "?"
                let hint = keys.first { Suggestion.editDistance($0, written.lowercased()) <= 2 }.map { "; did you mean \($0)?" } ?? ""
                throw ProfileError(path: file.path, line: line, message: "\"\(written)\" is not a profile key (\(keys.joined(separator: ", ")))\(hint)")
            }
            guard case .scalar(let scalar) = value else {
                throw ProfileError(path: file.path, line: value.mark?.line ?? line, message: "\(name): write the value as text on the same line, in quotes if it has a colon")
            }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            switch name {
            case "name": profile.name = text
            case "address": profile.address = text
            case "phone": profile.phone = text
            case "email": profile.email = text
            default:
                guard let language = Language(rawValue: text) else {
                    throw ProfileError(path: file.path, line: value.mark?.line ?? line, message: "language: \(text) is not one of ru, uk, en")
                }
                profile.language = language
            }
        }
        return profile
    }
}

/// Why `profile.yaml` cannot be used: the file, the line and what to change.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let message: String

    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): error: \(message) (or run init with --no-profile)"
    }
}
