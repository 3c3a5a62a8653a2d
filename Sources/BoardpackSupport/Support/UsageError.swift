/// A command line asking for something that does not exist (exit status 2).
package struct UsageError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
