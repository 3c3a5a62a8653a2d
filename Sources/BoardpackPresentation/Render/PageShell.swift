import BoardpackSupport
import Crypto
import Foundation

/// What every page shares: language, stylesheet, Content-Security-Policy and the path back
/// to the site root.
struct PageShell {
    var language: String
    var stylesheet: String
    /// `stylesheet` hashed once for the whole build (``TemplateSet/stylesheetDigest``); nil
    /// hashes the page's whole style.
    var stylesheetDigest: StylesheetDigest? = nil
    /// Relative path from the page to the site root: "" at the root, "../../" for a pack.
    var root: String
    /// Printed at the top of every page of the printed pack (confidentiality, DRAFT).
    var printMarking: String = ""

    /// The page's one `<style>`: the theme plus the print marking as an `@page` margin box,
    /// so it repeats on every printed page without overlapping the content.
    var style: String { stylesheet + markingRule }

    /// What the style adds to the stylesheet: the `@page` rule of the print marking, if any.
    var markingRule: String {
        guard !printMarking.isEmpty else { return "" }
        return "\n@page { @top-center { content: \(Self.cssString(printMarking)); font: 600 8pt system-ui, sans-serif; "
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
    var contentSecurityPolicy: String { Self.contentSecurityPolicy(hash: styleHash(markingRule)) }

    static func contentSecurityPolicy(hash: String) -> String {
        "default-src 'none'; style-src 'sha256-\(hash)'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// The base64 SHA-256 of `stylesheet + rule`: the stylesheet's share comes from the
    /// digest computed once, when there is one.
    func styleHash(_ rule: String) -> String {
        if let stylesheetDigest { return stylesheetDigest.base64(appending: rule) }
        return SHA256Hex.base64(Array((stylesheet + rule).utf8))
    }

    /// The values of the context keys every template uses.
    var values: (lang: String, style: String, csp: String, root: String) {
        let rule = markingRule
        return (language, stylesheet + rule, Self.contentSecurityPolicy(hash: styleHash(rule)), root)
    }

    /// The context keys every template uses.
    var context: [String: Any] {
        let v = values
        return ["lang": v.lang, "style": v.style, "csp": v.csp, "root": v.root]
    }
}

/// SHA-256 in progress over a stylesheet's bytes: each page's CSP hash continues it with the
/// page's own rules instead of hashing the whole stylesheet again.
struct StylesheetDigest: @unchecked Sendable {
    // Safe to share between threads: `state` is never updated after `init`, and `SHA256` is
    // copy-on-write, so every `base64(appending:)` updates a copy of its own.
    private let state: SHA256

    init(_ stylesheet: String) {
        var state = SHA256()
        state.update(data: Array(stylesheet.utf8))
        self.state = state
    }

    /// Base64 SHA-256 of the stylesheet followed by `rule`.
    func base64(appending rule: String) -> String {
        var hash = state
        hash.update(data: Array(rule.utf8))
        return Data(hash.finalize()).base64EncodedString()
    }
}
