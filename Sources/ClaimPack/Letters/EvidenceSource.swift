public import Foundation

/// Where the evidence files printed in a kit are read from: the claim folder the letter is
/// made from, or the bundle (read through ZipKit, never extracted to disk).
public enum EvidenceSource: Sendable {
    /// The files under the folder `report` read (`ClaimFolderReport.evidenceFiles`).
    case folder(ClaimFolderReport)
    /// The payload of the bundle at this path (verified before by whoever opened it).
    case bundle(URL)
}
