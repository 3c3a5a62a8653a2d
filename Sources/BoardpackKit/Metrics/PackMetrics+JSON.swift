/// A member of a JSON document that can write itself straight into a `JSONWriter` and can also
/// be had as a `JSONValue` tree, the reference its direct form must match byte for byte.
protocol JSONWritable: Sendable {
    /// Writes the value at the writer's position (after a `key(_:)` or `item()`).
    func write(to writer: inout JSONWriter)
    /// The same value as a tree.
    var jsonValue: JSONValue { get }
}

extension JSONValue: JSONWritable {
    func write(to writer: inout JSONWriter) { writer.write(self) }
    var jsonValue: JSONValue { self }
}

extension PackMetrics {
    /// The `metrics.json` document: `schema`, `unit`, `period`, `period_kind`, `audience`, `kpis`
    /// and `breakdowns`; `extra` adds further top-level members (`playbook`, `governance`) and
    /// may not replace these.
    func json(audience: String, extra: [String: any JSONWritable] = [:]) -> PackMetricsJSON {
        PackMetricsJSON(pack: self, audience: audience, extra: extra)
    }
}

/// The `metrics.json` of one pack (SPEC §3.5). `render()` writes it straight from the pack's
/// figures, in the key order and form of `JSONValue.render()`; `value` is the same document as a
/// `JSONValue` tree, which tests compare it with.
struct PackMetricsJSON: Sendable {
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

    /// The members of a KPI's object, in key order.
    private enum KPIKey {
        static let change = JSONKey("change"), delta = JSONKey("delta"), formula = JSONKey("formula")
        static let partial = JSONKey("partial"), previous = JSONKey("previous"), status = JSONKey("status")
        static let target = JSONKey("target"), value = JSONKey("value"), yearAgo = JSONKey("year_ago")
        static let yoyChange = JSONKey("yoy_change")
    }

    /// The document as text, ending with a newline.
    func render() -> String {
        let rowCount = pack.breakdowns.values.reduce(0) { $0 + $1.count }
        var writer = JSONWriter(capacity: 4096 + 320 * pack.kpis.count + (64 + 40 * pack.kpis.count) * rowCount)
        var members = Member.keys
        for (key, value) in extra where !Member.keys.contains(where: { $0.0 == key }) { members.append((key, .extra(value))) }
        members.sort { JSONValue.utf8Precedes($0.0, $1.0) }
        writer.beginObject()
        for (key, member) in members {
            writer.key(key)
            switch member {
            case .schema: writer.number(1)
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
        return writer.finish()
    }

    /// `kpis`: KPI id → its figures. Ids are gathered in a dictionary, as the tree gathers its
    /// members, so that a repeated id is written once, with its last result.
    private func writeKPIs(to writer: inout JSONWriter) {
        var last: [String: Int] = Dictionary(minimumCapacity: pack.kpis.count)
        for (position, k) in pack.kpis.enumerated() { last[k.id] = position }
        writer.beginObject()
        for index in JSONWriter.sortedIndices(last) {
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
            writer.number(k.target)
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
        var values: [Double?] = []
        writer.beginObject()
        for index in JSONWriter.sortedIndices(pack.breakdowns) {
            let (dimension, byValue) = pack.breakdowns[index]
            writer.key(dimension)
            writer.beginObject()
            for index in JSONWriter.sortedIndices(byValue) {
                let (value, row) = byValue[index]
                writer.key(value)
                layout.write(row, to: &writer, buffer: &values)
            }
            writer.endObject()
        }
        writer.endObject()
    }

    /// The key order of breakdown rows, worked out once for all rows laid out alike.
    ///
    /// Every row of a pack normally has the same KPI ids, and its dictionary is a copy of one
    /// template, so the rows also enumerate their entries in the same order. A row is read in
    /// that order, its keys checked against the previous row's (without hashing), and its values
    /// written through the permutation that sorts the keys; a row laid out differently gets its
    /// own permutation, computed afresh.
    private struct RowLayout {
        /// The keys in the row dictionary's order.
        var keys: [String] = []
        /// Whether every key is ASCII (see `matches(_:_:)`).
        var allASCII = true
        /// For each key in byte order of its UTF-8: its position in `keys`, and the key quoted.
        var sorted: [(position: Int, key: JSONKey)] = []

        /// Writes `row` as an object; `buffer` is scratch space reused across rows.
        mutating func write(_ row: [String: Double?], to writer: inout JSONWriter, buffer values: inout [Double?]) {
            values.removeAll(keepingCapacity: true)
            var same = row.count == keys.count
            for (position, entry) in row.enumerated() {
                if same && !matches(entry.key, keys[position]) { same = false }
                values.append(entry.value)
            }
            if !same {
                keys = Array(row.keys)
                allASCII = keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
                sorted = keys.indices.sorted { JSONValue.utf8Precedes(keys[$0], keys[$1]) }.map { ($0, JSONKey(keys[$0])) }
            }
            writer.beginObject()
            for (position, key) in sorted {
                writer.key(key)
                writer.number(values[position])
            }
            writer.endObject()
        }

        /// Whether `key` has the same UTF-8 bytes as the layout's `expected`.
        ///
        /// `==` is quick when both are the same string (one comparison of its storage), but it
        /// compares canonical equivalence. Between ASCII strings that is byte equality, and the
        /// few non-ASCII characters equivalent to an ASCII one (KELVIN SIGN to `K`) take more
        /// bytes, so equal byte counts rule them out; non-ASCII layouts compare the bytes.
        func matches(_ key: String, _ expected: String) -> Bool {
            guard allASCII else { return JSONValue.utf8Equal(key, expected) }
            return key.utf8.count == expected.utf8.count && key == expected
        }
    }

    /// The same document as a tree of dictionaries.
    var value: JSONValue {
        var kpiMembers: [String: JSONValue] = [:]
        for k in pack.kpis {
            kpiMembers[k.id] = .object([
                "value": .number(k.value), "previous": .number(k.previous), "delta": .number(k.delta),
                "change": .number(k.change), "year_ago": .number(k.yearAgo), "yoy_change": .number(k.yoyChange),
                "target": .number(k.target), "status": .string(k.status.rawValue), "partial": .bool(k.partial),
                "formula": .string(k.formula),
            ])
        }
        let breakdownMembers = pack.breakdowns.mapValues { byValue in
            JSONValue.object(byValue.mapValues { row in JSONValue.object(row.mapValues { JSONValue.number($0) }) })
        }
        var members = extra.mapValues(\.jsonValue)
        members["schema"] = .number(1)
        members["unit"] = .string(pack.unit)
        members["period"] = .string(pack.period.description)
        members["period_kind"] = .string(pack.period.kind)
        members["audience"] = .string(audience)
        members["kpis"] = .object(kpiMembers)
        members["breakdowns"] = .object(breakdownMembers)
        return .object(members)
    }
}
