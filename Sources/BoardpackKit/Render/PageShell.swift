/// What every page shares: language, stylesheet, Content-Security-Policy and the path back
/// to the site root.
struct PageShell {
    var language: String
    var stylesheet: String
    /// Relative path from the page to the site root: "" at the root, "../../" for a pack.
    var root: String

    /// The CSP of SPEC §6: nothing but the page's own stylesheet and data: images. The hash is
    /// over the exact text of the one `<style>` element.
    var contentSecurityPolicy: String {
        let hash = SHA256Hex.base64(Array(stylesheet.utf8))
        return "default-src 'none'; style-src 'sha256-\(hash)'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// The context keys every template uses.
    var context: [String: Any] {
        ["lang": language, "style": stylesheet, "csp": contentSecurityPolicy, "root": root]
    }
}
