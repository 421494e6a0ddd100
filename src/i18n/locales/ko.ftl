# portcheck의 한국어 메시지. 용어는 docs/i18n.md의 용어 표를 따릅니다.
# 명령어, 플래그, 환경 변수, 파일 이름, 신호 이름, 프로토콜 이름(TCP, UDP,
# TIME_WAIT, LISTEN)과 프로그램 이름은 영어 그대로 둡니다.

## --wait-free / --wait-listen (src/report/text/wait.rs)

wait-ok = 완료
wait-timed-out = 시간 초과:
wait-free = { $label } 포트 { $port }번은 사용 가능합니다.
wait-refused = { $label } 포트 { $port }번에 바인딩할 수 없습니다: { $reason }. 기다려도 달라지지 않습니다.
wait-time-wait = { $label } 포트 { $port }번에 아직 TIME_WAIT 상태인 연결이 { $count }개 있습니다.
wait-held = { $label } 포트 { $port }번을 아직 점유 프로세스가 사용 중입니다: { $holders }.
wait-held-unseen = { $label } 포트 { $port }번을 portcheck가 볼 수 없는 소켓이 아직 사용 중입니다.
wait-listening = { $label } 포트 { $port }번에서 수신 대기(LISTEN) 중입니다.
wait-listening-by = { $label } 포트 { $port }번에서 수신 대기(LISTEN) 중입니다: { $holders }.
wait-nothing-listens = { $label } 포트 { $port }번에서 수신 대기(LISTEN) 중인 프로세스가 없습니다.
wait-waited = { $seconds }초 기다렸습니다.

## 아무것도 점유하지 않았는데 포트에 바인딩할 수 없는 이유 (Windows)

refused-excluded-range = 제외된 포트 범위(excluded port range) 안에 있음
refused-exclusive-bind = 다른 프로그램이 단독으로(exclusive) 바인딩함
refused-access-denied = 바인딩된 것이 없는데도 액세스가 거부됨 (보안 소프트웨어 또는 정책)

## 보고서와 --kill (src/report/**, src/kill/**, src/shell.rs의 Step)

as-written = { $text }
