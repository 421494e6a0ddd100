# portcheck의 한국어 메시지. 용어는 docs/i18n.md의 용어 표를 따릅니다.
# 명령어, 플래그, 환경 변수, 파일 이름, 신호 이름, 프로토콜 이름(TCP, UDP,
# TIME_WAIT, LISTEN)과 프로그램 이름은 영어 그대로 둡니다.

## --wait-free / --wait-listen (src/report/text/wait.rs)

wait-ok = 완료:
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

refused-excluded-range = 포트 제외 범위(excluded port range) 안에 있음
refused-exclusive-bind = 다른 프로그램이 단독으로(exclusive) 바인딩함
refused-access-denied = 바인딩된 것이 없는데도 액세스가 거부됨 (보안 소프트웨어 또는 정책)

## 보고서와 --kill (src/report/**, src/kill/**, src/shell.rs의 Step)

as-written = { $text }

# --kill이 점유 프로세스에 시그널을 보내지 않는 이유, 또는 그 밖에 일어난 일
# (src/report/text/reasons.rs). "pid 7 (nginx)에 시그널을 보내지 않음: " 뒤에 옵니다.
refusal-namespace-init = { $what }의 PID 1임: 시그널을 보내면 그 안의 모든 프로세스가 멈춤
refusal-container-main = PID 1이 점유 중: 이 컨테이너 또는 네임스페이스의 메인 프로세스임
refusal-init-system = PID 1(init 시스템)이 점유 중: systemd 소켓 활성화(socket activation)
refusal-portcheck-itself = portcheck 자신임
refusal-portcheck-parent = portcheck의 부모 프로세스임 (portcheck를 실행한 셸 또는 프로그램)
refusal-portcheck-ancestor = portcheck의 조상 프로세스임 (portcheck를 실행한 셸을 실행하는 프로그램)
refusal-container-forwarder = 컨테이너의 포트를 전달하는 { $name }임
refusal-systemd-unit = systemd 유닛 { $unit }의 일부임: systemd가 다시 시작함
refusal-unit-of-user = 사용자 { $user }(uid { $uid })의 { $unit }
refusal-unit-of-uid = uid { $uid }의 { $unit }
refusal-vscode = 포트를 이 컴퓨터로 전달하는 VS Code 자체({ $name })임 (Remote-SSH, Dev Containers, WSL): 종료하면 편집기나 원격 서버도 함께 종료됨
refusal-client = 포트 { $port }번과는 서버가 아니라 연결({ $state })로만 이어져 있음: portcheck는 클라이언트에 시그널을 보내지 않음
refusal-smb-server = pid 4 (System) 프로세스가 점유 중: 커널의 SMB 서버 (파일 및 프린터 공유, Server 서비스 LanmanServer)
refusal-netbios = pid 4 (System) 프로세스가 점유 중: 커널의 NetBIOS over TCP/IP ({ $port ->
        [137] 이름 서비스
        [138] 데이터그램 서비스
       *[other] 세션 서비스, SMB용
    })
refusal-http-sys = pid 4 (System) 프로세스가 점유 중: 서비스가 등록한 URL을 처리하는 커널의 HTTP 서버 HTTP.sys (IIS, WinRM, 웹 서비스)
refusal-wsl-relay = WSL 안에서 실행 중인 서버의 포트를 전달하는 { $name }임 (WSL의 localhost 릴레이)
refusal-docker-desktop = Docker Desktop 컨테이너의 포트를 게시(publish)하는 { $name }임
refusal-windows-service = Windows 서비스 { $service }의 프로세스임: 서비스 제어 관리자(Service Control Manager)가 실행하며 다시 시작할 수 있음
refusal-windows-service-unnamed = Windows 서비스의 프로세스임 ({ $name }, 서비스 제어 관리자(Service Control Manager)가 실행함)
refusal-airplay = AirPlay 수신 모드(ControlCenter)가 점유 중: macOS는 AirPlay용으로 5000번과 7000번 포트에서 수신 대기(LISTEN)함
refusal-airplay-flask = AirPlay 수신 모드(ControlCenter)가 점유 중: macOS는 AirPlay용으로 5000번과 7000번 포트에서 수신 대기(LISTEN)함. Flask의 기본 포트가 5000번이라 `flask run`과 충돌함
refusal-desktop-runtime = { $product } 컨테이너 또는 VM의 포트를 게시(publish)하는 { $name }임
refusal-launchd-job = launchd 작업(job) { $name }임 (launchd가 { $user } 사용자로 실행함): launchd가 다시 실행함
refusal-spared = pid { $pid } ({ $name })에는 시그널을 보내지 않으므로 포트 { $port }번은 계속 사용 중임: 나머지를 종료해도 포트가 비지 않으므로 이 포트의 점유 프로세스에는 모두 시그널을 보내지 않음
refusal-spared-unseen = 포트 { $port }번에는 보이지 않는 점유 프로세스도 있어 모두 종료하려면 그 프로세스도 종료해야 함: { $hint }
refusal-spared-in-namespace = pid { $init } ({ $name })의 pid 네임스페이스 안에서 실행 중이며, portcheck는 그 init에 시그널을 보내지 않음: 이 프로세스만 종료하면 포트 { $port }번은 계속 사용 중임
refusal-let-go = 시그널을 보내기 전에 소켓을 놓음 (또는 그 pid가 이제 다른 프로세스를 가리킴): 시그널을 보내지 않음
refusal-other-namespace = 이 pid가 portcheck의 pid 네임스페이스와 /proc의 네임스페이스에서 서로 다른 프로세스를 가리킴
refusal-proc-unproven = 고정(pin)하고 확인할 수 없음 (pidfd가 없고 /proc이 이 pid 네임스페이스의 것인지 증명할 수 없음(pid가 하나인 NSpid: 줄이 없음). 그래서 pid로 시그널을 보내지 않음)
refusal-not-pinned = 고정(pin)하고 확인할 수 없음 ({ $error })
refusal-signal-failed = 운영체제가 { $signal } 시그널을 전달하지 않음 (권한 거부가 아닌 다른 오류): 시그널을 보내지 않음
refusal-shutting-down = 첫 시그널 뒤 포트를 놓았고 아직 종료하는 중임: 강제 종료(kill)하지 않음
refusal-let-go-after = pid { $pid }{ $parent ->
        [1] (부모 프로세스)
       *[0] {""}
    }에 { $how ->
        [2] TerminateProcess를 호출한 뒤 포트를 놓음: 종료하지 않음
        [1] { $signal } 시그널을 보낸 뒤 포트를 놓음: 강제 종료(kill)하지 않음
       *[other] { $signal } 시그널을 보낸 뒤 포트를 놓음: 시그널을 보내지 않음
    }
