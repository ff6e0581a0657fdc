import ArgumentParser

/// `vgen serve`: the job service (Docs/Service.md, Docs/openapi.yaml).
package struct ServeCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the job service: submit videos and montages over HTTP, watch them, fetch the results.",
        discussion: """
            Prints 'listening on http://HOST:PORT' once it accepts connections (--port 0 picks a free port). \
            Jobs are kept in an SQLite store under --data and each runs in its own folder \
            <data>/jobs/<id>/; a restart resumes the jobs that had not finished. API keys come from \
            VGEN_API_KEYS (comma-separated) or --api-key-file; without any, the service is open. With \
            --database postgres://…, `vgen worker` processes sharing --data run the jobs instead.
            """)

    @Option(name: .long, help: "The address to listen on.")
    package var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    package var port = 8080

    @Option(name: .long, help: "The folder everything is written under.")
    package var data = "vgen-data"

    @Option(
        name: .long,
        help:
            "The job store: sqlite:PATH (default: sqlite:<data>/jobs.sqlite), or postgres://… for vgen worker processes."
    )
    package var database: String?

    @Option(name: .long, help: "A file of API keys, one a line.")
    package var apiKeyFile: String?

    @Option(name: .long, help: "Requests a minute per API key (0: no limit).")
    package var rateLimit = 600

    @OptionGroup package var slots: JobSlotArguments

    @Option(name: .long, help: "Largest upload body in bytes.")
    package var maxUploadBytes = 512 << 20

    @Option(name: .long, help: "Largest uploaded file in bytes.")
    package var maxFileBytes = 256 << 20

    @Option(name: .long, help: "Most media files in one montage.")
    package var maxFiles = 100

    @Option(name: .long, help: "Allow browser pages from this origin to call the API (CORS is off without it).")
    package var corsOrigin: String?

    /// The defaults.
    package init() {}
}
