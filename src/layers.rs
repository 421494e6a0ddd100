//! A test that keeps the module graph one-way: no import cycle between
//! the top-level modules of `src/`, nor between sibling modules of one
//! directory, counting every `crate::` and `super::` path in the source
//! (not only `use` lines). A module's own children and its parent do not
//! count (`mod.rs` declares them; they read its types).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path of each source file: `kill/plan.rs` → `["kill", "plan"]`.
fn modules(root: &Path) -> BTreeMap<Vec<String>, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Vec<String> =
                rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|l| l == "mod" || l == "main") {
                parts.pop();
            }
            out.insert(parts, std::fs::read_to_string(&path).unwrap());
        }
    }
    out
}

/// The paths a source text names: `crate::a::b` → `["a", "b"]`, and
/// `super::x` resolved against `here` (the `super` of `kill/plan.rs` and
/// of `kill/mod.rs` alike is one step up from their module path).
fn paths(here: &[String], text: &str) -> Vec<Vec<String>> {
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("").as_bytes();
        let mut i = 0;
        while i < code.len() {
            let boundary = i == 0 || !(ident(code[i - 1]) || code[i - 1] == b':');
            let (mut path, mut j) = if code[i..].starts_with(b"crate::") {
                (Vec::new(), i + 7)
            } else if code[i..].starts_with(b"super::") {
                let mut base = here.to_vec();
                let mut j = i;
                while code[j..].starts_with(b"super::") {
                    base.pop();
                    j += 7;
                }
                (base, j)
            } else {
                i += 1;
                continue;
            };
            loop {
                let start = j;
                while j < code.len() && ident(code[j]) {
                    j += 1;
                }
                if j == start {
                    break;
                }
                path.push(String::from_utf8_lossy(&code[start..j]).into_owned());
                if !code[j..].starts_with(b"::") {
                    break;
                }
                j += 2;
            }
            if boundary {
                out.push(path);
            }
            i = j.max(i + 1);
        }
    }
    out
}

/// The longest prefix of `path` that is a module.
fn resolve(mods: &BTreeMap<Vec<String>, String>, path: &[String]) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| mods.contains_key(p))
        .unwrap_or_default()
}

fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == n) {
            let mut c = stack[at..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mods = modules(&root);
    // Edges between top-level modules, and between siblings of a directory.
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut siblings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (here, text) in &mods {
        for p in paths(here, text) {
            let to = resolve(&mods, &p);
            if let (Some(a), Some(b)) = (here.first(), to.first())
                && a != b
            {
                top.entry(a.clone()).or_default().insert(b.clone());
            }
            if here.len() >= 2
                && to.len() == here.len()
                && to[..to.len() - 1] == here[..here.len() - 1]
                && to != *here
            {
                siblings.entry(here.join("::")).or_default().insert(to.join("::"));
            }
        }
    }
    assert!(top.contains_key("app"), "the scan found no edges: {top:?}");
    assert_eq!(cycle(&top), None, "an import cycle between top-level modules");
    assert_eq!(cycle(&siblings), None, "an import cycle between sibling modules");
}

#[test]
fn finds_a_cycle_when_there_is_one() {
    let mut e: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    e.entry("a".into()).or_default().insert("b".into());
    e.entry("b".into()).or_default().insert("a".into());
    assert!(cycle(&e).is_some());
    let here = vec!["kill".to_string(), "plan".to_string()];
    let found =
        paths(&here, "let x = crate::report::Action; super::policy::decide(); // crate::nope");
    assert_eq!(
        found,
        vec![
            vec!["report".to_string(), "Action".into()],
            vec!["kill".into(), "policy".into(), "decide".into()]
        ]
    );
}

/// Lines a source file of `src/` may have, counted outside its test-only
/// inline modules (`#[cfg(test)] mod tests { … }`): a longer one has more
/// than one job and is split into submodules.
const MAX_LINES: usize = 500;

/// Lines a file of tests may have: a test module in its own right
/// (`tests.rs`, `*_tests.rs`, any `mod NAME;` declared under a `cfg` that
/// needs `test`) and every file under `tests/`.
const MAX_TEST_LINES: usize = 800;

/// `text` with every comment, string, raw string and character literal
/// blanked to spaces (newlines kept, so lines stay where they were):
/// braces, attributes and keywords are then matched in code only. A
/// lifetime or label (`'a`) is code.
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = c.clone();
    let mut i = 0;
    while i < c.len() {
        let literal_end = match (c[i], c.get(i + 1)) {
            ('/', Some('/')) => {
                Some(c[i..].iter().position(|&x| x == '\n').map_or(c.len(), |n| i + n))
            }
            ('/', Some('*')) => Some(block_comment_end(&c, i)),
            ('"', _) => Some(quoted_end(&c, i)),
            ('\'', _) => char_literal_end(&c, i),
            ('r', _) => raw_string_end(&c, i),
            _ => None,
        };
        let Some(end) = literal_end else {
            i += 1;
            continue;
        };
        for x in &mut out[i..end] {
            if *x != '\n' {
                *x = ' ';
            }
        }
        i = end;
    }
    out.into_iter().collect()
}

