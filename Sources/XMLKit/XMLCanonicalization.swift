internal import CLibXML2

extension XMLDocument {
    /// The document in Exclusive XML Canonicalization 1.0, without comments.
    public func exclusiveCanonicalForm() throws(XMLError) -> [UInt8] {
        var output: UnsafeMutablePointer<xmlChar>?
        let count = xmlC14NDocDumpMemory(pointer, nil, Int32(XML_C14N_EXCLUSIVE_1_0.rawValue), nil, 0, &output)
        guard count >= 0, let output else { throw .canonicalizationFailed(document: name) }
        defer { cp_xml_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(count)))
    }

    /// Each child element of the root named `elementName`, as a document of its own with
    /// the attribute `excluded` removed, in Exclusive XML Canonicalization 1.0.
    ///
    /// This is how a hash-chained log can hash each record independently of where it sits
    /// in the file (and of the record's own hash attribute).
    public func canonicalChildren(named elementName: String, excludingAttribute excluded: String) throws(XMLError) -> [[UInt8]] {
        var results: [[UInt8]] = []
        var child = xmlDocGetRootElement(pointer)?.pointee.children
        while let node = child {
            defer { child = node.pointee.next }
            guard node.pointee.type == XML_ELEMENT_NODE, XMLString.string(node.pointee.name) == elementName else { continue }
            guard let single = xmlNewDoc(nil) else { throw .canonicalizationFailed(document: name) }
            defer { xmlFreeDoc(single) }
            guard let copy = xmlDocCopyNode(node, single, 1) else { throw .canonicalizationFailed(document: name) }
            xmlDocSetRootElement(single, copy)
            xmlReconciliateNs(single, copy)
            _ = excluded.withCString { xmlUnsetProp(copy, XMLString.cast($0)) }
            var output: UnsafeMutablePointer<xmlChar>?
            let count = xmlC14NDocDumpMemory(single, nil, Int32(XML_C14N_EXCLUSIVE_1_0.rawValue), nil, 0, &output)
            guard count >= 0, let output else { throw .canonicalizationFailed(document: name) }
            results.append(Array(UnsafeBufferPointer(start: output, count: Int(count))))
            cp_xml_free(output)
        }
        return results
    }
}
