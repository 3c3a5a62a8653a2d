import CYaml

/// The limit on YAML aliases (SPEC §7 "Hostile input"): a document that would expand past
/// `maxNodes` nodes through its aliases is an error at the alias, before it is composed.
///
/// A 1 KB "billion laughs" (each anchor a list of ten aliases to the one before) expands
/// tenfold per level, and composing, hashing and decoding walk the expansion. Counting needs
/// the parser's events, which Yams keeps to itself; libyaml (its `CYaml`, the same parser)
/// gives them, one pass, sizes only.
enum YAMLAliasLimit {
    static let maxNodes = 100_000

    /// The 1-based line and column of the alias at which `text` passes `maxNodes` expanded
    /// nodes; nil when it stays within (or has a syntax error, which Yams reports).
    static func excess(in text: String, maxNodes: Int = maxNodes) -> (line: Int, column: Int)? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizeOfAnchor: [String: Int] = [:]
            // Open collections: the anchor each was given and the nodes counted in it so far.
            var open: [(anchor: String?, nodes: Int)] = []
            var total = 0
            func close(_ nodes: Int, anchor: String?) {
                if let anchor { sizeOfAnchor[anchor] = nodes }
                if !open.isEmpty { open[open.count - 1].nodes += nodes }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    total += 1
                    close(1, anchor: event.data.scalar.anchor.map { String(cString: $0) })
                case YAML_SEQUENCE_START_EVENT:
                    total += 1
                    open.append((event.data.sequence_start.anchor.map { String(cString: $0) }, 1))
                case YAML_MAPPING_START_EVENT:
                    total += 1
                    open.append((event.data.mapping_start.anchor.map { String(cString: $0) }, 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let done = open.popLast() { close(done.nodes, anchor: done.anchor) }
                case YAML_ALIAS_EVENT:
                    let nodes = event.data.alias.anchor.flatMap { sizeOfAnchor[String(cString: $0)] } ?? 1
                    total += nodes
                    if total > maxNodes { return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1) }
                    close(nodes, anchor: nil)
                default:
                    break
                }
            }
        }
    }
}