refusal-continued = 정지된 상태였음 (Ctrl+Z 또는 SIGSTOP): 시그널이 전달되도록 시그널 뒤에 SIGCONT를 보냄
refusal-traced-by = 디버거 또는 트레이서(pid { $tracer })가 정지시킴: 재개하지 않았으므로 트레이서가 놓아줄 때까지 시그널이 대기함
refusal-traced = 트레이서(디버거 등)가 정지시킴: 재개하지 않았으므로 트레이서가 놓아줄 때까지 시그널이 대기함
refusal-denied = 권한이 거부됨: pid { $pid }: { $who }. { $what }
refusal-ns-container = { $engine } 컨테이너 { $id }
refusal-ns-kubernetes = Kubernetes 파드 { $pod }의 컨테이너 { $id }
refusal-ns-lxc = LXC 컨테이너 { $id }
refusal-ns-nspawn = systemd-nspawn 컨테이너 { $id }
refusal-ns-sandbox-by = pid 네임스페이스 (unshare나 bwrap 같은 샌드박스, 실행한 프로세스: pid { $pid } ({ $name }))
refusal-ns-sandbox-by-pid = pid 네임스페이스 (unshare나 bwrap 같은 샌드박스, 실행한 프로세스: pid { $pid })
refusal-ns-sandbox = pid 네임스페이스 (unshare나 bwrap 같은 샌드박스, 부모 프로세스가 실행함)
refusal-id-unknown = (id 알 수 없음)
refusal-uid-invalid = { $uid } (올바른 uid가 아님)
refusal-uid-unknown = (uid 알 수 없음)

# --kill의 계획, 확인 질문, 결과 (src/report/text/kill.rs)
kill-refused = 거부됨
kill-not-signalling = 포트 점유 프로세스 pid { $pid } ({ $name })에 시그널을 보내지 않음: { $why }
kill-stop-for-good = 완전히 종료하려면
kill-unseen = 포트 { $port }번: portcheck가 볼 수 없는 점유 프로세스가 있음: { $why }
kill-cannot-bind = 포트 { $port }번에 바인딩할 수 없습니다({ $why }). 종료할 프로세스가 없으니 대신 다음을 하세요:
kill-dry-run-end = 시험 실행(dry run): { $method } 호출로 pid { $pids } 종료 예정입니다 (정상 종료 과정 없음).
kill-dry-run-signal = 시험 실행(dry run): pid { $pids }에 { $signal } 시그널을 보내고, { $grace } 뒤에도 실행 중이면 SIGKILL을 보낼 예정입니다.
kill-prompt = 포트 { $ports }번을 점유한 프로세스 { $count }개를 종료할까요? [y/N]
kill-declined = 아무것도 종료하지 않았습니다.
kill-action = pid { $pid } ({ $name }): { $what }
kill-interrupted-settle = 안정화 대기 시간(settle window)에 { $signal } 시그널로 중단되어 재시작 감시를 끝까지 하지 못했습니다.
kill-interrupted = { $signal } 시그널로 중단되어 기다리기를 멈췄고, 더 이상 시그널을 보내지 않았습니다.
kill-held-label = 사용 중:
kill-now-held-forked = { $label } 포트 { $port }번을 이제 점유한 프로세스: pid { $pid } ({ $name }). SIGTERM을 받은 pid { $from }에서 종료 직전에 포크(fork)되어 소켓을 넘겨받은 프로세스이며, 다시 시작하는 관리 프로세스(supervisor)는 없습니다.
kill-now-held-received = { $label } 포트 { $port }번을 이제 점유한 프로세스: pid { $pid } ({ $name }). portcheck 실행 전부터 실행 중이던 프로세스로, 소켓을 넘겨받았을 뿐 다시 시작된 것이 아닙니다.
kill-to-free = 포트를 비우려면
kill-terminated = 종료됨 ({ $method }: 정상 종료 과정 없음)
kill-exited-before-method = { $method } 전에 종료됨
kill-method-denied = { $method }: 권한이 거부됨 ({ $elevate })
kill-method-dry-run = { $method } 호출로 종료할 예정 (정상 종료 과정 없음, 시험 실행)
kill-method-still-running = { $method }: 아직 실행 중
kill-method-interrupted = { $method }: 아직 실행 중, portcheck가 중단됨
kill-not-ended = 종료하지 않음: { $why }
kill-no-signal = 시그널 없음
kill-signal-why = { $signal }: { $why }
kill-exited-before-signal = 시그널을 받기 전에 종료됨
kill-exited-continued = { $signal }: 종료됨 ({ $why })
kill-exited = { $signal }: 종료됨
kill-traced-killed = { $signal } 전달 안 됨 ({ $why }); SIGKILL: 강제 종료됨
kill-ignored-killed = { $grace } 동안 { $signal } 시그널을 무시함; SIGKILL: 강제 종료됨
kill-killed = { $signal }: 강제 종료됨
kill-signal-denied = { $signal }: 권한이 거부됨 ({ $elevate })
kill-not-signalled = 시그널을 보내지 않음: { $why }
kill-would-send = { $signal } 시그널을 보낼 예정 (시험 실행)
kill-stuck = { $signal }: 아직 실행 중 (커널에서 멈췄을 수 있음)
kill-signal-interrupted = { $signal }: 아직 실행 중, portcheck가 중단됨
kill-unknown-parent = 알 수 없음
kill-respawned-label = 다시 시작됨:
kill-respawned = { $label } 포트 { $port }번을 다시 점유한 프로세스: pid { $pid } ({ $name }), 실행한 부모 프로세스: { $parent }. 관리 프로세스(supervisor)가 다시 시작합니다.
kill-held-refused = { $label } 포트 { $port }번에 바인딩할 수 없습니다: { $why }.
kill-still-held = { $label } 포트 { $port }번을 아직 점유 프로세스가 사용 중입니다: pid { $holders }.
kill-still-held-unseen = { $label } 포트 { $port }번을 portcheck가 볼 수 없는 프로세스가 아직 사용 중입니다.
kill-unknown-label = 알 수 없음:
kill-unknown-port = { $label } 포트 { $port }번: 소켓 테이블에 남은 점유 프로세스는 없지만, portcheck가 바인딩할 수 없어 사용 가능한지 확인하지 못했습니다.
kill-free-label = 사용 가능:
kill-was-free = { $label } 포트 { $port }번은 이미 사용 가능했습니다. 종료할 것이 없었습니다.
kill-freed-label = 해제됨:
kill-freed = { $label } 포트 { $port }번은 이제 사용 가능합니다.
report-note = 참고: { $note }

