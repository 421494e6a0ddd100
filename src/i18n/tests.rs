use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentValue;
use fluent_syntax::ast;

use super::*;

/// Variables as `(name, value)`.
type Vars<'a> = &'a [(&'a str, &'a str)];

fn env(vars: Vars<'_>) -> Env {
    let mut e = Env::default();
    for (name, value) in vars {
        let slot = match *name {
            "PORTCHECK_LANG" => &mut e.portcheck_lang,
            "LC_ALL" => &mut e.lc_all,
            "LC_MESSAGES" => &mut e.lc_messages,
            "LANG" => &mut e.lang,
            "LANGUAGE" => &mut e.language,
            other => panic!("not a variable the choice reads: {other}"),
        };
        *slot = Some(value.to_string());
    }
    e
}

#[test]
fn the_locale_is_chosen_as_gettext_does() {
    use Lang::{En, Ko};
    #[rustfmt::skip]
    let cases: &[(Option<&str>, Vars<'_>, Lang)] = &[
        // The issue's cases.
        (None, &[("LANG", "ko_KR.UTF-8")], Ko),
        (None, &[("LC_ALL", ""), ("LANG", "ko_KR.UTF-8")], Ko),
        (None, &[("LC_ALL", "C"), ("LANGUAGE", "ko")], En),
        (None, &[("LANG", "en_US.UTF-8"), ("LANGUAGE", "ko")], Ko),
        (None, &[("LANGUAGE", "en:ko"), ("LANG", "ko_KR.UTF-8")], En),
        (None, &[("LANG", "ko_KR.eucKR")], En),
        (None, &[("LANG", "xx_YY.UTF-8")], En),
        (None, &[("LANG", "de_DE.UTF-8")], En),
        (Some("ko"), &[("PORTCHECK_LANG", "en"), ("LC_ALL", "C")], Ko),
        (Some("en"), &[("PORTCHECK_LANG", "ko"), ("LANG", "ko_KR.UTF-8")], En),
        (None, &[("PORTCHECK_LANG", "ko"), ("LC_ALL", "C")], Ko),
        (None, &[("PORTCHECK_LANG", "en"), ("LANGUAGE", "ko"), ("LANG", "ko_KR.UTF-8")], En),
        // More of the same rules.
        (Some(""), &[("PORTCHECK_LANG", "ko")], Ko),
        (None, &[("PORTCHECK_LANG", ""), ("LANG", "ko_KR.UTF-8")], Ko),
        (Some("ko-KR"), &[], Ko),
        (Some("fr"), &[("LANG", "ko_KR.UTF-8")], En),
        (None, &[], En),
        (None, &[("LANG", "ko_KR")], Ko),
        (None, &[("LANG", "ko")], Ko),
        (None, &[("LANG", "ko_KR.utf8")], Ko),
        (None, &[("LANG", "ko_KR.UTF-8@euro")], Ko),
        (None, &[("LANG", "C.UTF-8"), ("LANGUAGE", "ko")], En),
        (None, &[("LANG", "POSIX"), ("LANGUAGE", "ko")], En),
        (None, &[("LC_ALL", "ko_KR.UTF-8"), ("LANG", "C")], Ko),
        (None, &[("LC_ALL", "C"), ("LANG", "ko_KR.UTF-8")], En),
        (None, &[("LC_MESSAGES", "ko_KR.UTF-8"), ("LANG", "en_US.UTF-8")], Ko),
        (None, &[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "ko_KR.UTF-8")], En),
        (None, &[("LANGUAGE", "fr:ko_KR:en"), ("LANG", "en_US.UTF-8")], Ko),
        (None, &[("LANGUAGE", "fr"), ("LANG", "ko_KR.UTF-8")], En),
        (None, &[("LANGUAGE", ""), ("LANG", "ko_KR.UTF-8")], Ko),
        (None, &[("LANGUAGE", "ko")], En),
        (None, &[("LANGUAGE", "ko"), ("LANG", "ko_KR.eucKR")], En),
    ];
    for (flag, vars, want) in cases {
        assert_eq!(choose(*flag, &env(vars), None), *want, "--lang {flag:?} {vars:?}");
    }
}

