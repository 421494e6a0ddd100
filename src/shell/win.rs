//! The Windows shells: which one portcheck runs under ([`choose`], from
//! its ancestors' names), and lines for cmd.exe and PowerShell rendered
//! from words. Pure functions, compiled and tested everywhere.
//!
//! **cmd.exe** hands a program its command line as typed; the program
//! splits it as the Microsoft C runtime does (CommandLineToArgvW): words
//! are split at spaces outside double quotes, `\` before a `"` escapes
//! it. A word of letters, digits and `_@+=:./\-` is written bare; any
//! other is put in double quotes, which also keep cmd's `& | < > ^ ( )`
//! literal, with the backslashes before the closing quote doubled. cmd
//! cannot quote `"` (its own quote state would flip), `%` (it expands
//! `%NAME%` inside quotes too) nor `!` (so does delayed expansion, if the
//! user turned it on): such a word is unfit ([`unfit`]) and the line is
//! not advised. `set "NAME=VALUE" && …` sets a variable (the
//! quotes end it exactly, no trailing space); `cd /d "DIR" && …` changes
//! the drive too.
//!
//! **PowerShell** (about_Quoting_Rules, about_Parsing): a word of
//! letters, digits and `_./\:=+-` that starts with a letter, `.`, `/`, `\`
//! or `-` (or is all digits) is read as itself in argument mode; any other
//! is a single-quoted string, where only `'` (and its typographic forms
//! `‘ ’ ‚ ‛`, which PowerShell also takes as single quotes) is special and
//! is doubled. A quoted command name is run with the call operator `&`.
//! `$env:NAME='VALUE'; …` sets a variable. PowerShell 7 chains with `&&`;
//! Windows PowerShell 5.1 has no `&&`, so a folder change is
//! `Set-Location -LiteralPath 'DIR'; if ($?) { … }`. A `"` inside a word
//! is unfit: 5.1 drops it on the way to a program; so is an empty
//! argument (dropped) and one with a space and a trailing `\` (its
//! closing quote escaped), until PowerShell 7.3.

use std::ffi::OsString;

use super::Shell;

/// The shell portcheck runs under, from its ancestors' names (parent
/// first): the first shell among them — `pwsh.exe` PowerShell 7,
/// `powershell.exe` Windows PowerShell 5.1, `cmd.exe` cmd, `bash`, `sh`,
/// `zsh`, `fish` (Git Bash, MSYS2, Cygwin) POSIX; none known, Windows
/// PowerShell 5.1, the shell every Windows has.
pub(crate) fn choose(ancestors: &[String]) -> Shell {
    ancestors
        .iter()
        .find_map(|name| {
            let lower = name.to_ascii_lowercase();
            match lower.strip_suffix(".exe").unwrap_or(&lower) {
                "pwsh" => Some(Shell::PowerShell7),
                "powershell" => Some(Shell::PowerShell5),
                "cmd" => Some(Shell::Cmd),
                "bash" | "sh" | "zsh" | "fish" | "dash" | "ksh" => Some(Shell::Posix),
                _ => None,
            }
        })
        .unwrap_or(Shell::PowerShell5)
}

/// Whether `shell` cannot carry `word` as one word (see the module
/// documentation); `argument`: a word handed to a program (not a folder
/// or a variable's value). cmd expands `%NAME%` always and `!NAME!` when
/// delayed expansion is on (`cmd /v`, or the registry's
/// DelayedExpansion, which portcheck cannot see), quoted or not.
/// PowerShell before 7.3 (and 7.3+ for some programs) drops an empty
/// argument, and wraps one with a space in `"…"` without doubling a
/// trailing `\`, which the program then reads as an escaped quote.
pub(super) fn unfit(shell: Shell, word: &str, argument: bool) -> bool {
    match shell {
        Shell::Posix => false,
        Shell::Cmd => word.contains(['"', '%', '!']),
        Shell::PowerShell7 | Shell::PowerShell5 => {
            word.contains('"')
                || (argument
                    && (word.is_empty()
                        || (word.contains(char::is_whitespace) && word.ends_with('\\'))))
        }
    }
}

