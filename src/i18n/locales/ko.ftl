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

## 명령줄: 사용법 오류, --help, 종료 상태 (src/cli.rs, src/cli/*.rs)

cli-not-utf8 = 잘못된 인수 '{ $arg }': UTF-8이 아닙니다
cli-port-signed = 잘못된 포트 '{ $arg }': 포트는 1부터 65535까지의 숫자입니다
cli-only-tcp-selected = '{ $arg }'은(는) { $protocol } 포트를 지정했지만 TCP만 선택되어 있습니다
cli-only-udp-selected = '{ $arg }'은(는) { $protocol } 포트를 지정했지만 UDP만 선택되어 있습니다
cli-bad-protocol = 잘못된 프로토콜 '{ $proto }'('{ $arg }'): /tcp 또는 /udp를 쓰세요
cli-port-empty = 잘못된 포트 '{ $arg }': 비어 있습니다. 1부터 65535까지의 숫자를 쓰세요
cli-range-no-end = 잘못된 범위 '{ $arg }': 끝 포트가 없습니다
cli-range-reversed = 잘못된 범위 '{ $arg }': 시작 포트({ $first })가 끝 포트({ $last })보다 큽니다. { $last }-{ $first } 형식으로 쓰세요
cli-port-unknown = 잘못된 포트 '{ $arg }': 1부터 65535까지의 숫자도, 알려진 서비스 이름도 아닙니다
cli-port-zero = 잘못된 포트 '{ $arg }': 포트 0은 실제 포트가 아닙니다(1-65535)
cli-port-out-of-range = 잘못된 포트 '{ $arg }': 범위를 벗어났습니다. 포트는 1-65535입니다
cli-duration-bad = 잘못된 시간 값 '{ $arg }': 500ms나 30s처럼 숫자에 ms, s, m, h 중 하나를 붙이세요
cli-duration-too-long = 잘못된 시간 값 '{ $arg }': 최대 365일입니다(8760h, 525600m, 31536000s)
cli-signal-bad = 잘못된 시그널 '{ $arg }': TERM, INT, HUP 같은 이름이나 번호를 쓰세요
# 한국어에는 복수형이 없습니다: $count는 선택자에만 쓰입니다.
cli-pasted = { $arg } 입력을 { $count ->
       *[other] 포트
    } { $ports }번으로 읽음
