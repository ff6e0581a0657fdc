/// Real-world-shaped Markdown used by the document adapter tests.
enum DocumentFixtures {
    static let readme = #"""
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
