import ArgumentParser
import BoardpackContent
import BoardpackKit
import BoardpackSupport
import Foundation

/// `boardpack kpis`.
struct KPIs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis", abstract: "List the built-in KPI dictionary: id, level, unit, direction, formula and label.")

    @Option(help: "Only the KPIs that apply to this sector (retail, tech, luxury, banking).") var sector: String?
    @Option(help: "The language of the labels: en-GB, en-US or it-IT.") var locale = "en-GB"

    func run() throws {
        guard let packLocale = PackLocale(parsing: locale) else {
            FileHandle.standardError.write(Data("error: unsupported locale `\(locale)` (expected en-GB, en-US or it-IT)\n".utf8))
            throw ExitCode(2)
        }
        do {
            print(try BoardpackCommands.kpis(sector: sector, locale: packLocale), terminator: "")
        } catch let usage as UsageError {
            FileHandle.standardError.write(Data("error: \(usage)\n".utf8))
            throw ExitCode(2)
        }
    }
}