fn is_ident(x: char) -> bool {
    x.is_alphanumeric() || x == '_'
}

/// The end (exclusive) of the `/* … */` comment at `i`; they nest.
fn block_comment_end(c: &[char], i: usize) -> usize {
    let (mut depth, mut j) = (0usize, i);
    while j + 1 < c.len() {
        match (c[j], c[j + 1]) {
            ('/', '*') => (depth, j) = (depth + 1, j + 2),
            ('*', '/') => {
                depth -= 1;
                j += 2;
                if depth == 0 {
                    return j;
                }
            }
            _ => j += 1,
        }
    }
    c.len()
}

/// The end (exclusive) of the `"…"` string at `i` (`\` escapes one char).
fn quoted_end(c: &[char], i: usize) -> usize {
    let mut j = i + 1;
    while j < c.len() {
        match c[j] {
            '\\' => j += 2,
            '"' => return j + 1,
            _ => j += 1,
        }
    }
    c.len()
}

/// The end (exclusive) of the character literal at `i` (`'x'`, `'\''`,
/// `'\u{7d}'`), or `None` when the quote starts a lifetime or a label.
fn char_literal_end(c: &[char], i: usize) -> Option<usize> {
    match c.get(i + 1)? {
        '\\' => {
            let close = c.iter().skip(i + 3).take(10).position(|&x| x == '\'')?;
            Some(i + 3 + close + 1)
        }
        '\'' | '\n' => None,
        _ => (c.get(i + 2) == Some(&'\'')).then_some(i + 3),
    }
}

