/// A member of a JSON document that writes itself straight into a `JSONWriter`.
package protocol JSONWritable: Sendable {
    /// Writes the value at the writer's position (after a `key(_:)` or `item()`).
    func write(to writer: inout JSONWriter)
}

extension PackMetrics {
    /// The `metrics.json` document: `schema`, `unit`, `period`, `period_kind`, `audience`, `kpis`
    /// and `breakdowns`; `extra` adds further top-level members (`playbook`, `governance`) and
    /// may not replace these.
    package func json(audience: String, extra: [String: any JSONWritable] = [:]) -> PackMetricsJSON {
        PackMetricsJSON(pack: self, audience: audience, extra: extra)
    }
}

/// The `metrics.json` of one pack (SPEC §3.5), written straight from the pack's figures in the
/// form ``JSONText`` documents; the tests compare it with the same document built as a tree.
package struct PackMetricsJSON: Sendable {
    var pack: PackMetrics
    var audience: String
    /// Top-level members besides the pack's own; a key of the pack's own is ignored here.
    var extra: [String: any JSONWritable]

    /// The pack's own top-level members.
    private enum Member {
        case schema, unit, period, periodKind, audience, kpis, breakdowns
        case extra(any JSONWritable)

        static let keys: [(String, Member)] = [
            ("schema", .schema), ("unit", .unit), ("period", .period), ("period_kind", .periodKind),
            ("audience", .audience), ("kpis", .kpis), ("breakdowns", .breakdowns),
        ]
    }

    /// The members of a KPI's object (at depth 3: document, `kpis`, the KPI), in key order.
    private enum KPIKey {
        static let change = key("change"), delta = key("delta"), formula = key("formula"), partial = key("partial")
        static let previous = key("previous"), status = key("status"), target = key("target"), value = key("value")
        static let targetStatus = key("target_status")
        static let yearAgo = key("year_ago"), yoyChange = key("yoy_change")

        static func key(_ name: String) -> JSONKey { JSONKey(name, depth: 3) }
    }

    /// The document as text, ending with a newline.
    func render() -> String { document().finish() }

    /// The document's UTF-8 bytes, ending with a newline.
    package func bytes() -> [UInt8] { document().finishBytes() }

    /// A writer holding the document, but for its final newline.
    private func document() -> JSONWriter {
        let rowCount = pack.breakdowns.values.reduce(0) { $0 + $1.count }
        var writer = JSONWriter(capacity: 4096 + 320 * pack.kpis.count + (64 + 40 * pack.kpis.count) * rowCount)
        var members = Member.keys
        for (key, value) in extra where !Member.keys.contains(where: { $0.0 == key }) { members.append((key, .extra(value))) }
        members.sort { JSONText.utf8Precedes($0.0, $1.0) }
        writer.beginObject()
        for (key, member) in members {
            writer.key(key)
            switch member {
            case .schema: writer.number(2)
            case .unit: writer.string(pack.unit)
            case .period: writer.string(pack.period.description)
            case .periodKind: writer.string(pack.period.kind)
            case .audience: writer.string(audience)
            case .kpis: writeKPIs(to: &writer)
            case .breakdowns: writeBreakdowns(to: &writer)
            case .extra(let value): value.write(to: &writer)
            }
        }
        writer.endObject()
        return writer
    }

    /// `kpis`: KPI id → its figures. Ids are gathered in a dictionary, as the tree gathers its
    /// members, so that a repeated id is written once, with its last result.
    private func writeKPIs(to writer: inout JSONWriter) {
        var last: [String: Int] = Dictionary(minimumCapacity: pack.kpis.count)
        for (position, k) in pack.kpis.enumerated() { last[k.id] = position }
        writer.beginObject()
        for index in JSONText.utf8Order(last.keys) {
            let (id, position) = last[index]
            let k = pack.kpis[position]
            writer.key(id)
            writer.beginObject()
            writer.key(KPIKey.change)
            writer.number(k.change)
            writer.key(KPIKey.delta)
            writer.number(k.delta)
            writer.key(KPIKey.formula)
            writer.string(k.formula)
            writer.key(KPIKey.partial)
            writer.bool(k.partial)
            writer.key(KPIKey.previous)
            writer.number(k.previous)
            writer.key(KPIKey.status)
            writer.string(k.status.rawValue)
            writer.key(KPIKey.target)
            switch k.target {
            case nil: writer.number(nil)
            case .point(let v)?: writer.number(v)
            case .band(let low, let high)?:
                writer.beginObject()
                writer.key("max")
                writer.number(high)
                writer.key("min")
                writer.number(low)
                writer.endObject()
            }
            writer.key(KPIKey.targetStatus)
            writer.string(k.targetStatus.rawValue)
            writer.key(KPIKey.value)
            writer.number(k.value)
            writer.key(KPIKey.yearAgo)
            writer.number(k.yearAgo)
            writer.key(KPIKey.yoyChange)
            writer.number(k.yoyChange)
            writer.endObject()
        }
        writer.endObject()
    }

    /// `breakdowns`: dimension → value → KPI id → value.
    private func writeBreakdowns(to writer: inout JSONWriter) {
        var layout = RowLayout()
        writer.beginObject()
        for index in JSONText.utf8Order(pack.breakdowns.keys) {
            let (dimension, byValue) = pack.breakdowns[index]
            writer.key(dimension)
            writer.beginObject()
            for index in JSONText.utf8Order(byValue.keys) {
                let (value, row) = byValue[index]
                writer.key(value)
                layout.write(row, to: &writer)
            }
            writer.endObject()
        }
        writer.endObject()
    }

    /// Writes breakdown rows, with their key order worked out once for all rows laid out alike.
    ///
    /// Every row of a pack normally has the same KPI ids, and its dictionary is a copy of one
    /// template, so the rows also enumerate their entries in the same order. A row is read in
    /// that order, its keys checked against the previous row's (without hashing), and its values
    /// written through the permutation that sorts the keys; a row laid out differently gets its
    /// own permutation, computed afresh.
    ///
    /// KPIs computed for the whole unit have the same value in every row: a value with the same
    /// bits as the previous row's under the same key copies that row's text instead of formatting
    /// the number again.
    private struct RowLayout {
        /// The keys in the row dictionary's order.
        var keys: [String] = []
        /// Whether every key is ASCII (see `matches(_:_:allASCII:)`).
        var allASCII = true
        /// The positions in `keys` in byte order of the keys' UTF-8.
        var order: [Int] = []
        /// The keys prepared for writing, in that order.
        var prepared = JSONKeys([], depth: 0)
        /// For each key in that order: the bits of the number last written under it, and where
        /// its text is in the writer's output.
        var previous: [(bits: UInt64, text: Range<Int>)?] = []
        /// The row's values in the dictionary's order (scratch space reused across rows).
        var values: [Double?] = []

        mutating func write(_ row: [String: Double?], to writer: inout JSONWriter) {
            // The row's members are one level deeper than the writer is now.
            var same = row.count == keys.count && prepared.depth == writer.depth + 1
            if values.count < row.count { values = Array(repeating: nil, count: row.count) }
            let expected = keys, ascii = allASCII
            values.withUnsafeMutableBufferPointer { values in
                for (position, entry) in row.enumerated() {
                    if same && !Self.matches(entry.key, expected[position], allASCII: ascii) { same = false }
                    values[position] = entry.value
                }
            }
            if !same {
                keys = Array(row.keys)
                allASCII = keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
                order = JSONText.utf8Order(keys)
                prepared = JSONKeys(order.map { keys[$0] }, depth: writer.depth + 1)
                previous = Array(repeating: nil, count: keys.count)
            }
            let values = self.values, order = self.order, prepared = self.prepared
            writer.beginObject()
            previous.withUnsafeMutableBufferPointer { previous in
                for k in order.indices {
                    guard let value = values[order[k]] else {
                        writer.key(prepared, k, null: true)
                        continue
                    }
                    writer.key(prepared, k)
                    if let last = previous[k], last.bits == value.bitPattern {
                        previous[k] = (last.bits, writer.repeatText(last.text))
                    } else {
                        let start = writer.count
                        writer.number(value)
                        previous[k] = (value.bitPattern, start..<writer.count)
                    }
                }
            }
            writer.endObject()
        }

        /// Whether `key` has the same UTF-8 bytes as the layout's `expected`.
        ///
        /// `==` is quick when both are the same string (one comparison of its storage), but it
        /// compares canonical equivalence. Between ASCII strings that is byte equality, and the
        /// few non-ASCII characters equivalent to an ASCII one (KELVIN SIGN to `K`) take more
        /// bytes, so equal byte counts rule them out; non-ASCII layouts compare the bytes.
        static func matches(_ key: String, _ expected: String, allASCII: Bool) -> Bool {
            guard allASCII else { return JSONText.utf8Equal(key, expected) }
            return key.utf8.count == expected.utf8.count && key == expected
        }
    }

}
