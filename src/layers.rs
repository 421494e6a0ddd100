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
