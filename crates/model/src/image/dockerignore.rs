//! `.dockerignore`: which files of a build context stay on this machine, with the docker CLI's rules — one pattern
//! per line, `#` comments, `!` exceptions (the last matching line wins), `*` and `?` within one path segment, `**`
//! across segments, patterns relative to the context root, and a pattern matching a folder covering everything in it.
//!
//! Invariant: matching never panics and takes time proportional to (pattern segments) × (path segments) per rule,
//! however many `**` a pattern holds (`pattern_ends`); within a segment, `*` is matched without backtracking blow-up.

/// The parsed patterns of one `.dockerignore`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DockerIgnore {
    rules: Vec<(bool, Vec<String>)>,
}

impl DockerIgnore {
    pub fn parse(text: &str) -> Self {
        let rules = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(|line| {
                let (exception, pattern) = match line.strip_prefix('!') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, line),
                };
                let segments: Vec<String> = pattern
                    .split('/')
                    .filter(|s| !s.is_empty() && *s != ".")
                    .map(str::to_owned)
                    .collect();
                (!segments.is_empty()).then_some((exception, segments))
            })
            .collect();
        Self { rules }
    }

    /// Whether any `!` exception exists (then an excluded folder must still be walked for files let back in).
    pub fn has_exceptions(&self) -> bool {
        self.rules.iter().any(|(exception, _)| *exception)
    }

    /// Whether `path` (relative to the context, `/`-separated) is left out of the build context.
    pub fn excludes(&self, path: &str) -> bool {
        let segments: Vec<&str> = path
            .split('/')
            .filter(|s| !s.is_empty() && *s != ".")
            .collect();
        let mut excluded = false;
        for (exception, pattern) in &self.rules {
            // A folder's pattern covers what is inside it: the pattern may end after any leading part of the path.
            let ends = pattern_ends(pattern, &segments);
            if ends.iter().skip(1).any(|&end| end) {
                excluded = !exception;
            }
        }
        excluded
    }
}

/// `ends[j]`: whether the whole pattern matches exactly the first `j` segments of the path. Computed segment by
/// segment over the pattern — a `**` spreads what was reachable to every later position — so the work is
/// (pattern segments) × (path segments), however many `**` the pattern holds: no backtracking.
fn pattern_ends(pattern: &[String], path: &[&str]) -> Vec<bool> {
    let mut reachable = vec![false; path.len() + 1];
    reachable[0] = true;
    for segment in pattern {
        let mut next = vec![false; path.len() + 1];
        if segment == "**" {
            let mut seen = false;
            for (j, end) in next.iter_mut().enumerate() {
                seen |= reachable[j];
                *end = seen;
            }
        } else {
            for (j, part) in path.iter().enumerate() {
                next[j + 1] = reachable[j] && matches_segment(segment, part);
            }
        }
        reachable = next;
    }
    reachable
}

/// `*` (any run), `?` (one character) and `[abc]`/`[a-z]` within one segment; iterative, no backtracking blow-up.
fn matches_segment(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, t));
            p += 1;
        } else if p < pattern.len() && {
            let mut next = p;
            let matched = single(&pattern, &mut next, text[t]);
            if matched {
                p = next;
            }
            matched
        } {
            t += 1;
        } else if let Some((star_p, star_t)) = star {
            p = star_p + 1;
            t = star_t + 1;
            star = Some((star_p, star_t + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

/// Whether the pattern element at `*at` matches `c`; advances `*at` past it.
fn single(pattern: &[char], at: &mut usize, c: char) -> bool {
    match pattern[*at] {
        '?' => {
            *at += 1;
            true
        }
        '[' => {
            let Some(close) = pattern[*at + 1..]
                .iter()
                .position(|x| *x == ']')
                .map(|i| *at + 1 + i)
            else {
                *at += 1;
                return c == '[';
            };
            let class = &pattern[*at + 1..close];
            let (negated, class) = match class.first() {
                Some('^') | Some('!') => (true, &class[1..]),
                _ => (false, class),
            };
            let mut found = false;
            let mut i = 0;
            while i < class.len() {
                if i + 2 < class.len() && class[i + 1] == '-' {
                    found |= class[i] <= c && c <= class[i + 2];
                    i += 3;
                } else {
                    found |= class[i] == c;
                    i += 1;
                }
            }
            *at = close + 1;
            found != negated
        }
        '\\' if *at + 1 < pattern.len() => {
            *at += 2;
            pattern[*at - 1] == c
        }
        other => {
            *at += 1;
            other == c
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn many_double_stars_match_in_linear_time() {
        // Thirty `**` against forty segments that never end in `x`: a backtracking matcher tries ~40^30 ways.
        let pattern = format!("{}x", "**/".repeat(30));
        let rules = DockerIgnore::parse(&pattern);
        let deep = vec!["a"; 40].join("/");
        let started = std::time::Instant::now();
        assert!(!rules.excludes(&deep));
        assert!(rules.excludes(&format!("{deep}/x")));
        assert!(
            rules.excludes(&format!("{deep}/x/inside")),
            "a matched folder covers its content"
        );
        // Generous: linear work is microseconds; exponential would not finish at all.
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn the_clis_rules() {
        let ignore = DockerIgnore::parse(
            "# secrets\n.git\n*.key\n!public.key\nnode_modules\n**/*.log\n/build/tmp\ntemp?\n",
        );
        for excluded in [
            ".git",
            ".git/config",
            "server.key",
            "node_modules/a/b.js",
            "x/y/debug.log",
            "debug.log",
            "build/tmp/a",
            "temp1",
        ] {
            assert!(ignore.excludes(excluded), "{excluded}");
        }
        for kept in [
            "public.key",
            "src/server.key",
            "Dockerfile",
            "build/other",
            "temp12",
            "site/index.html",
        ] {
            assert!(!ignore.excludes(kept), "{kept}");
        }
        assert!(ignore.has_exceptions());
        assert!(!DockerIgnore::parse("").excludes("anything"));
        assert!(DockerIgnore::parse("[a-c]*.txt").excludes("b1.txt"));
        assert!(!DockerIgnore::parse("[!a-c]*.txt").excludes("b1.txt"));
    }

    proptest! {
        #[test]
        fn never_panics(pattern in ".{0,40}", path in "[a-z/.*?\\[\\]!-]{0,40}") {
            let _ = DockerIgnore::parse(&pattern).excludes(&path);
        }
    }
}
