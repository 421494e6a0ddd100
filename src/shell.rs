//! Commands to paste, as data: a command is a list of argument words (with
//! optional leading `NAME=VALUE` environment assignments and an optional
//! directory to `cd` into first), and a line is only ever rendered from
//! those words with the target shell's quoting — never by formatting a
//! name into a string. A [`Step`] is what advice shows: an explanation on
//! its own line, a command, or both.
//!
//! Rendering is exact: what a POSIX shell reads back from the line is the
//! words, byte for byte. A word that would reach a terminal as a control
//! or invisible character (or is not UTF-8) is written with `$'…'` octal
//! escapes, so the line on the screen is still the command; advice built
//! from outside names refuses such words before they get here
//! ([`Command::unsafe_word`]).

mod win;

use std::ffi::{OsStr, OsString};

use crate::i18n::Msg;

#[cfg_attr(test, allow(unused_imports))]
pub(crate) use win::choose;

/// The shell a line is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shell {
    /// sh, bash, zsh, dash, ksh: POSIX quoting (`$'…'`, POSIX.1-2024, for
    /// bytes a terminal must not see raw).
    Posix,
    /// PowerShell 7 (`pwsh.exe`): single quotes, `&&`.
    PowerShell7,
    /// Windows PowerShell 5.1 (`powershell.exe`), and a Windows shell
    /// portcheck does not recognise: single quotes, no `&&`.
    PowerShell5,
    /// cmd.exe: double quotes, `set "NAME=VALUE" &&`, `cd /d`.
    Cmd,
}

impl Shell {
    /// What ends a line that goes on on the next (a long command broken
    /// between its words).
    pub(crate) fn continuation(self) -> &'static str {
        match self {
            Shell::Posix => " \\",
            Shell::PowerShell7 | Shell::PowerShell5 => " `",
            Shell::Cmd => " ^",
        }
    }
}

/// The shell the lines portcheck prints are written for here: POSIX on
/// Unix; on Windows the one portcheck runs under, from its own
/// ancestors ([`choose`]), read once.
#[cfg(not(test))]
pub(crate) fn here() -> Shell {
    static HERE: std::sync::OnceLock<Shell> = std::sync::OnceLock::new();
    *HERE.get_or_init(|| crate::process::shell_ancestry().map_or(Shell::Posix, |n| choose(&n)))
}

/// Unit tests compare POSIX lines on every platform; the Windows shells
/// are tested by rendering for them by name (`shell/win.rs`,
/// `kill/holders/cmd_tests.rs`), the choice by [`choose`].
#[cfg(test)]
pub(crate) fn here() -> Shell {
    Shell::Posix
}

/// A leading `NAME=VALUE` whose NAME is not a shell identifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BadName(pub(crate) String);

impl std::fmt::Display for BadName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not an environment variable name: {}", crate::sanitize::escape(&self.0))
    }
}

/// One command: `[cd DIR &&] [NAME=VALUE…] WORD…`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Command {
    dir: Option<OsString>,
    env: Vec<(String, OsString)>,
    argv: Vec<OsString>,
}

impl Command {
    /// The command with these argument words.
    pub(crate) fn new<I, W>(argv: I) -> Command
    where
        I: IntoIterator<Item = W>,
        W: Into<OsString>,
    {
        Command { dir: None, env: Vec::new(), argv: argv.into_iter().map(Into::into).collect() }
    }

    /// The same command with `NAME=VALUE` in its environment (before the
    /// words, in the order added). NAME must be an identifier:
    /// `[A-Za-z_][A-Za-z0-9_]*`.
    pub(crate) fn env(mut self, name: &str, value: impl Into<OsString>) -> Result<Self, BadName> {
        let mut b = name.bytes();
        let ident = b.next().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
            && b.all(|c| c.is_ascii_alphanumeric() || c == b'_');
        if !ident {
            return Err(BadName(name.to_string()));
        }
        self.env.push((name.to_string(), value.into()));
        Ok(self)
    }

    /// The argument words (without the assignments or the directory).
    pub(crate) fn argv(&self) -> &[OsString] {
        &self.argv
    }

