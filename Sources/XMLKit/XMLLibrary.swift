internal import CLibXML2

/// Facts about the libxml2 the program runs with.
public enum XMLLibrary {
    /// Initializes libxml2 once per process, before any thread uses it.
    static func initialize() { _ = initialized }

    private static let initialized: Bool = {
        xmlInitParser()
        // The table of built-in schema types is made on first use without a lock: two
        // threads reading their first schemas at once would both make it (one leaks).
        xmlSchemaInitTypes()
        return true
    }()

    /// The version of the linked libxml2 as libxml2 states it, for example `20914`.
    public static var parserVersion: String {
        String(cString: cp_xml_parser_version())
    }
}