/// Windows and macOS: with no locale variable, the UI language decides.
#[test]
fn the_ui_language_decides_when_no_variable_is_set() {
    use Lang::{En, Ko};
    #[rustfmt::skip]
    let cases: &[(Vars<'_>, Option<&str>, Lang)] = &[
        (&[], Some("ko-KR"), Ko),
        (&[], Some("ko"), Ko),
        (&[], Some("ko_KR"), Ko),
        (&[], Some("en-US"), En),
        (&[], Some("ja-JP"), En),
        (&[], Some(""), En),
        (&[], None, En),
        (&[("LANG", "")], Some("ko-KR"), Ko),
        (&[("LANGUAGE", "en")], Some("ko-KR"), Ko),
        (&[("LANG", "en_US.UTF-8")], Some("ko-KR"), En),
        (&[("LANG", "C")], Some("ko-KR"), En),
        (&[("PORTCHECK_LANG", "en")], Some("ko-KR"), En),
    ];
    for (vars, ui, want) in cases {
        assert_eq!(choose(None, &env(vars), *ui), *want, "{vars:?} ui {ui:?}");
    }
}

#[test]
fn yes_is_y_in_every_language_and_the_hangul_y_key_in_korean() {
    for lang in Lang::ALL {
        for yes in ["y", "Y", "yes", "YES", " y\n"] {
            assert!(is_yes(yes, lang), "{yes:?} in {lang:?}");
        }
        for no in ["", "n", "N", "no", "yy", "예"] {
            assert!(!is_yes(no, lang), "{no:?} in {lang:?}");
        }
    }
    assert!(is_yes("ㅛ", Lang::Ko));
    assert!(is_yes("ㅛㄷㄴ\n", Lang::Ko));
    assert!(!is_yes("ㅛ", Lang::En));
}

#[test]
fn korean_counts_ambiguous_width_characters_as_two_columns() {
    assert_eq!(columns("Port 5000", Lang::En), 9);
    assert_eq!(columns("Port 5000", Lang::Ko), 9);
    assert_eq!(columns("포트 5000", Lang::Ko), 9);
    assert_eq!(columns("포트 5000", Lang::En), 9);
    assert_eq!(columns("…·→—", Lang::En), 4);
    assert_eq!(columns("…·→—", Lang::Ko), 8);
}

#[test]
fn english_is_the_default_and_scoped_languages_stay_on_their_thread() {
    assert_eq!(current(), Lang::En);
    assert_eq!(scoped(Lang::Ko, || (current(), t!("wait-ok"))), (Lang::Ko, "완료:".to_string()));
    assert_eq!(current(), Lang::En);
    assert_eq!(t!("wait-ok"), "OK");
}

#[test]
fn a_missing_variable_falls_back_and_an_unknown_id_prints_itself() {
    assert_eq!(text_in(Lang::Ko, "no-such-message", &[]), "no-such-message");
    // Korean cannot format without $port, and neither can English: the id.
    assert_eq!(text_in(Lang::Ko, "wait-listening", &[("label", "OK".into())]), "wait-listening");
}

/// Each message's variables, from its syntax tree.
fn variables(source: &str) -> BTreeSet<String> {
    fn pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression: e } = el {
                expression(e, out);
            }
        }
    }
    fn expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                variants.iter().for_each(|v| pattern(&v.value, out));
            }
        }
    }
    fn inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression: e } => expression(e, out),
            _ => {}
        }
    }
    let res = fluent_syntax::parser::parse(source).expect("each message parses alone");
    let mut out = BTreeSet::new();
    for entry in &res.body {
        if let ast::Entry::Message(m) = entry {
            m.value.iter().for_each(|p| pattern(p, &mut out));
        }
    }
    out
}

