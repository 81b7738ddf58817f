//! The stylesheet meets WCAG AA (4.5:1 for text) in both themes: the colours are read from `assets/styles.css`'s
//! custom properties — the light palette (`:root`) and the dark one (`:root[data-theme="dark"]`, which the system
//! preference block repeats) — and every pair of text and background the pages use is computed.

use std::collections::HashMap;

/// `--name: #rrggbb` declarations of the first block that starts with `selector {`.
fn palette(css: &str, selector: &str) -> HashMap<String, (f64, f64, f64)> {
    let start = css
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("{selector} in the stylesheet"));
    let block = &css[start + selector.len() + 2..];
    let block = &block[..block.find('}').expect("the block ends")];
    // Comments out first: a declaration's text must start with its name.
    let mut text = String::new();
    let mut rest = block;
    while let Some(at) = rest.find("/*") {
        text.push_str(&rest[..at]);
        rest = rest[at..]
            .find("*/")
            .map_or("", |end| &rest[at + end + 2..]);
    }
    text.push_str(rest);
    text.split(';')
        .filter_map(|declaration| {
            let (name, value) = declaration.split_once(':')?;
            let name = name.trim();
            let hex = value.trim().strip_prefix('#')?;
            if !name.starts_with("--") || hex.len() != 6 {
                return None;
            }
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok().map(f64::from);
            Some((name.to_owned(), (channel(0)?, channel(2)?, channel(4)?)))
        })
        .collect()
}

fn luminance((r, g, b): (f64, f64, f64)) -> f64 {
    let linear = |c: f64| {
        let c = c / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn contrast(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Text on background, by custom property: body text, secondary text, the primary and danger buttons, badges.
const PAIRS: [(&str, &str); 14] = [
    ("--text", "--bg"),
    ("--text", "--surface"),
    ("--muted", "--bg"),
    ("--muted", "--surface"),
    ("--on-accent", "--accent"),
    ("--on-bad", "--bad"),
    ("--accent", "--accent-soft"),
    ("--ok", "--ok-soft"),
    ("--warn", "--warn-soft"),
    ("--bad", "--bad-soft"),
    ("--info", "--info-soft"),
    ("--accent", "--surface"),
    ("--bad", "--surface"),
    ("--sidebar-text", "--sidebar"),
];

#[test]
fn text_button_and_badge_colours_meet_aa_in_both_themes() {
    let css = std::fs::read_to_string(porthole_e2e::workspace_root().join("assets/styles.css"))
        .expect("the stylesheet");
    let light = palette(&css, ":root");
    let mut dark = light.clone();
    dark.extend(palette(&css, ":root[data-theme=\"dark\"]"));
    let mut failures = Vec::new();
    for (theme, colours) in [("light", &light), ("dark", &dark)] {
        for (text, background) in PAIRS {
            let (Some(fg), Some(bg)) = (colours.get(text), colours.get(background)) else {
                failures.push(format!(
                    "{theme}: {text} or {background} is not a #rrggbb colour"
                ));
                continue;
            };
            let ratio = contrast(*fg, *bg);
            if ratio < 4.5 {
                failures.push(format!("{theme}: {text} on {background} is {ratio:.2}:1"));
            }
        }
    }
    assert!(failures.is_empty(), "below 4.5:1:\n{}", failures.join("\n"));
    // The system-preference block must say the same as the explicit dark theme.
    let system = css
        .find("@media (prefers-color-scheme: dark)")
        .map(|at| palette(&css[at..], ":root:not([data-theme=\"light\"])"))
        .expect("the system dark block");
    for (name, colour) in &system {
        assert_eq!(
            dark.get(name),
            Some(colour),
            "{name} differs between the dark blocks"
        );
    }
}
