//! The command line's unit tests: parsing, values, reshaped errors.

use std::time::Duration;

use clap::{CommandFactory, Parser};

use super::args::Cli;
use super::man;
use super::reshape::{duration_flags, needs_mode, negative_port, takes_a_value};
use super::value::{PortSpec, parse_duration, parse_port_spec};
use crate::net::Protocol;
use crate::services::Services;

fn services() -> Services {
    Services::load()
}

#[test]
fn clap_definition_is_consistent() {
    Cli::command().debug_assert();
}

/// docs/portcheck.1 is generated from the clap command; regenerate it
/// with `UPDATE_MAN=1 cargo test man_page`.
#[test]
fn man_page_is_in_sync() {
    let page = man::page();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/portcheck.1");
    if std::env::var_os("UPDATE_MAN").is_some() {
        std::fs::write(path, &page).unwrap();
    }
    assert!(
        man::in_sync(std::path::Path::new(path), &page),
        "docs/portcheck.1 is out of date: run UPDATE_MAN=1 cargo test man_page"
    );
}

#[test]
fn parses_numbers_ranges_names_and_protocols() {
    let s = services();
    let spec = |a| parse_port_spec(a, &s).unwrap();
    assert_eq!(spec("5000"), PortSpec { first: 5000, last: 5000, protocol: None });
    assert_eq!(spec("65535").last, 65535);
    assert_eq!(spec("3000-3010"), PortSpec { first: 3000, last: 3010, protocol: None });
    assert_eq!(spec("53/udp"), PortSpec { first: 53, last: 53, protocol: Some(Protocol::Udp) });
    assert_eq!(spec("8000-8001/tcp").protocol, Some(Protocol::Tcp));
    assert_eq!(spec("redis").first, 6379);
    assert_eq!(spec("postgresql/tcp").first, 5432);
}

#[test]
fn rejects_bad_ports_with_the_value_named() {
    let s = services();
    for bad in [
        "abc",
        "0",
        "70000",
        "65536",
        "-1",
        "5000-4000",
        "5000/sctp",
        "",
        "nonesuch-svc",
        "5000-",
        "1-0",
        "/tcp",
        "99999999999999999999",
    ] {
        let err = parse_port_spec(bad, &s).expect_err(bad).to_string();
        assert!(err.contains(&format!("'{bad}'")) || err.contains("sctp"), "{bad}: {err}");
    }
}

proptest::proptest! {
    /// Any text: an answer or a usage error naming it, never a panic.
    #[test]
    fn port_specs_never_panic(arg in "\\PC{0,24}") {
        let s = Services::from_text("http 80/tcp\n");
        if let Err(e) = parse_port_spec(&arg, &s) {
            let named = e.to_string().contains(&format!("'{}'", arg)) || e.to_string().contains("protocol");
            proptest::prop_assert!(named, "{} does not name {:?}", e, arg);
        }
    }

    #[test]
    fn every_port_and_range_round_trips(a in 1u16..=65535, b in 1u16..=65535, udp: bool) {
        let s = Services::default();
        let suffix = if udp { "/udp" } else { "/tcp" };
        let proto = Some(if udp { Protocol::Udp } else { Protocol::Tcp });
        proptest::prop_assert_eq!(
            parse_port_spec(&a.to_string(), &s).unwrap(),
            PortSpec { first: a, last: a, protocol: None }
        );
        let (lo, hi) = (a.min(b), a.max(b));
        proptest::prop_assert_eq!(
            parse_port_spec(&format!("{lo}-{hi}{suffix}"), &s).unwrap(),
            PortSpec { first: lo, last: hi, protocol: proto }
        );
        if lo < hi {
            let reversed = format!("{}-{}", hi, lo);
            proptest::prop_assert!(parse_port_spec(&reversed, &s).is_err());
        }
    }

    #[test]
    fn out_of_range_numbers_are_rejected(n in 65536u64..u64::MAX) {
        proptest::prop_assert!(parse_port_spec(&n.to_string(), &Services::default()).is_err());
    }

    #[test]
    fn durations_never_panic(arg in "\\PC{0,16}") {
        let _ = parse_duration(&arg);
    }

    #[test]
    fn durations_round_trip(ms in 0u64..10_000_000) {
        proptest::prop_assert_eq!(parse_duration(&format!("{ms}ms")).unwrap(), Duration::from_millis(ms));
        proptest::prop_assert_eq!(parse_duration(&format!("{ms}s")).unwrap(), Duration::from_secs(ms));
    }
}

#[test]
fn durations() {
    assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
    assert_eq!(parse_duration("30s").unwrap(), Duration::from_secs(30));
    assert_eq!(parse_duration("2m").unwrap(), Duration::from_secs(120));
    assert_eq!(parse_duration("1.5s").unwrap(), Duration::from_millis(1500));
    assert_eq!(parse_duration("5").unwrap(), Duration::from_secs(5));
    for bad in ["soon", "-1s", "10parsecs", "", "ms", ".5s", "1e9s", "s5"] {
        assert!(parse_duration(bad).is_err(), "{bad}");
    }
}