# 포트 보고서와 목록 (src/report/text/{mod,ports,listing}.rs, src/report/{mod,life}.rs)
report-exposure-local = 로컬
report-exposure-network = 네트워크
report-exposure-interface = 인터페이스
report-exposure-nowhere = 없음
report-no-process = 프로세스를 찾지 못함
report-tried = 개발 서버처럼 바인딩하고 수신 대기(LISTEN)한 뒤 해제함
report-pasted-unknown = { $note }; 지금 { $at }에서 서버를 시작할 수 있는지 알 수 없음: { $why }
report-pasted-ok = { $note }; 지금 { $at }에서 서버를 시작할 수 있음 ({ $tried })
report-pasted-taken = { $note }; 지금 { $at }에서는 서버를 시작할 수 없음: 이미 사용 중
report-unknown-line = 포트 { $port }번이 사용 가능한지 알 수 없습니다: { $why }
report-port = 포트 { $port }번
report-unknown = 알 수 없음
report-col-proto = 프로토콜
report-col-address = 주소
report-col-state = 상태
report-col-exposure = 노출
report-col-pid = PID
report-col-user = 사용자
report-col-command = 명령어
report-cannot-be-bound = 바인딩할 수 없음
report-in-use = 사용 중
report-what-to-do = 해결 방법:
report-answers-at = { $url }에서 응답함
report-answers-at-not = { $url }에서 응답함 ({ $not }에서는 응답하지 않음)
report-could-start = { $addrs }에서는 시작 가능
report-could-not-start = { $addrs }에서는 시작 불가
report-start-unknown = { $addr }에서는 알 수 없음 ({ $why })
report-beside = 포트 { $port }번으로 서버를 하나 더 띄우면: { $parts } (각 주소에서 { $tried })
report-life-at = , 시작 시각 { $time }
report-life-age = ; { $ago } 시작됨
report-life-under = ; 지금은 pid { $chain } 아래에서 실행 중
report-life-exited = { $who }: 부모 프로세스(리로더)가 종료됨{ $age }{ $at }{ $under }
report-life-started-by = { $who }: 실행한 부모 프로세스: pid { $chain }{ $at }
report-life-stopped = { $who }: 정지됨 (Ctrl+Z). 포트를 점유하지만 아무 응답도 하지 않음. 그 터미널에서 `fg` 후 Ctrl+C, 또는 `kill %1`
report-life-traced = { $who }: 추적 중 (gdb나 strace 같은 디버거 또는 트레이서가 붙잡고 있음). 놓아줄 때까지 아무 응답도 하지 않음
report-exposure-not-listening = 바인딩만 하고 수신 대기(LISTEN)하지 않음: 수신 대기하기 전에는 아무도 접속할 수 없음
report-meaning-loopback = 루프백(localhost): 자기 자신(로컬 호스트)에서만 접속 가능
report-meaning-all-interfaces = 모든 네트워크 인터페이스: 같은 네트워크(LAN, Docker 브리지 등)의 다른 컴퓨터에서도 접속 가능
report-meaning-specific = 특정 주소 하나: 그 인터페이스를 통해서만 접속 가능
report-meaning-unassigned = 이 컴퓨터의 어떤 인터페이스에도 없는 주소: 인터페이스가 이 주소를 갖기 전에는 접속 불가
report-reachable-at = , 내부 IP 등으로 접속: { $addrs }
report-reachable-at-more = , 내부 IP 등으로 접속: { $addrs } 외 { $more }개
report-may-take-ipv4 = ; IPv4 연결도 받을 수 있음 (IPV6_V6ONLY 설정 여부는 여기서 알 수 없음)
report-warning-label = 경고:
report-free-both = 모든 네트워크 인터페이스 주소에 직접 바인딩해서 확인함: IPv4, IPv6
report-free-ipv4 = 모든 네트워크 인터페이스 주소에 직접 바인딩해서 확인함: IPv4
report-free-ipv6 = 모든 네트워크 인터페이스 주소에 직접 바인딩해서 확인함: IPv6
report-free-no-ipv6 = 이 호스트에서는 IPv6를 사용할 수 없음: 아무것도 바인딩하지 않음
report-free-label = 사용 가능:
report-free-unchecked = { $label } { $ports }  (바인딩된 소켓 없음. portcheck에 바인딩 권한이 없어 직접 바인딩해서 확인하지는 않음)
report-free-ephemeral = { $label } 임시 포트 범위 { $low }-{ $high } 안의 포트 { $count }개: { $ports }. 나가는 연결에 운영체제가 배정할 수 있음 (portcheck --suggest로 범위 밖의 포트를 찾을 수 있음)
report-note-port = 참고 ({ $port }번): { $note }
report-next-steps = 다음 단계:
report-stop-pids = 충돌 프로세스 종료 (pid { $pids })
report-use-port-why = { $or ->
        [1] {"또는 "}
       *[0] {""}
    }다른 포트 사용: { $port }번 ({ $why }):
report-move-it = { $or ->
        [1] {"또는 "}
       *[0] {""}
    }설정에서 포트 옮기기 ({ $why }):
report-use-port = { $or ->
        [1] {"또는 "}
       *[0] {""}
    }다른 포트 사용: { $port }번
report-class-port = { $class } 포트 ({ $low }-{ $high })
report-privileged = 권한 요구 ({ $start }번 미만: 바인딩하려면 root 권한이 필요함)
report-in-ephemeral = 임시 포트 범위 { $low }-{ $high } 안에 있음 (나가는 연결에 운영체제가 배정할 수 있음)
report-class = { $class } 포트
report-many-ports = { $first }, ..., { $last } (포트 { $count }개)
report-many-ports-class = { $first }, ..., { $last } (포트 { $count }개, { $class })
report-just-now = 방금
report-minutes-ago = { $count }분 전
report-hours-ago = { $count }시간 전
report-days-ago = { $count }일 전
listing-none = 수신 대기(LISTEN) 중인 소켓이 없습니다.

# 터미널에서 --suggest (src/report/text/suggest.rs)
suggest-taken-by = 포트 { $port }번은 이미 다른 프로세스가 사용 중입니다: { $holder }
suggest-unseen-holder = portcheck가 볼 수 없는 프로세스
suggest-taken = 포트 { $port }번은 이미 사용 중입니다 (무언가가 바인딩되어 있음).
suggest-note-label = 참고:
suggest-free-label = 사용 가능한 포트 { $count }개:
kill-by-hand = 직접 하려면

# --kill이 거부한 프로세스를 완전히 종료하는 방법 (src/kill/policy.rs)
policy-close-connection = { $name }에서 그 연결을 닫거나 프로세스를 종료하세요
policy-container-main = 컨테이너를 찾은 뒤(podman이면 podman ps) 그 이름으로 docker stop을 실행해 중지하세요
policy-vscode = VS Code의 포트 패널에서 이 포트를 닫으세요 (또는 포트 { $port }번 전달을 중지하세요)
policy-published-by = 포트 { $port }번을 게시(publish)하는 컨테이너를 찾은 뒤, 그 이름으로 { $engine } stop을 실행해 중지하세요
policy-find-container = 컨테이너를 찾은 뒤, 그 이름으로 { $stop } 명령을 실행해 중지하세요
policy-lxc = LXC용 (LXD에서는 lxc stop { $name })
policy-invalid-name = 이름({ $id })이 올바른 이름이 아닙니다. 직접 찾은 뒤 그 이름으로 { $stop } 명령을 실행해 중지하세요
policy-sandbox = 샌드박스를 시작한 곳에서 종료하거나, 네임스페이스 전체를 종료하세요
policy-kubernetes = uid가 { $uid }인 파드를 찾은 뒤, 그 이름으로 워크로드를 축소(scale down)하거나 삭제하세요 (파드만 삭제하면 다시 만들어집니다)
policy-user-instance-run = uid { $uid }의 systemd 인스턴스에서 실행 중이며, 사용자 이름({ $user })은 명령어에 넣지 않았습니다. 그 사용자로 다음을 실행하세요
policy-user-instance-invalid = uid { $uid }의 systemd 인스턴스에서 실행 중이며, 사용자 이름({ $user })은 명령어에 넣지 않았고 유닛 이름({ $unit })도 올바른 systemd 유닛 이름이 아닙니다. 그 사용자로 유닛을 찾은 뒤, 그 이름으로 systemctl --user stop을 실행해 중지하세요
policy-invalid-unit = 유닛 이름({ $unit })이 올바른 systemd 유닛 이름이 아닙니다. 유닛을 찾은 뒤, 그 이름으로 { $whose } stop을 실행해 중지하세요
policy-socket-unit = 포트 { $port }번에서 수신 대기(LISTEN)하는 소켓 유닛을 찾은 뒤, 그 이름으로 sudo systemctl stop을 실행해 중지하세요

