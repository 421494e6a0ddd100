//! The reader's language (issue 22): which language is chosen (`--lang`,
//! `PORTCHECK_LANG`, the locale), Korean usage errors and `--help`, what
//! machines read unchanged by the language (JSON, `-q`, exit statuses),
//! and the Korean report on terminals of 60, 80 and 120 columns.

use crate::util::{self, *};
use std::process::Command;
use unicode_width::UnicodeWidthStr;

/// Variables as `(name, value)`.
type Vars<'a> = &'a [(&'a str, &'a str)];

/// A usage error (`70000`) run with `vars` set: its stderr.
fn error_with(vars: Vars<'_>, args: &[&str]) -> Run {
    let mut cmd = Command::new(util::bin());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let run = util::run_with(cmd, args);
    run.code(2);
    run
}

/// Whether `text` has Hangul in it.
fn hangul(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

const KOREAN: &str = "잘못된 포트 '70000'";
const ENGLISH: &str = "invalid port '70000'";

#[test]
fn the_flag_beats_the_variable_which_beats_the_locale() {
    #[rustfmt::skip]
    let cases: &[(Vars<'_>, &[&str], &str)] = &[
        (&[("LANG", "C")], &["--lang", "ko", "70000"], KOREAN),
        (&[("LANG", "C")], &["--lang=ko", "70000"], KOREAN),
        (&[("LANG", "C"), ("PORTCHECK_LANG", "ko")], &["70000"], KOREAN),
        (&[("LANG", "ko_KR.UTF-8")], &["70000"], KOREAN),
        (&[("LC_ALL", "C"), ("LANGUAGE", "ko"), ("LANG", "ko_KR.UTF-8")], &["70000"], ENGLISH),
        (&[("LANG", "ko_KR.UTF-8"), ("PORTCHECK_LANG", "en")], &["70000"], ENGLISH),
        (&[("PORTCHECK_LANG", "ko")], &["--lang", "en", "70000"], ENGLISH),
        (&[("PORTCHECK_LANG", "en")], &["--lang", "ko", "70000"], KOREAN),
        (&[("LANG", "C")], &["--lang", "ko", "--lang", "en", "70000"], ENGLISH),
        (&[("LANG", "ko_KR.eucKR")], &["70000"], ENGLISH),
    ];
    for (vars, args, want) in cases {
        let run = error_with(vars, args);
        assert!(run.stderr.contains(want), "{vars:?} {args:?}: {}", run.stderr);
    }
}

#[test]
fn a_korean_usage_error_is_one_line_naming_the_bad_value() {
    for (args, named) in [
        (vec!["--lang", "ko", "70000"], "'70000'"),
        (vec!["--lang", "ko", "--frob"], "'--frob'"),
        (vec!["--lang", "ko", "--grace", "soon", "--kill", "5000"], "'soon'"),
        (vec!["--lang", "ko", "--color", "blue"], "'blue'"),
        (vec!["--lang", "ko", "--yes", "5000"], "--yes"),
        (vec!["--lang", "ko", "--wait-listen", "5432", "6379"], "'5432'"),
    ] {
        let run = util::portcheck(&args);
        run.code(2);
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("portcheck: ") && run.stderr.contains(named), "{args:?}");
        // Korean throughout: no English sentence of clap's or ours.
        assert!(hangul(&run.stderr), "{args:?}: {}", run.stderr);
        for english in ["invalid", "unexpected", "needs", "see '", "cannot"] {
            assert!(!run.stderr.contains(english), "{args:?}: {}", run.stderr);
        }
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
    // JSON's error message stays English.
    let json = util::portcheck(&["--lang", "ko", "--json", "70000"]);
    json.code(2);
    assert_eq!(
        json.json()["error"]["message"],
        "invalid port '70000': out of range, ports are 1-65535",
        "{}",
        json.stdout
    );
}

#[test]
fn help_is_korean_with_every_flag_and_the_same_commands() {
    let ko = util::portcheck(&["--lang", "ko", "--help"]);
    let en = util::portcheck(&["--lang", "en", "--help"]);
    ko.code(0);
    en.code(0);
    for word in
        ["사용법: portcheck [옵션] [PORT]...", "인수:", "옵션:", "프로세스 종료:", "종료 상태:"]
    {
        assert!(ko.stdout.contains(word), "{word}:\n{}", ko.stdout);
    }
    for english in ["Usage:", "Options:", "Arguments:", "[default:", "[possible values:", "Print"] {
        assert!(!ko.stdout.contains(english), "{english}:\n{}", ko.stdout);
    }
    assert!(en.stdout.contains("Usage: portcheck [OPTIONS] [PORT]..."), "{}", en.stdout);
    // The same flags and the same example commands in both.
    let flags = |text: &str| {
        let mut f: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(|w| {
                let name = w[2..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '-');
                format!("--{}", name.collect::<String>())
            })
            .collect();
        f.sort();
        f.dedup();
        f
    };
    assert_eq!(flags(&ko.stdout), flags(&en.stdout));
    let examples = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("  portcheck"))
            .map(|l| l[..28.min(l.len())].trim().to_string())
            .collect()
    };
    assert_eq!(examples(&ko.stdout), examples(&en.stdout));
    assert!(examples(&ko.stdout).len() >= 9, "{}", ko.stdout);
    // The man page and completions do not change with the language.
    for shell in ["bash", "zsh", "fish"] {
        let a = util::portcheck(&["--lang", "ko", "--completions", shell]);
        let b = util::portcheck(&["--completions", shell]);
        assert_eq!(a.stdout, b.stdout, "{shell}");
        assert!(!a.stdout.is_empty() && !a.stdout.contains("출력"), "{shell}");
    }
}

