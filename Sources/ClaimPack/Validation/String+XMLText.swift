extension String {
    /// The first character that a claim's text may not hold, or `nil`: control characters
    /// (Unicode category Cc: C0 but line feed and tab, DEL, C1), which XML 1.0 cannot hold
    /// or which no letter can show, and U+FFFE and U+FFFF, which XML 1.0 cannot hold.
    /// The one rule for text from `claim.yaml`, file names, and free text given on the
    /// command line (`deliver --note`), so that whatever `check` accepts can be written
    /// into `manifest.xml` and `delivery.xml`.
    public var firstCharacterRefusedInText: Unicode.Scalar? {
        unicodeScalars.first { scalar in
            (scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t")
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
    }
}
