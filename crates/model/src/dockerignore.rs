//! `.dockerignore`: which files of a build context stay on this machine, with the docker CLI's rules — one pattern
//! per line, `#` comments, `!` exceptions (the last matching line wins), `*` and `?` within one path segment, `**`
//! across segments, patterns relative to the context root, and a pattern matching a folder covering everything in it.
//!
//! Invariant: matching never panics and never backtracks exponentially (segments are matched one by one).

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
            // A folder's pattern covers what is inside it: try the path and each of its parents.
            let matched = (1..=segments.len()).any(|n| matches_segments(pattern, &segments[..n]));
            if matched {
                excluded = !exception;
            }
        }
        excluded
    }
}

fn matches_segments(pattern: &[String], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((first, rest)) if first == "**" => {
            (0..=path.len()).any(|skip| matches_segments(rest, &path[skip..]))
        }
        Some((first, rest)) => match path.split_first() {
            Some((segment, path_rest)) => {
                matches_segment(first, segment) && matches_segments(rest, path_rest)
            }
            None => false,
        },
    }
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
