/// What every page shares: language, stylesheet, Content-Security-Policy and the path back
/// to the site root.
struct PageShell {
    var language: String
    var stylesheet: String
    /// Relative path from the page to the site root: "" at the root, "../../" for a pack.
    var root: String
    /// Printed at the top of every page of the printed pack (confidentiality, DRAFT).
    var printMarking: String = ""

    /// The page's one `<style>`: the theme plus the print marking as an `@page` margin box,
    /// so it repeats on every printed page without overlapping the content.
    var style: String {
        guard !printMarking.isEmpty else { return stylesheet }
        return stylesheet + "\n@page { @top-center { content: \(Self.cssString(printMarking)); font: 600 8pt system-ui, sans-serif; "
            + "letter-spacing: .08em; text-transform: uppercase; color: #b42318; } }\n"
    }

    /// A CSS string literal; text from YAML cannot close it or the `<style>` element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The CSP of SPEC §6: nothing but the page's own stylesheet and data: images. The hash is
    /// over the exact text of the one `<style>` element.
    var contentSecurityPolicy: String {
        let hash = SHA256Hex.base64(Array(style.utf8))
        return "default-src 'none'; style-src 'sha256-\(hash)'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// The context keys every template uses.
    var context: [String: Any] {
        ["lang": language, "style": style, "csp": contentSecurityPolicy, "root": root]
    }
}
