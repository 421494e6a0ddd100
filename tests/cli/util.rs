//! The test harness: run the built portcheck, and hold ports with real
//! processes (the `holder` example) that are killed and reaped on drop.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The portcheck binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_portcheck"))
}

/// The holder helper, built by `cargo test` as an example next to the binary.
pub fn holder_bin() -> PathBuf {
    let mut p = bin();
    p.pop();
    p.push("examples");
    p.push("holder");
    assert!(p.exists(), "holder helper not built at {}", p.display());
    p
}

/// A finished portcheck run, with everything needed to explain a failure.
pub struct Run {
    pub cmd: String,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn explain(&self) -> String {
        format!(
            "command: {}\nstatus: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.cmd, self.code, self.stdout, self.stderr
        )
    }

    /// Asserts the exit status, printing the whole run when it differs.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(self.code, Some(expected), "unexpected exit status\n{}", self.explain());
        self
    }

    /// A text assertion: checked when the tests run in English
    /// ([`english`]), skipped in another language.
    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Run {
        assert!(has(&self.stdout, needle), "stdout lacks {needle:?}\n{}", self.explain());
        self
    }

    /// A text assertion, as [`Run::stdout_has`].
    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Run {
        assert!(has(&self.stderr, needle), "stderr lacks {needle:?}\n{}", self.explain());
        self
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", self.explain()))
    }
}

/// The locale every portcheck of the tests runs in: `$PORTCHECK_TEST_LANG`
/// (`.ci/run` runs some modules again with `ko_KR.UTF-8`), else `C`.
pub fn test_lang() -> String {
    std::env::var("PORTCHECK_TEST_LANG")
        .ok()
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "C".into())
}

/// Whether portcheck speaks English in the tests' locale: text
/// assertions (the words of a report) run only then; JSON and exit
/// statuses are checked in every language.
pub fn english() -> bool {
    let lang = test_lang();
    let name = lang.split(['.', '@']).next().unwrap_or("");
    matches!(name, "C" | "POSIX") || name == "en" || name.starts_with("en_")
}

/// `text` contains `needle`, asserted in English only: the words of a
/// report change with the language, JSON and exit statuses do not.
pub fn has(text: &str, needle: &str) -> bool {
    !english() || text.contains(needle)
}

/// Gives `cmd` the tests' locale: `LANG=$PORTCHECK_TEST_LANG` (else `C`),
/// with `LC_ALL`, `LC_MESSAGES`, `LANGUAGE` and `PORTCHECK_LANG` removed,
/// each unless the test set it on `cmd` already.
pub fn lang_env(cmd: &mut Command) -> &mut Command {
    let set: Vec<String> = cmd.get_envs().map(|(k, _)| k.to_string_lossy().into_owned()).collect();
    let given = |name: &str| set.iter().any(|k| k == name);
    if !given("LANG") {
        cmd.env("LANG", test_lang());
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "PORTCHECK_LANG"] {
        if !given(name) {
            cmd.env_remove(name);
        }
    }
    cmd
}

/// The portcheck under test as a command, in the tests' locale.
pub fn command() -> Command {
    let mut cmd = Command::new(bin());
    lang_env(&mut cmd);
    cmd
}

/// Runs portcheck with a pinned environment (no colour, fixed width, the
/// tests' locale).
pub fn portcheck(args: &[&str]) -> Run {
    run_with(Command::new(bin()), args)
}

