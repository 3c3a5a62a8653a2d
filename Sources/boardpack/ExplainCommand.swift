import ArgumentParser
import BoardpackContent
import BoardpackKit
import BoardpackSupport
import Foundation

/// `boardpack explain`.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a KPI's formula, inputs, sources and result for one pack.")

    @Argument(help: "The KPI id, e.g. cac.") var kpi: String
    @Option(help: "The unit id.") var unit: String
    @Option(help: "The period, YYYY-MM or YYYY-Qn.") var period: Period
    @Option(help: "The content workspace.") var content = "content"

    func run() throws {
        do {
            print(try BoardpackCommands.explain(kpi: kpi, unit: unit, period: period, contentPath: content), terminator: "")
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            // Asked for what does not exist: a usage error. Content that does not load: exit 1.
            throw ExitCode(error.isUsage ? 2 : 1)
        }
    }
}
