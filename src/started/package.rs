//! An npm/yarn/pnpm script's package.json: how the server it runs takes
//! a port (a `--port` flag, `PORT`, or elsewhere).

use std::path::{Path, PathBuf};

use super::Package;
use crate::process::ProcessInfo;

/// package.json in the holder's folder: how its script takes a port.
pub(super) fn package(p: &ProcessInfo, dir: Option<&Path>) -> Option<Package> {
    let json_path = p
        .env("npm_package_json")
        .map(PathBuf::from)
        .or_else(|| dir.map(|d| d.join("package.json")))?;
    let text = crate::host::read_small(Path::new(""), &json_path.to_string_lossy())?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let name = p.env("npm_lifecycle_event")?;
    let script = v["scripts"][name].as_str()?.to_string();
    let words: Vec<&str> = script.split_whitespace().collect();
    if words.iter().any(|w| ["vite", "next"].contains(w)) || script.contains("webpack serve") {
        return Some(Package::PortFlag);
    }
    if words.contains(&"react-scripts") {
        return Some(Package::PortEnv);
    }
    let file = words
        .iter()
        .position(|w| *w == "node")
        .and_then(|i| words.get(i + 1))
        .map(|f| f.to_string());
    match file {
        Some(f) => {
            let folder = json_path.parent().unwrap_or(Path::new("."));
            let reads =
                crate::host::read_small(folder, &f).is_some_and(|t| t.contains("process.env.PORT"));
            Some(if reads { Package::PortEnv } else { Package::Elsewhere { file: f } })
        }
        None => Some(Package::Elsewhere { file: "package.json".into() }),
    }
}