    /// The same command run in `dir`: `cd DIR && COMMAND` (advice that
    /// must run in the holder's directory).
    pub(crate) fn in_dir(mut self, dir: impl Into<OsString>) -> Self {
        self.dir = Some(dir.into());
        self
    }

    /// The same command without its folder change (tests: its words).
    #[cfg(all(test, windows))]
    pub(crate) fn in_dir_none(mut self) -> Self {
        self.dir = None;
        self
    }

    /// Whether the command sets variable `name` (tests).
    #[cfg(all(test, windows))]
    pub(crate) fn sets(&self, name: &str) -> bool {
        self.env.iter().any(|(n, _)| n == name)
    }

    /// The words of one command, assignments first (`PORT=8001`, `npm`,
    /// `start`), for JSON's `stop_argv`; `None` when it is two commands
    /// (`cd DIR && …`) or a word is not UTF-8.
    pub(crate) fn words(&self) -> Option<Vec<String>> {
        if self.dir.is_some() {
            return None;
        }
        let env = self.env.iter().map(|(n, v)| Some(format!("{n}={}", v.to_str()?)));
        let argv = self.argv.iter().map(|w| w.to_str().map(String::from));
        env.chain(argv).collect()
    }

    /// The first word (directory, value or argument) that holds a control
    /// or invisible character, or is not UTF-8, or that this machine's
    /// shell cannot carry as one word ([`Command::unsafe_word_in`]): a
    /// command with one is not advised.
    pub(crate) fn unsafe_word(&self) -> Option<&OsStr> {
        self.unsafe_word_in(here())
    }

    /// [`Command::unsafe_word`] for `shell`: cmd.exe cannot quote `"`,
    /// `%` or `!` (it expands `%NAME%`, and `!NAME!` with delayed
    /// expansion, even inside quotes); Windows PowerShell 5.1 drops a `"`
    /// inside an argument to a program, an empty argument, and breaks one
    /// with a space and a trailing `\`.
    pub(crate) fn unsafe_word_in(&self, shell: Shell) -> Option<&OsStr> {
        let dir = self.dir.iter().map(|d| (d.as_os_str(), false));
        let env = self.env.iter().map(|(_, v)| (v.as_os_str(), false));
        let argv = self.argv.iter().map(|w| (w.as_os_str(), true));
        let mut all = dir.chain(env).chain(argv);
        all.find(|(w, argument)| {
            w.to_str().is_none_or(|s| {
                s.chars().any(crate::sanitize::is_unsafe) || win::unfit(shell, s, *argument)
            })
        })
        .map(|(w, _)| w)
    }

    /// The variables a line sets that outlive it in `shell`: cmd's `set`
    /// and PowerShell's `$env:` stay set in the window (a POSIX
    /// `NAME=VALUE cmd` sets it for that command only).
    pub(crate) fn stays_set(&self, shell: Shell) -> Option<String> {
        let names: Vec<&str> = self.env.iter().map(|(n, _)| n.as_str()).collect();
        (shell != Shell::Posix && !names.is_empty())
            .then(|| format!("{} stays set in this window", names.join(", ")))
    }

    /// The line to paste into `shell`.
    pub(crate) fn render(&self, shell: Shell) -> String {
        render(self, shell)
    }
}

/// `cmd` as one line for `shell`, each word quoted so that the shell reads
/// back exactly the words.
pub(crate) fn render(cmd: &Command, shell: Shell) -> String {
    tokens(cmd, shell).join(" ")
}

/// The line's tokens (quoted words, `&&`), to be joined by single spaces:
/// where a long line may be broken.
pub(crate) fn tokens(cmd: &Command, shell: Shell) -> Vec<String> {
    match shell {
        Shell::Posix => posix(cmd),
        Shell::Cmd => win::cmd(&cmd.dir, &cmd.env, &cmd.argv),
        Shell::PowerShell7 | Shell::PowerShell5 => {
            win::powershell(shell == Shell::PowerShell7, &cmd.dir, &cmd.env, &cmd.argv)
        }
    }
}

