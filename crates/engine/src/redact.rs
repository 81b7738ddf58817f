//! What the activity console must never hold: credentials in headers and JSON bodies, environment values, and
//! build-arg values — replaced before anything is recorded, names kept so a record still says what was sent.
//!
//! Invariant: every function here works on text as it may arrive — cut short (an answer's first 16 KiB), made of
//! JSON lines, percent-encoded — and never panics; what it cannot read it replaces whole.

pub(crate) const REDACTED: &str = "<redacted>";

/// Headers as recorded: credentials replaced.
pub(crate) fn redact_header(name: &str, value: &str) -> String {
    match name.to_ascii_lowercase().as_str() {
        "x-registry-auth" | "x-registry-config" | "authorization" | "proxy-authorization" => {
            REDACTED.to_owned()
        }
        _ => value.to_owned(),
    }
}

/// JSON keys whose string values are credentials.
const SECRET_KEYS: [&str; 8] = [
    "password",
    "identitytoken",
    "registrytoken",
    "auth",
    "secret",
    "token",
    "access_token",
    "refresh_token",
];

/// A body with every credential value replaced. Works on the text, not a parsed document, so a body cut short
/// (an answer's first 16 KiB) or made of JSON lines is scrubbed as well as a whole JSON document.
pub(crate) fn redact_body(body: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(body) {
        Ok(text) => redact_text(text).into_bytes(),
        Err(_) => body.to_vec(),
    }
}

/// Replaces the string value after every `"key":` whose key is a credential (any case), up to its closing quote or
/// the end of the text. String literals are read with their escapes, so a quote inside a value cannot shift which
/// strings count as keys.
pub(crate) fn redact_text(text: &str) -> String {
    let bytes = text.as_bytes();
    let skip_space = |mut k: usize| {
        while k < bytes.len() && bytes[k].is_ascii_whitespace() {
            k += 1;
        }
        k
    };
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut secret_value_next = false;
    // Inside an `"Env": [...]` array (a create body, an inspect answer): each `KEY=VALUE` keeps only its name.
    let mut env_array = false;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            if bytes[i] == b']' {
                env_array = false;
            }
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        let mut escaped = false;
        while end < bytes.len() {
            match bytes[end] {
                b'\\' if !escaped => escaped = true,
                b'"' if !escaped => break,
                _ => escaped = false,
            }
            end += 1;
        }
        // A swarm join token is a secret under whatever key it travels (`JoinToken` in a join, `Worker` and
        // `Manager` in `GET /swarm`'s `JoinTokens`).
        if secret_value_next || text[start..end].starts_with("SWMTKN-") {
            out.push_str(&text[copied..start]);
            out.push_str(REDACTED);
            copied = end;
            secret_value_next = false;
        } else if env_array {
            if let Some(equals) = text[start..end].find('=') {
                out.push_str(&text[copied..start + equals + 1]);
                out.push_str(REDACTED);
                copied = end;
            }
        } else if text[start..end].eq_ignore_ascii_case("env") {
            let colon = skip_space(end + 1);
            if colon < bytes.len() && bytes[colon] == b':' {
                let value = skip_space(colon + 1);
                if value < bytes.len() && bytes[value] == b'[' {
                    env_array = true;
                    i = value + 1;
                    continue;
                }
            }
        } else if SECRET_KEYS.contains(&text[start..end].to_ascii_lowercase().as_str()) {
            let colon = skip_space(end + 1);
            if colon < bytes.len() && bytes[colon] == b':' {
                let value = skip_space(colon + 1);
                if value < bytes.len() && bytes[value] == b'"' {
                    secret_value_next = true;
                    i = value;
                    continue;
                }
            }
        }
        i = end + 1;
    }
    out.push_str(&text[copied.min(text.len())..]);
    out
}

/// A request path as recorded: the values of `buildargs` (a build's `--build-arg`s, JSON in the query) replaced,
/// their names kept. Everything else is left as sent.
pub(crate) fn redact_path(path: &str) -> String {
    let Some((route, query)) = path.split_once('?') else {
        return path.to_owned();
    };
    let parameters: Vec<String> = query
        .split('&')
        .map(|parameter| match parameter.split_once('=') {
            Some(("buildargs", value)) => format!("buildargs={}", redact_build_args(value)),
            _ => parameter.to_owned(),
        })
        .collect();
    format!("{route}?{}", parameters.join("&"))
}

