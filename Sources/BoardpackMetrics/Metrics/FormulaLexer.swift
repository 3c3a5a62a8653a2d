import BoardpackSupport

/// A token of the formula language, with its offset in Unicode scalars.
struct FormulaToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case identifier(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
    var length: Int
}

/// A problem in a formula's text, at an offset; turned into a ``Diagnostic`` by the caller.
package struct FormulaError: Error, Sendable, Hashable {
    package var message: String
    /// 0-based offset, in Unicode scalars, into the formula text.
    package var offset: Int
    package var hint: String?

    /// Creates an error.
    package init(_ message: String, offset: Int, hint: String? = nil) {
        self.message = message
        self.offset = offset
        self.hint = hint
    }

    /// The error as a diagnostic, placing the offset after `base` (the formula's first character).
    package func diagnostic(base: SourceLocation) -> Diagnostic {
        .error(message, at: base.offset(by: offset), hint: hint)
    }
}

extension SourceLocation {
    /// The location `n` columns further on the same line (unchanged when the column is unknown).
    package func offset(by n: Int) -> SourceLocation {
        guard column > 0 else { return self }
        return SourceLocation(file: file, line: line, column: column + n)
    }
}

/// Splits formula text into tokens.
enum FormulaLexer {
    static func tokenize(_ text: String) throws(FormulaError) -> [FormulaToken] {
        let s = Array(text.unicodeScalars)
        var tokens: [FormulaToken] = []
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        func isIDStart(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                i += 1
                continue
            }
            let start = i
            if isDigit(c) || (c == "." && i + 1 < s.count && isDigit(s[i + 1])) {
                while i < s.count && isDigit(s[i]) { i += 1 }
                if i < s.count && s[i] == "." {
                    i += 1
                    guard i < s.count && isDigit(s[i]) else {
                        throw FormulaError("expected digits after the decimal point", offset: i)
                    }
                    while i < s.count && isDigit(s[i]) { i += 1 }
                }
                var value = Double(String(String.UnicodeScalarView(s[start..<i]))) ?? 0
                if i < s.count && s[i] == "%" {
                    value /= 100
                    i += 1
                }
                if i < s.count && isIDStart(s[i]) {
                    throw FormulaError("unexpected `\(s[i])` after a number", offset: i)
                }
                tokens.append(FormulaToken(kind: .number(value), offset: start, length: i - start))
            } else if isIDStart(c) {
                while i < s.count && (isIDStart(s[i]) || isDigit(s[i])) { i += 1 }
                let name = String(String.UnicodeScalarView(s[start..<i]))
                tokens.append(FormulaToken(kind: .identifier(name), offset: start, length: i - start))
            } else {
                let two = i + 1 < s.count ? String(String.UnicodeScalarView([c, s[i + 1]])) : ""
                if ["<=", ">=", "==", "!="].contains(two) {
                    tokens.append(FormulaToken(kind: .symbol(two), offset: start, length: 2))
                    i += 2
                } else if "+-*/()<>,".unicodeScalars.contains(c) {
                    tokens.append(FormulaToken(kind: .symbol(String(c)), offset: start, length: 1))
                    i += 1
                } else {
                    let hint = c == "=" ? "use `==` to compare" : nil
                    throw FormulaError("unexpected character `\(c)`", offset: i, hint: hint)
                }
            }
        }
        tokens.append(FormulaToken(kind: .end, offset: s.count, length: 0))
        return tokens
    }
}
