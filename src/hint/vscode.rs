//! VS Code's own processes, which forward ports to localhost for
//! Remote-SSH, Dev Containers and WSL: recognised by name and by where
//! their program is installed, never a user's `node` that merely runs
//! from a similar folder.

/// The directories VS Code's remote server installs itself in (Remote-SSH,
/// Dev Containers, WSL): nothing else runs from them.
const VSCODE_SERVER_DIRS: &[&str] =
    &[".vscode-server", ".vscode-server-insiders", ".vscode-remote"];

/// Where Linux packages install the desktop editor (`.deb`/`.rpm`, the
/// snap under `/snap/code/<rev>/usr/share/code/code`, Arch's package).
const VSCODE_LINUX_INSTALLS: &[&str] = &[
    "/usr/share/code/code",
    "/usr/share/code-insiders/code-insiders",
    "/opt/visual-studio-code/code",
];

/// Whether `name`/`command` is VS Code itself, which forwards ports to
/// localhost for Remote-SSH, Dev Containers and WSL: the desktop editor's
/// processes by name (`Code Helper`, `Code Helper (Plugin)`, `Code.exe`,
/// `code-server`, and their Insiders builds), Linux's `code` only as
/// installed by its packages, and `code…` or `node` only when the program
/// runs from a VS Code server directory
/// (`~/.vscode-server/bin/<commit>/node`). A user's own `node server.js`
/// is not VS Code.
pub(crate) fn is_vscode(name: &str, command: &[String]) -> bool {
    let desktop = [
        "Code Helper",
        "Code Helper (Plugin)",
        "Code - Insiders Helper",
        "Code - Insiders Helper (Plugin)",
        "code-server",
    ];
    let windows = ["Code.exe", "Code - Insiders.exe"];
    if desktop.contains(&name) || windows.iter().any(|w| name.eq_ignore_ascii_case(w)) {
        return true;
    }
    let exe = command.first().map_or("", String::as_str);
    if ["code", "code-insiders"].contains(&name)
        && VSCODE_LINUX_INSTALLS.iter().any(|i| exe.ends_with(i))
    {
        return true;
    }
    let in_server_dir = exe
        .split(['/', '\\'])
        .any(|dir| VSCODE_SERVER_DIRS.iter().any(|d| dir.eq_ignore_ascii_case(d)));
    // `code-<commit>` is the VS Code CLI of newer servers (cut to 15
    // bytes by Linux's `comm`).
    in_server_dir
        && (name.eq_ignore_ascii_case("node")
            || name.eq_ignore_ascii_case("node.exe")
            || name.starts_with("code"))
}
