//! The topology picture: networks, the containers on them with their addresses, and the host ports they publish,
//! drawn as SVG from the model's deterministic layout (`network::topology`). Clicking a network opens its panel,
//! clicking a container opens its page.

use crate::store::{use_store, Route};
use leptos::prelude::*;
use porthole_model::network::topology::{
    layout, Node, BOX_HEIGHT, CONTAINER_WIDTH, NETWORK_WIDTH, PORT_HEIGHT, PORT_WIDTH,
};

#[component]
pub fn Topology(on_network: Callback<String>) -> impl IntoView {
    let store = use_store();
    let picture = Memo::new(move |_| {
        store.cache.networks.with(|networks| {
            store
                .cache
                .containers
                .with(|containers| layout(networks, containers))
        })
    });
    let open_container = move |name: String| {
        let id = store
            .cache
            .containers
            .with_untracked(|all| all.iter().find(|c| c.name == name).map(|c| c.id.clone()));
        if let Some(id) = id {
            store.open(Route::Container(id));
        }
    };
    let node = move |node: Node, kind: &'static str, width: u32, height: u32| {
        let name = node.name.clone();
        let click = node.name.clone();
        view! {
            <g class=format!("topo-node topo-{kind}") class:inactive=!node.active data-topo=kind data-name=name.clone()
                on:click=move |_| match kind {
                    "network" => on_network.run(click.clone()),
                    "container" => open_container(click.clone()),
                    _ => {}
                }>
                <title>{format!("{name}\n{}", node.detail)}</title>
                <rect x=node.x y=node.y width=width height=height rx="6" />
                <text x=node.x + 10 y=node.y + 17 class="topo-name">{clip(&if kind == "port" { format!("{name} {}", node.detail) } else { name.clone() }, width)}</text>
                {(height > 30).then(|| view! { <text x=node.x + 10 y=node.y + 32 class="topo-detail">{clip(&node.detail, width)}</text> })}
            </g>
        }
    };
    view! {
        <div class="topology-scroll" id="topology">
            {move || {
                let t = picture.get();
                if t.networks.is_empty() {
                    return view! { <p class="hint">"No networks."</p> }.into_any();
                }
                view! {
                    <svg class="topology" width=t.width height=t.height viewBox=format!("0 0 {} {}", t.width, t.height)
                        role="img" aria-label="Networks, the containers on them and the ports they publish">
                        {t.links.iter().map(|link| {
                            let (x1, y1) = link.from;
                            let (x2, y2) = link.to;
                            let mid_x = (x1 + x2) / 2;
                            let path = format!("M{x1},{y1} C{mid_x},{y1} {mid_x},{y2} {x2},{y2}");
                            view! {
                                <g class="topo-link" data-of=link.of.clone() data-container=link.container.clone()>
                                    <path d=path />
                                    <text x=mid_x y=(y1 + y2) / 2 - 3 class="topo-label">{link.label.clone()}</text>
                                </g>
                            }
                        }).collect_view()}
                        {t.networks.into_iter().map(|n| node(n, "network", NETWORK_WIDTH, BOX_HEIGHT)).collect_view()}
                        {t.containers.into_iter().map(|n| node(n, "container", CONTAINER_WIDTH, BOX_HEIGHT)).collect_view()}
                        {t.ports.into_iter().map(|n| node(n, "port", PORT_WIDTH, PORT_HEIGHT)).collect_view()}
                    </svg>
                }.into_any()
            }}
        </div>
    }
}

/// Cuts `text` to what fits in a box `width` pixels wide (about 7 px a character), marking the cut; the box's
/// tooltip has the whole text.
fn clip(text: &str, width: u32) -> String {
    let fits = (width.saturating_sub(20) / 7) as usize;
    if text.chars().count() <= fits {
        text.to_owned()
    } else {
        let kept: String = text.chars().take(fits.saturating_sub(1)).collect();
        format!("{kept}…")
    }
}
