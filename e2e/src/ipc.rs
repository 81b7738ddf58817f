//! What crossed IPC, seen from the page: `record_ipc` keeps every call, reply and channel message from then on, so
//! a test can look for a secret in them, or prove a rejected form input never reached a command.

use crate::Window;

impl Window {
    /// From now on, the page keeps a copy of every call (`call NAME "body"`) and of everything that comes back:
    /// replies and errors (`reply NAME …`) and channel messages (`message …`), as JSON text.
    ///
    /// Tauri's own functions are read-only properties, so the recorder sits beside them: calls go out as `fetch`
    /// requests to the `ipc:` protocol (their `Tauri-Callback` / `Tauri-Error` headers name the callbacks that will
    /// get the reply), and every reply or channel message is delivered through a callback registered in
    /// `__TAURI_INTERNALS__.callbacks`, a `Map` whose `set` this wraps.
    pub async fn record_ipc(&self) {
        let recording = self
            .eval(
                "const inner = window.__TAURI_INTERNALS__; window.__ipc = []; const names = new Map();
                 const keep = (what, value) => { try { window.__ipc.push(what + ' ' + JSON.stringify(value)); }
                     catch (_) { window.__ipc.push(what + ' ' + String(value)); } };
                 const send = window.fetch.bind(window);
                 window.fetch = (input, init) => {
                     const url = String((input && input.url) || input);
                     if (url.startsWith('ipc:') || url.includes('ipc.localhost')) {
                         const cmd = decodeURIComponent(url.split('?')[0].split('/').pop());
                         const headers = new Headers((init && init.headers) || {});
                         for (const h of ['Tauri-Callback', 'Tauri-Error']) {
                             if (headers.get(h)) names.set(Number(headers.get(h)), cmd);
                         }
                         const body = init && init.body;
                         keep('call ' + cmd, typeof body === 'string' ? body : '(bytes)');
                     }
                     return send(input, init);
                 };
                 const set = inner.callbacks.set;
                 inner.callbacks.set = function (id, callback) {
                     return set.call(this, id, data => {
                         keep(names.has(id) ? 'reply ' + names.get(id) : 'message', data);
                         return callback(data);
                     });
                 };
                 return inner.callbacks.set !== set",
            )
            .await;
        assert_eq!(recording, true, "the IPC recorder is in place");
    }

    /// What `record_ipc` has recorded so far, one reply or message per entry.
    pub async fn ipc_records(&self) -> Vec<String> {
        let records = self.eval("return window.__ipc || []").await;
        records
            .as_array()
            .map(|all| {
                all.iter()
                    .filter_map(|r| r.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many times the page has called `command` since `record_ipc`.
    pub async fn calls_of(&self, command: &str) -> usize {
        let prefix = format!("call {command} ");
        self.ipc_records()
            .await
            .iter()
            .filter(|r| r.starts_with(&prefix))
            .count()
    }

    /// A form refusing what was typed: `value` typed into the field `field`, the form's inline message `invalid`
    /// (a selector) appears, and clicking `submit` calls no `command` — the input never reaches the engine.
    /// Needs `record_ipc` first.
    pub async fn rejects(
        &self,
        field: &str,
        value: &str,
        invalid: &str,
        submit: &str,
        command: &str,
    ) {
        let before = self.calls_of(command).await;
        self.type_into(field, value).await;
        self.appears(invalid, 5).await;
        self.eval(&format!(
            "document.querySelector('{submit}').click(); return true"
        ))
        .await;
        // A call, if one were made, is recorded as the click handler runs; give an async handler a moment too.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(
            self.calls_of(command).await,
            before,
            "{value:?} in #{field} was refused inline, yet `{command}` was called"
        );
    }
}
