//! A remedy's command as the reader must type it: in the holder's
//! folder, as its user, its program by base name only when that name on
//! the reader's PATH is the very file the holder ran.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::{Here, Holder, base, with_env};
use crate::shell::{Command, Step};
use crate::started::Started;

/// A step's command run where and as the holder ran (`cd DIR &&`,
/// `sudo -u USER`, the tool's path unless the same file is on PATH here).
pub(super) fn relocate(h: &Holder, here: &Here, step: Step) -> Step {
    match step.run {
        Some(c) => {
            let words: Vec<String> =
                c.argv().iter().map(|w| w.to_string_lossy().into_owned()).collect();
            Step { note: step.note, run: Some(command(h, here, words, &[])) }
        }
        None => step,
    }
}

/// The command `words` with `env` assignments, to run as the holder ran:
/// in its folder when that is not portcheck's, as its user when that is
/// not portcheck's (`sudo -u USER env NAME=V …`), its program by base name
/// only when that name on portcheck's PATH is the same file as the
/// holder's.
pub(super) fn command(
    h: &Holder,
    here: &Here,
    mut words: Vec<String>,
    env: &[(&str, String)],
) -> Command {
    let o = h.origin;
    if let Some(first) = words.first_mut() {
        *first = short(first, o, here);
    }
    // The same debugpy wrapper, on a free port; its `--connect` and token
    // plumbing belong to the running instance and are never copied.
    if let Some(listen) = &h.listen
        && words.first().is_some_and(|w| base(w).starts_with("python"))
    {
        let mut wrap: Vec<String> =
            vec!["-m".into(), "debugpy".into(), "--listen".into(), listen.clone()];
        if o.debugpy_opt("--wait-for-client").is_some() {
            wrap.push("--wait-for-client".into());
        }
        words.splice(1..1, wrap);
    }
    let sudo = match (o.uid, here.uid) {
        (Some(theirs), Some(mine)) if theirs != mine => {
            Some(o.user.clone().unwrap_or_else(|| format!("#{theirs}")))
        }
        _ => None,
    };
    let mut cmd = match sudo {
        Some(user) => {
            let mut w: Vec<String> = vec!["sudo".into(), "-u".into(), user];
            if !env.is_empty() {
                w.push("env".into());
                w.extend(env.iter().map(|(n, v)| format!("{n}={v}")));
            }
            w.extend(words);
            Command::new(w)
        }
        None => env.iter().fold(Command::new(words), |c, (n, v)| with_env(c, n, v.clone())),
    };
    if let Some(dir) = o.cwd_path()
        && here.cwd.as_deref() != Some(dir)
    {
        cmd = cmd.in_dir(dir);
    }
    cmd
}

/// `word` (a program as the holder ran it) as the reader types it: its
/// base name when that name on the reader's PATH is the very file the
/// holder ran (device and inode), else the path (the holder's own PATH
/// resolves a bare name).
fn short(word: &str, o: &Started, here: &Here) -> String {
    let name = base(word);
    let cwd = o.cwd_path();
    let theirs = if word.contains('/') {
        Some(cwd.map_or_else(|| PathBuf::from(word), |d| d.join(word)))
    } else {
        which(name, o.path.as_deref().map(OsStr::new), cwd)
    };
    let mine = which(name, here.path.as_deref(), here.cwd.as_deref());
    match (theirs, mine) {
        (Some(t), Some(m)) if crate::host::same_file(&t, &m) => name.to_string(),
        (Some(t), _) if !word.contains('/') && t.is_absolute() => t.to_string_lossy().into_owned(),
        _ => word.to_string(),
    }
}

/// The first `dir/name` on `path` that exists.
fn which(name: &str, path: Option<&OsStr>, cwd: Option<&Path>) -> Option<PathBuf> {
    std::env::split_paths(path?).find_map(|d| {
        let d = if d.is_relative() { cwd?.join(d) } else { d };
        let f = d.join(name);
        f.symlink_metadata().is_ok().then_some(f)
    })
}