fn posix(cmd: &Command) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(dir) = &cmd.dir {
        parts.push("cd".into());
        parts.push(posix_word(dir.as_encoded_bytes(), Position::Argument));
        parts.push("&&".into());
    }
    for (name, value) in &cmd.env {
        parts.push(format!("{name}={}", posix_word(value.as_encoded_bytes(), Position::Value)));
    }
    for (i, w) in cmd.argv.iter().enumerate() {
        let at = if i == 0 { Position::Command } else { Position::Argument };
        parts.push(posix_word(w.as_encoded_bytes(), at));
    }
    parts
}

/// Where a word stands: the command name is also read as an assignment
/// (`A=b`) or a reserved word (`if`, `!`) when bare.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Command,
    Argument,
    Value,
}

/// Words the shell reads as syntax in command position (POSIX, bash's
/// and zsh's).
const RESERVED: &[&str] = &[
    "!",
    "{",
    "}",
    "case",
    "do",
    "done",
    "elif",
    "else",
    "esac",
    "fi",
    "for",
    "if",
    "in",
    "then",
    "until",
    "while",
    "function",
    "select",
    "time",
    "[[",
    "]]",
    "coproc",
    "repeat",
    "foreach",
    "end",
    "nocorrect",
    "noglob",
];

/// One word for a POSIX shell: bare when it is made of characters no
/// shell expands, single-quoted when it is printable text, `$'…'` with
/// octal escapes when a byte is a control character, invisible on a
/// terminal, or not UTF-8.
fn posix_word(w: &[u8], at: Position) -> String {
    let text = std::str::from_utf8(w).ok();
    // zsh expands a word (or an assignment's value) that starts with `=`
    // to a command's path (`=ls` is `/usr/bin/ls`).
    let bare = !w.is_empty()
        && w[0] != b'='
        && w.iter().all(|b| b.is_ascii_alphanumeric() || b"_@%+=:,./-".contains(b))
        && !(at == Position::Command
            && (w.contains(&b'=') || text.is_some_and(|t| RESERVED.contains(&t))));
    if bare {
        // Safe: every byte is ASCII.
        return text.unwrap_or_default().to_string();
    }
    match text {
        Some(t) if !t.chars().any(crate::sanitize::is_unsafe) => {
            format!("'{}'", t.replace('\'', r"'\''"))
        }
        _ => dollar_quoted(w),
    }
}

/// `$'…'`: printable characters as themselves (`\\` and `\'` escaped),
/// everything else as three-digit octal escapes of its bytes (three digits,
/// so a following digit is never read as part of the escape).
fn dollar_quoted(w: &[u8]) -> String {
    let mut out = String::from("$'");
    for chunk in w.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str(r"\\"),
                '\'' => out.push_str(r"\'"),
                c if crate::sanitize::is_unsafe(c) => {
                    let mut buf = [0; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        out.push_str(&format!("\\{b:03o}"));
                    }
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\{b:03o}"));
        }
    }
    out.push('\'');
    out
}

/// What advice shows for one thing to do: an explanation on its own line
/// (`note`), a command to paste (`run`), or both (the note first). Never
/// neither.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    /// Said in the reader's language as text, in English as JSON.
    pub(crate) note: Option<Msg>,
    pub(crate) run: Option<Command>,
}

impl Step {
    /// A command alone.
    pub(crate) fn run(cmd: Command) -> Step {
        Step { note: None, run: Some(cmd) }
    }

    /// A sentence alone: what to do when there is no command to give.
    pub(crate) fn say(note: Msg) -> Step {
        Step { note: Some(note), run: None }
    }

    /// A command with its explanation, which is shown on its own line.
    pub(crate) fn explained(note: Msg, cmd: Command) -> Step {
        Step { note: Some(note), run: Some(cmd) }
    }

    /// The command line, rendered for this machine's shell.
    pub(crate) fn line(&self) -> Option<String> {
        self.run.as_ref().map(|c| c.render(here()))
    }

