//! The command line: bad input, help, completions, colour, pipes.

use crate::util::{self, *};
use std::process::Command;

#[test]
fn bad_ports_are_usage_errors_naming_the_value() {
    for bad in
        ["abc", "0", "70000", "65536", "-1", "5000-4000", "5000/sctp", "", "no-such-service-xyz"]
    {
        let run = portcheck(&[bad]);
        run.code(2);
        assert_eq!(run.stdout, "", "{bad:?}");
        assert_eq!(run.stderr.lines().count(), 1, "one line for {bad:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("portcheck: "), "{}", run.stderr);
        assert!(run.stderr.contains(&format!("'{bad}'")), "names {bad:?}: {}", run.stderr);
    }
}

#[test]
fn bad_flags_are_one_line_usage_errors() {
    for args in [&["--bogus"][..], &["--color", "sometimes", "80"][..]] {
        let run = portcheck(args);
        run.code(2);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.contains(args[args.len().min(2) - 1]), "{}", run.stderr);
    }
}

#[test]
fn help_and_version() {
    portcheck(&["--help"]).code(0).stdout_has("Exit status:").stdout_has("--json");
    portcheck(&["--version"]).code(0).stdout_has("portcheck ");
}

#[test]
fn broken_pipe_is_quiet() {
    // stdout is a pipe whose reader is already gone: the first write fails
    // with EPIPE, which is not an error worth a word.
    let _h = Holder::start(&[]);
    for args in [&[][..], &["--json"][..]] {
        let (reader, writer) = nix::unistd::pipe().unwrap();
        drop(reader);
        let out = util::command()
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::from(writer))
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let h = Holder::start(&[]);
    let port = h.port.to_string();
    // Piped: never, whatever the environment.
    let mut cmd = util::command();
    cmd.env_remove("NO_COLOR");
    let piped = util::run_with(cmd, &[&port]);
    assert!(!piped.stdout.contains('\x1b'), "{}", piped.stdout);
    // Asked for: always.
    let always = portcheck(&["--color", "always", &port]);
    assert!(always.stdout.contains("\x1b["), "{}", always.stdout);
    // On a terminal: yes, unless NO_COLOR is set (to anything but "").
    let (_, screen) = on_terminal_with(&[&port], None);
    assert!(screen.contains("\x1b["), "a terminal gets colour: {screen}");
    let (_, screen) = on_terminal_with(&["--color", "auto", &port], Some("1"));
    assert!(!screen.contains('\x1b'), "NO_COLOR=1: {screen}");
    let (_, screen) = on_terminal_with(&[&port], Some(""));
    assert!(screen.contains("\x1b["), "an empty NO_COLOR is no request: {screen}");
    // Refused: never, even on a terminal that would get it.
    let (code, screen) = on_terminal_with(&["--color", "never", &port], None);
    assert_eq!(code, Some(1));
    assert!(screen.contains(&port) && !screen.contains('\x1b'), "--color never: {screen}");
}

#[test]
fn control_characters_in_arguments_are_escaped_on_stderr() {
    let run = portcheck(&["\x1b]0;pwned\x07"]);
    run.code(2);
    assert!(!run.stderr.contains('\x1b'), "{:?}", run.stderr);
    run.stderr_has("\\e]0;pwned\\x07");
    use std::os::unix::ffi::OsStrExt;
    let out = util::command().arg(std::ffi::OsStr::from_bytes(b"\xff")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

#[test]
fn completions_for_every_shell_carry_the_flags() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = portcheck(&["--completions", shell]);
        run.code(0);
        for flag in ["kill", "suggest", "wait-free", "exposed", "json"] {
            // fish spells a long option `-l kill`, the others `--kill`.
            let spelled = if shell == "fish" { format!("-l {flag}") } else { format!("--{flag}") };
            assert!(run.stdout.contains(&spelled), "{shell} lacks {spelled}");
        }
    }
    portcheck(&["--completions", "tcsh"]).code(2);
}

#[test]
fn a_flag_without_its_mode_names_the_flag_and_the_mode() {
    for (args, line) in [
        (
            &["--dry-run", "5001"][..],
            "portcheck: --dry-run needs --kill: add --kill to the command\n",
        ),
        (&["-y", "5001"][..], "portcheck: -y needs --kill: add --kill to the command\n"),
        (&["--grace=2s", "80"][..], "portcheck: --grace needs --kill: add --kill to the command\n"),
        (&["-n", "3"][..], "portcheck: -n needs --suggest: add --suggest to the command\n"),
        (
            &["--count", "3", "8000"][..],
            "portcheck: --count needs --suggest: add --suggest to the command\n",
        ),
        // The user's arguments are never echoed into a line to paste.
        (
            &["-y", "5001;touch${IFS}PWNED", "$(id)"][..],
            "portcheck: -y needs --kill: add --kill to the command\n",
        ),
    ] {
        let run = portcheck(args);
        run.code(2);
        assert_eq!(run.stderr, line, "{args:?}");
    }
}

#[test]
fn help_at_80_columns_keeps_its_exit_status_and_examples_blocks() {
    let dir = tempdir::Dir::new();
    let (code, screen) = on_terminal_at(&["--help"], 80, &dir.path);
    assert_eq!(code, Some(0));
    assert!(screen.lines().all(|l| l.chars().count() <= 80), "{screen}");
    for line in [
        "  1  no: a given port is in use (still held after --kill), or the wait timed",
        "  3  could not complete: permission denied, no free port to suggest, a port",
        "     that could not be probed (unknown), or an operating-system error",
        "  portcheck --suggest 5000    the nearest free port at or above 5000",
        "  portcheck --wait-listen 30s 8000",
        "                              CI: wait until the server you started listens",
    ] {
        assert!(screen.lines().any(|l| l == line), "{line:?} reflowed:\n{screen}");
    }
    assert!(!screen.contains("docs/json.md"), "an installed binary has no docs/");
}

#[test]
fn a_bare_duration_of_1024_or_more_before_a_port_is_a_usage_error() {
    let port = free_port().to_string();
    for args in [
        &["--wait-listen", "5432", "6379"][..],
        &["--wait-free=5432", &port],
        &["--kill", "--grace", "1024", &port],
    ] {
        let run = portcheck(args);
        run.code(2);
        let n = if args[0].contains('=') { "5432" } else { args[args.len() - 2] };
        run.stderr_has(&format!("write {n}s if you mean {n} seconds"));
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
    // Smaller bare numbers stay seconds, and 1024s says what it means.
    portcheck(&["--wait-free", "5", &port]).code(0);
    portcheck(&["--wait-free", "1024s", &port]).code(0);
}

#[test]
fn the_duration_limit_is_stated() {
    let run = portcheck(&["--wait-free", "9000h", "80"]);
    run.code(2).stderr_has("invalid duration '9000h': at most 365 days (8760h");
}

/// README states the stack portcheck needs: 64 KiB for a release build,
/// 512 KiB for the debug build the tests run. Under that `ulimit -s` it
/// answers; under 16 KiB it cannot even start (what the statement warns of).
#[test]
fn stack_need_is_as_stated() {
    let need = if cfg!(debug_assertions) { 512 } else { 64 };
    let port = free_port().to_string();
    for (kib, works) in [(need, true), (16, false)] {
        let out = Command::new("sh")
            .args(["-c", &format!("ulimit -s {kib} && exec \"$0\" \"$@\"")])
            .arg(bin())
            .args(["--kill", &port])
            .output()
            .unwrap();
        assert_eq!(out.status.code() == Some(0), works, "ulimit -s {kib}: {out:?}");
    }
}
