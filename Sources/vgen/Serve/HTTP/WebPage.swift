/// The page at `/`.
enum WebPage {
    static let html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>vgen</title></head>
        <body><h1>vgen</h1><p>The job service is running; see Docs/Service.md for its API.</p></body></html>
        """
}