#[test]
fn negative_numbers_are_named_as_ports() {
    let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
    assert_eq!(negative_port(&args(&["portcheck", "-1"])), Some("-1".into()));
    assert_eq!(negative_port(&args(&["portcheck", "-4", "-6", "80"])), None);
    assert_eq!(negative_port(&args(&["portcheck", "--", "-1"])), None);
    assert_eq!(negative_port(&args(&["portcheck", "-k", "--signal", "-9", "80"])), None);
}

#[test]
fn repeated_ports_merge_protocols() {
    let cli = Cli::try_parse_from(["portcheck", "53/udp", "53/tcp", "80", "79-80"]).unwrap();
    let config = cli.into_config(services()).unwrap();
    assert_eq!(config.ports.len(), 3);
    assert!(config.ports[0].tcp && config.ports[0].udp);
    assert_eq!(config.ports[2].port, 79);
}

/// The flags that need a mode are read from the clap command (its
/// `requires`), in its order.
#[test]
fn flags_that_need_a_mode_are_read_from_clap() {
    let needs: Vec<(String, Option<char>, String)> =
        needs_mode().into_iter().map(|n| (n.long, n.short, n.mode)).collect();
    let expected = [
        ("--yes", Some('y'), "--kill"),
        ("--grace", None, "--kill"),
        ("--signal", None, "--kill"),
        ("--force", None, "--kill"),
        ("--dry-run", None, "--kill"),
        ("--settle", None, "--kill"),
        ("--count", Some('n'), "--suggest"),
    ]
    .map(|(l, s, m)| (l.to_string(), s, m.to_string()));
    assert_eq!(needs, expected);
}

/// Every flag clap refuses without its mode, long or short, is named with
/// that mode in the one-line error (flags this platform refuses outright
/// aside).
#[test]
fn every_flag_that_needs_a_mode_is_named_in_the_error() {
    use clap::error::ErrorKind;
    let cmd = Cli::command();
    let mut named = 0;
    for a in cmd.get_arguments().filter(|a| !a.is_positional()) {
        let value = match a.get_value_names().and_then(|v| v.first()).map(|n| n.as_str()) {
            Some("DURATION") => Some("5s".to_string()),
            Some("SIG") => Some("TERM".to_string()),
            Some("N") => Some("2".to_string()),
            Some(_) => a.get_possible_values().first().map(|p| p.get_name().to_string()),
            None => None,
        };
        let mut forms = vec![format!("--{}", a.get_long().unwrap())];
        forms.extend(a.get_short().map(|s| format!("-{s}")));
        for flag in forms {
            let argv: Vec<String> = ["portcheck".to_string(), flag.clone()]
                .into_iter()
                .chain(value.clone())
                .chain(["5000".to_string()])
                .collect();
            let refused = Cli::try_parse_from(&argv)
                .is_err_and(|e| e.kind() == ErrorKind::MissingRequiredArgument);
            if !refused || super::UNSUPPORTED_FLAGS.contains(&argv[1].as_str()) {
                continue;
            }
            let err = super::parse_from(argv.iter().map(std::ffi::OsString::from).collect())
                .unwrap_err()
                .to_string();
            let mode = if flag == "--count" || flag == "-n" { "--suggest" } else { "--kill" };
            assert_eq!(err, format!("{flag} needs {mode}: add {mode} to the command"));
            named += 1;
        }
    }
    assert!(named >= 7, "only {named} flags need a mode");
}

/// The flags whose next argument is their value, and those whose value is
/// a DURATION, are read from the clap command.
#[test]
fn flags_with_values_are_read_from_clap() {
    let cmd = Cli::command();
    for flag in ["--grace", "--signal", "--settle", "-n", "--count", "--wait-free", "--color"] {
        assert!(takes_a_value(&cmd, flag), "{flag}");
    }
    for flag in ["--kill", "-k", "-y", "--json", "-4", "-n5", "--", "5000", "--completions"] {
        assert!(!takes_a_value(&cmd, flag), "{flag}");
    }
    assert_eq!(duration_flags(&cmd), ["--grace", "--settle", "--wait-free", "--wait-listen"]);
}

/// The localized command is a valid clap command in every language (a
/// help text or heading set wrongly panics only when clap builds it).
#[test]
fn the_localized_command_is_consistent_in_every_language() {
    for lang in crate::i18n::Lang::ALL {
        crate::i18n::scoped(lang, || super::args::command().debug_assert());
    }
}