/// The tokens of a cmd.exe line.
pub(super) fn cmd(
    dir: &Option<OsString>,
    env: &[(String, OsString)],
    argv: &[OsString],
) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for (name, value) in env {
        parts.push("set".into());
        parts.push(format!("\"{name}={}\"", value.to_string_lossy()));
        parts.push("&&".into());
    }
    if let Some(dir) = dir {
        parts.extend(["cd".into(), "/d".into(), cmd_quoted(&dir.to_string_lossy()), "&&".into()]);
    }
    parts.extend(argv.iter().map(|w| cmd_word(&w.to_string_lossy())));
    parts
}

/// One word for cmd.exe and the C runtime's split.
fn cmd_word(w: &str) -> String {
    let bare =
        !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || "_@+=:./\\-".contains(c));
    if bare { w.to_string() } else { cmd_quoted(w) }
}

/// `"WORD"`, the backslashes before the closing quote doubled (else the
/// C runtime would read `\"` as a quote inside the word).
fn cmd_quoted(w: &str) -> String {
    let trailing = w.len() - w.trim_end_matches('\\').len();
    format!("\"{w}{}\"", "\\".repeat(trailing))
}

/// The tokens of a PowerShell line (`seven`: PowerShell 7, with `&&`).
pub(super) fn powershell(
    seven: bool,
    dir: &Option<OsString>,
    env: &[(String, OsString)],
    argv: &[OsString],
) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for (name, value) in env {
        parts.push(format!("$env:{name}={};", ps_quoted(&value.to_string_lossy())));
    }
    let mut line: Vec<String> = Vec::new();
    for (i, w) in argv.iter().enumerate() {
        let w = w.to_string_lossy();
        match ps_word(&w) {
            Some(bare) => line.push(bare),
            None if i == 0 => line.extend(["&".into(), ps_quoted(&w)]),
            None => line.push(ps_quoted(&w)),
        }
    }
    match dir {
        None => parts.extend(line),
        Some(dir) => {
            let cd =
                ["Set-Location".into(), "-LiteralPath".into(), ps_quoted(&dir.to_string_lossy())];
            parts.extend(cd);
            if seven {
                parts.push("&&".into());
                parts.extend(line);
            } else {
                let last = parts.len() - 1;
                parts[last].push(';');
                parts.extend(["if".into(), "($?)".into(), "{".into()]);
                parts.extend(line);
                parts.push("}".into());
            }
        }
    }
    parts
}

/// A word PowerShell reads as itself in argument mode, bare; `None` when
/// it must be quoted.
fn ps_word(w: &str) -> Option<String> {
    let mut chars = w.chars();
    let first = chars.next()?;
    let plain = w.chars().all(|c| c.is_ascii_alphanumeric() || "_./\\:=+-".contains(c));
    let starts = first.is_ascii_alphabetic() || ".-/\\".contains(first);
    let number = w.chars().all(|c| c.is_ascii_digit());
    (plain && (starts || number) && w != "--%" && !w.starts_with("--%")).then(|| w.to_string())
}

