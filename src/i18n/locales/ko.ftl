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

## 힌트, 해결 방법, 다음 단계, --suggest 메모 (src/hint.rs, src/remedy*, src/advice.rs, src/project.rs, src/suggest.rs, src/started*, src/shell.rs)

untranslated = { $text }

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