/// Every message in every language: present, the same variables as in
/// English, and formatted (each variable set to 1) without an error and
/// without Fluent's isolation marks.
#[test]
fn every_message_is_in_every_language_with_the_same_variables() {
    let mut count = 0;
    for id in catalog::ids() {
        let english = variables(catalog::source(Lang::En, id).unwrap_or_default());
        for lang in Lang::ALL {
            let source = catalog::source(lang, id).unwrap_or_default();
            assert!(source.starts_with(&format!("{id} =")), "{id} in {lang:?}: {source:?}");
            assert_eq!(variables(source), english, "{id}'s variables in {lang:?}");
            let args: Vec<(&str, FluentValue<'_>)> =
                english.iter().map(|v| (v.as_str(), FluentValue::from(1))).collect();
            let mut fargs = fluent_bundle::FluentArgs::new();
            args.iter().for_each(|(n, v)| fargs.set(*n, v.clone()));
            let text = format(lang, id, &fargs);
            let text = text.unwrap_or_else(|| panic!("{id} does not format in {lang:?}"));
            assert!(!text.contains(['\u{2068}', '\u{2069}']), "{id} in {lang:?}: {text:?}");
            assert!(!text.contains('{') && !text.is_empty(), "{id} in {lang:?}: {text:?}");
            count += 1;
        }
    }
    assert!(count >= 2 * 14, "only {count} messages");
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The ids of every `t!("id"…)` in `source` outside its tests.
fn used_ids(source: &str) -> Vec<String> {
    literals(source).into_iter().filter(|(_, k)| *k == Literal::Id).map(|(id, _)| id).collect()
}

/// The catalog holds what the program says, and only that: every id a
/// `t!` names (outside src/i18n) exists, and every message is used.
#[test]
fn every_message_is_used_and_every_use_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut used = BTreeSet::new();
    for file in files.iter().filter(|f| !f.starts_with(root.join("src/i18n"))) {
        let source = std::fs::read_to_string(file).expect("a source file is readable");
        used.extend(used_ids(&source));
    }
    let known: BTreeSet<String> = catalog::ids().map(String::from).collect();
    let missing: Vec<&String> = used.difference(&known).collect();
    let unused: Vec<&String> = known.difference(&used).collect();
    assert!(missing.is_empty(), "t! ids with no message: {missing:?}");
    assert!(unused.is_empty(), "messages no t! uses: {unused:?}");
}

/// The files whose every sentence goes through the catalog. A file is
/// added here once it is converted (docs/i18n.md, "Issue 22, item by item").
const CONVERTED: &[&str] = &[
    "src/report/text/wait.rs",
    // Reports and --kill (src/report/**, src/kill/**).
    "src/report/text/by_hand.rs",
    "src/report/text/kill.rs",
    "src/report/text/listing.rs",
    "src/report/text/mod.rs",
    "src/report/text/ports.rs",
    "src/report/text/reasons.rs",
    "src/report/text/suggest.rs",
    "src/report/text/table.rs",
    "src/report/life.rs",
    "src/report/mod.rs",
    "src/kill/mod.rs",
    "src/kill/plan.rs",
    "src/kill/policy.rs",
    "src/kill/settle.rs",
    "src/kill/holders/macos.rs",
    "src/kill/holders/windows.rs",
    "src/kill/sys/linux.rs",
    "src/kill/sys/unix.rs",
    "src/kill/sys/windows.rs",
    // Sockets, ports, probes and scans (issue 22, k4).
    "src/inspect/mod.rs",
    "src/inspect/enrich.rs",
    "src/inspect/look.rs",
    "src/inspect/beside.rs",
    "src/port/mod.rs",
    "src/port/linux.rs",
    "src/port/windows.rs",
    "src/scan/orphans.rs",
    "src/scan/linux/mod.rs",
    "src/probe.rs",
    "src/probe/unix.rs",
    "src/probe/windows.rs",
    "src/host/unix.rs",
    "src/host/windows.rs",
    "src/wait.rs",
    "src/hint.rs",
    "src/remedy.rs",
    "src/remedy/in_words.rs",
    "src/remedy/node.rs",
    "src/remedy/python.rs",
    "src/advice.rs",
    "src/project.rs",
    "src/suggest.rs",
    "src/started/python.rs",
    "src/cli.rs",
    "src/cli/args.rs",
    "src/cli/clap_says.rs",
    "src/cli/exit_status.rs",
    "src/cli/help.rs",
    "src/cli/reshape.rs",
    "src/cli/target.rs",
    "src/cli/value.rs",
];

/// Converted files that say no sentence of their own (they pass on
/// messages made elsewhere): scanned as `CONVERTED`, but no `t!` is
/// expected.
const NO_SENTENCES: &[&str] = &[
    "src/cli/unix.rs",
    "src/cli/windows.rs",
    "src/app.rs",
    "src/error.rs",
    "src/exit.rs",
    "src/main.rs",
];

/// What a string literal of the source is to the scan.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Literal {
    /// The id of a `t!` or `msg!`.
    Id,
    /// A word compared against, never printed: a match pattern (`"run" =>`,
    /// `"a" | "b"`), a side of `==` / `!=`, or what a `starts_with`-like
    /// method looks for.
    Compared,
    /// One word (no white space) in an array literal: an argv word of a
    /// command (`["systemctl", "stop", unit]`) or a list of names; a
    /// sentence has spaces and is scanned.
    Word,
    /// Anything else: scanned word by word.
    Text,
}

