//! The renderers in Korean (issue 22): the glossary's terms appear, the
//! commands, ports and addresses are the English output's, no sentence of
//! the catalog is left in English, and JSON stays English.

use std::time::Duration;

use super::kill_tests::action;
use super::tests::{PLAIN, dry_plan, flask, host, kill_report, port, socket, stopped_leftover};
use super::*;
use crate::i18n::{Lang, scoped};
use crate::net::Selection;
use crate::report::{
    Action, KillPlan, Listing, NextSteps, Outcome, PortsReport, Refusal, Signal, Suggestion,
};
use crate::shell::{Command, Step};

const ALL: Selection = Selection { tcp: true, udp: true, v4: true, v6: true };

/// `text` in English and in Korean.
fn both<R>(f: impl Fn() -> R) -> (R, R) {
    (f(), scoped(Lang::Ko, &f))
}

fn has(text: &str, all: &[&str]) {
    for want in all {
        assert!(text.contains(want), "{want:?} is not in\n{text}");
    }
}

fn lacks(text: &str, none: &[&str]) {
    for word in none {
        assert!(!text.contains(word), "{word:?} is still in\n{text}");
    }
}

/// Port 5000 held by Flask on every interface, with the next steps.
fn held() -> (PortsReport, Vec<NextSteps>) {
    let r = PortsReport {
        ports: vec![port(vec![socket("0.0.0.0", vec![flask(41235, "Flask development server")])])],
        notes: vec![],
    };
    let next = vec![NextSteps {
        port: 5000,
        first: vec![],
        kill: vec![41235],
        kill_ipv6: false,
        free: Some(5001),
        remedy: None,
        stop: vec![],
    }];
    (r, next)
}

#[test]
fn a_held_port_in_korean() {
    let (r, next) = held();
    let (en, ko) = both(|| ports(&PLAIN, &host(), ALL, &r, &next));
    has(
        &ko,
        &[
            "포트 5000번 사용 중  등록된 포트 (1024-49151) · commplex-main",
            " 프로토콜  주소          상태    PID    사용자  명령어\n",
            " tcp       0.0.0.0:5000  listen  41235  alice   ",
            "python3 -m flask run",
            "0.0.0.0 (네트워크): 모든 네트워크 인터페이스:",
            ", 내부 IP 등으로 접속: 192.0.2.7:5000",
            "다음 단계:",
            "충돌 프로세스 종료 (pid 41235):\n      portcheck --kill 5000\n",
            "또는 다른 포트 사용: 5001번",
            "pid 41235 (python3): 실행한 부모 프로세스: pid 41234 (bash), 시작 시각 2026-11-25T10:42:07Z",
        ],
    );
    lacks(&ko, &["Port ", "in use", "registered", "next steps", "stop pid", "use port", "PROTO"]);
    // The lines to paste are the English output's.
    for line in en.lines().filter(|l| l.trim_start().starts_with("portcheck ")) {
        assert!(ko.contains(line), "{line:?} is not in\n{ko}");
    }
}

#[test]
fn a_stopped_leftover_and_free_ports_in_korean() {
    let p = stopped_leftover("2026-11-25 13:42:07 KST");
    let r = PortsReport { ports: vec![port(vec![socket("127.0.0.1", vec![p])])], notes: vec![] };
    let ko = scoped(Lang::Ko, || ports(&PLAIN, &host(), ALL, &r, &[]));
    has(
        &ko,
        &[
            "127.0.0.1 (로컬): 루프백(localhost): 자기 자신(로컬 호스트)에서만 접속 가능",
            "부모 프로세스(리로더)가 종료됨; 12분 전 시작됨, 시작 시각 2026-11-25 13:42:07 KST",
            "정지됨 (Ctrl+Z)",
            "`kill %1`",
        ],
    );
    let mut well = port(vec![]);
    (well.port, well.class, well.ephemeral) = (80, crate::port::Class::WellKnown, false);
    let mut dynamic = port(vec![]);
    (dynamic.port, dynamic.class, dynamic.ephemeral) = (50000, crate::port::Class::Dynamic, true);
    let free = PortsReport { ports: vec![well, port(vec![]), dynamic], notes: vec![] };
    let v4 = Selection { v6: false, ..ALL };
    let ko = scoped(Lang::Ko, || ports(&PLAIN, &host(), v4, &free, &[]));
    has(
        &ko,
        &[
            "사용 가능: 80/tcp (잘 알려진(Well-Known) 포트), 5000/tcp (등록된 포트), 50000/tcp (동적·사설 포트)",
            "모든 네트워크 인터페이스 주소에 직접 바인딩해서 확인함: IPv4",
            "경고: 임시 포트 범위 32768-60999 안의 포트 1개: 50000/tcp.",
            "portcheck --suggest",
        ],
    );
    lacks(&ko, &["Free:", "registered", "well-known", "ephemeral", "bound and released"]);
}