    /// The step as one string, `NOTE: COMMAND`, the command, or the
    /// sentence (tests).
    #[cfg(test)]
    pub(crate) fn shown(&self) -> String {
        match (&self.note, self.line()) {
            (Some(n), Some(l)) => format!("{n}: {l}"),
            (n, l) => l.or_else(|| n.as_ref().map(Msg::to_string)).unwrap_or_default(),
        }
    }

    /// The one line JSON's `stop` carries: the command when there is one,
    /// else the sentence (in English, as all of JSON).
    pub(crate) fn headline(&self) -> String {
        self.line().or_else(|| self.note.as_ref().map(Msg::english)).unwrap_or_default()
    }
}

/// JSON: `stop` (the command line, else the sentence), `stop_argv` (its
/// words, when it is one command) and `stop_note` (the explanation beside
/// a command). Flattened into the object that holds it.
impl serde::Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("stop", &self.headline())?;
        if let Some(words) = self.run.as_ref().and_then(Command::words) {
            m.serialize_entry("stop_argv", &words)?;
        }
        if let (Some(note), Some(_)) = (&self.note, &self.run) {
            m.serialize_entry("stop_note", note)?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: &[&str]) -> String {
        Command::new(words.iter().copied()).render(Shell::Posix)
    }

    /// What bash reads back from a rendered line: its words, one per
    /// line of `printf`'s output, as bytes.
    #[cfg(unix)]
    fn read_back(cmd: &Command) -> Vec<u8> {
        read_back_in("bash", cmd)
    }

    /// What `shell` reads back from a rendered line (bash, zsh: `$'…'` is
    /// POSIX.1-2024; dash before 0.5.13 lacks it).
    #[cfg(unix)]
    fn read_back_in(shell: &str, cmd: &Command) -> Vec<u8> {
        let script = format!("printf '%s\\0' {}", render(cmd, Shell::Posix));
        let out = std::process::Command::new(shell).args(["-c", &script]).output();
        let out = out.unwrap_or_else(|e| panic!("{shell}: {e}"));
        assert!(out.status.success(), "{shell}: {script}");
        out.stdout
    }

    #[test]
    fn golden_words() {
        assert_eq!(line(&["kill", "4242"]), "kill 4242");
        assert_eq!(line(&["echo", "a b"]), "echo 'a b'");
        assert_eq!(line(&["echo", ""]), "echo ''");
        assert_eq!(line(&["echo", "it's"]), r"echo 'it'\''s'");
        assert_eq!(line(&["echo", "\"q\""]), r#"echo '"q"'"#);
        assert_eq!(
            line(&["echo", "$HOME", "${IFS}", "$(id)", "`id`"]),
            "echo '$HOME' '${IFS}' '$(id)' '`id`'"
        );
        assert_eq!(line(&["echo", r"a\b"]), r"echo 'a\b'");
        assert_eq!(line(&["echo", "a\nb"]), r"echo $'a\012b'");
        assert_eq!(line(&["echo", "a'\\\x1b[2J"]), r"echo $'a\'\\\033[2J'");
        assert_eq!(
            line(&["echo", "evil;touch${IFS}PWNED;.service"]),
            "echo 'evil;touch${IFS}PWNED;.service'"
        );
        assert_eq!(
            line(&["echo", "~", "*", "#x", "a|b", "a&b", "!"]),
            "echo '~' '*' '#x' 'a|b' 'a&b' '!'"
        );
        assert_eq!(line(&["echo", "x\u{202e}y", "日本"]), r"echo $'x\342\200\256y' '日本'");
        // The command word: an assignment or a reserved word is quoted.
        assert_eq!(line(&["A=b", "c=d"]), "'A=b' c=d");
        assert_eq!(line(&["if", "if"]), "'if' if");
        assert_eq!(line(&["coproc", "x"]), "'coproc' x");
        assert_eq!(line(&["noglob", "*"]), "'noglob' '*'");
        assert_eq!(line(&[""]), "''");
        // zsh reads `=ls` (an argument or a value) as ls's path.
        assert_eq!(line(&["echo", "=ls", "a=b"]), "echo '=ls' a=b");
        let value = Command::new(["x"]).env("V", "=ls").unwrap();
        assert_eq!(value.render(Shell::Posix), "V='=ls' x");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_bytes_are_shown_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let w = OsStr::from_bytes(b"caf\xe9 \xff1");
        let cmd = Command::new([OsStr::new("cat"), w]);
        assert_eq!(cmd.render(Shell::Posix), r"cat $'caf\351 \3771'");
        assert_eq!(cmd.words(), None);
        assert_eq!(cmd.unsafe_word(), Some(w));
        assert_eq!(read_back(&cmd), b"cat\0caf\xe9 \xff1\0");
    }

    #[test]
    fn env_assignments_and_directories() {
        let cmd = Command::new(["npm", "start"]).env("PORT", "8001").unwrap();
        assert_eq!(cmd.render(Shell::Posix), "PORT=8001 npm start");
        assert_eq!(cmd.words().unwrap(), ["PORT=8001", "npm", "start"]);
        let cmd = Command::new(["x"]).env("V", "a b$").unwrap().in_dir("/srv/my app");
        assert_eq!(cmd.render(Shell::Posix), "cd '/srv/my app' && V='a b$' x");
        assert_eq!(cmd.words(), None);
        for bad in ["", "1A", "A-B", "A B", "A=B", "$A"] {
            assert_eq!(Command::new(["x"]).env(bad, "1"), Err(BadName(bad.into())), "{bad}");
        }
        assert!(Command::new(["x"]).env("_a1", "1").is_ok());
    }

    #[test]
    fn unsafe_words_are_found() {
        assert_eq!(Command::new(["kill", "1"]).unsafe_word(), None);
        let bad = Command::new(["systemctl", "stop", "a\nb.service"]);
        assert_eq!(bad.unsafe_word(), Some(OsStr::new("a\nb.service")));
        let hidden = Command::new(["x"]).in_dir("a\u{200b}");
        assert!(hidden.unsafe_word().is_some());
        let value = Command::new(["x"]).env("A", "\x07").unwrap();
        assert!(value.unsafe_word().is_some());
    }

    /// Whatever the words, the shell reads back exactly them.
    #[cfg(unix)]
    #[test]
    fn the_shell_reads_back_the_words() {
        let words = [
            "plain",
            "",
            "a b",
            "it's",
            "\"",
            "$HOME",
            "${IFS}",
            "$(touch PWNED)",
            "`touch PWNED`",
            r"back\slash",
            "new\nline",
            "tab\there",
            "\x1b]0;X\x07",
            "x\u{202e}y",
            "~root",
            "*",
            "#",
            ";|&<>()",
            "!",
            "日本",
            "'\\''",
            "\\0010",
            "=ls",
            "a=b",
            "%1",
        ];
        let cmd = Command::new(words);
        let mut want = Vec::new();
        for w in words {
            want.extend_from_slice(w.as_bytes());
            want.push(0);
        }
        assert_eq!(read_back(&cmd), want, "{}", cmd.render(Shell::Posix));
        // zsh too, where a word that starts with `=` is a command's path
        // (macOS's login shell; .ci/run installs it on Linux).
        assert_eq!(read_back_in("zsh", &cmd), want, "{}", cmd.render(Shell::Posix));
    }

    #[test]
    fn steps_serialize_as_stop_fields() {
        let j = |s: &Step| serde_json::to_value(s).unwrap();
        let cmd = Command::new(["sudo", "systemctl", "stop", "nginx.service"]);
        assert_eq!(
            j(&Step::run(cmd.clone())),
            serde_json::json!({"stop": "sudo systemctl stop nginx.service",
                "stop_argv": ["sudo", "systemctl", "stop", "nginx.service"]})
        );
        assert_eq!(
            j(&Step::explained("why".into(), cmd)),
            serde_json::json!({"stop": "sudo systemctl stop nginx.service",
                "stop_argv": ["sudo", "systemctl", "stop", "nginx.service"], "stop_note": "why"})
        );
        assert_eq!(j(&Step::say("close it".into())), serde_json::json!({"stop": "close it"}));
    }
}