cli-paste-empty-between-commas = 잘못된 포트 '{ $arg }': 쉼표 사이가 비어 있습니다. 5000,5001 또는 5000 5001로 쓰세요
cli-paste-no-port = 잘못된 포트 '{ $arg }': ':' 뒤에 포트가 없습니다
cli-paste-scheme = 잘못된 포트 '{ $arg }': http://와 https:// 주소만 포트로 읽습니다
cli-paste-other-machine = 잘못된 포트 '{ $arg }': { $host }은(는) 다른 컴퓨터입니다. portcheck는 이 컴퓨터의 포트만 볼 수 있습니다
cli-flag-takes-no-value = { $flag } 플래그는 값을 받지 않습니다. { $flag } { $port } 형식으로 쓰세요
cli-needs-mode = { $flag } 플래그는 { $mode } 플래그와 함께 써야 합니다. 명령에 { $mode } 플래그를 추가하세요
cli-flag-not-on-windows = { $flag } 플래그는 Windows에서 쓸 수 없습니다. 시그널이 없으며, --kill 플래그는 TerminateProcess로 프로세스를 종료합니다
cli-bare-duration = 잘못된 시간 값 '{ $n }'({ $flag }): 단위 없는 숫자는 초로 읽는데, { $n }은(는) 포트 번호처럼 보입니다(뒤에 PORT '{ $port }' 있음). { $n }초를 뜻한다면 { $n }s로 쓰고, 아니라면 { $flag }의 시간 값을 포트보다 앞에 쓰세요
cli-wait-needs-port = --wait-free 또는 --wait-listen 플래그에는 PORT가 필요합니다: portcheck --wait-free 30s 5000
cli-kill-needs-port = --kill 플래그에는 PORT가 필요합니다: portcheck --kill 5000
cli-exposed-takes-no-port = --exposed 플래그는 외부에 노출된 소켓을 모두 나열하므로 PORT를 받지 않습니다
cli-bad-port-variable = 잘못된 $PORT 값 '{ $value }': 1부터 65535까지의 숫자를 쓰세요
cli-suggest-one-base = --suggest 플래그는 기준 PORT 하나만 받습니다(목록이나 범위는 안 됨)
cli-unknown-flag = 알 수 없는 인수 '{ $arg }'입니다 ('portcheck --help' 참고)
cli-unknown-flag-similar = 알 수 없는 인수 '{ $arg }'입니다. 비슷한 인수: '{ $similar }' ('portcheck --help' 참고)
cli-unknown-flag-as-value = 알 수 없는 인수 '{ $arg }'입니다. 값으로 넘기려면 '-- { $arg }'처럼 쓰세요 ('portcheck --help' 참고)
cli-flag-twice = '{ $arg }' 인수는 한 번만 쓸 수 있습니다 ('portcheck --help' 참고)
cli-flags-conflict = '{ $arg }' 인수와 '{ $prior }' 인수는 함께 쓸 수 없습니다 ('portcheck --help' 참고)
cli-flag-alone = '{ $arg }' 인수는 다른 인수와 함께 쓸 수 없습니다 ('portcheck --help' 참고)
cli-value-missing = '{ $arg }' 인수에 값이 필요한데 주어지지 않았습니다 ('portcheck --help' 참고)
cli-value-invalid = '{ $arg }' 인수의 값이 잘못되었습니다: '{ $value }' ('portcheck --help' 참고)
cli-clap-error = 명령줄 인수 오류: { $clap } ('portcheck --help' 참고)

help-about = 이 포트를 누가 점유하고 있는지, 어떻게 바인딩되었는지, 어떤 종류의 포트인지 알려 줍니다.
help-ports = 확인할 포트: 5000, 3000-3010, http, 53/udp
help-tcp = TCP만
help-udp = UDP만
help-ipv4 = IPv4만
help-ipv6 = IPv6만
help-json = 기계가 읽는 출력: 모든 모드에서 JSON 객체 하나
help-quiet = 스크립트에 필요한 것(--suggest의 번호)만 출력하고, 답은 종료 상태로 알립니다. --json은 그대로 JSON을 출력합니다
help-completions = SHELL용 셸 자동 완성 스크립트를 출력하고 끝냅니다
help-exposed = 다른 컴퓨터에서 접속할 수 있는 소켓만 나열합니다(루프백 제외)
help-wide = 명령줄을 전부 보여 줍니다(터미널에서는 폭에 맞게 줄여서 보여 줌)
help-color = 색 사용 여부: `auto`는 NO_COLOR를 따르고 파이프에는 색을 쓰지 않습니다
help-lang = 출력 언어: en 또는 ko (없으면 PORTCHECK_LANG, 그다음 로캘)
help-kill = PORT를 점유한 프로세스를 모두 종료합니다: SIGTERM을 보내고 --grace만큼 기다린 뒤 SIGKILL
help-yes = 종료하기 전에 묻지 않습니다(터미널이 아니면 --kill 자체가 동의입니다)
help-grace = 점유 프로세스가 SIGKILL 전에 스스로 종료하도록 주는 유예 시간
help-signal = 처음 보낼 시그널: 이름(TERM, INT, HUP) 또는 번호
help-force = 바로 SIGKILL을 보냅니다(종료하지 않는 경우의 규칙은 그대로 적용)
help-dry-run = 어떤 프로세스에 시그널을 보낼지 보여 주기만 하고 보내지 않습니다
help-settle = 비워진 포트를 다시 점유하는 프로세스가 있는지 지켜보는 시간
help-suggest = PORT(없으면 $PORT, 그다음 8000) 이상에서 가장 가까운 사용 가능한 포트를 출력합니다. 직접 바인딩해서 확인하며, 임시 포트 범위는 제외합니다
help-count = 제안할 사용 가능한 포트의 개수
help-wait-free = 모든 PORT가 사용 가능해질(바인딩할 수 있을) 때까지 기다립니다. 기한이 지나면 종료 상태 1
help-wait-listen = 모든 PORT에서 수신 대기(LISTEN)할 때까지 기다립니다(IPv4 또는 IPv6). 기한이 지나면 종료 상태 1
help-help = 도움말 출력
help-version = 버전 출력
help-heading-kill = 프로세스 종료
help-heading-suggest = 포트 제안
help-heading-wait = 기다리기
help-heading-arguments = 인수
help-heading-options = 옵션
help-usage-heading = 사용법:
help-usage = portcheck [옵션] [PORT]...
help-default = [기본값: { $value }]
help-possible = [가능한 값: { $values }]
help-port-text =
    PORT는 숫자(5000), 범위(3000-3010), 서비스 이름(http, postgresql) 중
    하나이며, 뒤에 /tcp나 /udp를 붙일 수 있습니다(53/udp). 붙여 넣은 주소도
    포트로 읽습니다: :5000, localhost:5000, 127.0.0.1:5000, [::1]:5000,
    http://localhost:5000/ (http://만 있으면 80, https://는 443), 5000,5001.
    이 컴퓨터가 아닌 호스트는 사용법 오류입니다. PORT가 없으면 수신
    대기(LISTEN) 중인 모든 TCP 소켓과 바인딩된 모든 UDP 소켓을 나열합니다.
