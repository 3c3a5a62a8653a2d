import Crypto
import Foundation

/// Lower-case hex SHA-256, used for provenance, the manifest and CSP hashes.
package enum SHA256Hex {
    package static func of(_ bytes: some Collection<UInt8>) -> String { hex(SHA256.hash(data: Array(bytes))) }

    /// Lower-case hex of a digest (or any bytes).
    package static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Base64 SHA-256, as a Content-Security-Policy source expects.
    package static func base64(_ bytes: [UInt8]) -> String {
        Data(SHA256.hash(data: bytes)).base64EncodedString()
    }
}