/// The end (exclusive) of the raw string whose `r` is at `i` (`r"…"`,
/// `r#"…"#`, `br##"…"##`, `cr"…"`), or `None`: an `r` inside a word, or
/// a raw identifier (`r#type`).
fn raw_string_end(c: &[char], i: usize) -> Option<usize> {
    let starts_word = |k: usize| k == 0 || !is_ident(c[k - 1]);
    let prefixed = i >= 1 && matches!(c[i - 1], 'b' | 'c') && starts_word(i - 1);
    if !(starts_word(i) || prefixed) {
        return None;
    }
    let hashes = c[i + 1..].iter().take_while(|&&x| x == '#').count();
    let open = i + 1 + hashes;
    if c.get(open) != Some(&'"') {
        return None;
    }
    let mut j = open + 1;
    while j < c.len() {
        if c[j] == '"' && c[j + 1..].iter().take(hashes).filter(|&&x| x == '#').count() == hashes {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    Some(c.len())
}

/// The index (exclusive) of the bracket that closes the one at `open`
/// (`[`/`]`, `{`/`}`, `(`/`)`), in code already blanked by [`code_only`].
fn closing(c: &[char], open: usize) -> Option<usize> {
    let (o, cl) = (
        c[open],
        match c[open] {
            '[' => ']',
            '{' => '}',
            _ => ')',
        },
    );
    let mut depth = 0usize;
    for (j, &x) in c.iter().enumerate().skip(open) {
        if x == o {
            depth += 1;
        } else if x == cl {
            depth -= 1;
            if depth == 0 {
                return Some(j + 1);
            }
        }
    }
    None
}

/// Whether a `cfg` predicate (whitespace removed) holds only under
/// `test`: `test`, or `all(…)` with such a predicate among its own.
fn needs_test(p: &str) -> bool {
    if p == "test" {
        return true;
    }
    let Some(inner) = p.strip_prefix("all(").and_then(|r| r.strip_suffix(')')) else {
        return false;
    };
    let (mut depth, mut from, mut parts) = (0i32, 0, Vec::new());
    for (j, ch) in inner.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[from..j]);
                from = j + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    parts.into_iter().any(needs_test)
}

/// A file's test-only modules: the line ranges (0-based, inclusive) of
/// each inline `mod NAME { … }` under a `cfg` that needs `test`, and the
/// names of each such `mod NAME;` (a file of its own).
#[derive(Debug, Default, PartialEq)]
struct TestModules {
    blocks: Vec<(usize, usize)>,
    files: Vec<String>,
}

fn test_modules(text: &str) -> TestModules {
    let c: Vec<char> = code_only(text).chars().collect();
    let line = |k: usize| c[..k].iter().filter(|&&x| x == '\n').count();
    let mut found = TestModules::default();
    for at in (0..c.len().saturating_sub(1)).filter(|&k| c[k] == '#' && c[k + 1] == '[') {
        let Some(end) = closing(&c, at + 1) else { continue };
        let attr: String = c[at + 2..end - 1].iter().filter(|x| !x.is_whitespace()).collect();
        let cfg = attr.strip_prefix("cfg(").and_then(|r| r.strip_suffix(')'));
        if !cfg.is_some_and(needs_test) {
            continue;
        }
        let Some((name, k)) = module_after(&c, end) else { continue };
        match c.get(k) {
            Some('{') => {
                if let Some(close) = closing(&c, k) {
                    found.blocks.push((line(at), line(close - 1)));
                }
            }
            Some(';') => found.files.push(name),
            _ => {}
        }
    }
    found
}

/// After an attribute ending at `k`: further attributes and a `pub(…)`
/// skipped, `mod NAME` → its name and the index of what follows it.
fn module_after(c: &[char], mut k: usize) -> Option<(String, usize)> {
    let skip_space = |k: &mut usize| {
        while c.get(*k).is_some_and(|x| x.is_whitespace()) {
            *k += 1;
        }
    };
    let word = |k: &mut usize| {
        let from = *k;
        while c.get(*k).is_some_and(|&x| is_ident(x)) {
            *k += 1;
        }
        c[from..*k].iter().collect::<String>()
    };
    loop {
        skip_space(&mut k);
        if c.get(k) == Some(&'#') && c.get(k + 1) == Some(&'[') {
            k = closing(c, k + 1)?;
            continue;
        }
        let w = word(&mut k);
        skip_space(&mut k);
        match w.as_str() {
            "pub" if c.get(k) == Some(&'(') => k = closing(c, k)?,
            "pub" => {}
            "mod" => {
                let name = word(&mut k);
                skip_space(&mut k);
                return (!name.is_empty()).then_some((name, k));
            }
            _ => return None,
        }
    }
}

/// The lines of `text` outside its test-only inline modules.
fn counted_lines(text: &str) -> usize {
    let total = text.lines().count();
    let mut test = vec![false; total];
    for (from, to) in test_modules(text).blocks {
        for t in test.iter_mut().take(to + 1).skip(from) {
            *t = true;
        }
    }
    test.iter().filter(|&&t| !t).count()
}

/// The lines (1-based) where the keyword `unsafe` is code.
fn unsafe_lines(text: &str) -> Vec<usize> {
    let code = code_only(text);
    let mut out = Vec::new();
    for (n, l) in code.lines().enumerate() {
        let found = l.match_indices("unsafe").any(|(at, _)| {
            let before = l[..at].chars().next_back().is_none_or(|x| !is_ident(x));
            let after = l[at + 6..].chars().next().is_none_or(|x| !is_ident(x));
            before && after
        });
        if found {
            out.push(n + 1);
        }
    }
    out
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The files of `src/` (paths relative to the crate, `/`-separated) and
/// their text.
fn sources() -> Vec<(String, String)> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    rust_files(&crate_dir.join("src"))
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(crate_dir).unwrap();
            let rel: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            (rel.join("/"), std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The files of `src/` that are test modules of their own: declared by a
/// `mod NAME;` under a `cfg` that needs `test` (`remedy.rs`'s `tests` is
/// `remedy/tests.rs` or `remedy/tests/mod.rs`), and everything below them.
fn test_files(files: &[(String, String)]) -> BTreeSet<String> {
    let mut roots = Vec::new();
    for (path, text) in files {
        let stem = path.trim_end_matches(".rs");
        let dir = match stem.rsplit_once('/') {
            Some((d, "mod" | "main" | "lib")) => d.to_string(),
            _ => stem.to_string(),
        };
        roots.extend(test_modules(text).files.into_iter().map(|n| format!("{dir}/{n}")));
    }
    files
        .iter()
        .map(|(p, _)| p)
        .filter(|p| {
            roots.iter().any(|r| **p == format!("{r}.rs") || p.starts_with(&format!("{r}/")))
        })
        .cloned()
        .collect()
}

/// No source file is over 500 lines outside its inline test modules, and
/// no test module file over 800, but for the files being split now.
#[test]
fn no_source_file_is_over_500_lines() {
    let files = sources();
    let tests = test_files(&files);
    assert!(tests.contains("src/remedy/tests.rs"), "no test module file found: {tests:?}");
    let mut over = Vec::new();
    for (path, text) in &files {
        let (lines, limit) = if tests.contains(path) {
            (text.lines().count(), MAX_TEST_LINES)
        } else {
            (counted_lines(text), MAX_LINES)
        };
        if lines > limit {
            over.push(format!("{path}: {lines} lines (at most {limit})"));
        }
    }
    assert!(files.len() > 50, "found only {} source files", files.len());
    assert!(over.is_empty(), "split these by job:\n{}", over.join("\n"));
}

/// `unsafe` is written only in the Win32 module (`src/win32.rs` and
/// `src/win32/`), where each use has its SAFETY comment.
#[test]
fn unsafe_is_only_in_win32() {
    let win32 = |path: &str| path == "src/win32.rs" || path.starts_with("src/win32/");
    let files = sources();
    let mut found = Vec::new();
    for (path, text) in files.iter().filter(|(p, _)| !win32(p)) {
        found.extend(unsafe_lines(text).into_iter().map(|n| format!("{path}:{n}")));
    }
    let seen = files.iter().filter(|(p, t)| win32(p) && !unsafe_lines(t).is_empty()).count();
    assert!(seen >= 5, "unsafe found in only {seen} files of src/win32");
    assert!(found.is_empty(), "unsafe outside src/win32: {found:?}");
}

/// The counter reads code only: braces in strings, raw strings, comments
/// and character literals do not open or close a block, and a lifetime
/// does not start a character literal.
#[test]
fn the_line_counter_matches_braces_in_code_only() {
    let text = [
        r#"fn a<'a>(s: &'a str) -> &'a str { s }"#,
        "#[cfg(test)]",
        "/// A doc comment with a brace: }",
        "#[allow(dead_code)]",
        "mod tests {",
        r#"    const S: &str = "}\"}";"#,
        r##"    const R: &str = r#"{ "}" \"#; const B: &[u8] = br"\";"##,
        "    fn c() -> [char; 4] { ['}', '\\'', '\\u{7d}', b'{' as char] }",
        "    /* } /* nested } */ } */ // }",
        "    fn l<'b>(x: &'b u8) -> &'b u8 { 'outer: loop { break 'outer x; } }",
        "}",
        "fn after() { let r#type = 1; let _ = r#type; }",
        "#[cfg(not(test))]",
        "mod live { }",
        "#[cfg(all(test, windows))]",
        "pub(crate) mod cmd_tests;",
    ]
    .join("\n");
    let found = test_modules(&text);
    assert_eq!(found.blocks, vec![(1, 10)]);
    assert_eq!(found.files, vec!["cmd_tests".to_string()]);
    assert_eq!(counted_lines(&text), 6);
    let code = code_only(&text);
    assert_eq!(code.lines().count(), text.lines().count());
    assert_eq!(code.matches('{').count(), code.matches('}').count(), "{code}");
    assert!(code.contains("'a>(s: &'a str)") && code.contains("'outer: loop"), "{code}");
    assert!(!code.contains("nested") && !code.contains("doc comment"), "{code}");
}

#[test]
fn unsafe_is_found_as_a_keyword_in_code_only() {
    let text = "#![allow(unsafe_code)]\n// unsafe\nlet s = \"unsafe\"; let r = r#\"unsafe\"#;\n/* unsafe */ let c = 'u';\nfn f() { unsafe { g() } }\n";
    assert_eq!(unsafe_lines(text), vec![5]);
    assert!(needs_test("all(windows,test)") && needs_test("all(all(test),unix)"));
    assert!(!needs_test("not(test)") && !needs_test("any(test,windows)"));
}

/// No test file is over 800 lines: tests are split by capability
/// (`tests/cli/*.rs`), not piled into one file.
#[test]
fn no_test_file_is_over_800_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut stack = vec![root];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let lines = std::fs::read_to_string(&path).unwrap().lines().count();
                assert!(lines <= 800, "{} has {lines} lines", path.display());
                seen += 1;
            }
        }
    }
    assert!(seen >= 5, "found only {seen} test files");
}