# --kill이 거부하는 플랫폼별 점유 프로세스를 끄는 방법 (src/kill/holders/macos.rs, windows.rs)
holders-airplay-off = 끄는 방법: 시스템 설정 > 일반 > AirDrop 및 Handoff > AirPlay 수신 모드 (또는 Flask를 다른 포트로 실행: flask run --port 5001)
holders-launchd = { $name } 작업(job)의 레이블을 찾은 뒤, sudo launchctl bootout system/ 뒤에 그 레이블을 붙여 실행해 종료하세요
holders-wsl = WSL 안의 서버를 종료하거나(WSL 안에서 포트 { $port }번으로 portcheck 실행), WSL의 모든 배포판을 종료하세요
holders-admin-terminal = 관리자 권한 터미널에서 실행하세요
holders-find-service = 서비스를 찾은 뒤, 그 이름으로 sc.exe stop을 실행해 중지하세요
holders-smb-stop = 관리자 권한 터미널에서 실행하세요. 파일 및 프린터 공유가 중지됩니다
holders-netbios-off = 어댑터의 IPv4 설정(고급, WINS)에서 NetBIOS over TCP/IP를 끄세요
holders-http-sys = URL 등록과 그 프로세스를 찾은 뒤, 그 서비스의 이름으로 sc.exe stop을 실행해 중지하세요

# --kill 자신의 메시지 (src/kill/{mod,plan,settle}.rs, src/kill/sys/)
kill-problem-denied = 권한이 거부됨: pid { $pids }: { $who }. { $hint }
kill-problem-hidden = 권한이 거부됨: 포트 { $ports }번에 보이지 않는 점유 프로세스가 있음: { $hint }
kill-note-settle-cut = { $settle } 안정화 대기 시간(settle window)에 { $signal } 시그널로 중단되어 재시작 감시를 끝까지 하지 못함
plan-by-vscode = pid { $pid }: VS Code가 실행한 프로세스입니다. VS Code에서 디버깅 중지(Shift+F5)로 종료하세요 (정상 종료 방법)
plan-under-debugpy = pid { $pid }: debugpy 아래에서 실행 중입니다. 종료하면 debugpy 어댑터도 함께 종료됩니다
plan-under-debugpy-waiting = pid { $pid }: debugpy 아래에서 실행 중입니다(--wait-for-client로 클라이언트를 기다림). 종료하면 debugpy 어댑터도 함께 종료됩니다
plan-adapter-waiting = pid { $pid }: debugpy의 어댑터입니다. 디버깅 대상 프로그램(pid { $debuggee })은 계속, 끝없이 실행됩니다(--wait-for-client로 클라이언트를 기다림). 그 프로그램도 자기 포트로 종료하세요
plan-adapter = pid { $pid }: debugpy의 어댑터입니다. 디버깅 대상 프로그램(pid { $debuggee })은 계속 실행됩니다. 그 프로그램도 자기 포트로 종료하세요
plan-adapter-unknown = pid { $pid }: debugpy의 어댑터입니다. 디버깅 대상 프로그램은 계속 실행됩니다(--wait-for-client로 시작했다면 끝없이). 그 프로그램은 자기 포트로 종료하세요
settle-end-holder = 지금 소켓을 점유한 프로세스(pid { $pid })를 종료하세요
settle-find-service = 이 프로세스를 시작하는 서비스를 찾은 뒤, 그 이름으로 중지하세요
settle-end-parent = 다시 시작하는 부모 프로세스(pid { $parent })를 먼저 종료한 뒤, 그 부모가 시작한 서버(pid { $pid })를 종료하세요
sys-proc-refused = --kill 거부됨: { $why }. /proc이 자기 것인 곳(직접 마운트: unshare --pid --fork --mount-proc)이나 샌드박스 밖에서 portcheck를 실행하세요
sys-no-proc = /proc이 없어({ $error }) 어떤 프로세스도 읽을 수 없음
sys-not-procfs = /proc이 procfs가 아니어서(다른 파일 시스템이 마운트됨) 어떤 프로세스도 읽을 수 없음
sys-other-namespace = /proc이 다른 pid 네임스페이스의 것이라(여기서 portcheck는 pid { $pid }, /proc에서는 { $says }) /proc에서 읽은 pid가 여기서는 다른 프로세스를 가리킴
sys-nspid = NSpid { $ids }
sys-calls-it = pid { $pid }
sys-does-not-list = 목록에 없음
kill-find-them = 찾기
kill-find-them-netstat = 찾기 ({ $ports } 포함된 줄, PID는 마지막 열)
kill-list-or = {" 또는 "}
## 소켓, 포트, 바인드 검사, 소켓 스캔 (src/inspect, src/port, src/scan, src/probe, src/host)

host-hidden-hint-sudo = root 권한 없이는 볼 수 없음. sudo로 실행하세요
host-denied-hint-sudo = 종료하려면 sudo로 실행하세요
host-denied-hint-root = sudo로도 종료할 수 없으니 프로세스를 실행한 곳에서 종료하세요
host-denied-who-protected = root에게도 보호되는 프로세스임 (보안 모듈, seccomp 필터나 샌드박스가 시그널을 거부함)
host-denied-fix-root = sudo로도 안 됨
host-elevate-sudo = sudo로 실행하세요
host-denied-who-user = 다른 사용자의 프로세스임
host-hidden-hint-admin = 이 터미널에서는 볼 수 없음. 관리자 권한 터미널에서 실행하세요
host-denied-hint-admin = 관리자 권한 터미널에서 실행하세요
host-elevate-admin = 관리자 권한 터미널에서 실행하세요
host-denied-who-elevated = 관리자 권한으로 실행 중이거나 다른 사용자의 프로세스임

