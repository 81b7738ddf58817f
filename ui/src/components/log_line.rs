//! One log line: its stream (stderr marked), optional timestamp, and its text in ANSI colours — or, when it matches
//! the search, with the matches highlighted.

use leptos::prelude::*;
use porthole_model::container::logs::{ansi_spans, find_all, plain};
use porthole_model::{LogLine, LogStream};

#[component]
pub fn LogRow(line: LogLine, search: RwSignal<String>) -> impl IntoView {
    let stderr = line.stream == LogStream::Stderr;
    let stamp = line
        .timestamp
        .get(..23)
        .unwrap_or(&line.timestamp)
        .replace('T', " ");
    let text = line.text.clone();
    let body = move || {
        let needle = search.get();
        let shown = plain(&text);
        let hits = find_all(&shown, &needle);
        if !hits.is_empty() {
            highlighted(&shown, &hits).into_any()
        } else {
            ansi_spans(&text)
                .into_iter()
                .map(|span| {
                    let class = match (span.fg, span.bold) {
                        (Some(fg), true) => format!("ansi-fg-{fg} ansi-bold"),
                        (Some(fg), false) => format!("ansi-fg-{fg}"),
                        (None, true) => "ansi-bold".to_owned(),
                        (None, false) => String::new(),
                    };
                    view! { <span class=class>{span.text}</span> }
                })
                .collect_view()
                .into_any()
        }
    };
    view! {
        <div class="log-line" class:stderr=stderr data-stream=if stderr { "stderr" } else { "stdout" }>
            <span class="log-stamp">{stamp}</span>
            <span class="log-text">{body}</span>
        </div>
    }
}

/// The text with each of `hits` (byte ranges on character boundaries) in a `<mark>`.
fn highlighted(text: &str, hits: &[(usize, usize)]) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in hits {
        parts.push((text[at..*start].to_owned(), false));
        parts.push((text[*start..*end].to_owned(), true));
        at = *end;
    }
    parts.push((text[at..].to_owned(), false));
    parts
        .into_iter()
        .map(|(part, hit)| {
            if hit {
                view! { <mark>{part}</mark> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}
