/// Markdown documents the tests read and render.
package enum DocumentFixtures {
    /// A short document of six scenes (a title, prose, a list, code and a quote), quick to
    /// render at a small size: the command-line tests kill, resume and compare its renders.
    package static let crashTest = """
        # Crash test

        This document is rendered, killed and resumed.

        ## First part

        The first part has a sentence or two of narration to speak.

        ## Second part

        - One point
        - Another point
        - A third point

        ## Third part

        ```bash
        swift build
        swift test
        ```

        > Resume where you stopped. — The pipeline
        """

    /// A real-world-shaped README (badges, HTML, emoji, nested lists, tables, code in several
    /// languages), for the document adapter tests.
    package static let readme = #"""
        <p align="center">
          <img src="https://raw.githubusercontent.com/acme/rocket/main/logo.png" width="200" alt="Rocket logo">
        </p>

        # Rocket 🚀

        [![Build](https://github.com/acme/rocket/actions/workflows/ci.yml/badge.svg)](https://github.com/acme/rocket/actions)
        [![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](https://opensource.org/licenses/MIT)
        [![Swift 6](https://img.shields.io/badge/swift-6.0-orange.svg)](https://swift.org)

        Rocket is a **blazing fast** static site generator written in Swift ✨. It turns a folder of
        Markdown into a website (see https://rocket.example.com/docs for the manual).

        <!-- TODO: add a screenshot -->

        ## Features

        - ⚡️ Builds 10,000 pages in under a second
        - Live reload with `rocket serve`
        - Themes:
          - Light
          - Dark
        - Plugins written in [Swift](https://swift.org) or *Lua*
        - https://rocket.example.com/plugins
        - [x] Incremental builds
        - [ ] Image optimisation

        ## Installation

        Install with Homebrew:

        ```bash
        brew install acme/tap/rocket
        rocket --version
        ```

        Or build from source, e.g. on Linux:

        ```
        git clone https://github.com/acme/rocket.git
        cd rocket
        swift build -c release
        ```

        ## Usage

        Create a `rocket.yml` in your project. Rocket reads it on every build; see [the docs][docs] for all options.

        ```yaml
        title: My Site
        theme: dark
        plugins:
          - sitemap
        ```

        ```swift
        import Rocket

        let site = try Site(path: ".")
        try site.build()
        ```

        ```python
        import rocket
        rocket.build(".")
        ```

        ```json
        { "title": "My Site", "theme": "dark" }
        ```

        [docs]: https://rocket.example.com/docs

        ## Comparison

        | Tool | Language | Speed |
        |------|----------|-------|
        | Rocket | Swift | ⚡ fast |
        | Jekyll | Ruby | slow |
        | Hugo | Go | fast |

        ## FAQ

        <details>
        <summary>Does it work on Windows?</summary>

        Not yet. Windows support is planned for version 2.0.

        </details>

        > Rocket made our docs build 40× faster.
        >
        > — Jane Doe, ACME Corp

        ## Empty section

        ## License

        MIT © ACME. Visit <https://acme.example.com> or www.acme.example.com for more.
        """#
}