/// A plan with a refused holder, its stop, an unseen holder and a dry run;
/// then the results: every sentence Korean, every command and signal name
/// as in English, and JSON (reasons, stops) English.
#[test]
fn a_kill_with_refusals_in_korean() {
    let stop =
        Step::explained(msg_for_stop(), Command::new(["systemctl", "list-sockets", "--all"]));
    let plan = KillPlan {
        refused: vec![Action {
            stop: Some(stop),
            ..action(1, None, Outcome::Refused, Some(Refusal::InitSystem))
        }],
        unseen: vec![(5000, "owned by uid 0".into())],
        ..dry_plan(vec![(7, "python3".into()), (8, "python3".into())], None)
    };
    let ko = scoped(Lang::Ko, || kill_plan(&PLAIN, &plan));
    has(
        &ko,
        &[
            "포트 점유 프로세스 pid 1 (holder)에 시그널을 보내지 않음: PID 1(init 시스템)이 점유 중",
            "  완전히 종료하려면: 포트 5000번에서 수신 대기(LISTEN)하는 소켓 유닛을 찾은 뒤",
            "    systemctl list-sockets --all\n",
            "시험 실행(dry run): pid 7 (python3), 8 (python3)에 SIGTERM 시그널을 보내고, 5s 뒤에도",
        ],
    );
    lacks(&ko, &["Not signalling", "to stop it for good", "find the socket unit", "Dry run"]);
    let question = scoped(Lang::Ko, || kill_prompt(&plan));
    assert_eq!(question, "포트 5000번을 점유한 프로세스 2개를 종료할까요? [y/N] ");

    let mut held = port(vec![socket("0.0.0.0", vec![flask(9, "x")])]);
    held.port = 6000;
    let r = crate::report::KillReport {
        grace: Duration::from_millis(300),
        ..kill_report(
            vec![port(vec![]), held],
            vec![
                action(2, Some(Signal::TERM), Outcome::Exited, None),
                action(3, Some(Signal::KILL), Outcome::Killed, None),
                action(5, None, Outcome::Refused, Some(Refusal::LetGo)),
                action(
                    6,
                    None,
                    Outcome::Exited,
                    Some(Refusal::LetGoAfter { pid: 2, parent: true, signal: "SIGTERM" }),
                ),
            ],
        )
    };
    let (en_json, ko_json) = both(|| serde_json::to_string(&r).unwrap_or_default());
    assert_eq!(ko_json, en_json, "JSON is English in every language");
    assert!(en_json.contains("it let go of the socket before the signal"), "{en_json}");
    let ko = scoped(Lang::Ko, || kill_result(&PLAIN, &r));
    assert_eq!(
        ko,
        "pid 2 (holder): SIGTERM: 종료됨\n\
         pid 3 (holder): 300ms 동안 SIGTERM 시그널을 무시함; SIGKILL: 강제 종료됨\n\
         pid 5 (holder): 시그널을 보내지 않음: 시그널을 보내기 전에 소켓을 놓음 (또는 그 pid가 이제 \
         다른 프로세스를 가리킴): 시그널을 보내지 않음\n\
         pid 6 (holder): pid 2(부모 프로세스)에 SIGTERM 시그널을 보낸 뒤 포트를 놓음: 시그널을 \
         보내지 않음\n\
         해제됨: 포트 5000번은 이제 사용 가능합니다.\n\
         사용 중: 포트 6000번을 아직 점유 프로세스가 사용 중입니다: pid 9 (python3).\n"
    );
}

/// The stop sentence of PID 1's socket unit, as the policy makes it.
fn msg_for_stop() -> crate::i18n::Msg {
    crate::i18n::msg!("policy-socket-unit", port = 5000_u16)
}

/// Every refusal has a Korean sentence of its own, and JSON's `reason`
/// stays the English one when the reader's language is Korean.
#[test]
fn every_refusal_is_korean_in_text_and_english_in_json() {
    for r in Refusal::examples() {
        let (en, ko) = both(|| r.to_string());
        let (en_json, ko_json) = both(|| serde_json::to_value(&r).ok());
        assert_ne!(ko, en, "{r:?} has no Korean sentence");
        assert!(ko.chars().any(|c| ('가'..='힣').contains(&c)), "{r:?}: {ko}");
        assert_eq!(ko_json, en_json, "{r:?}");
        assert_eq!(en_json.map(|v| v["reason"].clone()), Some(en.into()));
    }
}

/// A stop sentence as the policy makes it (`connection_only`): Korean on the terminal, English in
/// JSON's `stop_note`; the command is the same.
#[test]
fn a_stop_sentence_is_korean_in_text_and_english_in_json() {
    let note = crate::i18n::msg!("policy-close-connection", name = "python3");
    let stop = Step::explained(note, Command::new(["kill", "4711"]));
    let (en, ko) = both(|| super::table::step(&PLAIN, 2, None, &stop));
    assert_eq!(en, "  close that connection in python3, or end the process:\n    kill 4711\n");
    assert_eq!(ko, "  python3에서 그 연결을 닫거나 프로세스를 종료하세요:\n    kill 4711\n");
    let (en_json, ko_json) = both(|| serde_json::to_value(&stop).ok());
    assert_eq!(ko_json, en_json);
}

