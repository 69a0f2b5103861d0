internal import Foundation

extension Console {
    /// `word` as a POSIX shell reads it back as one word: unchanged when it holds only
    /// letters (any script), digits and `_ @ % + = : , . / -`; otherwise in single quotes,
    /// a single quote in it written `'\''`. For the commands a hint suggests:
    /// `claimpack check 'Билайн подписка'`.
    static func quoted(_ word: String) -> String {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_@%+=:,./-"))
        if !word.isEmpty, word.unicodeScalars.allSatisfy(plain.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A file of a claim folder as the user would type it from where they ran claimpack:
    /// `file` (relative to the folder) joined to `folder` as they gave it —
    /// `Билайн подписка/claim.yaml`, or `claim.yaml` for the current folder.
    static func path(_ file: String, in folder: String) -> String {
        var base = folder
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        if base == "." || base == "./" || base.isEmpty { return file }
        if file.isEmpty { return base }
        return base == "/" ? "/" + file : base + "/" + file
    }
}
