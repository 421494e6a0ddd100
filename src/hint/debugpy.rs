//! debugpy's wrapper in argv (`python -m debugpy --listen 5678 …`, or
//! the path of the package a VS Code launcher runs): where it is, the
//! app's own command without it, and its options.

/// debugpy's options that take a value (`debugpy --help`, debugpy/server/cli.py).
const DEBUGPY_VALUED: &[&str] = &[
    "--listen",
    "--connect",
    "--adapter-access-token",
    "--configure-qt",
    "--configure-subProcess",
    "--log-to",
    "--pid",
    "--parent-session-pid",
];

/// Where debugpy wraps the app in `argv` (`python -m debugpy OPTIONS
/// TARGET…`, or the path of the `debugpy` package a VS Code launcher
/// runs): the index of the word that names it.
pub(crate) fn debugpy_at(argv: &[String]) -> Option<usize> {
    argv.iter().enumerate().find_map(|(i, a)| {
        let by_module = a == "debugpy" && i > 0 && argv[i - 1] == "-m";
        let by_path = a.ends_with("/debugpy") && i > 0;
        (by_module || by_path).then_some(i)
    })
}

/// The app's own command: `argv` without a debugpy wrapper (`python -m
/// debugpy --listen 5678 -m flask run` → `python -m flask run`; VS Code's
/// `python -X frozen_modules=off …/debugpy --connect … -m flask run` →
/// `python -m flask run`), and debugpy's options (name, value).
pub(crate) fn unwrap_debugpy(argv: &[String]) -> (Vec<String>, Vec<(String, String)>) {
    let Some(at) = debugpy_at(argv) else { return (argv.to_vec(), Vec::new()) };
    let mut app: Vec<String> = vec![argv[0].clone()];
    let mut opts = Vec::new();
    let mut i = at + 1;
    while let Some(a) = argv.get(i) {
        if !a.starts_with("--") {
            break;
        }
        let (name, value) = match a.split_once('=') {
            Some((n, v)) => (n.to_string(), v.to_string()),
            None if DEBUGPY_VALUED.contains(&a.as_str()) => {
                i += 1;
                (a.clone(), argv.get(i).cloned().unwrap_or_default())
            }
            None => (a.clone(), String::new()),
        };
        opts.push((name, value));
        i += 1;
    }
    app.extend(argv[i.min(argv.len())..].iter().cloned());
    (app, opts)
}