/// Runs `cmd` (portcheck or a wrapper around it) with `args` appended.
pub fn run_with(mut cmd: Command, args: &[&str]) -> Run {
    lang_env(&mut cmd);
    cmd.args(args).env("NO_COLOR", "1").env("COLUMNS", "200").stdin(Stdio::null());
    if !cmd.get_envs().any(|(k, _)| k == "PORT") {
        cmd.env_remove("PORT");
    }
    let shown = format!("{cmd:?}");
    let out: Output = cmd.output().expect("run portcheck");
    Run {
        cmd: shown,
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A process (and its workers) holding a port; killed and reaped on drop.
pub struct Holder {
    child: Child,
    stdin: Option<ChildStdin>,
    pub port: u16,
    /// The holder's pid first, then its workers'.
    pub pids: Vec<u32>,
}

impl Holder {
    /// Starts `holder ARGS` and waits (at most 10 s) for its READY line.
    pub fn start(args: &[&str]) -> Holder {
        Holder::start_cmd(Command::new(holder_bin()), args)
    }

    /// Like [`Holder::start`], but `None` when the holder cannot bind.
    pub fn try_start(args: &[&str]) -> Option<Holder> {
        Holder::spawn(Command::new(holder_bin()), args).ok()
    }

    /// Like [`Holder::start`] but with a prepared command (another user, say).
    pub fn start_cmd(cmd: Command, args: &[&str]) -> Holder {
        Holder::spawn(cmd, args).unwrap_or_else(|e| panic!("{e}"))
    }

    fn spawn(mut cmd: Command, args: &[&str]) -> Result<Holder, String> {
        let mut child = cmd
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("spawn holder: {e}"))?;
        let stdout = child.stdout.take().expect("holder stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("holder {args:?} did not become ready"));
            }
        };
        let mut words = line.split_whitespace();
        if words.next() != Some("READY") {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("holder {args:?} failed: {line:?}"));
        }
        let port = words.next().and_then(|p| p.parse().ok()).expect("port");
        let pids =
            words.next().expect("pids").split(',').map(|p| p.parse().expect("pid")).collect();
        let stdin = child.stdin.take();
        Ok(Holder { child, stdin, port, pids })
    }

    pub fn pid(&self) -> u32 {
        self.pids[0]
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        for &pid in self.pids.iter().rev() {
            let _ = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(pid as i32),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

/// A port the kernel just handed out and that nothing holds now.
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

/// The JSON object of `port` in a query report.
pub fn port_obj(v: &serde_json::Value, port: u16) -> serde_json::Value {
    v["ports"]
        .as_array()
        .expect("ports")
        .iter()
        .find(|p| p["port"] == port)
        .cloned()
        .unwrap_or_else(|| panic!("port {port} not in report: {v}"))
}

/// Every pid listed under `sockets[*].processes[*]` of a port or listing object.
pub fn pids_of(sockets: &serde_json::Value) -> Vec<u32> {
    let mut pids: Vec<u32> = sockets
        .as_array()
        .expect("sockets")
        .iter()
        .flat_map(|s| s["processes"].as_array().cloned().unwrap_or_default())
        .map(|p| p["pid"].as_u64().expect("pid") as u32)
        .collect();
    pids.sort_unstable();
    pids.dedup();
    pids
}

pub fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v
}

/// Whether `pid` is this test process's child or grandchild, or is gone
/// (a holder of another test that just exited).
pub fn descends_from_me(pid: u32) -> bool {
    let me = std::process::id();
    let mut p = pid;
    for _ in 0..3 {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else { return true };
        let Some(after) = stat.rsplit_once(')').map(|x| x.1) else { return true };
        let Some(ppid) = after.split_whitespace().nth(1).and_then(|x| x.parse().ok()) else {
            return true;
        };
        if ppid == me {
            return true;
        }
        p = ppid;
    }
    false
}

/// Holds `n` consecutive ports (wildcard IPv4 and IPv6) outside the
/// ephemeral range and the popular defaults, found by binding, and returns
/// the first port with the holders. Each call starts its search elsewhere,
/// so tests running at once do not collide.
pub fn hold_block(n: u16) -> (u16, Vec<Holder>) {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(0);
    for _ in 0..200 {
        let slot = NEXT.fetch_add(1, Ordering::Relaxed) % 400;
        let base = 20000 + slot * 25 + (std::process::id() % 5) as u16;
        let mut held = Vec::new();
        for p in base..base + n {
            match Holder::try_start(&["--addr", "::", "--dual", "--port", &p.to_string()]) {
                Some(h) => held.push(h),
                None => break,
            }
        }
        if held.len() == usize::from(n) {
            return (base, held);
        }
    }
    panic!("no block of {n} free ports found in 20000-29999");
}

/// Runs `f` on a fresh thread inside a private network namespace (root
/// only): a clean port space where fixed ports like 5000 are free. The
/// namespace belongs to the thread, so every process it spawns is inside.
pub fn in_private_netns<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(move || {
        nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNET).expect("unshare -n (needs root)");
        let up =
            Command::new("ip").args(["link", "set", "lo", "up"]).status().expect("ip (iproute2)");
        assert!(up.success(), "ip link set lo up");
        f()
    })
    .join()
    .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

