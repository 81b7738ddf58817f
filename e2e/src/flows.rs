//! Flows a user goes through in several steps, shared by the tests: opening a container's page, removing an image
//! in use, confirming a follow-up, logging in to a registry, pulling and pushing through the window, opening a
//! compose file, and waiting for a tour step to tick itself off.

use crate::{docker, Window};

impl Window {
    /// Opens the page of the container `name` from the containers list: its row selected, then Open.
    pub async fn open_container(&self, name: &str) {
        self.open("containers").await;
        let row = format!("tr[data-name=\"{name}\"]");
        self.appears(&row, 10).await;
        self.click(&row).await;
        self.click("#container-open").await;
    }

    /// Removes the image shown in `row` (named `reference`) while `container` uses it, as a user would: the
    /// confirmation shows `docker rmi`, the engine refuses, the banner names the container and explains the rule,
    /// nothing is removed; then "remove its containers, then the image" removes both.
    pub async fn remove_image_in_use(&self, row: &str, reference: &str, container: &str) {
        self.wait_for(
            "the image's row",
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;
        self.click(row).await;
        self.click("[data-action=remove-image]").await;
        self.wait_for(
            "the confirmation",
            "return !!document.getElementById('confirm-dialog')",
            5,
        )
        .await;
        let dialog = self
            .eval("return document.getElementById('confirm-dialog').innerText")
            .await;
        assert!(
            dialog
                .as_str()
                .unwrap_or_default()
                .contains(&format!("docker rmi {reference}")),
            "{dialog}"
        );
        self.click("#confirm-ok").await;
        let banner = self.refusal().await;
        let related = self
            .eval(
                "return document.getElementById('error-related')?.textContent \
                 ?? ('no container named; the banner: ' + (document.querySelector('.banner')?.innerText ?? 'gone'))",
            )
            .await;
        assert_eq!(
            related, container,
            "the banner names the container that uses the image"
        );
        assert!(
            banner.contains("Remove the containers made from it first"),
            "{banner}"
        );
        assert!(
            !docker(&["image", "ls", "-q", reference]).is_empty(),
            "nothing was removed"
        );
        self.screenshot("image-in-use").await;
        let offer = self
            .eval("return document.getElementById('follow-up-0').title")
            .await;
        assert_eq!(
            offer.as_str().unwrap_or_default(),
            format!("docker rm -f {container} && docker rmi {reference}"),
            "the offer names exactly the container the refusal named"
        );
        self.confirm_follow_up(0, &[container, reference]).await;
        self.wait_for(
            "the row to go",
            &format!("return !document.querySelector('{row}')"),
            15,
        )
        .await;
        assert!(
            docker(&["image", "ls", "-q", reference]).is_empty(),
            "the image is gone"
        );
        assert!(
            docker(&["ps", "-a", "-q", "--filter", &format!("name=^{container}$")]).is_empty(),
            "its container too"
        );
    }

    /// Clicks the banner's follow-up `index`, which asks first: the confirmation must name each of `goes`, then it
    /// is confirmed.
    pub async fn confirm_follow_up(&self, index: usize, goes: &[&str]) {
        self.click(&format!("#follow-up-{index}")).await;
        self.wait_for(
            "the follow-up's confirmation",
            "return !!document.getElementById('confirm-dialog')",
            5,
        )
        .await;
        let dialog = self
            .eval("return document.getElementById('confirm-dialog').innerText")
            .await;
        let dialog = dialog.as_str().unwrap_or_default();
        for name in goes {
            assert!(
                dialog.contains(name),
                "the confirmation names {name}: {dialog}"
            );
        }
        self.click("#confirm-ok").await;
    }

    /// Waits for the engine's refusal (a Conflict banner) and returns the banner's text.
    pub async fn refusal(&self) -> String {
        self.wait_for(
            "the engine's refusal",
            "return document.querySelector('.banner')?.dataset.kind === 'Conflict'",
            10,
        )
        .await;
        let banner = self
            .eval("return document.querySelector('.banner')?.innerText ?? 'the banner went away'")
            .await;
        banner.as_str().unwrap_or_default().to_owned()
    }

    /// Fills the login form that is opening (user and password) and submits it.
    pub async fn log_in(&self, user: &str, password: &str) {
        self.wait_for(
            "the login form",
            "return !!document.getElementById('login-form')",
            5,
        )
        .await;
        self.type_into("login-username", user).await;
        self.type_into("login-password", password).await;
        self.click("#login-submit").await;
    }

    /// Waits until the Registries page's card for `registry` says the login was accepted.
    pub async fn logged_in(&self, registry: &str) {
        self.wait_for(
            &format!("logged in to {registry}"),
            &format!("return document.querySelector('[data-registry=\"{registry}\"]')?.dataset.loggedIn === 'true'"),
            15,
        )
        .await;
    }

    /// Pulls `reference` with the Images page's pull box, as a user would, and waits until it is done.
    pub async fn pull(&self, reference: &str) {
        self.open("images").await;
        self.type_into("pull-reference", reference).await;
        self.click("#pull-start").await;
        self.wait_for(
            &format!("the pull of {reference} to finish"),
            "return !!document.getElementById('pull-done')",
            30,
        )
        .await;
    }

    /// On an image's details page: chooses `reference` among the names it can be pushed as, pushes it and waits
    /// for the push to finish.
    pub async fn push(&self, reference: &str) {
        self.wait_for(
            &format!("{reference} in the push list"),
            &format!("return [...document.querySelectorAll('#push-reference option')].some(o => o.value === '{reference}')"),
            10,
        )
        .await;
        self.eval(&format!(
            "const s = document.getElementById('push-reference'); s.value = '{reference}'; \
             s.dispatchEvent(new Event('change')); return s.value"
        ))
        .await;
        self.click("#push-start").await;
        self.wait_for(
            &format!("the push of {reference} to finish"),
            "return !!document.getElementById('push-done')",
            30,
        )
        .await;
    }

    /// Opens the compose file `path` as project `project` on the Compose page, as a user types it, and waits for
    /// that project's services (not those of a project opened before it).
    pub async fn open_compose_file(&self, path: &str, project: &str) {
        self.open("compose").await;
        self.wait_for(
            "the Compose tool",
            "return document.getElementById('compose-tool')?.textContent.includes('compose')",
            15,
        )
        .await;
        self.type_into("compose-path", path).await;
        self.type_into("compose-project-name", project).await;
        self.click("#compose-open").await;
        self.appears(
            &format!(
                "#compose-project[data-project=\"{project}\"] #compose-services tr[data-service]"
            ),
            20,
        )
        .await;
    }

    /// Waits until the tour shows `step` done (the watcher ticks it from the engine's state, whatever page is open).
    pub async fn tour_step_done(&self, step: &str, seconds: u64) {
        self.open("tour").await;
        self.wait_for(
            &format!("the step {step} to tick itself off"),
            &format!(
                "return document.querySelector('[data-step=\"{step}\"]')?.dataset.state === 'done'"
            ),
            seconds,
        )
        .await;
    }

    /// Chooses `value` in the select `#id` as a user would (the engine switcher), failing when it is not offered.
    pub async fn choose(&self, id: &str, value: &str) {
        let chosen = self
            .eval(&format!(
                "const s = document.getElementById('{id}'); if (!s || ![...s.options].some(o => o.value === '{value}')) return false; \
                 s.value = '{value}'; s.dispatchEvent(new Event('change')); return true"
            ))
            .await;
        assert_eq!(chosen, true, "{value} is offered in #{id}");
    }
}
