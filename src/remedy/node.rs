//! The Node.js servers' remedies: an npm/yarn/pnpm script by its
//! package.json, Vite, Next.js and webpack by their documented flags.

use super::command::command;
use super::{Here, Holder, Remedy};
use crate::hint::{Kind, Launcher};
use crate::i18n::{Msg, msg};
use crate::shell::{Command, Step};
use crate::started::Package;

/// Vite, Next.js, webpack and Node apps started by a package script.
pub(super) fn node(h: &Holder, here: &Here, port: u16) -> Option<Remedy> {
    let o = h.origin;
    let p = port.to_string();
    let script = o.launchers.iter().find_map(|l| match l {
        Launcher::PackageScript { tool, script } => Some((tool.clone(), script.clone())),
        _ => None,
    });
    let cmd = |words: &[&str], env: &[(&str, String)]| {
        Step::run(command(h, here, words.iter().map(|w| (*w).to_string()).collect(), env))
    };
    if let (Some((tool, name)), Some(pkg)) = (&script, &o.package) {
        let run: Vec<&str> =
            if name == "start" { vec![tool, "start"] } else { vec![tool, "run", name] };
        let (why, line) = match pkg {
            Package::PortFlag => {
                // npm passes a script's arguments after `--`; yarn and
                // pnpm pass what follows the script's name.
                let mut w = run.clone();
                if tool == "npm" {
                    w.push("--");
                }
                w.extend(["--port", &p]);
                (msg!("remedy-package-port-flag"), cmd(&w, &[]))
            }
            Package::PortEnv => {
                (msg!("remedy-package-port-env"), cmd(&run, &[("PORT", p.clone())]))
            }
            Package::Elsewhere { file } => {
                return Some(Remedy::words(
                    msg!("remedy-package-elsewhere"),
                    msg!("remedy-package-change", file = file, command = again(&run)),
                ));
            }
        };
        return Some(Remedy { why, lines: vec![line], moves: true });
    }
    let r = |why: Msg, lines: Vec<Step>| Some(Remedy { why, lines, moves: true });
    match o.kind {
        Kind::Vite => r(msg!("remedy-vite"), vec![cmd(&["npx", "vite", "--port", &p], &[])]),
        Kind::Next => {
            let sub = if o.app.iter().any(|a| a == "start") { "start" } else { "dev" };
            r(msg!("remedy-next"), vec![cmd(&["npx", "next", sub, "--port", &p], &[])])
        }
        Kind::Webpack => {
            r(msg!("remedy-webpack"), vec![cmd(&["npx", "webpack", "serve", "--port", &p], &[])])
        }
        _ => None,
    }
}

/// The script's command, said in a sentence: shell words, as this
/// machine's shell reads them (the script's name is the package's own).
fn again(run: &[&str]) -> String {
    Command::new(run.iter().copied()).render(crate::shell::here())
}