port-class-well-known = 잘 알려진(Well-Known)
port-class-registered = 등록된
port-class-dynamic = 동적·사설
port-needs-root-linux = 바인딩하려면 root 권한 필요
port-needs-root-macos = 127.0.0.1에 바인딩하려면 root 권한 필요
port-denied-linux = 포트 { $start }번 미만은 권한이 필요한 포트여서 포트 { $port }번에 바인딩하려면 root 권한이나 CAP_NET_BIND_SERVICE가 필요합니다. 그래서 portcheck가 직접 바인딩해 볼 수 없었습니다. 이 포트에 바인딩된 소켓은 없습니다
port-denied-macos = 루프백(localhost) 주소에서는 포트 { $start }번 미만에 권한이 필요해서 포트 { $port }번을 127.0.0.1에 바인딩하려면 root 권한이 필요합니다(macOS 10.14부터 모든 네트워크 인터페이스 주소에는 누구나 바인딩할 수 있습니다). 그래서 portcheck가 직접 바인딩해 볼 수 없었습니다. 이 포트에 바인딩된 소켓은 없습니다
port-refused-elsewhere = 바인딩된 것이 없는데도 운영체제가 포트 { $port }번 바인딩을 거부했습니다
port-assumed-ephemeral-windows = 임시 포트 범위인지는 이 컴퓨터의 설정이 아니라 Windows의 기본 동적 포트 범위({ $start }-{ $end })를 기준으로 판단했습니다. 이 컴퓨터의 실제 범위는 --suggest가 읽습니다
port-refused-exclusive-windows = Windows가 포트 { $port }번 바인딩을 거부했습니다(WSAEACCES, 10013). 포트를 점유한 프로그램이 단독으로(SO_EXCLUSIVEADDRUSE) 바인딩했으며, 이 포트는 netsh가 보여 주는 포트 제외 범위에 들어 있지 않습니다
port-refused-denied-windows = 포트 { $port }번에는 소켓이 없고 netsh가 보여 주는 포트 제외 범위에도 들어 있지 않은데 Windows가 바인딩을 거부했습니다(WSAEACCES, 10013). 보안 소프트웨어(방화벽이나 엔드포인트 보호)나 정책이 막고 있습니다
port-excluded-note = 포트 { $port }번은 { $protocol } 포트 제외 범위 { $start }-{ $end }에 있습니다({ $who }). 수신 대기(LISTEN) 중인 것이 없어도 Windows가 바인딩을 거부합니다(WSAEACCES, 10013)
port-excluded-administered = 관리자가 netsh로 추가한 제외 범위
port-excluded-winnat = Hyper-V, WSL 2 또는 Docker Desktop이 예약한 범위(winnat)
port-fix-see-excluded = 포트 제외 범위 확인
port-fix-outside = 또는 그 범위 밖의 다른 포트 사용
port-fix-winnat = 또는 관리자 권한 터미널에서 winnat 서비스를 중지한 뒤, 서비스가 다시 시작하며 범위를 새로 정하기 전에 포트 { $port }번을 직접 예약: 다음 세 줄을 차례로 실행
port-fix-close = 포트를 바인딩한 프로그램이 직접 닫아야 함
port-fix-another = 또는 다른 포트 사용
port-fix-allow = 바인딩을 거부하는 보안 소프트웨어나 정책에서 포트 { $port }번 허용

probe-dual-stack = -6으로 물었습니다. 이 컴퓨터에서는 IPv6 서버가 기본으로 IPv4와 IPv6를 함께 바인딩하므로(net.ipv6.bindv6only=0) IPv4 점유 프로세스도 포함했습니다. IPV6_V6ONLY를 설정한 서버라면 이 포트에 바인딩할 수 있습니다
probe-cannot-socket = 소켓을 만들 수 없음: { $error }
probe-cannot-bind = 바인딩할 수 없음: { $error }
probe-call-failed = { $call }: { $error }
probe-errno = { $error }
probe-errno-policy = { $error } (샌드박스나 보안 정책이 막고 있음: seccomp, systemd의 RestrictAddressFamilies=, LSM)
probe-errno-family = { $error } (이 컴퓨터에 해당 주소 체계가 있거나 없다고 확인할 수 없음: 정책이 막고 있음)
probe-errno-fds = { $error } (파일 디스크립터 부족: ulimit -n)
probe-errno-memory = { $error } (커널에 소켓용 메모리가 부족함)

scan-orphan = 소켓 테이블에 { $protocol } { $address }:{ $port }의 소유자로 나온 프로세스(pid { $owner })는 이미 종료되었습니다(또는 pid가 재사용됨). 소켓을 물려받은 자식 프로세스가 점유하고 있으며, Windows는 그 프로세스를 보여 주지 않습니다
scan-orphan-werkzeug = { $note }. Werkzeug의 서버 자식 프로세스가 점유 중: pid { $pids }
scan-orphan-may-hold = { $note }. 점유하고 있을 수 있는 프로세스: pid { $pids }
scan-duplicate-listeners = 경고: 프로세스 { $count }개가 { $protocol } { $address }:{ $port }에서 수신 대기(LISTEN) 중입니다(pid { $pids }). Windows에서는 SO_REUSEADDR 때문에 이미 사용 중인 포트에 두 번째 서버가 바인딩할 수 있고, 이전 서버가 계속 응답할 수도 있습니다. 원하지 않는 쪽을 종료하세요
scan-unnamed = Windows의 소켓 테이블에 이 소켓을 소유한 프로세스가 없습니다(pid 0). 소켓을 물려받은 프로세스나 portcheck가 열 수 없는 프로세스가 점유하고 있습니다
scan-no-sock-diag = sock_diag netlink를 쓸 수 없어서({ $error }) 대신 /proc/net을 읽었습니다. /proc/net에는 IPV6_V6ONLY도, 바인딩만 하고 수신 대기(LISTEN)하지 않는 소켓도 나오지 않습니다
scan-inherited = portcheck를 실행한 프로그램에게서 물려받은 포트 { $port }번 소켓을 portcheck 자신이 열고 있습니다. 이 소켓은 점유 프로세스로 세지 않습니다

