//! A sortable column header: click to sort by it, click again to reverse; its right edge is a grip that resizes it
//! (remembered as `table.column`).

use crate::components::column_resize::ColumnResize;
use leptos::prelude::*;
use porthole_model::container::list::Sort;

#[component]
pub fn SortHeader<C>(
    column: C,
    title: &'static str,
    sort: RwSignal<Sort<C>>,
    /// The table's name in the remembered widths (`containers`, `images`).
    table: &'static str,
) -> impl IntoView
where
    C: Copy + PartialEq + Send + Sync + 'static,
{
    let arrow = move || {
        let current = sort.get();
        match (current.column == column, current.descending) {
            (false, _) => "",
            (true, false) => "▲",
            (true, true) => "▼",
        }
    };
    view! {
        <th
            class="sortable"
            class:sorted=move || sort.get().column == column
            aria-sort=move || match (sort.get().column == column, sort.get().descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            }
            on:click=move |_| sort.update(|s| *s = s.toggled(column))
        >
            {title}
            <span class="sort-arrow">{arrow}</span>
            <ColumnResize key=format!("{table}.{}", title.to_lowercase()) />
        </th>
    }
}
