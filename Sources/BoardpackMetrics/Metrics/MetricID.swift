/// The syntax of KPI and measure ids (SPEC §3.2): `[a-z][a-z0-9_]*`. Ids become formula
/// names, JSON keys, `data-kpi` attributes and anchors, so anything else in `metrics.yml` or a
/// playbook is an error at its place.
package enum MetricID {
    package static func isValid(_ id: String) -> Bool {
        guard let first = id.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return id.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }

    /// The error for an id that breaks the syntax; `what` is "KPI id" or "measure id".
    package static func problem(_ id: String, what: String) -> String {
        "\(what) `\(id)` must be lowercase letters, digits and `_`, starting with a letter"
    }
}