inspect-joined = { $first }; { $rest }
inspect-dev-server-exposed = 개발 서버가 네트워크에서 접속 가능합니다(외부에 노출: 보안 취약). 다른 사람과 공유하려는 것이 아니라면 루프백(localhost) 주소 127.0.0.1에 바인딩하세요
inspect-who-uid-name = uid { $uid } ({ $name })
inspect-who-uid = uid { $uid }
inspect-who-another-user = 다른 사용자
inspect-hidden-orphan-closing = 닫히는 중인 고아 연결: 연결을 닫은 프로세스는 이미 없고 커널이 닫기를 마무리합니다(net.ipv4.tcp_fin_timeout이 지나면 끝남). 점유 프로세스는 없습니다
inspect-hidden-out-of-fds = { $who } 소유입니다. portcheck가 /proc을 살피다가 파일 디스크립터가 부족해져(EMFILE) 일부 프로세스를 읽지 못했습니다. ulimit -n 값을 늘린 뒤 다시 시도하세요
inspect-hidden-unopened-pid = 소켓 테이블에 나온 프로세스(pid { $pids })를 열 수 없었습니다. 이미 종료되었거나 이 터미널에서는 열 수 없는 프로세스입니다({ $elevate })
inspect-hidden-no-proc = { $who } 소유입니다. /proc을 읽을 수 없어서({ $error }) 어느 프로세스인지 알 수 없습니다
inspect-hidden-hidepid = { $who } 소유입니다. /proc이 hidepid 옵션으로 마운트되어 다른 사용자의 프로세스가 보이지 않습니다. 프로세스를 보려면 sudo로 실행하세요
inspect-hidden-unreadable = { $who } 소유입니다. 프로세스를 보려면 { $elevate }
inspect-hidden-time-wait = 닫힌 연결입니다. 점유 프로세스는 없습니다
inspect-hidden-unseen = { $who } 소유이지만 { $reasons }
inspect-kernel-socket = 커널 소켓(VXLAN이나 Geneve 터널, WireGuard, NFS 같은 커널 안의 서비스가 점유함. 커널 소켓답게 uid 0 소유임)
inspect-kernel-socket-unlikely = 커널 소켓(가능성 낮음: 커널 소켓은 uid 0 소유임)
inspect-socket-in-flight = 전달 중인 소켓: unix 소켓을 통해 SCM_RIGHTS 메시지로 보냈지만 아직 받지 않은 상태(보낸 쪽은 자기 사본을 닫음)
inspect-hiding-unreadable = root도 디스크립터를 읽을 수 없는 프로세스 { $count }개(pid { $pids })
inspect-hiding-hidepid = /proc이 hidepid 옵션으로 마운트됨
inspect-hiding-child-ns = portcheck가 자식 PID 네임스페이스에서 실행 중이라 /proc에 네임스페이스 밖의 프로세스가 나오지 않음
inspect-unseen-holder-none = portcheck가 볼 수 없는 점유 프로세스(여기에는 해당하지 않음: /proc의 모든 프로세스를 읽었고, hidepid도 자식 PID 네임스페이스도 없음)
inspect-unseen-holder-applies = portcheck가 볼 수 없는 점유 프로세스(여기에 해당함: { $hiding })
inspect-no-visible-holder = portcheck가 볼 수 있는 프로세스 중에는 이 소켓을 연 것이 없습니다. 가능한 이유(가능성이 높은 순): 1) { $first }; 2) { $second }; 3) { $third }

inspect-note-other-users = 일부 점유 프로세스는 다른 사용자의 프로세스입니다. 프로세스를 보려면 { $elevate }
inspect-note-not-dumpable = 점유 프로세스를 읽을 수 없었습니다. 다른 사용자의 프로세스이거나, root로 시작한 뒤 사용자를 바꾼 내 프로세스입니다(그래서 dumpable이 아님: pid { $pids }). 프로세스를 보려면 { $elevate }
inspect-note-uninspected = 다른 사용자의 프로세스 { $count }개를 살펴볼 수 없었습니다. 모든 소유자를 보려면 { $elevate }
inspect-note-macos-unlisted = 다른 사용자의 프로세스가 연 소켓은 목록에 없습니다. macOS는 portcheck가 살펴볼 수 있는 프로세스만 보여 줍니다. 모든 소켓을 보려면 sudo로 실행하세요
inspect-note-no-proc = /proc을 읽을 수 없어서({ $error }) 소켓만 보여 주고 그 프로세스는 보여 주지 않습니다
inspect-note-hidepid = /proc이 hidepid 옵션으로 마운트되어 다른 사용자의 프로세스가 보이지 않습니다. 모든 소유자를 보려면 sudo로 실행하세요
inspect-beside-needs-root = 바인딩하려면 root 권한 필요
inspect-beside-no-family = 이 컴퓨터에 해당 주소 체계가 없음
look-family-unavailable = 이 컴퓨터에는 { $family } 주소 체계가 없어서 확인하지 않았습니다
look-taken = 포트 { $port }번은 사용 중입니다: { $reason }
look-taken-bound-inactive = 아래 소켓이 수신 대기(LISTEN) 없이 바인딩만 하고 있어서 서버가 이 포트를 쓸 수 없음
look-taken-reuse = 아래 연결의 로컬 포트이며 그 연결이 SO_REUSEADDR를 설정했음: SO_REUSEADDR를 설정한 서버라면 바인딩할 수 있지만 사용 가능한 포트는 아님
look-taken-connections = 수신 대기(LISTEN) 중인 소켓이 아니라 아래 연결이 바인딩하고 있음
look-taken-appeared = portcheck가 확인하는 사이에 점유 프로세스가 나타났음(아래)
look-taken-time-wait = SO_REUSEADDR를 설정하지 않은 소켓이 남긴 TIME_WAIT 연결이 아직 막고 있음. 1분 안에 사라짐
look-time-wait = 이 포트에 TIME_WAIT 상태인 TCP 연결이 { $count }개 있습니다(최근에 닫힘)
look-time-wait-free = 이 포트에 TIME_WAIT 상태인 TCP 연결이 { $count }개 있습니다(최근에 닫힘). 서버는 보통 SO_REUSEADDR를 설정하며, 그런 서버는 이 연결 때문에 막히지 않습니다
look-orphans = 이 포트에 닫히는 중인 고아 TCP 연결이 { $count }개 있습니다(FIN_WAIT, CLOSING 또는 LAST_ACK: 이미 없는 프로세스가 닫았고 커널이 마무리함). 서버는 보통 SO_REUSEADDR를 설정하며, 그런 서버는 이 연결 때문에 막히지 않습니다
look-unknown = 포트 { $port }번이 사용 가능한지 알 수 없습니다. portcheck가 직접 바인딩해서 확인할 수 없었고, 소켓 테이블에도 이 포트에는 아무것도 없습니다
look-unknown-group = { $what }: { $error }
look-unseen-bound-windows = 수신 대기(LISTEN)하지 않는 소켓이 바인딩하고 있음. Windows의 소켓 테이블에는 이런 소켓이 나오지 않음
look-unseen-netstat-bound = netstat에서는 :{ $port } 문자열이 있는 줄에 BOUND 상태로 나오며, 줄 끝이 pid임
look-unseen-other-users = 사용 중이지만 portcheck가 볼 수 있는 소켓 중에는 점유한 것이 없음. 다른 사용자의 프로세스가 점유하고 있을 수 있음: 확인하려면 sudo로 실행하세요
look-unseen = portcheck가 볼 수 없는 소켓이 사용 중임: 바로 지금 열리거나 닫히는 중인 소켓이거나 다른 방식으로 점유된 소켓임. 다시 시도하세요
look-unseen-wsl = { $base }. 또는 Windows 프로그램이 점유하고 있을 수 있음({ $windows })
look-wsl-two = WSL 2 환경: 미러링 네트워킹 모드에서는 Windows와 WSL이 포트를 공유함
look-wsl-one = WSL 1 환경: Linux와 Windows가 하나의 네트워크 스택을 공유함
look-unseen-windows-side = Windows 쪽에서 확인(여기서도 실행 가능): :{ $port } 문자열이 있는 줄의 끝이 pid임
wait-cannot-tell = 포트 { $port }번이 사용 가능한지 알 수 없습니다: { $family } { $protocol }: { $error }
scan-sock-diag-disabled = PORTCHECK_NO_SOCK_DIAG로 꺼 둠
## 힌트, 해결 방법, 다음 단계, --suggest 메모 (src/hint.rs, src/remedy*, src/advice.rs, src/project.rs, src/suggest.rs, src/started*, src/shell.rs)

