//! docs/portcheck.1, generated from the clap command (tests only): the
//! OPTIONS from clap_mangen, the other sections written here in roff,
//! examples and exit statuses in no-fill blocks so that man never
//! reflows them.

/// `-` and `\` as roff wants them.
fn roff(s: &str) -> String {
    s.replace('\\', "\\e").replace('-', "\\-")
}

/// `[-k|--kill] [--grace DURATION] … [PORT]...`, from the clap command.
fn synopsis(cmd: &clap::Command) -> String {
    let mut out = String::from(".SH SYNOPSIS\n\\fBportcheck\\fR");
    // Not -h and -V, which clap's own synopsis leaves out too.
    let shown = |a: &&clap::Arg| {
        !a.is_hide_set()
            && !a.is_positional()
            && !matches!(a.get_action(), clap::ArgAction::Help | clap::ArgAction::Version)
    };
    for a in cmd.get_arguments().filter(shown) {
        let mut names = Vec::new();
        if let Some(s) = a.get_short() {
            names.push(format!("\\fB\\-{s}\\fR"));
        }
        if let Some(l) = a.get_long() {
            names.push(format!("\\fB\\-\\-{}\\fR", roff(l)));
        }
        let value = a
            .get_value_names()
            .and_then(|v| v.first())
            .filter(|_| a.get_action().takes_values())
            .map(|v| format!(" \\fI{v}\\fR"))
            .unwrap_or_default();
        out.push_str(&format!(" [{}{value}]", names.join("|")));
    }
    out.push_str(" [\\fIPORT\\fR]...\n");
    out
}

/// DURATION, before EXIT STATUS (made from `exit_status::EXIT_STATUS`).
const DURATION: &str = r#".SH DURATION
A number with \fBms\fR, \fBs\fR, \fBm\fR or \fBh\fR: \fB500ms\fR, \fB30s\fR, \fB2m\fR, \fB1h\fR.
At most 365 days.
A bare number is seconds; one of 1024 or more followed by a PORT is refused
(exit 2), as it is most likely a port: write \fB5432s\fR for 5432 seconds.
"#;

/// The sections after EXIT STATUS.
const TAIL: &str = r#".SH EXAMPLES
.nf
.RS 4
portcheck 5000                   # who holds 5000, and what to do
portcheck 3000\-3010 53/udp       # a range and a UDP port
portcheck                        # every listening socket, its owners
portcheck \-\-exposed              # only sockets others can reach
portcheck \-q 5432 6379           # CI preflight: exit 1 if one is taken
portcheck \-\-kill 5000            # stop what holds 5000 (asks first)
portcheck \-\-kill \-\-dry\-run 5000  # what \-\-kill would signal
portcheck \-\-suggest 5000         # nearest free port at or above 5000
portcheck \-\-wait\-listen 30s 8000 # CI: until your server listens
portcheck \-\-json 5000            # the same report as one JSON object
.RE
.fi
.SH ENVIRONMENT
.TP
.B NO_COLOR
When set and not empty, no colour (with \fB\-\-color auto\fR, the default).
.TP
.B PORT
The base of \fB\-\-suggest\fR when no PORT argument is given (else 8000).
.TP
.B COLUMNS
The width of the terminal, when stdout is one (else what the terminal says).
.TP
.B PORTCHECK_LANG
The language of the output (\fBen\fR, \fBko\fR) when \fB\-\-lang\fR is not given.
.TP
.B LC_ALL, LC_MESSAGES, LANG, LANGUAGE
Else the locale chooses the language, as GNU gettext does: the first non-empty
of \fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR; \fBC\fR or \fBPOSIX\fR (any
codeset) or a codeset other than UTF\-8 (\fBko_KR.eucKR\fR) is English, and
otherwise a \fBLANGUAGE\fR list (\fBko:en\fR) is tried first. With none of them
set, the user's UI language decides on Windows and macOS; elsewhere it is
English. A tag matching no language is English. JSON, \fB\-q\fR output and
exit statuses are the same in every language.
.SH FILES
.TP
.I /etc/services
Service names for PORT arguments (\fBhttp\fR, \fBpostgresql\fR) and the
names shown for a port. portcheck adds a table of its own: the default
ports of development servers and popular databases (5000, 5173, 8000,
5432...), which \fI/etc/services\fR often lacks.
.SH SEE ALSO
\fBss\fR(8), \fBlsof\fR(8), \fBfuser\fR(1), \fBnetstat\fR(8), \fBservices\fR(5)
"#;

