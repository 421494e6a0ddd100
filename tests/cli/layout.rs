//! The report on a real terminal at 60, 80 and 120 columns: no line
//! wider than the terminal, addresses never split, the hint before the
//! command, the command shortened (whole with --wide).

use crate::util::{self, *};
use std::process::Command;

/// A holder recognised as gunicorn (the holder under that name), with a
/// long command line: a deep directory and extra arguments.
fn gunicorn_holder(dir: &tempdir::Dir) -> Holder {
    let deep = dir.path.join("a-rather-long-project-directory/.venv/bin");
    std::fs::create_dir_all(&deep).unwrap();
    let exe = deep.join("gunicorn");
    std::os::unix::fs::symlink(util::holder_bin(), &exe).unwrap();
    let (port, held) = hold_block(1);
    drop(held);
    let p = port.to_string();
    Holder::start_cmd(Command::new(&exe), &["--addr", "0.0.0.0", "--port", &p, "--workers", "1"])
}

#[test]
fn the_report_fits_60_80_and_120_columns() {
    let dir = tempdir::Dir::new();
    let h = gunicorn_holder(&dir);
    let port = h.port.to_string();
    let address = format!("0.0.0.0:{port}");
    for cols in [60u16, 80, 120] {
        let (code, screen) = on_terminal_at(&[&port], cols, &dir.path);
        assert_eq!(code, Some(1), "{screen}");
        for line in screen.lines() {
            // A command to paste is never cut: one word of it wider than
            // the terminal (the holder's deep path, which this PATH does
            // not give) stands alone on its line.
            let word = line.trim().trim_end_matches(" \\");
            if !word.contains(' ') && word.contains("a-rather-long-project-directory") {
                continue;
            }
            assert!(
                line.chars().count() <= usize::from(cols),
                "wider than {cols}: {line:?}\n{screen}"
            );
        }
        assert!(
            screen.lines().any(|l| l.contains(&address)),
            "{address} split at {cols}:\n{screen}"
        );
        let hint = screen.lines().position(|l| l.contains("gunicorn WSGI server"));
        let cmd = screen.lines().position(|l| l.contains("…/gunicorn --addr"));
        assert!(
            matches!((hint, cmd), (Some(a), Some(b)) if a < b),
            "hint before the shortened command at {cols}:\n{screen}"
        );
        let table = screen.contains(" PROTO  ADDRESS");
        assert_eq!(table, cols >= 80, "a table from 80 columns, blocks below:\n{screen}");
    }
    let (_, wide) = on_terminal_at(&["--wide", &port], 60, &dir.path);
    // Whole (its folder quoted when the shell needs it).
    let whole =
        wide.lines().find(|l| l.contains("a-rather-long-project-directory/.venv/bin/gunicorn"));
    assert!(whole.is_some_and(|l| l.contains(" --addr 0.0.0.0 --port")), "{wide}");
}
