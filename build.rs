//! Validates the message catalogs (`src/i18n/locales/*.ftl`) and embeds
//! them: one source string per (message id, language), written as a Rust
//! table into `OUT_DIR` for `src/i18n/catalog.rs` to `include!`. No `.ftl`
//! file is read at run time.
//!
//! The build fails on a parse error, a duplicate id, an id missing in a
//! language, a message whose variables (`{ $port }`) differ between
//! languages, a term or message reference (each message is parsed alone,
//! on first use), an attribute, or a file for a language `LANGS` does not
//! list.

// `cargo::` lines on stdout are a build script's protocol with Cargo.
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

/// The languages, in the order of `Lang` in `src/i18n/mod.rs` (the
/// table's columns). English first: it is the source and the fallback.
const LANGS: [&str; 2] = ["en", "ko"];

/// One language's messages: id → (source text of the message, its variables).
type Messages = BTreeMap<String, (String, BTreeSet<String>)>;

fn main() {
    let dir = Path::new("src/i18n/locales");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut errors = Vec::new();
    let langs: Vec<Messages> = LANGS
        .iter()
        .map(|lang| {
            let path = dir.join(format!("{lang}.ftl"));
            match std::fs::read_to_string(&path) {
                Ok(text) => messages(lang, &text, &mut errors),
                Err(e) => {
                    errors.push(format!("{}: {e}", path.display()));
                    Messages::new()
                }
            }
        })
        .collect();
    unlisted_files(dir, &mut errors);
    compare(&langs, &mut errors);
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo::error={e}");
        }
        return;
    }
    let out = std::env::var("OUT_DIR").map(|d| Path::new(&d).join("catalog.rs"));
    let written = out
        .map_err(|e| e.to_string())
        .and_then(|path| std::fs::write(path, table(&langs)).map_err(|e| e.to_string()));
    if let Err(e) = written {
        println!("cargo::error=writing the catalog table: {e}");
    }
}

/// A `.ftl` file for a language `LANGS` does not list.
fn unlisted_files(dir: &Path, errors: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(lang) = name.strip_suffix(".ftl") else { continue };
        if !LANGS.contains(&lang) {
            errors.push(format!("{name}: no such language in build.rs's LANGS (and Lang)"));
        }
    }
}

/// Every id in every language, with the same variables.
fn compare(langs: &[Messages], errors: &mut Vec<String>) {
    let all: BTreeSet<&String> = langs.iter().flat_map(|m| m.keys()).collect();
    for id in all {
        let found: Vec<Option<&BTreeSet<String>>> =
            langs.iter().map(|m| m.get(id).map(|(_, vars)| vars)).collect();
        for (lang, vars) in LANGS.iter().zip(&found) {
            if vars.is_none() {
                errors.push(format!("{lang}.ftl: `{id}` is missing"));
            }
        }
        let sets: BTreeSet<&BTreeSet<String>> = found.into_iter().flatten().collect();
        if sets.len() > 1 {
            errors.push(format!("`{id}`: its variables differ between languages: {sets:?}"));
        }
    }
}

/// Cuts `text` into its messages (a message runs from its `id =` line to
/// the next line that starts in column 0 with anything but a blank) and
/// parses each alone, as the program will.
fn messages(lang: &str, text: &str, errors: &mut Vec<String>) -> Messages {
    if let Err((_, errs)) = fluent_syntax::parser::parse(text) {
        for e in errs {
            errors.push(format!("{lang}.ftl: parse error {:?} at bytes {:?}", e.kind, e.pos));
        }
        return Messages::new();
    }
    let mut out = Messages::new();
    for chunk in chunks(text) {
        let Ok(res) = fluent_syntax::parser::parse(chunk.as_str()) else {
            errors.push(format!("{lang}.ftl: does not parse alone: {chunk}"));
            continue;
        };
        for entry in &res.body {
            match entry {
                ast::Entry::Message(m) => {
                    let id = m.id.name.to_string();
                    let mut vars = BTreeSet::new();
                    if !m.attributes.is_empty() {
                        errors.push(format!("{lang}.ftl: `{id}` has attributes (not supported)"));
                    }
                    match &m.value {
                        Some(p) => pattern_vars(p, &mut vars, &mut |what| {
                            errors.push(format!("{lang}.ftl: `{id}` uses {what} (not supported)"));
                        }),
                        None => errors.push(format!("{lang}.ftl: `{id}` has no value")),
                    }
                    if out.insert(id.clone(), (chunk.clone(), vars)).is_some() {
                        errors.push(format!("{lang}.ftl: `{id}` is defined twice"));
                    }
                }
                ast::Entry::Term(t) => {
                    errors.push(format!("{lang}.ftl: term `-{}` (not supported)", t.id.name));
                }
                _ => {}
            }
        }
    }
    out
}

/// The messages' texts: comments and blank lines between them dropped.
fn chunks(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur: Option<String> = None;
    for line in text.lines() {
        let starts_entry = line.starts_with(|c: char| !c.is_whitespace());
        if starts_entry {
            out.extend(cur.take().map(|c| c.trim_end().to_string()));
            if !line.starts_with('#') {
                cur = Some(String::new());
            }
        }
        if let Some(c) = cur.as_mut() {
            c.push_str(line);
            c.push('\n');
        }
    }
    out.extend(cur.map(|c| c.trim_end().to_string()));
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, bad: &mut dyn FnMut(&str)) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars, bad);
        }
    }
}

fn expression_vars(
    e: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    bad: &mut dyn FnMut(&str),
) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, vars, bad),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars, bad);
            for v in variants {
                pattern_vars(&v.value, vars, bad);
            }
        }
    }
}

fn inline_vars(
    i: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    bad: &mut dyn FnMut(&str),
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars, bad),
        ast::InlineExpression::FunctionReference { id, arguments } => {
            for a in &arguments.positional {
                inline_vars(a, vars, bad);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars, bad);
            }
            if id.name != "NUMBER" {
                bad(&format!("the function {}", id.name));
            }
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            bad(&format!("a message reference ({})", id.name));
        }
        ast::InlineExpression::TermReference { id, .. } => {
            bad(&format!("a term reference (-{})", id.name));
        }
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

/// `static CATALOG: &[(&str, [&str; N])]`, sorted by id (a binary search
/// finds a message).
fn table(langs: &[Messages]) -> String {
    // One string holds every message's source, and the index holds
    // numbers only (offset, length): a table of `&str`s would be a
    // relocation per string for the dynamic loader at every start.
    let mut text = String::new();
    let mut index = String::new();
    for id in langs[0].keys() {
        let spans: Vec<String> = langs
            .iter()
            .map(|m| {
                let source = m.get(id).map_or("", |(t, _)| t.as_str());
                let span = format!("({}, {})", text.len(), source.len());
                text.push_str(source);
                span
            })
            .collect();
        index.push_str(&format!("    [{}],\n", spans.join(", ")));
    }
    let mut s = String::from("// Generated by build.rs from src/i18n/locales/*.ftl.\n");
    s.push_str(&format!("pub(super) static TEXT: &str = {text:?};\n"));
    s.push_str(&format!("pub(super) static INDEX: &[[(u32, u32); {}]] = &[\n", LANGS.len()));
    s.push_str(&index);
    s.push_str("];\n");
    s
}
