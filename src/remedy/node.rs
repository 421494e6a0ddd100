//! The Node.js servers' remedies: an npm/yarn/pnpm script by its
//! package.json, Vite, Next.js and webpack by their documented flags.

use super::command::command;
use super::{Here, Holder, Remedy};
use crate::hint::{Kind, Launcher};
use crate::shell::Step;
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
                ("its package.json script runs a server that takes --port", cmd(&w, &[]))
            }
            Package::PortEnv => (
                "its package.json script runs a server that reads PORT",
                cmd(&run, &[("PORT", p.clone())]),
            ),
            Package::Elsewhere { file } => {
                return Some(Remedy::words(
                    "its package.json script does not take a port portcheck can see",
                    format!(
                        "change the port where {file} sets it, then {tool} {} again",
                        if name == "start" { "start".to_string() } else { format!("run {name}") }
                    ),
                ));
            }
        };
        return Some(Remedy { why: why.into(), lines: vec![line], moves: true });
    }
    let r = |why: &str, lines: Vec<Step>| Some(Remedy { why: why.into(), lines, moves: true });
    match o.kind {
        Kind::Vite => r(
            "Vite takes --port (it does not read PORT)",
            vec![cmd(&["npx", "vite", "--port", &p], &[])],
        ),
        Kind::Next => {
            let sub = if o.app.iter().any(|a| a == "start") { "start" } else { "dev" };
            r(
                "Next.js takes -p/--port or reads PORT",
                vec![cmd(&["npx", "next", sub, "--port", &p], &[])],
            )
        }
        Kind::Webpack => r(
            "webpack-dev-server takes --port",
            vec![cmd(&["npx", "webpack", "serve", "--port", &p], &[])],
        ),
        _ => None,
    }
}
