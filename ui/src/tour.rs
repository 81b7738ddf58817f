//! Keeps the guided tour's progress in step with the engine: whenever the containers, images, volumes, stored
//! logins or the "show stopped" switch change, the model decides which steps of either chapter are now done, and
//! new ticks are saved.
//!
//! Invariant: nothing is decided before the saved settings were read and both the container and the image list
//! arrived once — an empty list that has simply not arrived yet must not count as "the image was removed".

use crate::store::Store;
use leptos::prelude::*;
use porthole_model::tour::Observed;
use porthole_model::ObjectKind;

/// Starts watching, for the app's lifetime.
pub fn watch(store: Store) {
    Effect::new(move |_| {
        if !store.prefs.ready()
            || !store.cache.loaded(ObjectKind::Container)
            || !store.cache.loaded(ObjectKind::Image)
            || !store.cache.loaded(ObjectKind::Volume)
        {
            return;
        }
        let mut progress = store.prefs.with(|s| s.tour.clone());
        if progress.source.is_none() || progress.finished() {
            return;
        }
        let show_all = store.prefs.with(|s| s.show_all_containers);
        let logins: Vec<String> = store.cache.registries.with(|r| {
            r.iter()
                .filter(|r| r.username.is_some())
                .map(|r| r.address.clone())
                .collect()
        });
        let changed = store.cache.containers.with(|containers| {
            store.cache.images.with(|images| {
                store.cache.volumes.with(|volumes| {
                    progress.advance(&Observed {
                        containers,
                        images,
                        logins: &logins,
                        show_all,
                        volumes,
                    })
                })
            })
        });
        if changed {
            store.prefs.update(|s| s.tour = progress);
        }
    });
}
