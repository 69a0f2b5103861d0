public import ArgumentParser
public import ClaimPack

/// `letter --attachments print|list|none`.
extension LetterMaker.Attachments: ExpressibleByArgument {}
