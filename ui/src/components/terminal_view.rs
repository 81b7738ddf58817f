//! The Terminal tab (`docker exec -it CONTAINER sh`): an interactive shell in the container through an exec with a
//! TTY, shown in xterm.js (from `ui/vendor`, loaded the first time a terminal opens: it is the page's largest
//! script, and most sessions never open one). Keys go to the backend as typed, the TTY follows the window's size,
//! and closing the tab hangs the shell up.

use crate::api;
use crate::components::stream_ending::{Ending, StreamEnding};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::terminal::SHELLS;
use porthole_model::{Action, TerminalMessage};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Terminal)]
    type XTerm;

    #[wasm_bindgen(constructor, js_class = "Terminal")]
    fn new(options: &JsValue) -> XTerm;

    #[wasm_bindgen(method)]
    fn open(this: &XTerm, parent: &web_sys::HtmlElement);

    #[wasm_bindgen(method)]
    fn write(this: &XTerm, data: &str);

    #[wasm_bindgen(method, js_name = onData)]
    fn on_data(this: &XTerm, handler: &Closure<dyn FnMut(String)>) -> JsValue;

    #[wasm_bindgen(method, js_name = loadAddon)]
    fn load_addon(this: &XTerm, addon: &FitAddon);

    #[wasm_bindgen(method)]
    fn focus(this: &XTerm);

    #[wasm_bindgen(method)]
    fn dispose(this: &XTerm);

    #[wasm_bindgen(method, getter)]
    fn cols(this: &XTerm) -> u16;

    #[wasm_bindgen(method, getter)]
    fn rows(this: &XTerm) -> u16;

}

#[wasm_bindgen]
extern "C" {
    /// The fit addon's UMD build exposes `window.FitAddon.FitAddon`.
    type FitAddon;

    #[wasm_bindgen(method)]
    fn fit(this: &FitAddon);
}

impl FitAddon {
    /// `new window.FitAddon.FitAddon()`, or `None` when the addon's script did not load.
    fn create() -> Option<FitAddon> {
        let module = js_sys::Reflect::get(&window(), &JsValue::from_str("FitAddon")).ok()?;
        let class = js_sys::Reflect::get(&module, &JsValue::from_str("FitAddon")).ok()?;
        let class: js_sys::Function = class.dyn_into().ok()?;
        js_sys::Reflect::construct(&class, &js_sys::Array::new())
            .ok()
            .map(JsCast::unchecked_into)
    }
}

/// What lives as long as one open terminal: the emulator, its fit addon and the JS callbacks it holds.
struct Session {
    term: XTerm,
    fit: FitAddon,
    _on_data: Closure<dyn FnMut(String)>,
}

impl Session {
    /// An emulator in `element`, sized to it and focused, sending what is typed to the subscription in `slot`;
    /// `None` when xterm.js did not load.
    fn open(element: &web_sys::HtmlDivElement, slot: api::Slot) -> Option<Self> {
        // Without xterm.js, `new Terminal` would throw.
        if !js_sys::Reflect::has(&window(), &JsValue::from_str("Terminal")).unwrap_or(false) {
            return None;
        }
        element.set_inner_html("");
        let options = js_sys::JSON::parse(
            r##"{"cursorBlink":true,"fontSize":13,"fontFamily":"DejaVu Sans Mono, Liberation Mono, monospace","convertEol":false,
                "theme":{"background":"#0b1220","foreground":"#e2e8f0","cursor":"#38bdf8"}}"##,
        )
        .unwrap_or(JsValue::NULL);
        let term = XTerm::new(&options);
        let fit = FitAddon::create()?;
        term.load_addon(&fit);
        term.open(element);
        fit.fit();
        let on_data = Closure::<dyn FnMut(String)>::new(move |keys: String| {
            if let Some(id) = slot.id() {
                spawn_local(async move {
                    let _ = api::terminal_input(id, &keys).await;
                });
            }
        });
        term.on_data(&on_data);
        term.focus();
        Some(Self {
            term,
            fit,
            _on_data: on_data,
        })
    }
}

