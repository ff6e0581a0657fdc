/// How `vgen` exits (`Docs/CLI.md`, "Exit status", lists the same).
package enum ExitStatus: Int32 {
    /// Everything asked for was done.
    case success = 0
    /// The work failed: bad input, a missing or unreadable file, a media, speech or encoding
    /// error; for `batch`, any input that failed; the front finding no engine.
    case failure = 1
    /// The command line is wrong: an unknown option or subcommand, a missing or malformed
    /// value, or one out of the range the parser checks (`--jobs 0`).
    case usage = 2
    /// Cancelled by Ctrl-C (SIGINT) or SIGTERM; the task's state is saved.
    case cancelled = 130
}
