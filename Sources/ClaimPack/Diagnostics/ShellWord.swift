internal import Foundation

/// A word of a command that a message suggests, written so that a POSIX shell reads it back
/// as that one word — the one quoting rule for the core's hints and the CLI's.
public enum ShellWord {
    /// `word` unchanged when it holds only letters (any script), digits and
    /// `_ @ % + = : , . / -`; otherwise in single quotes, a single quote in it written
    /// `'\''`: `claimpack check 'Билайн подписка'`.
    public static func quoted(_ word: String) -> String {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_@%+=:,./-"))
        if !word.isEmpty, word.unicodeScalars.allSatisfy(plain.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
