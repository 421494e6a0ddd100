//! Secrets never leave: the value of a secret option, a secret environment
//! assignment, a URL's password and `token=` query values are replaced by
//! [`REDACTED`] where a command line is read, so the table, `--wide`, JSON
//! `command`, `--kill` and the advice never see them.
//!
//! A secret is the value of an option whose name, lower-cased with `-_.`
//! removed, ends in `token`, `secret`, `password`, `passwd` or `apikey`
//! (`--opt V`, V even when it starts with a single `-`, and `--opt=V`: debugpy's `--adapter-access-token`, Jupyter's
//! `--ServerApp.token=`); a `NAME=VALUE` whose NAME ends in `_TOKEN`,
//! `_SECRET`, `_PASSWORD`, `_API_KEY` or `_SECRET_KEY` (not `_KEY` alone,
//! so `FLASK_RUN_KEY`, a path, is kept); a URL's password; a `token=` or
//! `access_token=` query value. Words that hold a whole shell script
//! (`sh -c '…'`) are redacted word by word inside.

/// What a secret reads as.
pub(crate) const REDACTED: &str = "<redacted>";

/// Whether an option name (`--adapter-access-token`, `-ServerApp.token`)
/// names a secret.
pub(crate) fn is_secret_option(name: &str) -> bool {
    let norm: String = name
        .trim_start_matches('-')
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .collect();
    ["token", "secret", "password", "passwd", "apikey"].iter().any(|s| norm.ends_with(s))
}

/// Whether an environment variable's name names a secret.
pub(crate) fn is_secret_env(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    ["_TOKEN", "_SECRET", "_PASSWORD", "_API_KEY", "_SECRET_KEY"].iter().any(|s| upper.ends_with(s))
}

/// `argv` with every secret replaced by [`REDACTED`].
pub(crate) fn redact(argv: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(argv.len());
    let mut value_next = false;
    for a in argv {
        if std::mem::take(&mut value_next) && !a.starts_with("--") {
            out.push(REDACTED.to_string());
            continue;
        }
        if a.contains(char::is_whitespace) {
            out.push(redact_script(a));
            continue;
        }
        let (word, takes_value) = redact_word(a);
        value_next = takes_value;
        out.push(word);
    }
    out
}

/// A shell script in one word: its whitespace-separated words redacted as
/// `redact` does, the separators kept.
fn redact_script(script: &str) -> String {
    let mut out = String::with_capacity(script.len());
    let mut value_next = false;
    for piece in script.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        let gap = &piece[word.len()..];
        if word.is_empty() {
            out.push_str(gap);
            continue;
        }
        // Quotes around a word (`'A_TOKEN=x`, `--token 'x'`) stay.
        let quotes = ['\'', '"'];
        let bare = word.trim_start_matches(quotes);
        let open = &word[..word.len() - bare.len()];
        let close = &bare[bare.trim_end_matches(quotes).len()..];
        out.push_str(open);
        if std::mem::take(&mut value_next) && !bare.starts_with("--") {
            out.push_str(REDACTED);
            out.push_str(close);
        } else {
            let (w, takes_value) = redact_word(bare);
            value_next = takes_value;
            out.push_str(&w);
        }
        out.push_str(gap);
    }
    out
}

/// One word redacted, and whether the next word is a secret option's
/// value.
fn redact_word(a: &str) -> (String, bool) {
    if a.starts_with('-') {
        match a.split_once('=') {
            Some((name, _)) if is_secret_option(name) => {
                return (format!("{name}={REDACTED}"), false);
            }
            None if is_secret_option(a) => return (a.to_string(), true),
            _ => {}
        }
    }
    if let Some((name, _)) = a.split_once('=')
        && is_identifier(name)
        && is_secret_env(name)
    {
        return (format!("{name}={REDACTED}"), false);
    }
    (redact_url(a), false)
}

