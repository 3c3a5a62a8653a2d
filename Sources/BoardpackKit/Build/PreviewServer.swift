import BoardpackSupport
import Foundation

/// `boardpack serve`: the output folder on 127.0.0.1, rebuilt when content or theme change.
///
/// The HTTP side is written here, small on purpose: a preview of confidential packs must
/// answer only a browser on this machine (a DNS-rebinding page that reaches 127.0.0.1 under
/// another host name gets nothing) and must refuse an oversized request line at once, before
/// any parsing (SPEC §7). The listed server library parsed a request line of any length byte by
/// byte (a 200 KB URL cost 18 s of CPU) and offers no hook before its parser. One thread per
/// connection, `GET` and `HEAD` only, `Connection: close`: a preview for one person.
///
/// Changes are found by polling file sizes and modification times, which needs no
/// platform-specific API. `serve --drafts` builds into a temporary folder, never `output/`.
package struct PreviewServer: Sendable {
    package var options: BuildOptions
    package var port: UInt16

    /// The longest request head read (request line and headers).
    static let maxRequestHead = 8 * 1024

    package init(options: BuildOptions, port: UInt16) {
        self.options = options
        self.port = port
    }

    /// The segments of a request path, percent-decoded, or nil when one is `..`.
    static func segments(of requestPath: String) -> [String]? {
        let parts = (requestPath.removingPercentEncoding ?? requestPath).split(separator: "/").filter { !$0.isEmpty && $0 != "." }
        return parts.contains("..") ? nil : parts.map(String.init)
    }

    /// A path below the output folder for a request path, or nil when it would leave it.
    package static func file(for requestPath: String, under root: String) -> String? {
        guard let parts = segments(of: requestPath) else { return nil }
        var path = ([root] + parts).joined(separator: "/")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { path += "/index.html" }
        return path
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "json": "application/json"
        case "css": "text/css"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }

    /// A response: status line, headers and body.
    package struct Response: Equatable, Sendable, Error {
        package var status: Int
        package var reason: String
        package var headers: [(String, String)]
        package var body: [UInt8]

        package static func == (a: Response, b: Response) -> Bool {
            a.status == b.status && a.body == b.body && a.headers.map { "\($0.0):\($0.1)" } == b.headers.map { "\($0.0):\($0.1)" }
        }

        static func text(_ status: Int, _ reason: String, _ message: String) -> Response {
            let page =
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(status) \(reason)</title></head><body><h1>\(status) \(reason)</h1><p>\(message)</p></body></html>\n"
            return Response(status: status, reason: reason, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(page.utf8))
        }

        var bytes: [UInt8] {
            var head = "HTTP/1.1 \(status) \(reason)\r\n"
            for (name, value) in headers + [("Content-Length", "\(body.count)"), ("Connection", "close"), ("Cache-Control", "no-store")] {
                head += "\(name): \(value)\r\n"
            }
            return Array((head + "\r\n").utf8) + body
        }
    }

    /// The answer to one request head (`head` is everything before the blank line), serving
    /// files under `root` to a browser on this machine at `port`.
    package static func respond(to head: String, root: String, port: UInt16) -> Response {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return .text(400, "Bad Request", "Not an HTTP request.") }
        var host: Substring?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "host" { host = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" } }
        }
        // A browser leaves the default port out of `Host`.
        let allowed = ["127.0.0.1", "localhost", "[::1]"].flatMap { port == 80 ? [$0, "\($0):80"] : ["\($0):\(port)"] }
        guard let host, allowed.contains(host.lowercased()) else {
            return .text(421, "Misdirected Request", "This preview answers only http://127.0.0.1:\(port)/.")
        }
        guard parts[0] == "GET" || parts[0] == "HEAD" else { return .text(405, "Method Not Allowed", "Only GET.") }
        let target = parts[1].split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        guard target.hasPrefix("/"), let segments = segments(of: target) else {
            return .text(404, "Not Found", "No such page in the preview.")
        }
        var path = ([root] + segments).joined(separator: "/")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            guard target.hasSuffix("/") else {
                // Built from the path's segments, never from the raw target: `//host` must not
                // become a redirect to another site.
                let location =
                    "/" + segments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }.joined(separator: "/")
                    + "/"
                return Response(status: 301, reason: "Moved Permanently", headers: [("Location", location)], body: [])
            }
            path += "/index.html"
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .text(404, "Not Found", "No such page in the preview.") }
        var response = Response(status: 200, reason: "OK", headers: [("Content-Type", contentType(path))], body: [UInt8](data))
        if parts[0] == "HEAD" { response.body = [] }
        return response
    }

    /// Reads a request head from `fd`, or the refusal to send when it is over the limit
    /// or the connection ends first.
    static func readHead(_ fd: Int32) -> Result<String, Response> {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 2048)
        let end = Array("\r\n\r\n".utf8)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return .failure(.text(400, "Bad Request", "The request ended early.")) }
            let searchFrom = max(0, buffer.count - 3)
            buffer += chunk[..<n]
            if let found = buffer[searchFrom...].firstRange(of: end), found.lowerBound <= maxRequestHead {
                return .success(String(decoding: buffer[..<found.lowerBound], as: UTF8.self))
            }
            if buffer.count > maxRequestHead {
                let lineEnded = buffer.contains(UInt8(ascii: "\n"))
                return .failure(
                    lineEnded
                        ? .text(431, "Request Header Fields Too Large", "The request head is over 8 KiB.")
                        : .text(414, "URI Too Long", "The request line is over 8 KiB."))
            }
        }
    }

    /// Serves one connection and closes it.
    static func serve(connection fd: Int32, root: String, port: UInt16) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let response: Response
        switch readHead(fd) {
        case let .success(head): response = respond(to: head, root: root, port: port)
        case let .failure(refusal): response = refusal
        }
        let bytes = response.bytes
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            sent += n
        }
    }

    /// Listens on 127.0.0.1:`port`; a busy port is a `UsageError` (exit 2).
    static func listen(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Diagnostic.error("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Foundation.listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw UsageError("cannot serve on 127.0.0.1:\(port): \(reason) (is another server using the port? try --port)")
        }
        return fd
    }

    /// What the preview builds: with drafts, into a temporary folder of its own, so drafts are
    /// never written into the published output folder (SPEC §6.1).
    package static func previewOptions(_ options: BuildOptions) -> BuildOptions {
        guard options.includeDrafts else { return options }
        var preview = options
        // A folder of its own, readable by this user only (drafts are confidential).
        var template = Array((FileManager.default.temporaryDirectory.path + "/boardpack-preview-XXXXXX").utf8CString)
        let folder = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) }
        preview.outputPath = (folder ?? FileManager.default.temporaryDirectory.path + "/boardpack-preview-\(getpid())") + "/site"
        preview.force = true
        return preview
    }

    /// Serves until the process ends, rebuilding after each change; `log` receives one line per event.
    package func run(log: @escaping @Sendable (String) -> Void) async throws {
        let options = Self.previewOptions(self.options)
        if options.outputPath != self.options.outputPath {
            log("Drafts included: previewing from \(options.outputPath)/ (\(self.options.outputPath)/ is not touched)")
        }
        let root = options.outputPath
        let listener = try Self.listen(port: port)
        let port = self.port
        let watched = options
        Thread.detachNewThread {
            var last = ""
            while true {
                let now = Self.fingerprint([watched.contentPath, watched.templatesPath])
                if now != last {
                    last = now
                    do {
                        let report = try BoardpackCommands.build(watched)
                        log(
                            "Built \(report.packCount) pack\(report.packCount == 1 ? "" : "s") for \(report.unitCount) unit\(report.unitCount == 1 ? "" : "s") in \(String(format: "%.2f", report.seconds)) s"
                        )
                    } catch let error as DiagnosticsError {
                        log(error.diagnostics.map(\.description).joined(separator: "\n"))
                    } catch {
                        log("\(error)")
                    }
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
        log("Serving \(root)/ on http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                throw Diagnostic.error("the preview server stopped: \(String(cString: strerror(errno)))")
            }
            Thread.detachNewThread { Self.serve(connection: connection, root: root, port: port) }
        }
    }

    /// A cheap fingerprint of every file under the given folders: path, size, modification time.
    static func fingerprint(_ folders: [String]) -> String {
        var parts: [String] = []
        let fm = FileManager.default
        for folder in folders {
            guard let walker = fm.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                let attributes = try? fm.attributesOfItem(atPath: folder + "/" + relative)
                let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
                let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                parts.append("\(folder)/\(relative):\(size):\(modified)")
            }
        }
        return parts.sorted().joined(separator: "\n")
    }
}
