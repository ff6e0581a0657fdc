import VGenCommandLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces the front's process with the engine, `vgen-engine`, by `execv`: the process id,
/// the standard streams, the signal dispositions (Ctrl-C reaches the engine) and the exit
/// status stay the same, and only one Swift runtime is ever loaded in the process.
enum EngineLauncher {
    /// The variable that names the engine instead of the one beside the front.
    static let environmentVariable = "VGEN_ENGINE"

    /// The engine's file name, beside the front.
    static let engineName = "vgen-engine"

    /// Runs the engine with `arguments` (the front's own, `argv[0]` included).
    /// Returns only by ending the process: one line naming the path and exit status 1 when
    /// the engine cannot be run.
    static func exec(arguments: [String]) -> Never {
        let path = enginePath()
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        ParserFailure.fail(
            "cannot run the engine \(path): \(reason) (install vgen-engine beside vgen, or set \(environmentVariable))",
            status: .failure)
    }

    /// `$VGEN_ENGINE` when set, else `vgen-engine` in the folder of the running executable.
    static func enginePath() -> String {
        if let named = getenv(environmentVariable), named.pointee != 0 {
            return String(cString: named)
        }
        return folder(of: executablePath()) + "/" + engineName
    }

    /// The running executable's path: `/proc/self/exe` resolved, else `argv[0]`.
    private static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return CommandLine.arguments.first ?? "vgen"
    }

    /// The folder part of `path` (`.` for a bare name).
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