#[test]
fn json_quiet_and_exit_statuses_do_not_change_with_the_language() {
    let h = Holder::start(&["--workers", "2"]);
    let port = h.port.to_string();
    let free = free_port().to_string();
    for args in [
        vec!["--json", port.as_str()],
        vec!["--json", "--kill", "--dry-run", &port],
        vec!["-q", &port],
        vec!["-q", &free],
        vec!["-q", &port, &free],
        vec!["--json", "99999"],
        vec!["-q", "--kill", "--dry-run", &port],
    ] {
        let en = util::portcheck(&[&["--lang", "en"], args.as_slice()].concat());
        let ko = util::portcheck(&[&["--lang", "ko"], args.as_slice()].concat());
        assert_eq!(ko.code, en.code, "{args:?}");
        assert_eq!(ko.stdout, en.stdout, "{args:?}");
        assert!(en.code.is_some_and(|c| c != 101), "{args:?}");
    }
    util::portcheck(&["--lang", "ko", "-q", &port]).code(1);
    util::portcheck(&["--lang", "ko", "-q", &free]).code(0);
}

/// The Korean report on terminals of 60, 80 and 120 columns: no line
/// wider than the terminal as a Korean console counts (`width_cjk`: `…`,
/// `·`, `→` take two columns), and the address on one line.
#[test]
fn korean_reports_fit_60_80_and_120_columns() {
    let h = Holder::start(&["--label", "a-label-long-enough-to-wrap-in-a-narrow-table"]);
    let p = h.port;
    let port = p.to_string();
    let pasted = format!("http://127.0.0.1:{p}/a/rather/long/path/from/the/browser");
    let address = format!("127.0.0.1:{p}");
    // Every screen is in Korean: the command line's own lines and the
    // report's.
    let runs: [Vec<&str>; 6] = [
        vec![&port],
        // clap wraps --help: by display width only with its `unicode`
        // feature (without it a Hangul syllable counted one column).
        vec!["--help"],
        vec!["--kill", "--dry-run", &port],
        vec![&pasted],
        vec!["--kill", "--dry-run", &pasted],
        vec!["--sugest", "--kill", "--dry-run", "a-rather-long-argument"],
    ];
    for cols in [60u16, 80, 120] {
        for args in &runs {
            let (_, screen) = on_terminal_in("ko_KR.UTF-8", args, cols);
            assert!(hangul(&screen), "{args:?} not Korean:\n{screen}");
            for line in screen.lines() {
                assert!(
                    line.width_cjk() <= usize::from(cols),
                    "{args:?} wider than {cols} ({}): {line:?}\n{screen}",
                    line.width_cjk()
                );
            }
            if !matches!(args[0], "--sugest" | "--help") {
                assert!(
                    screen.lines().any(|l| l.contains(&address)),
                    "{address} split at {cols}:\n{screen}"
                );
            }
        }
    }
}

/// Answers portcheck's `[y/N]` question on a pseudo-terminal with
/// `answer`; the exit status once it is done.
fn answer_on_a_terminal(args: &[&str], answer: &str) -> Option<i32> {
    use std::io::{Read, Write};
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let mut master = std::fs::File::from(pty.master);
    let slave = std::fs::File::from(pty.slave);
    let child = util::command()
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(slave.try_clone().unwrap())
        .stderr(slave)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 1024];
    while !seen.contains("[y/N]") {
        let n = master.read(&mut buf).unwrap();
        assert!(n > 0, "no question: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    master.write_all(answer.as_bytes()).unwrap();
    child.wait_with_output().unwrap().status.code()
}

/// In Korean the question also takes ㅛ, what the y key types in Hangul
/// mode; in English ㅛ is no answer, and nothing is signalled.
#[test]
fn the_hangul_y_key_answers_yes_in_korean_only() {
    for (lang, yes) in [("ko", true), ("en", false)] {
        let h = Holder::start(&[]);
        let code = answer_on_a_terminal(&["--lang", lang, "--kill", &h.port.to_string()], "ㅛ\n");
        assert_eq!(alive(h.pid()), !yes, "--lang {lang}: exit {code:?}");
        if yes {
            assert_eq!(code, Some(0), "--lang {lang}");
        }
    }
}
