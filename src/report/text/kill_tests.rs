//! Renderer tests of `--kill`: the plan, the question and what a kill
//! did, on hand-built reports, compared whole.

use std::time::Duration;

use super::tests::{PLAIN, dry_plan, flask, kill_report, port, socket};
use super::*;
use crate::report::{Action, KillPlan, KillReport, Outcome, Refusal, Respawn, Signal};
use crate::shell::{Command, Step};

pub(super) fn action(
    pid: u32,
    signal: Option<Signal>,
    result: Outcome,
    reason: Option<Refusal>,
) -> Action {
    Action { pid, name: "holder".into(), signal, method: None, result, reason, stop: None }
}

#[test]
fn what_a_kill_did() {
    let mut held = port(vec![socket("0.0.0.0", vec![flask(9, "x")])]);
    held.port = 6000;
    let r = KillReport {
        grace: Duration::from_millis(300),
        ..kill_report(
            vec![port(vec![]), held],
            vec![
                action(1, None, Outcome::Refused, Some(Refusal::InitSystem)),
                action(2, Some(Signal::TERM), Outcome::Exited, None),
                action(3, Some(Signal::KILL), Outcome::Killed, None),
                action(4, Some(Signal::TERM), Outcome::Exited, Some(Refusal::ShuttingDown)),
                action(5, None, Outcome::Refused, Some(Refusal::LetGo)),
                action(6, None, Outcome::Exited, None),
            ],
        )
    };
    let expected = "\
pid 2 (holder): SIGTERM: exited
pid 3 (holder): SIGTERM ignored for 300ms; SIGKILL: killed
pid 4 (holder): SIGTERM: let go of the port after the first signal and is still shutting down; not killed
pid 5 (holder): not signalled: it let go of the socket before the signal (or its pid now names another process); not signalled
pid 6 (holder): exited before its signal
Freed: Port 5000 is free now.
Held: Port 6000 is still held by pid 9 (python3).
";
    assert_eq!(kill_result(&PLAIN, &r), expected);
    let forced = KillReport { signal: Signal::KILL, ..r };
    assert!(kill_result(&PLAIN, &forced).contains("pid 3 (holder): SIGKILL: killed\n"));
}

/// A denied action's advice is this platform's way to full privilege:
/// sudo on Linux, an Administrator terminal on Windows (where these tests
/// run under Wine), never sudo there.
#[test]
fn a_denied_action_says_how_to_get_the_privilege_here() {
    let r = kill_report(vec![], vec![action(7, Some(Signal::TERM), Outcome::Denied, None)]);
    let (elevate, who) = (crate::host::denied_fix(), crate::host::denied_who());
    let text = kill_result(&PLAIN, &r);
    assert_eq!(
        text,
        format!("pid 7 (holder): {}: permission denied ({elevate})\n", Signal::TERM.name)
    );
    let reason = Refusal::Denied { pid: 7 }.to_string();
    assert_eq!(reason, format!("permission denied: pid 7 {who}; {elevate}"));
    for said in [text, reason] {
        assert!(!said.contains("sudo") || elevate.english().contains("sudo"), "{said}");
    }
}

#[test]
fn a_respawn_names_its_supervisor() {
    let r = KillReport {
        respawns: vec![Respawn {
            port: 5000,
            pid: 9,
            name: "python3".into(),
            ppid: Some(8),
            parent_name: Some("supervisord".into()),
            forked_from: None,
            stop: Step::explained(
                "end the parent that restarts it, pid 8, then the server it started, pid 9".into(),
                Command::new(["kill", "8", "9"]),
            ),
        }],
        ..kill_report(vec![port(vec![socket("0.0.0.0", vec![flask(9, "x")])])], vec![])
    };
    assert_eq!(
        kill_result(&PLAIN, &r),
        "Respawned: Port 5000 was taken again by pid 9 (python3), started by pid 8 (supervisord): a supervisor restarts it.\n  to stop it for good: end the parent that restarts it, pid 8, then the server it started, pid 9:\n    kill 8 9\n"
    );
}

#[test]
fn the_plan_and_the_question() {
    let plan = KillPlan {
        targets: vec![(7, "python3".into()), (8, "python3".into())],
        ports: vec![5000],
        refused: vec![Action {
            stop: Some(Step::run(Command::new(["sudo", "systemctl", "stop", "nginx.service"]))),
            ..action(
                1,
                None,
                Outcome::Refused,
                Some(Refusal::SystemdUnit { unit: "nginx.service".into(), uid: None, user: None }),
            )
        }],
        unseen: vec![(5000, "owned by uid 0 (\u{1b}[2Jroot)".into())],
        notes: vec![],
        cannot_bind: vec![],
        dry_run: true,
        signal: Signal::TERM,
        grace: Duration::from_secs(5),
        method: None,
    };
    assert_eq!(
        kill_plan(&PLAIN, &plan),
        "Not signalling pid 1 (holder): part of systemd unit nginx.service: systemd would restart it\n  to stop it for good:\n    sudo systemctl stop nginx.service\n\
         Port 5000: a holder portcheck cannot see: owned by uid 0 (\\e[2Jroot)\n\
         Dry run: would send SIGTERM to pid 7 (python3), 8 (python3), then SIGKILL after 5s to any still running.\n"
    );
    assert_eq!(kill_prompt(&plan), "Kill 2 processes holding 5000? [y/N] ");
}

/// Windows: no signals, TerminateProcess — the words, the dry run and the
/// JSON say so (`signal` null, `method`), never SIGTERM or a grace.
#[test]
fn terminate_process_is_no_signal() {
    use crate::report::Method;
    let ended =
        Action { method: Some(Method::TerminateProcess), ..action(7, None, Outcome::Killed, None) };
    let gone =
        Action { method: Some(Method::TerminateProcess), ..action(8, None, Outcome::Exited, None) };
    let after =
        Refusal::LetGoAfter { pid: 7, parent: true, signal: Method::TerminateProcess.name() };
    let child = Action {
        method: Some(Method::TerminateProcess),
        ..action(9, None, Outcome::Exited, Some(after))
    };
    let r = kill_report(vec![port(vec![])], vec![ended.clone(), gone, child]);
    assert_eq!(
        kill_result(&PLAIN, &r),
        "pid 7 (holder): terminated (TerminateProcess: no clean shutdown)\n\
         pid 8 (holder): exited before TerminateProcess\n\
         pid 9 (holder): let go of the port after pid 7 (its parent) was ended with \
         TerminateProcess; not ended\n\
         Freed: Port 5000 is free now.\n"
    );
    let v = serde_json::to_value(&ended).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"pid": 7, "name": "holder", "signal": null,
            "method": "terminate_process", "result": "killed"})
    );
    let plan = dry_plan(vec![(7, "python.exe".into())], Some(Method::TerminateProcess));
    assert_eq!(
        kill_plan(&PLAIN, &plan),
        "Dry run: would end pid 7 (python.exe) with TerminateProcess (no clean shutdown).\n"
    );
    let signalled = serde_json::to_value(action(7, Some(Signal::TERM), Outcome::Exited, None));
    assert!(signalled.unwrap().get("method").is_none(), "no method key on Unix");
}
