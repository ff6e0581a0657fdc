/// The page at `/`: upload a document, or photos and a song; watch the job's progress (its
/// Server-Sent Events, read with `fetch` so that an API key can go with them); play the result.
/// One file, no scripts or styles from elsewhere. `window.vgenPage` holds the last job, the
/// event names seen and `done`, a promise of the final job (what the browser test waits on).
enum WebPage {
    static let html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>vgen</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
        fieldset{border:1px solid #ccc;border-radius:.5rem;margin:1rem 0;padding:1rem}
        label{display:block;margin:.5rem 0}progress{width:100%}video{width:100%;background:#000;margin-top:1rem}
        #log{font:12px ui-monospace,monospace;max-height:10rem;overflow:auto;white-space:pre-wrap;color:#555}
        </style></head>
        <body>
        <h1>vgen</h1>
        <label>API key <input id="key" type="password" autocomplete="off" placeholder="when the service has keys"></label>
        <form id="video-form" data-path="/api/videos"><fieldset><legend>A narrated video from a document</legend>
        <label>Document (Markdown or text) <input id="document-file" name="document" type="file" accept=".md,.markdown,.txt,text/*" required></label>
        <label>Size <select name="resolution"><option>1920x1080</option><option selected>1280x720</option><option>640x360</option><option>320x180</option></select></label>
        <label>Encoding <select name="preset"><option value="veryfast" selected>good</option><option value="ultrafast">fast draft</option></select></label>
        <button type="submit">Make the video</button></fieldset></form>
        <form id="montage-form" data-path="/api/montages"><fieldset><legend>A montage of photos and clips on a song</legend>
        <label>Photos and clips <input id="media-files" name="media" type="file" accept="image/*,video/*" multiple required></label>
        <label>Song <input id="song-file" name="song" type="file" accept="audio/*" required></label>
        <label>Size <select name="size"><option value="1080" selected>1080</option><option value="720">720</option><option value="360">360</option><option value="180">180</option></select></label>
        <label>Encoding <select name="preset"><option value="veryfast" selected>good</option><option value="ultrafast">fast draft</option></select></label>
        <button type="submit">Make the montage</button></fieldset></form>
        <section id="job" hidden><h2 id="status">Queued</h2><progress id="progress" max="100" value="0"></progress>
        <video id="result" controls playsinline muted hidden></video><div id="log"></div></section>
        <script>
        "use strict";
        const $ = s => document.querySelector(s);
        const page = { job: null, events: [], done: null };
        window.vgenPage = page;
        function auth() { const k = $("#key").value.trim(); return k ? { Authorization: "Bearer " + k } : {}; }
        function show(status, progress, detail) {
          $("#job").hidden = false;
          $("#status").textContent = status + (detail ? " \\u2014 " + detail : "");
          if (progress != null) $("#progress").value = progress;
        }
        function log(line) { const l = $("#log"); l.textContent += line + "\\n"; l.scrollTop = l.scrollHeight; }
        let asking = false;
        async function refresh(id) {
          if (asking) return;
          asking = true;
          try { const j = await (await fetch("/api/jobs/" + id, { headers: auth() })).json(); show(j.status, j.progress, j.stage); }
          catch (e) { log(String(e)); } finally { asking = false; }
        }
        async function follow(id) {
          const reply = await fetch("/api/jobs/" + id + "/events", { headers: auth() });
          const reader = reply.body.getReader(), decoder = new TextDecoder();
          let buffer = "", final = null;
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            let end;
            while ((end = buffer.indexOf("\\n\\n")) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              let name = "message", data = "";
              for (const line of block.split("\\n")) {
                if (line.startsWith("event: ")) name = line.slice(7);
                else if (line.startsWith("data: ")) data += line.slice(6);
              }
              let value = {};
              try { value = JSON.parse(data); } catch (e) {}
              page.events.push(name);
              if (name === "job") final = value;
              else if (name === "status") show(value.status, value.progress, value.stage);
              else if (name === "stage_started" || name === "stage_completed" || name === "progress") {
                if (name !== "progress") log(name.replace("_", " ") + ": " + value.stage);
                refresh(id);
              } else if (name === "warning") log("warning: " + value.message);
            }
          }
          return final || await (await fetch("/api/jobs/" + id, { headers: auth() })).json();
        }
        async function play(job) {
          show(job.status, job.status === "completed" ? 100 : null, job.error);
          if (job.status !== "completed") return;
          const url = "/api/jobs/" + job.job_id + "/files/video.mp4", video = $("#result");
          // A video element cannot send the key; with one, the file comes through fetch instead.
          video.src = auth().Authorization ? URL.createObjectURL(await (await fetch(url, { headers: auth() })).blob()) : url;
          video.hidden = false;
          video.play().catch(e => log("press play: " + e.message));
        }
        async function submit(event) {
          event.preventDefault();
          const form = event.target, body = new FormData(), options = {};
          for (const [name, value] of new FormData(form)) {
            if (value instanceof File) body.append(name, value, value.name);
            else options[name] = /^[0-9]+$/.test(value) ? Number(value) : value;
          }
          body.append("options", JSON.stringify(options));
          let finish;
          page.done = new Promise(resolve => { finish = resolve; });
          page.events = [];
          $("#result").hidden = true;
          show("Uploading", 0);
          try {
            const reply = await fetch(form.dataset.path, { method: "POST", headers: auth(), body });
            const answer = await reply.json();
            if (reply.status !== 202) { show("Refused", null, answer.error); finish({ status: "refused", error: answer.error }); return; }
            page.job = answer.job_id;
            show("Queued", 0);
            const job = await follow(answer.job_id);
            await play(job);
            finish(job);
          } catch (e) { show("Failed", null, String(e)); finish({ status: "failed", error: String(e) }); }
        }
        for (const form of document.forms) form.addEventListener("submit", submit);
        </script>
        </body></html>
        """
}