/// The methods whose string argument is a pattern looked for in a text.
const LOOKS_FOR: &[&str] = &[
    "starts_with(",
    "ends_with(",
    "strip_prefix(",
    "strip_suffix(",
    "eq_ignore_ascii_case(",
    "contains(",
];

/// What the literal between `before` and `after` (the source either side
/// of it) is, given whether it sits directly in an array literal.
fn kind_of(text: &str, before: &str, after: &str, in_array: bool) -> Literal {
    let before = before.trim_end();
    let after = after.trim_start();
    let is_id = ["t!(", "msg!("].iter().any(|m| {
        before
            .strip_suffix(m)
            .is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric() || c == '_'))
    });
    let pattern = |s: &str| s.starts_with('|') && !s.starts_with("||");
    let closed = after.trim_start_matches([')', ' ']);
    let compared = closed.starts_with("=>")
        || pattern(after)
        || after.starts_with("==")
        || after.starts_with("!=")
        || (before.ends_with('|') && !before.ends_with("||"))
        || before.ends_with("==")
        || before.ends_with("!=")
        || LOOKS_FOR.iter().any(|m| before.strip_suffix('&').unwrap_or(before).ends_with(m));
    if is_id {
        Literal::Id
    } else if compared {
        Literal::Compared
    } else if in_array && !text.contains(char::is_whitespace) {
        Literal::Word
    } else {
        Literal::Text
    }
}