// ------------------------------------------------ shared by several modules

/// A copy of the binary that any user can run (the build tree may not be
/// readable by others).
pub fn world_runnable_copy() -> (tempdir::Dir, std::path::PathBuf) {
    let dir = tempdir::Dir::new();
    let dst = dir.path.join("portcheck");
    install(&bin(), &dst);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&dir.path, std::fs::Permissions::from_mode(0o755)).unwrap();
    (dir, dst)
}

/// Copies the program `src` to `dst` (mode 0755) in a child process,
/// `install`: a copy written by this process would be open for writing
/// in whatever child another test thread forks meanwhile (until it
/// execs), and running the copy would then fail with ETXTBSY ("Text file
/// busy").
pub fn install(src: &std::path::Path, dst: &std::path::Path) {
    let status = Command::new("install")
        .args(["-m", "0755"])
        .arg(src)
        .arg(dst)
        .stdin(Stdio::null())
        .status()
        .expect("install (coreutils)");
    assert!(status.success(), "install {} {}", src.display(), dst.display());
}

pub mod tempdir {
    pub struct Dir {
        pub path: std::path::PathBuf,
    }
    impl Dir {
        pub fn new() -> Dir {
            // One folder per call: a test may need two (the holder's and
            // another one to ask from).
            static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let path =
                std::env::temp_dir().join(format!("portcheck-test-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&path).unwrap();
            Dir { path }
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

pub fn alive(pid: u32) -> bool {
    // A zombie (killed, not yet reaped by the guard) counts as gone.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| s.rsplit_once(')').and_then(|x| x.1.split_whitespace().next()) != Some("Z"))
        .unwrap_or(false)
}

pub fn actions(v: &serde_json::Value) -> Vec<(u32, String, String)> {
    let mut a: Vec<(u32, String, String)> = v["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| {
            (
                a["pid"].as_u64().unwrap() as u32,
                a["signal"].as_str().unwrap_or("").to_string(),
                a["result"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    a.sort();
    a
}

/// The port can be bound again by a server (on the wildcard address).
pub fn bindable(port: u16) -> bool {
    std::net::TcpListener::bind(("0.0.0.0", port)).is_ok()
}

/// Runs portcheck with stdout on a pseudo-terminal; returns what it showed.
pub fn on_terminal(args: &[&str]) -> (Option<i32>, String) {
    on_terminal_with(args, Some("1"))
}

/// Like [`on_terminal`], with NO_COLOR set to `no_color` or unset.
pub fn on_terminal_with(args: &[&str], no_color: Option<&str>) -> (Option<i32>, String) {
    let mut cmd = Command::new(bin());
    match no_color {
        Some(v) => cmd.env("NO_COLOR", v),
        None => cmd.env_remove("NO_COLOR"),
    };
    on_pty(cmd.env("COLUMNS", "200"), args)
}

/// Runs portcheck on a pseudo-terminal `columns` wide (no COLUMNS: the
/// terminal's own size), in `dir`, without colour.
pub fn on_terminal_at(args: &[&str], columns: u16, dir: &std::path::Path) -> (Option<i32>, String) {
    let size = nix::pty::Winsize { ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0 };
    let mut cmd = Command::new(bin());
    cmd.env("NO_COLOR", "1").env_remove("COLUMNS").current_dir(dir);
    on_pty_sized(&mut cmd, args, Some(&size), false)
}

/// Like [`on_terminal_at`] with stderr on the terminal too (errors), in
/// the tests' locale.
pub fn on_whole_terminal_at(args: &[&str], columns: u16) -> (Option<i32>, String) {
    on_terminal_in(&test_lang(), args, columns)
}

/// Runs portcheck on a pseudo-terminal `columns` wide, stdout and stderr
/// both on it, with `LANG=lang` and without colour.
pub fn on_terminal_in(lang: &str, args: &[&str], columns: u16) -> (Option<i32>, String) {
    let size = nix::pty::Winsize { ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0 };
    let mut cmd = Command::new(bin());
    cmd.env("NO_COLOR", "1").env_remove("COLUMNS").env("LANG", lang);
    on_pty_sized(&mut cmd, args, Some(&size), true)
}

/// Runs `cmd` with stdout on a fresh pseudo-terminal (it reports 0
/// columns); what it showed, read to its end.
pub fn on_pty(cmd: &mut Command, args: &[&str]) -> (Option<i32>, String) {
    on_pty_sized(cmd, args, None, false)
}

fn on_pty_sized(
    cmd: &mut Command,
    args: &[&str],
    size: Option<&nix::pty::Winsize>,
    stderr_too: bool,
) -> (Option<i32>, String) {
    use std::io::Read;
    let pty = nix::pty::openpty(size, None).expect("openpty");
    let mut master = std::fs::File::from(pty.master);
    let slave = std::fs::File::from(pty.slave);
    cmd.env_remove("PORT");
    lang_env(cmd);
    if stderr_too {
        cmd.stderr(slave.try_clone().expect("dup pty"));
    }
    let mut child =
        cmd.args(args).stdin(std::process::Stdio::null()).stdout(slave).spawn().unwrap();
    // Drop the command's copy of the slave: the master then reads EOF (EIO)
    // once the child exits.
    cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    // Read while it runs: a report longer than the pty's buffer would block it.
    let reader = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = vec![0u8; 65536];
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        all
    });
    let status = child.wait().unwrap();
    let out = reader.join().unwrap_or_default();
    (status.code(), String::from_utf8_lossy(&out).replace("\r\n", "\n"))
}

/// `program` run as `uid` (and the same gid) with no supplementary groups,
/// through setpriv.
pub fn as_user(uid: u32, program: &std::path::Path) -> Command {
    let mut cmd = Command::new("setpriv");
    cmd.args([&format!("--reuid={uid}"), &format!("--regid={uid}"), "--clear-groups", "--"])
        .arg(program);
    cmd
}

/// Leaves a TIME_WAIT connection on `listener`'s loopback port: a client
/// connects, the accepted side closes first.
pub fn leave_time_wait(listener: &std::net::TcpListener) {
    use std::io::Read;
    let port = listener.local_addr().unwrap().port();
    let mut client = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let (server, _) = listener.accept().unwrap();
    drop(server);
    let _ = client.read(&mut [0u8; 1]); // sees the FIN
    drop(client);
}

/// Leaves a TIME_WAIT connection on a fresh loopback port (the server side
/// closes first) and returns the listener, still listening on that port.
pub fn time_wait_beside_a_listener() -> std::net::TcpListener {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    leave_time_wait(&listener);
    listener
}

/// A fresh loopback port with a TIME_WAIT connection and no listener.
pub fn time_wait_port() -> u16 {
    let listener = time_wait_beside_a_listener();
    listener.local_addr().unwrap().port()
}

/// A python3 program (the system's) that prints one line — a port — and
/// runs until its stdin closes; closed, killed and reaped on drop.
pub struct Python {
    pub child: Child,
    pub line: String,
}

impl Python {
    /// `python3 ARGS`, once its first line is out.
    pub fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Python {
        let mut child = Command::new("python3")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("line");
        Python { child, line }
    }

    /// `python3 -c CODE`.
    pub fn code(code: &str) -> Python {
        Python::run(&["-c", code])
    }

    /// The first line, as a port.
    pub fn port(&self) -> u16 {
        self.line.trim().parse().unwrap_or_else(|_| panic!("not a port: {:?}", self.line))
    }
}

impl Drop for Python {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
