//! `--suggest`: free ports proven by binding.

use crate::util::{self, *};

pub fn suggested(args: &[&str]) -> Vec<u16> {
    let run = portcheck(args);
    run.code(0);
    run.stdout
        .lines()
        .map(|l| l.trim().parse().unwrap_or_else(|_| panic!("bare number: {l:?}")))
        .collect()
}

fn bindable_v4_v6(port: u16) -> bool {
    std::net::TcpListener::bind(("0.0.0.0", port)).is_ok()
        && std::net::TcpListener::bind(("::", port)).is_ok()
}

#[test]
fn suggest_skips_a_held_block() {
    let (base, _held) = hold_block(4);
    let got = suggested(&["--suggest", &base.to_string()]);
    assert_eq!(got.len(), 1);
    assert!(got[0] >= base + 4, "{got:?} for held {base}..{}", base + 3);
    assert!(bindable_v4_v6(got[0]));
}

#[test]
fn suggest_count_gives_distinct_bindable_ports() {
    let (base, _held) = hold_block(1);
    let got = suggested(&["--suggest", "-n", "3", &base.to_string()]);
    assert_eq!(got.len(), 3);
    let mut d = got.clone();
    d.dedup();
    assert_eq!(d, got);
    assert!(got.windows(2).all(|w| w[0] < w[1]));
    assert!(!got.contains(&base));
    assert!(got.iter().all(|&p| bindable_v4_v6(p)), "{got:?}");
}

#[test]
fn suggest_respects_an_ipv6_only_listener_on_the_base() {
    // Find a free base by holding it over IPv6 only; IPv4 stays free.
    let (base, held) = hold_block(1);
    drop(held);
    let Some(_v6) = Holder::try_start(&["--addr", "::", "--v6only", "--port", &base.to_string()])
    else {
        panic!("could not hold {base} over IPv6");
    };
    let got = suggested(&["--suggest", &base.to_string()]);
    assert_ne!(got[0], base);
}

#[test]
fn suggest_json_and_piped_output() {
    let (base, _held) = hold_block(1);
    let run = portcheck(&["--suggest", "--json", &base.to_string()]);
    run.code(0);
    let v = run.json();
    assert_eq!(v["base"], base);
    assert_eq!(v["suggestions"].as_array().unwrap().len(), 1);
    // Piped (not a terminal): the number alone, ready for PORT=$(...).
    let piped = portcheck(&["--suggest", &base.to_string()]);
    assert!(piped.stdout.trim().parse::<u16>().is_ok(), "{}", piped.stdout);
    assert_eq!(piped.stdout.lines().count(), 1);
}

#[test]
fn suggest_usage_errors() {
    portcheck(&["--suggest", "3000-3005"]).code(2);
    portcheck(&["--suggest", "-n", "0"]).code(2);
    let mut cmd = util::command();
    cmd.env("PORT", "abc");
    util::run_with(cmd, &["--suggest"]).code(2).stderr_has("'abc'");
}

#[test]
#[ignore = "needs root for a private network namespace (fixed ports 5000, 5431, 8000); .ci/run runs it"]
fn suggest_fixed_ports_in_a_clean_port_space() {
    in_private_netns(|| {
        let _block: Vec<Holder> = (5000..=5003)
            .map(|p| Holder::start(&["--addr", "0.0.0.0", "--port", &p.to_string()]))
            .collect();
        assert_eq!(suggested(&["--suggest", "5000"]), vec![5004]);
        // 5432 is PostgreSQL's: skipped even though it is free.
        let _pg = Holder::start(&["--addr", "0.0.0.0", "--port", "5431"]);
        assert_eq!(suggested(&["--suggest", "5431"]), vec![5433]);
        // $PORT is the base when no PORT is given; 8000 when neither is.
        let mut cmd = util::command();
        cmd.env("PORT", "5000");
        let run = util::run_with(cmd, &["--suggest"]);
        run.code(0);
        assert_eq!(run.stdout.trim(), "5004");
        assert_eq!(suggested(&["--suggest"]), vec![8000]);
        // A dynamic base lands above the ephemeral range.
        let range = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range").unwrap();
        let hi: u16 = range.split_whitespace().nth(1).unwrap().parse().unwrap();
        let got = suggested(&["--suggest", "50000"]);
        assert!(got[0] > hi && got[0] >= 49152, "{got:?}");
        // The top of the registered class (inside the ephemeral range here)
        // moves up a class, never down to 1024.
        let run = portcheck(&["--suggest", "49151"]);
        run.code(0).stderr_has("49151 is inside the ephemeral range");
        let got: u16 = run.stdout.trim().parse().unwrap();
        assert!(got > hi, "{got}");
    });
}

#[test]
fn suggest_on_a_terminal_names_the_holder_and_gives_lines_to_paste() {
    let (base, held) = hold_block(1);
    let (code, screen) = on_terminal(&["--suggest", &base.to_string()]);
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains(&format!("Port {base} is taken by pid {}", held[0].pid())), "{screen}");
    let n: u16 = screen
        .lines()
        .find_map(|l| l.strip_prefix("Free port: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("Free port: line: {screen}"));
    assert!(n > base);
    // No project here: generic forms that say what they assume, never a
    // bare PORT=N line nor a Flask line.
    assert!(
        screen.contains(&format!("if your app reads $PORT: start it with PORT={n} in its")),
        "{screen}"
    );
    assert!(screen.contains(&format!("if it takes --port: start it with --port {n}")), "{screen}");
    assert!(!screen.contains('#') && !screen.contains("your-command"), "{screen}");
    assert!(!screen.lines().any(|l| l.trim() == format!("PORT={n}")), "{screen}");
    assert!(!screen.contains("flask"), "{screen}");
}

#[test]
#[ignore = "needs root to run portcheck as an unprivileged user; .ci/run runs it"]
fn suggest_without_the_right_to_bind_low_ports_says_so_and_searches_from_1024() {
    assert!(nix::unistd::geteuid().is_root(), "run as root");
    let (_dir, exe) = world_runnable_copy();
    let cmd = as_user(65534, &exe);
    let unpriv = std::fs::read_to_string("/proc/sys/net/ipv4/ip_unprivileged_port_start").unwrap();
    assert_eq!(unpriv.trim(), "1024", "the test assumes the default privileged range");
    // Without the right to bind below 1024: a port from 1024 up, and why.
    let run = util::run_with(cmd, &["--suggest", "80"]);
    run.code(0).stderr_has("binding below 1024 needs root or CAP_NET_BIND_SERVICE");
    let n: u16 = run.stdout.trim().parse().expect("a number");
    assert!(n >= 1024, "{n}");
}