hint-kind-flask = Flask 개발 서버
hint-kind-django = Django 개발 서버
hint-kind-gunicorn = gunicorn WSGI 서버
hint-kind-uvicorn = uvicorn ASGI 서버
hint-kind-hypercorn = hypercorn ASGI 서버
hint-kind-http-server = Python 정적 파일 서버 (python -m http.server)
hint-kind-vite = Vite 개발 서버
hint-kind-next = Next.js 개발 서버
hint-kind-webpack = webpack 개발 서버
hint-kind-node = Node.js 프로세스
hint-kind-jupyter = Jupyter 서버
hint-kind-debugpy-adapter = VS Code Python 디버거 (debugpy 어댑터)
hint-kind-debugpy-launcher = VS Code Python 디버거 (debugpy 런처)
hint-kind-nginx = nginx 웹 서버
hint-kind-apache = Apache 웹 서버
hint-kind-caddy = Caddy 웹 서버
hint-kind-postgres = PostgreSQL 서버
hint-kind-redis = Redis 서버
hint-kind-mysql = MySQL/MariaDB 서버
hint-kind-sshd = OpenSSH 서버
hint-kind-docker-proxy = Docker 게시 포트 (docker-proxy)
hint-kind-container-forwarder = rootless 컨테이너 포트 포워더
hint-kind-vscode-forwarding = VS Code 포트 전달 (포트 패널)
hint-kind-airplay = macOS AirPlay 수신 모드: 시스템 설정 > 일반 > AirDrop 및 Handoff에서 끄세요
hint-kind-systemd-socket = init (PID 1): systemd 소켓 활성화; .socket 유닛을 중지하세요
hint-docker-to = Docker 게시 포트 (docker-proxy), 대상 컨테이너 { $address }
hint-node-inspector = Node.js 인스펙터
hint-role-reloader-parent = { $what }, 자동 재시작(핫 리로드)의 부모 프로세스
hint-role-reloader-child = { $what }, 자동 재시작(핫 리로드) 아래에서 서버를 실행하는 자식 프로세스
hint-role-inspector = { $what } (인스펙터 포트)
hint-role-debugger = { $what } (디버거 포트)
hint-role-session = { $what } (디버그 세션의 포트)
hint-session-alone = 디버그 세션의 포트
hint-pid1-alone = 컨테이너 또는 네임스페이스의 PID 1 (컨테이너의 주 프로세스)
hint-pid1 = { $what }; 컨테이너 또는 네임스페이스의 PID 1
hint-by-vscode-debug = VS Code가 실행함 (디버깅 시작, F5)
hint-by-vscode-run = VS Code가 실행함 (디버깅 없이 실행, Ctrl+F5)
hint-by-debugpy = debugpy --listen { $listen } 아래에서 실행 중
hint-by-package-script = { $command } 명령이 실행함
hint-by-systemd = systemd 유닛 { $unit }
hint-by-container = { $runtime } 컨테이너 안에서 실행 중
hint-by-shell = { $shell }에서 실행함
hint-with-launcher = { $what }, { $by }
hint-with-unit = { $what } ({ $by })

remedy-then-connect = 그다음 attach 구성에서 { $connect }처럼 설정하세요
remedy-debugger-moved = python -m debugpy --listen 세션의 디버거 포트; 같은 명령을 디버거 포트 { $port }번, 앱 포트 { $app }번으로 실행: 앱의 원래 포트는 첫 세션이 점유 중
remedy-secret = 이전과 같이 포트 { $port }번으로 다시 시작하세요: 명령에 portcheck가 출력하지 않는 비밀 값이 들어 있습니다
remedy-unprintable = 이전과 같이 포트 { $port }번으로 다시 시작하세요: 폴더나 명령에 portcheck가 출력하지 않는 문자가 들어 있습니다
remedy-session-why = 디버그 세션의 포트: 디버거가 세션마다 새로 정함
remedy-session-stop = 옮길 것이 없습니다: VS Code에서 디버깅 중지(Shift+F5)로 세션을 끝내세요
remedy-debugpy-why = python -m debugpy --listen 세션의 디버거 포트
remedy-debugpy-listen = 앱을 debugpy의 --listen { $port } 옵션으로 다시 시작하고, attach 구성에서 { $connect }처럼 설정하세요
remedy-inspector-why = Node.js 인스펙터의 포트
remedy-inspector-flag = node를 --inspect={ $port } 옵션으로 시작하세요 (앱 자체의 포트는 그대로입니다)
remedy-generic-why = 앱이 $PORT를 읽거나 --port 플래그를 받는 경우
remedy-generic-env = 앱이 $PORT를 읽는다면: 환경 변수를 PORT={ $port }처럼 설정해서 시작하세요
remedy-generic-flag = --port를 받는다면: --port { $port } 옵션으로 시작하세요
remedy-web-server-why = { $server }: 설정 파일에 지정된 포트를 사용함
remedy-web-server-listen = 포트는 설정의 listen 값입니다 (확인: { $find }). 설정에서 바꾸거나 서버를 종료하세요
remedy-vscode-why = VS Code가 launch.json으로 실행함
remedy-vscode-args = launch.json의 "args"에서 "--port", "{ $old }" 부분을 "--port", "{ $port }" 값으로 바꾸고 다시 시작하세요
remedy-vscode-env = launch.json에서 { $env }처럼 설정하고 다시 시작하세요
remedy-vscode-args-or-env = launch.json의 "args"에 "--port", "{ $port }" 값을 추가하거나 { $env }처럼 설정하고 다시 시작하세요
remedy-vscode-call = { $file }에서 { $call }처럼 호출하도록 바꾸고 다시 시작하세요
remedy-vscode-app-run = 프로그램에서 app.run(port={ $port })처럼 호출하도록 바꾸고 다시 시작하세요
remedy-vscode-port = launch.json에서 앱이 포트를 받는 방식("args" 또는 "env")으로 포트 { $port }번을 넘기고 다시 시작하세요
remedy-package-port-flag = package.json 스크립트가 --port를 받는 서버를 실행함
remedy-package-port-env = package.json 스크립트가 PORT를 읽는 서버를 실행함
remedy-package-elsewhere = package.json 스크립트에서 portcheck가 알아볼 수 있는 포트 설정이 없음
remedy-package-change = { $file }에서 포트를 설정하는 부분을 바꾼 뒤 { $command } 명령으로 다시 실행하세요
remedy-vite = Vite는 --port를 받고 PORT는 읽지 않음
remedy-next = Next.js는 -p/--port를 받거나 PORT를 읽음
remedy-webpack = webpack-dev-server는 --port를 받음
remedy-uvicorn = uvicorn은 --port를 받고 PORT는 읽지 않음
remedy-flask-run = flask run은 PORT가 아니라 --port 또는 FLASK_RUN_PORT를 읽음
remedy-script-call = { $file }에서 { $call }처럼 호출하도록 바꾼 다음 실행
remedy-script-flask-run = 또는 같은 앱을 flask run으로 실행
remedy-script-env = 또는 환경 변수 활용: { $file }에서 os를 import하고 { $call }처럼 호출하도록 바꾼 다음 실행
remedy-script-why = { $file }에서 { $var }.run()으로 포트를 정함; 이 경우 Flask는 PORT와 FLASK_RUN_PORT를 무시함
remedy-gunicorn-title = gunicorn은 -b HOST:PORT를 받음; 프로세스 제목이 명령줄을 대체해서 다른 플래그는 알 수 없음
remedy-django = Django의 runserver는 포트를 인자로 받고 PORT는 읽지 않음
remedy-http-server = python -m http.server는 포트를 인자로 받음
remedy-bind-flag = { $server }: -b/--bind HOST:PORT로 주소를 받음

