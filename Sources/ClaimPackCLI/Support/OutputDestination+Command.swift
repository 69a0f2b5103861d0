internal import ArgumentParser
internal import ClaimPack

extension OutputDestination {
    /// `check`, as every command that writes where the user said does it: a refusal is
    /// printed with what was not written (`nothing written`, `no letter written`), and the
    /// command exits 73 (EX_CANTCREAT).
    static func require(_ path: String, writing content: Content, replacing: Bool = false, inputs: [String],
                        notWritten: String = "nothing written") throws {
        do throws(Refusal) {
            try check(path, writing: content, replacing: replacing, inputs: inputs)
        } catch {
            Console.error("\(error.description); \(notWritten)")
            throw ExitCode.cannotCreate
        }
    }
}