/// The string literals of `source` up to its tests, each with what it is
/// ([`Literal`]). Knows comments, char literals and raw strings; skips
/// `#[serde(…)]` and `#[cfg(…)]` attributes.
fn literals(source: &str) -> Vec<(String, Literal)> {
    let source = source.split("#[cfg(test)]").next().unwrap_or(source);
    let b = source.as_bytes();
    let mut out = Vec::new();
    // The brackets open at `i`: a literal right inside `[` is in an array.
    let mut open: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |e| e + 2);
        } else if rest.starts_with("#[serde(") || rest.starts_with("#[cfg(") {
            // serde's attribute strings are paths and case names, cfg's
            // are target names: code.
            i += rest.find(")]").map_or(rest.len(), |e| e + 2);
        } else if rest.starts_with("r\"") || rest.starts_with("r#") {
            let hashes = rest[1..].chars().take_while(|&c| c == '#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let body = &rest[2 + hashes..];
            let end = body.find(&close).unwrap_or(body.len());
            out.push((body[..end].to_string(), Literal::Text));
            i += 2 + hashes + end + close.len();
        } else if let Some(body) = rest.strip_prefix('"') {
            let mut text = String::new();
            let mut chars = body.char_indices();
            let mut end = rest.len();
            while let Some((at, c)) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        // `\n`, `\t`, `\r`, `\0`: white space, not a letter.
                        Some((_, 'n' | 't' | 'r' | '0')) => text.push(' '),
                        Some((_, c)) => text.push(c),
                        None => {}
                    },
                    '"' => {
                        end = at + 2;
                        break;
                    }
                    c => text.push(c),
                }
            }
            let in_array = open.last() == Some(&b'[');
            let kind = kind_of(&text, &source[..i], &source[i + end..], in_array);
            out.push((text, kind));
            i += end;
        } else if rest.starts_with('\'') && rest[1..].chars().nth(1) == Some('\'') {
            i += 1 + rest[1..].chars().next().map_or(0, char::len_utf8) + 1;
        } else if rest.starts_with("'\\") {
            i += rest[1..].find('\'').map_or(rest.len(), |e| e + 2);
        } else {
            match b[i] {
                b'(' | b'[' | b'{' => open.push(b[i]),
                b')' | b']' | b'}' => {
                    open.pop();
                }
                _ => {}
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The words of a literal a reader would read: letters outside `{…}`
/// format arguments.
fn words(literal: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0_usize;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(String::from)
        .collect()
}

/// `allowed.txt`: the words a converted file may print without the
/// catalog (command words, flags, protocol words), one per line.
fn allowed() -> BTreeSet<String> {
    include_str!("allowed.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn the_scanner_finds_literals_and_their_words() {
    let src = "let a = \"Port {port} is free.\\n\"; // \"not this\"\n\
               #[serde(rename_all = \"snake_case\")]\n\
               let b = t!(\"wait-ok\"); let m = msg!(\"wait-free\", port = 1); format!(\"{x}\"); let c = '\"'; let d = r#\"raw \"x\"\"#; let e = '\\'';\n\
               /* \"nor this\" */ let f = \"pid \";\n#[cfg(test)]\nmod tests { \"ignored\" }";
    let found = literals(src);
    let want: Vec<(String, Literal)> = vec![
        ("Port {port} is free. ".into(), Literal::Text),
        ("wait-ok".into(), Literal::Id),
        ("wait-free".into(), Literal::Id),
        ("{x}".into(), Literal::Text),
        ("raw \"x\"".into(), Literal::Text),
        ("pid ".into(), Literal::Text),
    ];
    assert_eq!(found, want);
    // Compared against or an argv word: not scanned. A sentence is, even
    // in an array or beside a comparison's words.
    let src = "#[cfg(target_os = \"linux\")] match a { \"run\" | \"serve\" => 1, Some(\"Kill\") => 2 }\n\
               if b == \"stop\" || \"list\" != c || d.starts_with(&\"kill\") {}\n\
               let e = [\"systemctl\", \"stop\", &unit]; let f = vec![\"Port is busy\", \"free\"];\n\
               let g = (\"name\", 1); h(\"done\"); let i = Some(\"x\") || j;";
    let want: Vec<(String, Literal)> = vec![
        ("run".into(), Literal::Compared),
        ("serve".into(), Literal::Compared),
        ("Kill".into(), Literal::Compared),
        ("stop".into(), Literal::Compared),
        ("list".into(), Literal::Compared),
        ("kill".into(), Literal::Compared),
        ("systemctl".into(), Literal::Word),
        ("stop".into(), Literal::Word),
        ("Port is busy".into(), Literal::Text),
        ("free".into(), Literal::Word),
        ("name".into(), Literal::Text),
        ("done".into(), Literal::Text),
        ("x".into(), Literal::Text),
    ];
    assert_eq!(literals(src), want);
    assert_eq!(words("{secs:.2}"), Vec::<String>::new());
    assert_eq!(words("Port {} is free."), ["Port", "is", "free"]);
    assert_eq!(words(", "), Vec::<String>::new());
}

/// No sentence in a converted file bypasses the catalog: every string
/// literal but a `t!` id, a word compared against or an argv word
/// ([`Literal`]) has only allowed words.
#[test]
fn converted_files_print_no_words_of_their_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let allowed = allowed();
    for file in CONVERTED.iter().chain(NO_SENTENCES) {
        let source = std::fs::read_to_string(root.join(file)).expect("a converted file exists");
        let mut ids = 0;
        for (literal, kind) in literals(&source) {
            match kind {
                Literal::Id => ids += 1,
                Literal::Compared | Literal::Word => {}
                Literal::Text => {
                    let stray: Vec<String> =
                        words(&literal).into_iter().filter(|w| !allowed.contains(w)).collect();
                    assert!(
                        stray.is_empty(),
                        "{file}: {literal:?} prints {stray:?} past the catalog"
                    );
                }
            }
        }
        assert!(ids > 0 || NO_SENTENCES.contains(file), "{file} uses no t!");
    }
}

/// A message kept in a report: text in the reader's language, JSON in
/// English, a message among its arguments in the same language as it.
#[test]
fn a_kept_message_is_said_in_the_readers_language_and_serialized_in_english() {
    let reason = msg!("refused-access-denied");
    let m = msg!("wait-refused", label = "X", port = 5000_u16, reason = reason);
    let english = "X Port 5000 cannot be bound: access denied, though nothing is bound there \
                   (security software or a policy); waiting does not change that.";
    assert_eq!(m.to_string(), english);
    assert_eq!(serde_json::to_string(&m).ok(), serde_json::to_string(english).ok());
    let korean = scoped(Lang::Ko, || (m.to_string(), serde_json::to_string(&m).ok()));
    assert_ne!(korean.0, english);
    assert!(korean.0.contains("5000") && korean.0.contains(&t_in_ko("refused-access-denied")));
    assert_eq!(korean.1, serde_json::to_string(english).ok());
    assert_eq!(m.id(), "wait-refused");
    assert_eq!(
        msg!("wait-time-wait", label = "X", port = 1_u16, count = 2_usize).english(),
        "X Port 1 still has 2 connections in TIME_WAIT."
    );
}

fn t_in_ko(id: &str) -> String {
    text_in(Lang::Ko, id, &[])
}