fn is_identifier(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        && b.all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

/// A URL's password (`scheme://user:PASSWORD@host`) and its `token=` and
/// `access_token=` query values, anywhere in `s`.
fn redact_url(s: &str) -> String {
    let mut out = s.to_string();
    let mut from = 0;
    while let Some(at) = out[from..].find("://").map(|i| i + from + 3) {
        let end = out[at..].find(['/', '?', '#', ' ']).map_or(out.len(), |i| i + at);
        if let Some(amp) = out[at..end].rfind('@').map(|i| i + at)
            && let Some(colon) = out[at..amp].find(':').map(|i| i + at)
        {
            out.replace_range(colon + 1..amp, REDACTED);
        }
        from = at.min(out.len());
    }
    for key in ["token=", "access_token="] {
        let mut from = 0;
        while let Some(i) = out[from..].find(key).map(|i| i + from) {
            let start = i + key.len();
            let after_sep = i > 0 && matches!(out.as_bytes()[i - 1], b'?' | b'&' | b';');
            let is_key = after_sep || (i == 0 && key == "access_token=");
            if is_key && !out[start..].starts_with(REDACTED) {
                let end = out[start..].find(['&', '#', ' ', ';']).map_or(out.len(), |e| e + start);
                out.replace_range(start..end, REDACTED);
            }
            from = start.min(out.len());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(words: &[&str]) -> Vec<String> {
        redact(&words.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn secret_options_in_both_forms() {
        let t = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assert_eq!(
            r(&["python", "debugpy", "--connect", "127.0.0.1:4711", "--adapter-access-token", t]),
            [
                "python",
                "debugpy",
                "--connect",
                "127.0.0.1:4711",
                "--adapter-access-token",
                REDACTED
            ]
        );
        assert_eq!(
            r(&["x", "--server-access-token=abc"]),
            ["x", "--server-access-token=<redacted>"]
        );
        assert_eq!(
            r(&["jupyter", "--ServerApp.token=abc"]),
            ["jupyter", "--ServerApp.token=<redacted>"]
        );
        assert_eq!(
            r(&["x", "--db_password", "pw", "--port", "1"]),
            ["x", "--db_password", REDACTED, "--port", "1"]
        );
        assert_eq!(
            r(&["x", "--API-KEY=k", "--passwd", "p"]),
            ["x", "--API-KEY=<redacted>", "--passwd", REDACTED]
        );
        assert_eq!(r(&["x", "--client-secret", "s"]), ["x", "--client-secret", REDACTED]);
        // Paths and other options stay.
        let kept =
            ["gunicorn", "--key", "key.pem", "--keyfile=k.pem", "--cert", "c.pem", "--port", "1"];
        assert_eq!(r(&kept), kept);
        assert_eq!(r(&["x", "--token"]), ["x", "--token"]);
        // A value may start with `-` (Click and most parsers take the next
        // word as the value); a long option after a flag stays.
        assert_eq!(
            r(&["x", "--password", "-pw1", "--port", "1"]),
            ["x", "--password", REDACTED, "--port", "1"]
        );
        assert_eq!(r(&["sh -c 'x --token -t1'"]), ["sh -c 'x --token <redacted>'"]);
        assert_eq!(
            r(&["x", "--no-password", "--port", "1"]),
            ["x", "--no-password", "--port", "1"]
        );
    }

    #[test]
    fn secret_environment_assignments() {
        assert_eq!(r(&["env", "GITHUB_TOKEN=g", "x"]), ["env", "GITHUB_TOKEN=<redacted>", "x"]);
        for name in ["APP_SECRET", "DB_PASSWORD", "OPENAI_API_KEY", "FLASK_SECRET_KEY"] {
            assert_eq!(r(&[&format!("{name}=v")]), [format!("{name}=<redacted>")], "{name}");
        }
        for kept in [
            "FLASK_RUN_KEY=key.pem",
            "PWD=/srv",
            "OLDPWD=/",
            "SSL_KEY=k",
            "TOKEN_FILE=/f",
            "DB_PASSWORD_PATH=/p",
        ] {
            assert_eq!(r(&[kept]), [kept], "{kept}");
        }
    }

    #[test]
    fn urls_and_scripts() {
        assert_eq!(
            r(&["x", "postgres://ana:hunter2@db:5432/app"]),
            ["x", "postgres://ana:<redacted>@db:5432/app"]
        );
        assert_eq!(r(&["x", "https://ana@host/p"]), ["x", "https://ana@host/p"]);
        assert_eq!(
            r(&["x", "--url=http://h/?a=1&token=abc&b=2"]),
            ["x", "--url=http://h/?a=1&token=<redacted>&b=2"]
        );
        assert_eq!(
            r(&["x", "http://h/?access_token=abc"]),
            ["x", "http://h/?access_token=<redacted>"]
        );
        assert_eq!(r(&["x", "http://h/?mytoken=abc"]), ["x", "http://h/?mytoken=abc"]);
        assert_eq!(
            r(&["sh", "-c", "API_TOKEN=t node s.js --password p --port 1"]),
            ["sh", "-c", "API_TOKEN=<redacted> node s.js --password <redacted> --port 1"]
        );
        assert_eq!(
            r(&["sh -c 'A_TOKEN=t x --token \"p\"'"]),
            ["sh -c 'A_TOKEN=<redacted> x --token \"<redacted>\"'"]
        );
    }
}