/// `'WORD'`, every single quote (and its typographic forms) doubled.
fn ps_quoted(w: &str) -> String {
    let mut out = String::from("'");
    for c in w.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::{Command, render};

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// The shell is the first one among portcheck's ancestors, parent
    /// first; none known is Windows PowerShell 5.1.
    #[test]
    fn the_shell_is_the_nearest_shell_ancestor() {
        assert_eq!(choose(&names(&["pwsh.exe", "WindowsTerminal.exe"])), Shell::PowerShell7);
        assert_eq!(choose(&names(&["cargo.exe", "powershell.exe"])), Shell::PowerShell5);
        assert_eq!(choose(&names(&["cmd.exe", "pwsh.exe"])), Shell::Cmd);
        assert_eq!(choose(&names(&["CMD.EXE"])), Shell::Cmd);
        assert_eq!(choose(&names(&["bash.exe", "mintty.exe"])), Shell::Posix);
        assert_eq!(choose(&names(&["zsh", "sh.exe"])), Shell::Posix);
        assert_eq!(choose(&names(&["fish.exe"])), Shell::Posix);
        assert_eq!(choose(&names(&["explorer.exe"])), Shell::PowerShell5);
        assert_eq!(choose(&[]), Shell::PowerShell5);
    }

    fn flask_env() -> Command {
        Command::new(["flask", "run"]).env("FLASK_RUN_PORT", "5001").unwrap()
    }

    /// Golden lines for cmd.exe: the variable form, the folder change, the
    /// quoting of spaces, metacharacters and trailing backslashes.
    #[test]
    fn cmd_lines() {
        assert_eq!(render(&flask_env(), Shell::Cmd), r#"set "FLASK_RUN_PORT=5001" && flask run"#);
        assert_eq!(
            render(
                &Command::new(["flask", "run", "--port", "5001"]).in_dir(r"C:\My App"),
                Shell::Cmd
            ),
            r#"cd /d "C:\My App" && flask run --port 5001"#
        );
        assert_eq!(
            render(
                &Command::new(["python", "a b.py", "x&y", r"C:\my dir\", r"C:\dir\", ""]),
                Shell::Cmd
            ),
            r#"python "a b.py" "x&y" "C:\my dir\\" C:\dir\ """#
        );
        assert_eq!(
            render(&Command::new(["sc.exe", "stop", "Dnscache"]), Shell::Cmd),
            "sc.exe stop Dnscache"
        );
        assert_eq!(
            render(&Command::new(["tasklist", "/svc", "/fi", "PID eq 4"]), Shell::Cmd),
            r#"tasklist /svc /fi "PID eq 4""#
        );
        for bad in ["100%", "say \"hi\"", "wow!", "!PATH!"] {
            assert!(unfit(Shell::Cmd, bad, true) && unfit(Shell::Cmd, bad, false), "{bad}");
        }
        for good in ["a&b (c)", "x^y", "a|b", "<in>", "", r"C:\my dir\"] {
            assert!(!unfit(Shell::Cmd, good, true), "{good}");
        }
        assert_eq!(
            flask_env().stays_set(Shell::Cmd).as_deref(),
            Some("FLASK_RUN_PORT stays set in this window")
        );
        assert_eq!(flask_env().stays_set(Shell::Posix), None);
    }

    /// Golden lines for PowerShell 7 and 5.1, by about_Quoting_Rules.
    #[test]
    fn powershell_lines() {
        for shell in [Shell::PowerShell7, Shell::PowerShell5] {
            assert_eq!(render(&flask_env(), shell), "$env:FLASK_RUN_PORT='5001'; flask run");
            assert_eq!(
                render(
                    &Command::new(["python", "it's.py", "a b", "$HOME", "@x", "5001", "1kb"]),
                    shell
                ),
                "python 'it''s.py' 'a b' '$HOME' '@x' 5001 '1kb'"
            );
            assert_eq!(
                render(&Command::new([r"C:\Program Files\App\app.exe", "--port", "80"]), shell),
                r"& 'C:\Program Files\App\app.exe' --port 80"
            );
            assert_eq!(render(&Command::new(["x", "\u{2019}q"]), shell), "x '\u{2019}\u{2019}q'");
            assert_eq!(render(&Command::new(["x", "--%"]), shell), "x '--%'");
            assert_eq!(
                render(&Command::new(["x", "a`b", "$(id)", "${x}", "a;b", "a,b", "#c"]), shell),
                "x 'a`b' '$(id)' '${x}' 'a;b' 'a,b' '#c'"
            );
            assert_eq!(
                render(&Command::new(["sc.exe", "stop", "W3SVC"]), shell),
                "sc.exe stop W3SVC"
            );
            assert!(unfit(shell, "say \"hi\"", false) && !unfit(shell, "100%", true));
            // Handed to a program: dropped, or its closing quote escaped.
            assert!(unfit(shell, "", true) && unfit(shell, r"C:\my dir\", true));
            assert!(!unfit(shell, "", false) && !unfit(shell, r"C:\my dir\", false));
            assert!(!unfit(shell, r"C:\dir\", true) && !unfit(shell, "$x`y", true));
        }
        let in_dir = Command::new(["flask", "run"]).in_dir(r"C:\it's here");
        assert_eq!(
            render(&in_dir, Shell::PowerShell7),
            r"Set-Location -LiteralPath 'C:\it''s here' && flask run"
        );
        assert_eq!(
            render(&in_dir, Shell::PowerShell5),
            r"Set-Location -LiteralPath 'C:\it''s here'; if ($?) { flask run }"
        );
        let both = flask_env().in_dir(r"C:\app");
        assert_eq!(
            render(&both, Shell::PowerShell5),
            r"$env:FLASK_RUN_PORT='5001'; Set-Location -LiteralPath 'C:\app'; if ($?) { flask run }"
        );
        assert_eq!(
            render(&both, Shell::Cmd),
            r#"set "FLASK_RUN_PORT=5001" && cd /d "C:\app" && flask run"#
        );
    }
}