#[test]
fn the_listing_in_korean() {
    let l = Listing {
        sockets: vec![
            socket("0.0.0.0", vec![flask(41235, "Flask development server")]),
            socket("127.0.0.1", vec![]),
        ],
        notes: vec![],
    };
    let ko = scoped(Lang::Ko, || listing(&PLAIN, &l));
    has(
        &ko,
        &[" 프로토콜  주소            상태    노출      PID", "네트워크", "로컬", "0.0.0.0:5000"],
    );
    has(&ko, &["(프로세스를 찾지 못함)"]);
    lacks(&ko, &["PROTO", "EXPOSURE", "network", "local", "no process found"]);
    let empty = Listing { sockets: vec![], notes: vec![] };
    let ko = scoped(Lang::Ko, || listing(&PLAIN, &empty));
    assert_eq!(ko, "수신 대기(LISTEN) 중인 소켓이 없습니다.\n");
}

#[test]
fn suggest_in_korean_keeps_the_numbers() {
    let s = Suggestion { base: 5000, suggestions: vec![5001, 5002], notes: vec![] };
    let base = port(vec![socket("0.0.0.0", vec![flask(41235, "x")])]);
    let remedy = crate::remedy::Remedy::words("why".into(), "say".into());
    let (en, ko) = both(|| suggestion(&PLAIN, &s, Some(&base), &remedy));
    has(&en, &["Port 5000 is taken by pid 41235 (python3): python3 -m flask run\n"]);
    has(
        &ko,
        &[
            "포트 5000번은 이미 다른 프로세스가 사용 중입니다: pid 41235 (python3): python3 -m flask run\n",
            "사용 가능한 포트 2개: 5001, 5002\n",
        ],
    );
    lacks(&ko, &["Free port", "is taken"]);
    let numbers = both(|| suggestion_numbers(&s));
    assert_eq!(numbers.0, "5001\n5002\n");
    assert_eq!(numbers.1, numbers.0, "the numbers for scripts never change");
}

#[test]
fn ages_in_korean() {
    let ko = scoped(Lang::Ko, || [5, 60, 725, 7300, 86400 * 3].map(crate::report::ago));
    assert_eq!(ko, ["방금", "1분 전", "12분 전", "2시간 전", "3일 전"].map(String::from));
}

/// Korean lines fit the terminal by the width Korean consoles give them
/// (Hangul, and `…`/`·`/`→`/`—`, two columns): the port report, a kill
/// plan and the listing at 60, 80 and 120 columns, addresses never split.
#[test]
fn korean_lines_fit_60_80_and_120_columns() {
    let (r, next) = held();
    let plan = KillPlan {
        refused: vec![action(1, None, Outcome::Refused, Some(Refusal::InitSystem))],
        ..dry_plan(vec![(7, "python3".into())], None)
    };
    let l = Listing { sockets: r.ports[0].sockets.clone(), notes: vec![] };
    for width in [60, 80, 120] {
        let style = Style { width: Some(width), ..PLAIN };
        let texts = scoped(Lang::Ko, || {
            [ports(&style, &host(), ALL, &r, &next), kill_plan(&style, &plan), listing(&style, &l)]
        });
        for text in texts {
            assert!(text.contains("0.0.0.0:5000") || text.contains("pid 7"), "{text}");
            for line in text.lines() {
                let cols = crate::i18n::columns(line, Lang::Ko);
                assert!(cols <= usize::from(width), "{cols} > {width}: {line:?} in\n{text}");
            }
        }
    }
}

/// In Korean, `…` and `·` take two columns (`i18n::columns`): a command
/// cut to its room and a wrapped line count them so, and still fit (from
/// 24 columns: below 22, a continuation line keeps 20 columns of text).
#[test]
fn korean_layout_counts_ambiguous_characters_as_two_columns() {
    let words: Vec<String> =
        ["python3", "/srv/app/venv/bin/flask", "run", "--host", "0.0.0.0", "--port", "5000"]
            .map(String::from)
            .to_vec();
    let line = "가·나 ".repeat(30);
    for room in 24..48 {
        let cut = scoped(Lang::Ko, || super::table::command(&PLAIN, &words, Some(room)));
        assert!(cut.contains('…'), "{room}: {cut:?}");
        let cols = crate::i18n::columns(&cut, Lang::Ko);
        assert!(cols <= room, "{room}: {cut:?} takes {cols}");
        let style = Style { width: u16::try_from(room).ok(), ..PLAIN };
        let text = scoped(Lang::Ko, || super::table::wrapped(&style, &line));
        for l in text.lines() {
            let cols = crate::i18n::columns(l, Lang::Ko);
            assert!(cols <= room, "{room}: {l:?} takes {cols}");
        }
    }
}
