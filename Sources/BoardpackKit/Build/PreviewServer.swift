import BoardpackSupport
import FlyingFox
import Foundation

/// `boardpack serve`: the output folder on 127.0.0.1, rebuilt when content or theme change.
///
/// Serving static files is FlyingFox's job; this type only maps paths to files (folders to
/// their `index.html`, nothing outside the output folder) and watches for changes by polling
/// file sizes and modification times, which needs no platform-specific API.
package struct PreviewServer: Sendable {
    package var options: BuildOptions
    package var port: UInt16

    package init(options: BuildOptions, port: UInt16) {
        self.options = options
        self.port = port
    }

    /// A path below the output folder for a request path, or nil when it would leave it.
    package static func file(for requestPath: String, under root: String) -> String? {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/").filter { !$0.isEmpty && $0 != "." }
        guard !parts.contains("..") else { return nil }
        var path = ([root] + parts.map(String.init)).joined(separator: "/")
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

    /// Serves until cancelled, rebuilding after each change; `log` receives one line per event.
    package func run(log: @escaping @Sendable (String) -> Void) async throws {
        let root = options.outputPath
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port))
        let serveFile: @Sendable (HTTPRequest) async throws -> HTTPResponse = { request in
            guard let path = Self.file(for: request.path, under: root), let data = FileManager.default.contents(atPath: path) else {
                return HTTPResponse(statusCode: .notFound)
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(path), .cacheControl: "no-store"], body: data)
        }
        await server.appendRoute("GET /", handler: serveFile)
        await server.appendRoute("GET /*", handler: serveFile)
        let options = self.options
        let watcher = Task {
            var last = ""
            while !Task.isCancelled {
                let now = Self.fingerprint([options.contentPath, options.templatesPath])
                if now != last {
                    last = now
                    do {
                        let report = try BoardpackCommands.build(options)
                        log("Built \(report.packCount) packs for \(report.unitCount) units in \(String(format: "%.2f", report.seconds)) s")
                    } catch let error as DiagnosticsError {
                        log(error.diagnostics.map(\.description).joined(separator: "\n"))
                    } catch {
                        log("\(error)")
                    }
                }
                try await Task.sleep(nanoseconds: 1_000_000_000)
            }
        }
        log("Serving \(root)/ on http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
        defer { watcher.cancel() }
        try await server.run()
    }
}
