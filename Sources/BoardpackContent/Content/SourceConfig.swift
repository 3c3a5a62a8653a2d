/// One entry of `unit.yml`'s `sources:` (SPEC §2.5): how a file of the unit's `data/` folder
/// comes to be. A `command:` source is a snapshot: `boardpack sources` runs the command and
/// writes its standard output, checked as boardpack CSV, to `data/<file>`; `build` reads the
/// snapshot and never runs anything.
package struct SourceConfig: Sendable, Equatable, Decodable {
    /// The file in `data/` (a plain file name).
    package var file: String
    /// The program and its arguments, run without a shell; `${VAR}` is taken from the
    /// environment of `boardpack sources`.
    package var command: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case file, command }

    package init(file: String, command: [String]) {
        self.file = file
        self.command = command
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems = DecodingProblems()
        decoder.rejectUnknownKeys(CodingKeys.self, &problems)
        file = problems.field("") {
            let name = try c.decode(String.self, forKey: .file)
            // A snapshot lands in data/ and nowhere else, and is read as boardpack CSV.
            guard !name.isEmpty, !name.hasPrefix("."),
                name.unicodeScalars.allSatisfy({
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
                }),
                DataReader.fileExtension(of: name) == "csv"
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .file, in: c,
                    debugDescription: "a source's `file` is a CSV file name in data/ (such as crm-won.csv), not `\(name)`")
            }
            return name
        }
        command = problems.field([]) {
            guard let command = try c.decodeIfPresent([String].self, forKey: .command) else {
                throw DecodingError.keyNotFound(
                    CodingKeys.command,
                    .init(codingPath: c.codingPath, debugDescription: "a source needs `command`: the program and its arguments"))
            }
            guard let program = command.first, !program.isEmpty else {
                throw DecodingError.dataCorruptedError(
                    forKey: .command, in: c, debugDescription: "`command` names a program, then its arguments: [psql, --csv, …]")
            }
            return command
        }
        try problems.throwIfAny()
    }

    /// The `${NAME}` references of the command, in order, each once.
    package var variables: [String] {
        var names: [String] = []
        for argument in command {
            for name in Self.references(in: argument) where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The command with each `${NAME}` replaced from `environment`; the first unset name when
    /// one is missing.
    package func expanded(with environment: [String: String]) -> Result<[String], UnsetVariable> {
        var out: [String] = []
        for argument in command {
            var text = ""
            var rest = Substring(argument)
            while let open = rest.range(of: "${") {
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
                let name = String(rest[open.upperBound..<close])
                guard Self.isName(name) else {
                    text += rest[..<rest.index(after: open.lowerBound)]
                    rest = rest[rest.index(after: open.lowerBound)...]
                    continue
                }
                guard let value = environment[name] else { return .failure(UnsetVariable(name: name)) }
                text += rest[..<open.lowerBound] + value
                rest = rest[rest.index(after: close)...]
            }
            out.append(text + rest)
        }
        return .success(out)
    }

    /// A `${NAME}` whose variable is not set.
    package struct UnsetVariable: Error, Equatable {
        package var name: String
    }

    static func references(in argument: String) -> [String] {
        var names: [String] = []
        var rest = Substring(argument)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            let name = String(rest[open.upperBound..<close])
            if isName(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
