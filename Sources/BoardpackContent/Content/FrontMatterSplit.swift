/// A note's text cut into its front matter and body, line by line as if split on `\n` with
/// one trailing `\r` dropped from every line and a leading byte-order mark ignored.
///
/// Works on the UTF-8 bytes: the body is one slice of the text (no per-line strings) unless it
/// holds a carriage return, when it is rebuilt line by line.
struct FrontMatterSplit {
    /// The YAML between the opening `---` and the closing `---` or `...` line; nil when unclosed.
    var yaml: String?
    /// The text after the closing line, lines joined by `\n`; nil when unclosed.
    var body: String?
    /// 1-based line on which the body starts.
    var bodyLine: Int

    /// nil when the first line is not `---`.
    init?(_ text: String) {
        var utf8 = Array(text.utf8)
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }
        // Line ranges (without "\n" and one trailing "\r").
        func line(from start: Int) -> (content: Range<Int>, next: Int?) {
            var end = start
            while end < utf8.count, utf8[end] != 0x0A { end += 1 }
            let next = end < utf8.count ? end + 1 : nil
            let content = end > start && utf8[end - 1] == 0x0D ? start..<(end - 1) : start..<end
            return (content, next)
        }
        func isFence(_ r: Range<Int>, _ byte: UInt8) -> Bool {
            r.count == 3 && utf8[r.lowerBound] == byte && utf8[r.lowerBound + 1] == byte && utf8[r.lowerBound + 2] == byte
        }
        let first = line(from: 0)
        guard isFence(first.content, 0x2D) else { return nil }
        var lines: [Range<Int>] = []
        var cursor = first.next
        var number = 1
        while let start = cursor {
            let l = line(from: start)
            number += 1
            if isFence(l.content, 0x2D) || isFence(l.content, 0x2E) {
                yaml = lines.map { String(decoding: utf8[$0], as: UTF8.self) }.joined(separator: "\n")
                bodyLine = number + 1
                guard let bodyStart = l.next else {
                    body = ""
                    return
                }
                let rest = utf8[bodyStart...]
                if !rest.contains(0x0D) {
                    body = String(decoding: rest, as: UTF8.self)
                } else {
                    var parts: [String] = []
                    var c: Int? = bodyStart
                    while let s = c {
                        let b = line(from: s)
                        parts.append(String(decoding: utf8[b.content], as: UTF8.self))
                        c = b.next
                    }
                    body = parts.joined(separator: "\n")
                }
                return
            }
            lines.append(l.content)
            cursor = l.next
        }
        yaml = nil
        body = nil
        bodyLine = 0
    }
}
