/// Small rewrites of cmark-gfm's HTML so a page with many notes stays valid HTML5 under a
/// strict Content-Security-Policy.
enum HTMLCleanup {
    /// - table alignment: `align="…"` is obsolete in HTML5 and `style=` is forbidden by the
    ///   CSP, so alignment becomes a class;
    /// - footnote ids: several notes share one page, so each note's ids get a prefix.
    static func apply(_ html: String, idPrefix: String) -> String {
        var out = html
        for side in ["left", "center", "right"] {
            out = out.replacingBytes(" align=\"\(side)\"", with: " class=\"align-\(side)\"")
        }
        if out.containsBytes("id=\"fn") {
            out = out.replacingBytes("id=\"fn", with: "id=\"\(idPrefix)-fn")
            out = out.replacingBytes("href=\"#fn", with: "href=\"#\(idPrefix)-fn")
        }
        return out
    }
}
