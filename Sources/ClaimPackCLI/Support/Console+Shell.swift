internal import Foundation
internal import ClaimPack

extension Console {
    /// `word` as a POSIX shell reads it back as one word (`ShellWord.quoted`, shared with
    /// the core's hints): `claimpack check 'Билайн подписка'`.
    static func quoted(_ word: String) -> String {
        ShellWord.quoted(word)
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
