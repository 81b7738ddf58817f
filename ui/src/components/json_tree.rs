//! The Inspect tab: the engine's JSON for the container as a collapsible tree, with search (every key or value that
//! matches, as a path) and copy.

use leptos::prelude::*;
use serde_json::Value;

#[component]
pub fn JsonTree(json: String) -> impl IntoView {
    let value: Value = serde_json::from_str(&json).unwrap_or(Value::Null);
    let search = RwSignal::new(String::new());
    let copied = RwSignal::new(false);
    let flat = flatten(&value);
    let copy_text = json.clone();
    let hits = move || {
        let needle = search.get().to_lowercase();
        flat.iter()
            .filter(|(path, text)| {
                path.to_lowercase().contains(&needle) || text.to_lowercase().contains(&needle)
            })
            .take(500)
            .cloned()
            .collect::<Vec<_>>()
    };
    let value = StoredValue::new(value);
    view! {
        <div class="json-view" id="inspect">
            <div class="toolbar">
                <input type="text" id="inspect-search" placeholder="Search keys and values" spellcheck="false"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                <span class="toolbar-spacer"></span>
                <button class="action" id="inspect-copy" on:click=move |_| {
                    let _ = window().navigator().clipboard().write_text(&copy_text);
                    copied.set(true);
                }>{move || if copied.get() { "Copied" } else { "Copy JSON" }}</button>
            </div>
            {move || if search.with(String::is_empty) {
                view! { <div class="json-tree mono">{value.with_value(|v| node(None, v, 0))}</div> }.into_any()
            } else {
                view! {
                    <table class="list compact mono" id="inspect-hits"><tbody>
                        {hits().into_iter().map(|(path, text)| view! { <tr><td class="json-path">{path}</td><td>{text}</td></tr> }).collect_view()}
                    </tbody></table>
                }.into_any()
            }}
        </div>
    }
}

/// One value; objects and arrays fold (the first two levels open).
fn node(key: Option<String>, value: &Value, depth: usize) -> AnyView {
    let label = key.map(|k| view! { <span class="json-key">{k}": "</span> });
    match value {
        Value::Object(map) if !map.is_empty() => {
            let children = map
                .iter()
                .map(|(k, v)| node(Some(k.clone()), v, depth + 1))
                .collect_view();
            view! { <details class="json-node" open=depth < 2><summary>{label}<span class="json-count">{format!("{{{}}}", map.len())}</span></summary>
                <div class="json-children">{children}</div></details> }.into_any()
        }
        Value::Array(items) if !items.is_empty() => {
            let children = items
                .iter()
                .enumerate()
                .map(|(i, v)| node(Some(i.to_string()), v, depth + 1))
                .collect_view();
            view! { <details class="json-node" open=depth < 2><summary>{label}<span class="json-count">{format!("[{}]", items.len())}</span></summary>
                <div class="json-children">{children}</div></details> }.into_any()
        }
        other => {
            let class = match other {
                Value::String(_) => "json-string",
                Value::Number(_) => "json-number",
                Value::Bool(_) => "json-bool",
                _ => "json-null",
            };
            view! { <div class="json-leaf">{label}<span class=class>{other.to_string()}</span></div> }.into_any()
        }
    }
}

/// Every leaf as `Path.To[0].Key` and its JSON text, for search.
fn flatten(value: &Value) -> Vec<(String, String)> {
    fn walk(path: String, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => map.iter().for_each(|(k, v)| {
                walk(
                    if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    },
                    v,
                    out,
                )
            }),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(format!("{path}[{i}]"), v, out)),
            other => out.push((path, other.to_string())),
        }
    }
    let mut out = Vec::new();
    walk(String::new(), value, &mut out);
    out
}