/// Loads xterm.js, then its fit addon, once per page; later calls wait for the same load. A failed load leaves
/// `Terminal` undefined, which `Session::open` reports.
async fn xterm_loaded() {
    thread_local! { static LOADING: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) }; }
    let loading = LOADING.with(|loading| {
        loading
            .borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    wasm_bindgen_futures::JsFuture::from(script("/xterm.js")).await?;
                    wasm_bindgen_futures::JsFuture::from(script("/addon-fit.js")).await
                })
            })
            .clone()
    });
    let _ = wasm_bindgen_futures::JsFuture::from(loading).await;
}

/// A `<script src>` added to the page, settled when it has run or failed to load.
fn script(src: &str) -> js_sys::Promise {
    let src = src.to_owned();
    js_sys::Promise::new(&mut move |resolve, reject| {
        let Ok(element) = document().create_element("script") else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let _ = element.add_event_listener_with_callback("load", &resolve);
        let _ = element.add_event_listener_with_callback("error", &reject);
        let _ = element.set_attribute("src", &src);
        if let Some(root) = document().document_element() {
            let _ = root.append_child(&element);
        }
    })
}

#[component]
pub fn TerminalView(
    /// The container's id: the terminal stays with it across a rename.
    container: String,
    /// Its name, for the command shown.
    name: Signal<String>,
) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    let shell = RwSignal::new(SHELLS[0].to_owned());
    let state = RwSignal::new(Some(Ending::Note("Connecting…".to_owned())));
    let session = StoredValue::new_local(None::<Session>);
    let slot = api::Slot::new();

    let close = move || {
        slot.close();
        if let Some(Some(old)) = session.try_update_value(Option::take) {
            old.term.dispose();
        }
    };
    on_cleanup(close);
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        session.with_value(|s| {
            if let Some(s) = s {
                s.fit.fit();
                let (cols, rows) = (s.term.cols(), s.term.rows());
                if let Some(id) = slot.id() {
                    spawn_local(async move {
                        let _ = api::terminal_resize(id, cols, rows).await;
                    });
                }
            }
        })
    });
    on_cleanup(move || resize.remove());

    let connect = {
        let container = container.clone();
        move || {
            close();
            let Some(element) = host.get_untracked() else {
                return;
            };
            let Some(opened) = Session::open(&element, slot) else {
                state.set(Some(Ending::Note(
                    "The terminal emulator (xterm.js) did not load.".into(),
                )));
                return;
            };
            let (cols, rows) = (opened.term.cols(), opened.term.rows());
            session.set_value(Some(opened));
            let this = slot.renew_peek();
            state.set(Some(Ending::Note("Connecting…".into())));
            let container = container.clone();
            let command = vec![shell.get_untracked()];
            let on_message = move |message: TerminalMessage| {
                if !slot.is_current(this) {
                    return;
                }
                match message {
                    TerminalMessage::Started { .. } => {
                        state.set(None);
                    }
                    TerminalMessage::Output { text } => session.with_value(|s| {
                        if let Some(s) = s {
                            s.term.write(&text);
                        }
                    }),
                    TerminalMessage::Ended => {
                        state.set(Some(Ending::Note("The shell exited.".into())));
                    }
                    TerminalMessage::Failed { error } => {
                        state.set(Some(Ending::Failed(error)));
                    }
                }
            };
            spawn_local(async move {
                match api::open_terminal(&container, &command, cols, rows, on_message).await {
                    Ok(id) => slot.keep(this, id).await,
                    Err(error) => {
                        state.try_set(Some(Ending::Failed(error)));
                    }
                }
            });
        }
    };
    let first = connect.clone();
    Effect::new(move |_| {
        if host.get().is_some() {
            let first = first.clone();
            spawn_local(async move {
                xterm_loaded().await;
                first();
            });
        }
    });
    let cli = move || {
        Action::Exec {
            container: name.get(),
            command: vec![shell.get()],
        }
        .cli()
    };
    view! {
        <div class="terminal-view">
            <div class="toolbar">
                <label class="compact-label">"Shell"<select id="terminal-shell" on:change=move |ev| shell.set(event_target_value(&ev))>
                    {SHELLS.into_iter().map(|s| view! { <option value=s selected=move || shell.get() == s>{s}</option> }).collect_view()}
                </select></label>
                <button class="action" id="terminal-connect" on:click=move |_| connect()>"Open again"</button>
                <span class="toolbar-spacer"></span>
                <code class="terminal-cli">{cli}</code>
            </div>
            <StreamEnding ending=state id="terminal-state" />
            <div class="terminal-host" id="terminal" node_ref=host></div>
        </div>
    }
}
