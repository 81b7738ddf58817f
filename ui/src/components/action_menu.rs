//! A small drop-down menu under a toolbar button: a split button's options (Stop's timeout, Kill's signal) and the
//! "More" menu of a narrow toolbar. It opens on its toggle, takes the focus on its first item, moves with the arrow
//! keys, and closes on Escape (the focus back on the toggle), on a click outside it, or once an item is chosen.
//!
//! Invariant: the items exist in the page only while the menu is open, so a closed menu's items are never found,
//! clicked or tabbed to.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

fn items(menu: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role^=menuitem]:not([disabled])") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The toggle button and, while open, the menu below it. `label` names the menu for screen readers and on hover;
/// `face` is what the toggle shows (a caret for a split button, "More" for the overflow menu).
#[component]
pub fn ActionMenu(
    id: &'static str,
    label: &'static str,
    face: &'static str,
    #[prop(optional)] disabled: Option<Signal<bool>>,
    children: ChildrenFn,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let menu = NodeRef::<leptos::html::Div>::new();
    let toggle = NodeRef::<leptos::html::Button>::new();
    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(toggle) = toggle.get_untracked() {
                let _ = toggle.focus();
            }
        }
    };
    Effect::new(move |_| {
        if let Some(menu) = menu.get() {
            if let Some(first) = items(&menu).into_iter().next() {
                let _ = first.focus();
            }
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(menu) = menu.get_untracked() else {
            return;
        };
        let step: i32 = match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                return close(true);
            }
            "Tab" => return close(false),
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        let items = items(&menu);
        let current = document().active_element();
        let at = items
            .iter()
            .position(|i| Some(i.unchecked_ref::<web_sys::Element>()) == current.as_ref())
            .unwrap_or(0) as i32;
        let next = (at + step).rem_euclid(items.len().max(1) as i32) as usize;
        if let Some(item) = items.get(next) {
            let _ = item.focus();
        }
    };
    view! {
        <span class="menu-anchor">
            <button class="action menu-toggle" id=id node_ref=toggle title=label aria-label=label
                aria-haspopup="menu" aria-expanded=move || open.get().to_string()
                disabled=move || disabled.is_some_and(|d| d.get())
                on:click=move |_| open.update(|o| *o = !*o)>{face}</button>
            <Show when=move || open.get()>
                // A click anywhere outside the menu closes it, as a click on the page would.
                <div class="menu-dismiss" on:click=move |_| close(false)></div>
                <div class="menu" role="menu" aria-label=label node_ref=menu on:keydown=on_key
                    on:click=move |_| close(true)>
                    {children()}
                </div>
            </Show>
        </span>
    }
}