/// The string literals of a source text, outside comments: (line, text as
/// written). Raw strings, byte and C strings count; a char literal or a
/// lifetime is skipped.
fn literals(text: &str) -> Vec<(usize, String)> {
    let b = text.as_bytes();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    while i < b.len() {
        let next = b.get(i + 1).copied();
        match b[i] {
            b'\n' => line += 1,
            b'/' if next == Some(b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if next == Some(b'*') => {
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    line += usize::from(b[i] == b'\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            b'\'' if next == Some(b'\\') => {
                i += 2;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2,
            b'r' if (i == 0 || !ident(b[i - 1])) && matches!(next, Some(b'#' | b'"')) => {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) == Some(&b'"') {
                    let start = i + 2 + hashes;
                    let close = format!("\"{}", "#".repeat(hashes));
                    let end = text[start..].find(&close).map_or(b.len(), |e| start + e);
                    out.push((line, text[start..end].to_string()));
                    line += text[start..end].matches('\n').count();
                    i = end + close.len();
                    continue;
                }
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    line += usize::from(b[i] == b'\n');
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                out.push((line, text[start..i.min(b.len())].to_string()));
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Where Linux's `/proc` may be named: the Linux modules (`*/linux.rs`,
/// `*/linux/*`) and `host/wsl.rs`.
fn may_read_proc(rel: &str) -> bool {
    format!("/{rel}").contains("/linux") || rel == "host/wsl.rs"
}

/// Shared code reads no Linux path: a string literal that starts with
/// `/proc` (a path, not a sentence that mentions one) appears only in the
/// Linux modules and in `host/wsl.rs`.
#[test]
fn no_proc_path_outside_the_linux_modules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let needle = ["/", "proc"].concat();
    let mut found = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for path in std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            if !rel.ends_with(".rs") || may_read_proc(&rel) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (line, lit) in literals(&text) {
                if lit == needle || lit.starts_with(&format!("{needle}/")) {
                    found.push(format!("src/{rel}:{line}: \"{lit}\""));
                }
            }
        }
    }
    found.sort();
    assert!(found.is_empty(), "Linux paths outside the Linux modules:\n{}", found.join("\n"));
}

#[test]
fn finds_a_proc_path_in_code_only() {
    // PROC stands for the path, which this file may not write itself.
    let code = concat!(
        "// read PROC/self/status\n",
        "let msg = \"portcheck reads PROC/net\";\n",
        "let c = '\"'; let s = std::fs::read(\"PROC/self/stat\");\n",
        "let r = r#\"PROC/1\"#; let l: &'static str = c\"PROC\";\n",
    )
    .replace("PROC", &["/", "proc"].concat());
    let needle = ["/", "proc"].concat();
    let lits: Vec<(usize, String)> = literals(&code);
    let paths: Vec<String> =
        lits.iter().filter(|l| l.1.starts_with('/')).map(|(n, l)| format!("{n} {l}")).collect();
    assert_eq!(paths.join(", ").replace(&needle, "P"), "3 P/self/stat, 4 P/1, 4 P");
    assert!(may_read_proc("scan/linux/owners.rs") && may_read_proc("process/linux.rs"));
    assert!(may_read_proc("host/wsl.rs") && !may_read_proc("process/mod.rs"));
}
