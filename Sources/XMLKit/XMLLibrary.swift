internal import CLibXML2

/// Facts about the libxml2 the program runs with.
public enum XMLLibrary {
    /// The version of the linked libxml2 as libxml2 states it, for example `20914`.
    public static var parserVersion: String {
        String(cString: cp_xml_parser_version())
    }
}
