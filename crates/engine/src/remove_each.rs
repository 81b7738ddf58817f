//! Removing exactly the objects a confirmation listed ("Remove unused" volumes or networks): each on its own, so
//! one the engine refuses (a container started using it meanwhile) stays and the others still go.

use porthole_model::PortholeError;
use std::future::Future;

/// Runs `remove` for each name; the names removed, or the first refusal after all were tried.
pub(crate) async fn remove_each<F, Fut>(
    names: &[String],
    remove: F,
) -> Result<Vec<String>, PortholeError>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<(), PortholeError>>,
{
    let mut removed = Vec::new();
    let mut refused = None;
    for name in names {
        match remove(name.clone()).await {
            Ok(()) => removed.push(name.clone()),
            Err(error) => {
                refused.get_or_insert(error);
            }
        }
    }
    refused.map_or(Ok(removed), Err)
}
