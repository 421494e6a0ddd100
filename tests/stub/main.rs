//! A stand-in for a program advice runs (flask, npm, sc.exe…): it prints
//! what it was given as one JSON line — its argument words (without
//! argv[0]), its working directory and the variables advice sets
//! (`PORT`, `FLASK_RUN_PORT`) — and exits 0. The cmd.exe test copies it
//! under each program's name (src/shell/win.rs).

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
    let env: serde_json::Map<String, serde_json::Value> = ["PORT", "FLASK_RUN_PORT"]
        .iter()
        .filter_map(|n| std::env::var(n).ok().map(|v| (n.to_string(), v.into())))
        .collect();
    let line = serde_json::json!({ "argv": argv, "cwd": cwd, "env": env });
    let mut out = std::io::stdout().lock();
    std::io::Write::write_all(&mut out, format!("{line}\n").as_bytes()).expect("stdout");
}