/// `--lang` is read before clap parses and taken out of what clap sees
/// (the last one wins, nothing after `--` counts, a `--lang` without a
/// value is left for clap to name).
#[test]
fn lang_is_found_before_clap_and_taken_out() {
    use std::ffi::OsString;
    let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
    let found = |v: &[&str]| super::split_lang(os(v)).0;
    assert_eq!(found(&["portcheck", "--lang", "ko", "5000"]).as_deref(), Some("ko"));
    assert_eq!(found(&["portcheck", "--lang=ko", "--lang", "en"]).as_deref(), Some("en"));
    assert_eq!(found(&["portcheck", "--lang", "ko", "--lang"]).as_deref(), Some("ko"));
    assert_eq!(found(&["portcheck", "--", "--lang", "ko"]), None);
    assert_eq!(found(&["portcheck", "5000"]), None);
    let args = ["portcheck", "--lang", "ko", "5000", "--lang=en", "--", "--lang", "x"];
    assert_eq!(super::split_lang(os(&args)).1, os(&["portcheck", "5000", "--", "--lang", "x"]));
    assert_eq!(super::split_lang(os(&["portcheck", "--lang"])).1, os(&["portcheck", "--lang"]));
    let helps = |v: &[&str]| super::asks_for_help(&os(v));
    assert!(helps(&["portcheck", "--help"]) && helps(&["portcheck", "-qh"]) && helps(&["p", "-h"]));
    assert!(!helps(&["portcheck", "5000"]) && !helps(&["portcheck", "--", "--help"]));
}

/// Usage errors said in Korean, each naming the bad value; the error is
/// kept as a message, so JSON (serde, and `main`'s English pass) says it
/// in English.
#[test]
fn usage_errors_are_said_in_korean_and_kept_in_english() {
    use crate::i18n::{Lang, scoped};
    let err = parse_port_spec("70000", &services()).unwrap_err();
    let english = "invalid port '70000': out of range, ports are 1-65535";
    assert_eq!(
        scoped(Lang::Ko, || err.to_string()),
        "잘못된 포트 '70000': 범위를 벗어났습니다. 포트는 1-65535입니다"
    );
    assert_eq!(scoped(Lang::En, || format!("{err:#}")), english);
    let Some(crate::error::Error::Usage(m)) = err.downcast_ref() else { panic!("{err}") };
    assert_eq!(
        scoped(Lang::Ko, || serde_json::to_string(m).ok()),
        serde_json::to_string(english).ok()
    );
    for (argv, korean) in [
        (&["portcheck", "--wait-free", "soon", "5000"][..], "잘못된 시간 값 'soon'"),
        (&["portcheck", "--sugest"], "알 수 없는 인수 '--sugest'입니다. 비슷한 인수: '--suggest'"),
        (&["portcheck", "--kill=5000"], "--kill 플래그는 값을 받지 않습니다. --kill 5000 형식으로"),
        (&["portcheck", "--yes", "5000"], "--yes 플래그는 --kill 플래그와 함께 써야 합니다"),
        (&["portcheck", "--color", "blue"], "'--color <WHEN>' 인수의 값이 잘못되었습니다: 'blue'"),
        (&["portcheck", "5000,"], "잘못된 포트 '5000,': 쉼표 사이가 비어 있습니다"),
    ] {
        let args: Vec<std::ffi::OsString> = argv.iter().map(Into::into).collect();
        let said = scoped(Lang::Ko, || {
            super::parse_from(args.clone()).map(|_| ()).unwrap_err().to_string()
        });
        assert!(said.starts_with(korean), "{argv:?}: {said}");
        let in_english = super::parse_from(args).map(|_| ()).unwrap_err().to_string();
        assert!(in_english.is_ascii() && !in_english.is_empty(), "{argv:?}: {in_english}");
    }
}

/// `--help`'s text after the options fits 76 columns in Korean as a
/// Korean console counts them (Hangul and `…` two each), as the English
/// text was written to.
#[test]
fn korean_help_text_fits_76_columns() {
    use crate::i18n::{Lang, columns, scoped};
    let text = scoped(Lang::Ko, super::help::after_help);
    assert!(text.contains("종료 상태:"), "{text}");
    for line in text.lines() {
        assert!(columns(line, Lang::Ko) <= 76, "{} columns: {line}", columns(line, Lang::Ko));
    }
}

/// A validator of clap's own (`--count`'s range) is said as clap writes
/// it, with nothing added: the line English had before the catalog.
#[test]
fn clap_validators_are_said_as_written() {
    let args: Vec<std::ffi::OsString> =
        ["portcheck", "--suggest", "5000", "--count", "0"].iter().map(Into::into).collect();
    let err = super::parse_from(args).map(|_| ()).unwrap_err();
    assert_eq!(err.to_string(), "0 is not in 1..=1000");
    assert!(matches!(err.downcast_ref(), Some(crate::error::Error::Usage(_))));
}

/// Every flag's help is a message of the catalog: a flag added to the
/// derive without one would print its English doc comment in every
/// language.
#[test]
fn every_flag_has_a_help_message() {
    for a in Cli::command().get_arguments() {
        assert!(
            super::help::help_of(a.get_id().as_str()).is_some(),
            "{} has no help-*",
            a.get_id()
        );
    }
}