project-django = 여기에 Django 프로젝트가 있음 (manage.py): { $why }
project-flask = 여기에 Flask 앱이 있음 ({ $file }): { $why }
project-flask-script = python { $file } 명령으로 시작할 때: { $file }에서 app.run(port={ $port })처럼 설정하세요
project-vite = 여기에 Vite 프로젝트가 있음 (package.json): Vite는 --port를 받음
project-next = 여기에 Next.js 프로젝트가 있음 (package.json): next는 --port를 받거나 PORT를 읽음
project-react-scripts = 여기에 Create React App 프로젝트가 있음 (package.json): react-scripts는 PORT를 읽음
project-node = 여기에 Node 프로젝트가 있음 (package.json): 앱이 $PORT를 읽는 경우

advice-no-kill = 여기서는 portcheck --kill을 쓸 수 없습니다: { $why }
advice-vscode-stop-adapter = VS Code에서 디버깅 중지(Shift+F5)로 종료하세요: 디버그 어댑터의 포트 { $port }번까지 포함해 디버그 세션이 깔끔하게 끝납니다 (그 포트는 옮기지 마세요)
advice-vscode-stop = VS Code에서 디버깅 중지(Shift+F5)로 종료하세요: 디버그 세션이 깔끔하게 끝납니다
advice-stop-web-server = 또는 웹 서버 종료

suggest-ephemeral = { $base }번은 임시 포트 범위({ $low }-{ $high }) 안에 있습니다: 나가는 연결에 운영체제가 배정할 수 있습니다
suggest-reserved = { $base }번은 예약된 포트입니다 (net.ipv4.ip_local_reserved_ports)
suggest-privileged = { $start }번 아래 포트에 바인딩하려면 root 권한이나 CAP_NET_BIND_SERVICE가 필요합니다: { $start }번부터 찾았습니다
suggest-refused = 운영체제가 바인딩을 거부하는 포트 { $count }개를 { $first }번부터 건너뛰었습니다 (Windows의 WSAEACCES: 포트 제외 범위, 단독(exclusive) 바인딩 또는 보안 소프트웨어)
suggest-below = { $base }번 이상에는 임시 포트 범위({ $low }-{ $high })와 예약된 포트를 빼면 사용 가능한 포트가 없습니다: { $below ->
        [1] 마지막 포트는
       *[other] 마지막 { $below }개 포트는
    } { $base }번 아래에 있습니다

started-unreadable = { $file } 파일을 읽을 수 없음
started-not-literal = { $file }의 { $call }: 리터럴 값이 아님
started-no-run-call = { $file }에 리터럴 인자로 된 { $var }.run() 호출이 없음
started-gunicorn-title = gunicorn의 다른 플래그 (프로세스 제목이 명령줄을 대체함)
suggest-cannot-bind = 포트를 제안할 수 없습니다: portcheck가 확인할 포트에 바인딩하지 못했습니다 ({ $protocol }/{ $family }: { $error })
suggest-none = 제안할 수 있는 사용 가능한 포트가 없습니다: 모든 포트가 사용 중이거나 예약되었거나 임시 포트 범위({ $low }-{ $high }) 안에 있습니다
suggest-none-privileged = 제안할 수 있는 사용 가능한 포트가 없습니다: 모든 포트가 사용 중이거나 예약되었거나 임시 포트 범위({ $low }-{ $high }) 안에 있습니다 ({ $start }번 아래 포트에 바인딩하려면 root 권한이나 CAP_NET_BIND_SERVICE가 필요합니다)
## 명령줄: 사용법 오류, --help, 종료 상태 (src/cli.rs, src/cli/*.rs)

cli-not-utf8 = 잘못된 인수 '{ $arg }': UTF-8이 아닙니다
cli-port-signed = 잘못된 포트 '{ $arg }': 포트는 1부터 65535까지의 숫자입니다
cli-only-tcp-selected = '{ $arg }' 입력은 { $protocol } 포트를 지정했지만 TCP만 선택되어 있습니다
cli-only-udp-selected = '{ $arg }' 입력은 { $protocol } 포트를 지정했지만 UDP만 선택되어 있습니다
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
cli-paste-other-machine = 잘못된 포트 '{ $arg }': { $host } 호스트는 다른 컴퓨터입니다. portcheck는 이 컴퓨터의 포트만 볼 수 있습니다
cli-flag-takes-no-value = { $flag } 플래그는 값을 받지 않습니다. { $flag } { $port } 형식으로 쓰세요
cli-needs-mode = { $flag } 플래그는 { $mode } 플래그와 함께 써야 합니다. 명령에 { $mode } 플래그를 추가하세요
cli-flag-not-on-windows = { $flag } 플래그는 Windows에서 쓸 수 없습니다. 시그널이 없으며, --kill 플래그는 TerminateProcess로 프로세스를 종료합니다
cli-bare-duration = 잘못된 시간 값 '{ $n }'({ $flag }): 단위 없는 숫자는 초로 읽는데, { $n } 값은 포트 번호처럼 보입니다(뒤에 PORT '{ $port }' 있음). { $n }초를 뜻한다면 { $n }s로 쓰고, 아니라면 { $flag }의 시간 값을 포트보다 앞에 쓰세요
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
help-settle = 비워진 포트를 다시 점유하는 프로세스가 있는지 지켜보는 시간(안정화 대기 시간)
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
    체계마다 모든 네트워크 인터페이스 주소에 직접 바인딩해 보고 해제한
    것입니다.
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
help-example-kill = 5000번 점유 프로세스 종료(터미널에서는 물어봄)
help-example-suggest = 5000 이상에서 가장 가까운 사용 가능한 포트
help-example-wait = CI: 시작한 서버가 수신 대기할 때까지 기다리기
help-example-json = 같은 보고서를 JSON 객체 하나로
