/// One thing that goes into the envelope with the letter, described as what it is: a paper
/// copy of so many sheets, a recording on a USB stick, or the electronic copy of the bundle
/// on a USB stick. The letter's list of attachments and Form 107 both print this list.
struct Enclosure: Sendable, Hashable {
    /// What the thing in the envelope is.
    enum Form: Sendable, Hashable {
        /// A printed copy of `sheets` sheets.
        case paper(sheets: Int)
        /// An audio recording, on a USB stick.
        case audio
        /// A video, on a USB stick.
        case video
        /// The electronic copy of the claim and its evidence (the bundle), on a USB stick.
        case electronicCopy
    }

    /// The attachment's number in the letter (Form 107 numbers it one higher: the letter is
    /// its first row).
    var number: Int
    var title: String
    var form: Form
    /// The file it carries: the evidence file's name, or the bundle's.
    var file: String
    /// The evidence it carries; `nil` for the electronic copy.
    var evidenceID: String?
}

extension Enclosure {
    /// Why an evidence file marked `enclose` cannot go into the envelope as it is described.
    struct Problem: Sendable, Hashable, CustomStringConvertible {
        enum Reason: Sendable, Hashable {
            /// `claim.yaml` gives it no title, so the list would print its file name.
            case noTitle
            /// Its printed sheets cannot be counted and `sheets:` does not say.
            case noSheets
        }

        var evidenceID: String
        var file: String
        var reason: Reason

        var description: String {
            switch reason {
            case .noTitle:
                "evidence \"\(evidenceID)\" (\(file)) is enclosed but has no title: the list of attachments and Form 107 would show its file name; add title: under its entry in claim.yaml, or enclose: false"
            case .noSheets:
                "evidence \"\(evidenceID)\" (\(file)) is enclosed but its printed sheets cannot be counted; add sheets: N (the sheets of its paper copy) under its entry in claim.yaml, or enclose: false"
            }
        }
    }
}
