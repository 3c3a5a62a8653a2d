/// A validation failure raised inside a `Decodable` initialiser (e.g. an unknown enum case);
/// `YAMLFile` positions it at the value being decoded.
package struct ContentError: Error, Sendable {
    package var message: String
    package init(_ message: String) { self.message = message }
}