/// `{"TOKEN":"s3cret"}` (percent-encoded) → `{"TOKEN":"<redacted>"}` (percent-encoded); anything unreadable
/// is replaced whole.
fn redact_build_args(encoded: &str) -> String {
    let masked = percent_decode(encoded)
        .and_then(|json| {
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&json).ok()
        })
        .map(|args| {
            let masked: serde_json::Map<String, serde_json::Value> = args
                .into_iter()
                .map(|(name, _)| (name, serde_json::Value::from(REDACTED)))
                .collect();
            serde_json::Value::Object(masked).to_string()
        })
        .unwrap_or_else(|| format!("\"{REDACTED}\""));
    percent_encode(&masked)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_values_and_build_args_keep_their_names_only() {
        let body =
            br#"{"Image":"web","Env":["API_KEY=s3cret","EMPTY=", "NOVALUE"],"Cmd":["echo","A=b"]}"#;
        let redacted = String::from_utf8(redact_body(body)).unwrap();
        assert!(!redacted.contains("s3cret"), "{redacted}");
        assert!(redacted.contains(r#""API_KEY=<redacted>""#), "{redacted}");
        assert!(redacted.contains(r#""NOVALUE""#), "{redacted}");
        assert!(
            redacted.contains(r#"["echo","A=b"]"#),
            "only Env is masked: {redacted}"
        );
        // An inspect answer cut mid-array is still masked up to where it was cut.
        let cut = redact_text(r#"{"Config":{"Env":["TOKEN=abc","PATH=/bin"#);
        assert!(!cut.contains("abc") && !cut.contains("/bin"), "{cut}");

        let path = "/v1.41/build?t=me%2Fapp&buildargs=%7B%22TOKEN%22%3A%22s3cret%22%7D&nocache=1";
        let recorded = redact_path(path);
        assert!(!recorded.contains("s3cret"), "{recorded}");
        assert!(
            recorded.contains("TOKEN") && recorded.ends_with("&nocache=1"),
            "{recorded}"
        );
        assert_eq!(
            redact_path("/v1.41/build?buildargs=%ZZ"),
            "/v1.41/build?buildargs=%22%3Credacted%3E%22"
        );
        assert_eq!(
            redact_path("/v1.41/containers/json"),
            "/v1.41/containers/json"
        );
    }

    #[test]
    fn swarm_join_tokens_are_redacted_under_any_key() {
        let answer =
            r#"{"JoinTokens":{"Worker":"SWMTKN-1-abc-def","Manager":"SWMTKN-1-abc-xyz"},"ID":"x"}"#;
        let shown = redact_text(answer);
        assert!(!shown.contains("SWMTKN"), "{shown}");
        assert!(shown.contains(r#""ID":"x""#));
        let join = r#"{"RemoteAddrs":["10.0.0.1:2377"],"JoinToken":"SWMTKN-1-abc-def"}"#;
        assert_eq!(
            redact_text(join),
            r#"{"RemoteAddrs":["10.0.0.1:2377"],"JoinToken":"<redacted>"}"#
        );
    }

    #[test]
    fn credentials_are_redacted_in_headers_and_json_bodies() {
        assert_eq!(redact_header("X-Registry-Auth", "eyJ1c2VyIjoi"), REDACTED);
        assert_eq!(
            redact_header("content-type", "application/json"),
            "application/json"
        );
        let body = br#"{"username":"u","password":"hunter2","serveraddress":"r:5000","nested":[{"IdentityToken":"t"}]}"#;
        let redacted = String::from_utf8(redact_body(body)).unwrap();
        assert!(
            !redacted.contains("hunter2") && !redacted.contains("\"t\""),
            "{redacted}"
        );
        assert!(redacted.contains("\"username\":\"u\""));
        assert_eq!(redact_body(b"not json"), b"not json");
        // An answer cut short, JSON lines, spaces and escaped quotes.
        let answer = "HTTP/1.1 200 OK\n\n{\"Status\":\"Login Succeeded\",\"IdentityToken\" : \"tok\\\"en-123\"}\n{\"access_token\":\"abc";
        let redacted = redact_text(answer);
        assert!(
            !redacted.contains("123") && !redacted.contains("abc"),
            "{redacted}"
        );
        assert!(
            redacted.contains("Login Succeeded") && redacted.matches(REDACTED).count() == 2,
            "{redacted}"
        );
        assert_eq!(
            redact_text("{\"auth\": 3, \"x\": \"auth\"}"),
            "{\"auth\": 3, \"x\": \"auth\"}"
        );
        // A quote escaped inside an earlier value does not shift what counts as a key.
        let shifted = redact_text(r#"{"note":"a \"b","password":"p4ss"}"#);
        assert!(!shifted.contains("p4ss"), "{shifted}");
    }
}
