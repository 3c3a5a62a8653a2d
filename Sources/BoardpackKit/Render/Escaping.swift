/// The project's one HTML/SVG escaping routine.
///
/// Every piece of text that reaches a page or a chart goes through here, so there is a single
/// place to audit. It escapes the five characters that matter in element content and in quoted
/// attribute values alike: `&`, `<`, `>`, `"` and `'`. The apostrophe becomes `&#39;` (valid in
/// HTML and XML, unlike `&apos;` in old HTML).
public func escapeHTML(_ text: some StringProtocol) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

extension StringProtocol {
    /// This text escaped for HTML/SVG element content or a quoted attribute value.
    public var htmlEscaped: String { escapeHTML(self) }
}
