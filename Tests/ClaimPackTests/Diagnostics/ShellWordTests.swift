import Foundation
import Testing
@testable import ClaimPack

/// Words in the commands a hint suggests, quoted as a POSIX shell reads them back.
struct ShellWordTests {
    @Test(arguments: [("my-claim", "my-claim"), ("Билайн", "Билайн"), ("a/b.zip", "a/b.zip"),
                      ("Билайн подписка", "'Билайн подписка'"), ("Bob's", "'Bob'\\''s'"), ("", "''"),
                      ("$HOME", "'$HOME'"), ("a*b", "'a*b'"), ("x;rm", "'x;rm'"), ("~/c", "'~/c'")])
    func wordsAreQuotedOnlyWhenTheShellWouldSplitOrExpandThem(_ word: String, _ quoted: String) throws {
        #expect(ShellWord.quoted(word) == quoted)
        // bash reads the quoted word back as the word itself.
        let echoed = try Witness.run(["bash", "-c", "printf %s \(ShellWord.quoted(word))"])
        #expect(echoed.status == 0 && echoed.output == word)
    }

    @Test func aMissingFolderHintQuotesItsPath() {
        let error = ClaimFolderError.folderNotFound(path: "Билайн подписка")
        #expect(error.description.hasSuffix("create one with: claimpack init 'Билайн подписка'"), "\(error.description)")
    }
}
