//! An engine error shown where it happened (a dialog, a panel, a stream that ended), whole: the sentence, the
//! engine's own words, and the recovery its kind offers (`ErrorKind::recovery`, the one mapping) — a login form for
//! the registry that refused, or another try. The page-wide banner (`error_banner`) is the other place errors show;
//! nothing reduces an error to its message before this.

use crate::components::prose::Prose;
use crate::store::{use_store, Route};
use leptos::prelude::*;
use porthole_model::error::Recovery;
use porthole_model::PortholeError;

#[component]
pub fn ErrorNotice(
    error: PortholeError,
    /// The element's id, for tests and labels.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The registry the request went to: a refusal that wants a login offers the form for it.
    #[prop(default = None, into)]
    registry: Option<String>,
    /// What "Try again" does, for the errors whose recovery is another try.
    #[prop(optional)]
    retry: Option<Callback<()>>,
) -> impl IntoView {
    let store = use_store();
    let recovery = error.kind.recovery();
    let login = registry.filter(|_| recovery == Recovery::LogIn);
    let retry = retry.filter(|_| matches!(recovery, Recovery::Retry | Recovery::Reconnect));
    let detail =
        (!error.detail.is_empty() && error.detail != error.message).then(|| error.detail.clone());
    view! {
        <div class="pull-result bad error-notice" id=id data-kind=format!("{:?}", error.kind)>
            <strong><Prose text=error.message.clone() /></strong>
            {detail.map(|detail| view! { <div class="banner-detail">{detail}</div> })}
            {login.map(|registry| {
                let label = format!("Log in to {registry}");
                view! {
                    <button class="action" data-action="error-login"
                        on:click=move |_| store.open(Route::Login(registry.clone()))>{label}</button>
                }
            })}
            {retry.map(|retry| view! {
                <button class="action" data-action="error-retry" on:click=move |_| retry.run(())>"Try again"</button>
            })}
        </div>
    }
}
