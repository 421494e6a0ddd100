//! `--kill`'s manual way (issue 21, item 5): `by hand: kill PIDS` and
//! `find them: lsof -i :PORT`, once, before the `[y/N]` question and in a
//! dry run, never after the kill. Both lines are run for real, through
//! `sh`, from another folder than the holder's.

use crate::util::{self, *};
use std::process::Command;

/// The command after `label: ` on its line of `text`.
fn line_after<'a>(text: &'a str, label: &str) -> &'a str {
    text.lines()
        .find_map(|l| l.strip_prefix(label))
        .unwrap_or_else(|| panic!("no {label:?} line:\n{text}"))
}

fn sh(line: &str) -> std::process::Output {
    Command::new("sh").args(["-c", line]).current_dir("/").output().expect("sh")
}

#[test]
fn a_dry_run_shows_the_manual_way_and_it_works() {
    let h = Holder::start(&["--workers", "2"]);
    let port = h.port.to_string();
    let run = portcheck(&["--kill", "--dry-run", &port]);
    run.code(1);
    let pids: Vec<String> = sorted(h.pids.clone()).iter().map(u32::to_string).collect();
    let end = line_after(&run.stdout, "by hand: ");
    assert_eq!(end, format!("kill {}", pids.join(" ")), "{}", run.stdout);
    let find = line_after(&run.stdout, "find them: ");
    assert_eq!(find, format!("lsof -i :{port}"));
    let dry = run.stdout.find("Dry run:").expect("dry-run line");
    assert!(dry < run.stdout.find("by hand:").unwrap(), "{}", run.stdout);
    // What lsof lists is the holders.
    let listed = String::from_utf8_lossy(&sh(find).stdout).into_owned();
    for pid in &pids {
        assert!(listed.split_whitespace().any(|w| w == pid), "{pid} not in:\n{listed}");
    }
    assert!(alive(h.pid()), "a dry run signals nothing");
    assert!(sh(end).status.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !bindable(h.port) {
        assert!(std::time::Instant::now() < deadline, "still held after {end}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Another first signal is the one the manual way sends.
#[test]
fn the_manual_way_sends_the_first_signal_asked() {
    let h = Holder::start(&[]);
    let run = portcheck(&["--kill", "--dry-run", "--signal", "INT", &h.port.to_string()]);
    assert_eq!(line_after(&run.stdout, "by hand: "), format!("kill -s INT {}", h.pid()));
}

/// On a terminal the manual way comes before the question, once; with
/// `-y` (no question) and in JSON it is not shown.
#[test]
fn the_manual_way_comes_before_the_question_and_never_after() {
    use std::io::{Read, Write};
    let h = Holder::start(&[]);
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let mut master = std::fs::File::from(pty.master);
    master.write_all(b"y\n").unwrap();
    let slave = std::fs::File::from(pty.slave);
    let status = util::command()
        .args(["--kill", &h.port.to_string()])
        .env("NO_COLOR", "1")
        .stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n @ 1..) = master.read(&mut buf) {
        raw.extend_from_slice(&buf[..n]);
    }
    let screen = String::from_utf8_lossy(&raw).replace("\r\n", "\n");
    let by_hand = screen.find(&format!("by hand: kill {}\n", h.pid()));
    let asked = screen.find("[y/N]");
    assert!(matches!((by_hand, asked), (Some(a), Some(b)) if a < b), "{screen}");
    assert_eq!(screen.matches("by hand:").count(), 1, "{screen}");
    assert_eq!(screen.matches("find them:").count(), 1, "{screen}");
    let h = Holder::start(&[]);
    let run = portcheck(&["--kill", "-y", &h.port.to_string()]);
    run.code(0);
    assert!(!run.stdout.contains("by hand") && !run.stdout.contains("find them"), "{}", run.stdout);
    let h = Holder::start(&[]);
    let run = portcheck(&["--kill", "--dry-run", "--json", &h.port.to_string()]);
    assert!(!run.stdout.contains("by hand"), "{}", run.stdout);
}