help-free-text =
    사용 가능하다고 보고한 포트는 portcheck가 선택된 프로토콜과 주소
    체계마다 와일드카드 주소에 직접 바인딩해 보고 해제한 것입니다.
help-duration-text =
    DURATION은 숫자에 ms, s, m, h 중 하나를 붙입니다(500ms, 30s, 2m).
    최대 365일이며, 단위 없는 숫자는 초입니다(1024 이상인 숫자 뒤에 PORT가
    오면 거부됩니다. 5432초라면 5432s로 쓰세요).
help-exit-heading = 종료 상태:
exit-yes = 예: 주어진 포트가 모두 사용 가능함(--kill 뒤에도), 기다리기가 성공함, 또는 목록이나 제안을 출력함
exit-no = 아니요: 주어진 포트가 사용 중임(--kill 뒤에도 점유됨), 또는 기다리다 시간 초과
exit-usage = 사용법 오류: 잘못된 포트, 범위, 서비스 이름, 시간 값 또는 플래그
exit-failure = 완료할 수 없음: 권한 거부, 제안할 사용 가능한 포트 없음, 검사할 수 없는 포트(알 수 없음), 또는 운영체제 오류
exit-interrupted = --kill이 기다리는 중에 SIGHUP, SIGINT(Ctrl-C), SIGTERM으로 중단됨: 어떤 시그널을 보냈는지와 아직 포트를 점유한 프로세스를 보고함
help-examples-heading = 예:
help-example-port = 포트 5000번의 점유 프로세스와 해결 방법
help-example-range = 범위와 UDP 포트
help-example-list = 수신 대기 중인 모든 소켓과 그 소유자
help-example-exposed = 다른 컴퓨터에서 접속할 수 있는 소켓만
help-example-quiet = CI 사전 점검: 조용히, 사용 중이면 종료 상태 1
help-example-kill = 5000번 점유 프로세스 종료(터미널에서 확인)
help-example-suggest = 5000 이상에서 가장 가까운 사용 가능한 포트
help-example-wait = CI: 시작한 서버가 수신 대기할 때까지 기다리기
help-example-json = 같은 보고서를 JSON 객체 하나로