const DESCRIPTION: &str = r#".SH DESCRIPTION
\fBportcheck\fR says who holds a port, how it is bound (which address, so
whether other machines reach it), what kind of port it is (its IANA class,
the ephemeral range, the services that use it), and what to do about it:
\fB\-\-kill\fR stops the holders (SIGTERM, then SIGKILL after
\fB\-\-grace\fR), \fB\-\-suggest\fR prints the nearest free port at or above
PORT, and the report ends with the command that starts a recognised
framework (Flask, Django, gunicorn, uvicorn, Vite, Next.js...) on that port.
.PP
PORT is a number (5000), a range (3000\-3010) or a service name (http,
postgresql), each optionally followed by /tcp or /udp (53/udp). What is
pasted is read as the port: :5000, localhost:5000, 127.0.0.1:5000,
[::1]:5000, http://localhost:5000/ (http:// alone is 80, https:// 443) and
5000,5001; a host that is not this machine is a usage error. Without
PORT, every listening TCP socket and bound UDP socket is listed.
.PP
A port reported free was bound by portcheck on the wildcard address for
each selected protocol and family, and released.
"#;

/// The whole page.
pub(super) fn page() -> Vec<u8> {
    let cmd = super::args::english_command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out).unwrap();
    man.render_name_section(&mut out).unwrap();
    out.extend(synopsis(&cmd).into_bytes());
    out.extend(DESCRIPTION.as_bytes());
    man.render_options_section(&mut out).unwrap();
    out.extend(DURATION.as_bytes());
    out.extend(super::exit_status::man_section(roff).into_bytes());
    out.extend(TAIL.as_bytes());
    man.render_version_section(&mut out).unwrap();
    out
}

/// Whether the page committed at `path` is `page`, whatever line endings
/// the checkout gave it: Git on Windows may check text out with CRLF
/// (`.gitattributes` pins LF, and this holds where that is not honoured).
pub(super) fn in_sync(path: &std::path::Path, page: &[u8]) -> bool {
    let committed = std::fs::read(path).unwrap_or_default();
    lf(&committed) == lf(page)
}

/// `text` with every CRLF as LF.
fn lf(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for (i, &b) in text.iter().enumerate() {
        if !(b == b'\r' && text.get(i + 1) == Some(&b'\n')) {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// A CRLF checkout of the page (windows-latest without
    /// `.gitattributes`) is in sync; a changed page is not.
    #[test]
    fn a_crlf_copy_of_the_man_page_is_in_sync() {
        let page = super::page();
        let crlf = String::from_utf8(page.clone()).unwrap().replace('\n', "\r\n");
        let dir = std::env::temp_dir().join(format!("portcheck-man-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("portcheck.1");
        std::fs::write(&path, &crlf).unwrap();
        assert!(super::in_sync(&path, &page));
        std::fs::write(&path, crlf.replace("portcheck", "portchek")).unwrap();
        assert!(!super::in_sync(&path, &page));
        std::fs::write(&path, &page).unwrap();
        assert!(super::in_sync(&path, &page));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_page_has_every_section_and_its_blocks_are_not_filled() {
        let page = String::from_utf8(super::page()).unwrap();
        for section in [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "DURATION",
            "EXIT STATUS",
            "EXAMPLES",
            "ENVIRONMENT",
            "FILES",
            "SEE ALSO",
        ] {
            assert!(page.contains(&format!(".SH {section}\n")), "{section}");
        }
        assert!(page.contains(r"[\fB\-\-grace\fR \fIDURATION\fR]"));
        assert!(page.contains(r"[\fIPORT\fR]..."));
        let examples = page.split(".SH EXAMPLES\n").nth(1).unwrap();
        assert!(examples.starts_with(".nf\n"), "no-fill: man must not reflow the examples");
        let block = examples.split(".fi\n").next().unwrap();
        assert!(block.lines().all(|l| l.replace('\\', "").len() <= 72), "{block}");
        for var in ["NO_COLOR", "PORT", "COLUMNS"] {
            assert!(page.contains(&format!(".B {var}\n")), "{var}");
        }
        assert!(!page.contains("docs/json.md"), "an installed page points at no repository file");
    }

    /// EXIT STATUS says what `--help` says: every status and its meaning.
    #[test]
    fn exit_status_is_the_one_help_has() {
        let page = String::from_utf8(super::page()).unwrap();
        let section = page.split(".SH EXIT STATUS\n").nth(1).unwrap().split(".SH ").next().unwrap();
        let help = super::super::help::after_help();
        let flat: String = help.split_whitespace().collect::<Vec<_>>().join(" ");
        for (code, text) in super::super::exit_status::rows() {
            let text = text.english();
            assert!(section.contains(&format!(".B {code}\n{}\n", super::roff(&text))), "{code}");
            assert!(help.contains(&format!("\n  {code}  ")), "{code} in --help");
            assert!(flat.contains(&text), "{text} in --help");
        }
        for word in ["unknown", "129, 130, 143"] {
            assert!(section.contains(word), "{word}");
        }
    }
}
