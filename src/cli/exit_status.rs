//! The exit statuses, said once: `--help` and the man page's EXIT STATUS
//! are both made from [`EXIT_STATUS`].

/// (status, meaning), in the order they are listed.
pub(crate) const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "yes: every given port is free (after --kill too), the wait succeeded, or the listing or suggestion was printed",
    ),
    ("1", "no: a given port is in use (still held after --kill), or the wait timed out"),
    ("2", "usage error: a bad port, range, service name, duration or flag"),
    (
        "3",
        "could not complete: permission denied, no free port to suggest, a port that could not be probed (unknown), or an operating-system error",
    ),
    (
        "129, 130, 143",
        "--kill interrupted by SIGHUP, SIGINT (Ctrl-C) or SIGTERM while it waited: what was signalled and what still holds the port is reported",
    ),
];

/// `--help`'s "Exit status:" block: each meaning wrapped at 76 columns,
/// continued 5 columns in.
pub(super) fn help_block() -> String {
    let mut out = String::from("Exit status:\n");
    for (code, text) in EXIT_STATUS {
        let mut line = format!("  {code} ");
        for word in text.split(' ') {
            if line.len() + 1 + word.len() > 76 {
                out.push_str(line.trim_end());
                out.push('\n');
                line = "    ".into();
            }
            line.push(' ');
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The man page's EXIT STATUS section, in roff.
#[cfg(test)]
pub(super) fn man_section(roff: impl Fn(&str) -> String) -> String {
    let mut out = String::from(".SH EXIT STATUS\n");
    for (code, text) in EXIT_STATUS {
        out.push_str(&format!(".TP\n.B {code}\n{}\n", roff(text)));
    }
    out
}
