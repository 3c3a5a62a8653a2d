/// A validation failure raised inside a `Decodable` initialiser (e.g. an unknown enum case);
/// `YAMLFile` positions it at the value being decoded.
public struct ContentError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
