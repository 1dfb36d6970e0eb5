# Helpers the bench scripts share. Sourced after the script has set $work (its temporary folder).

# need TOOL...: checks the tools are there; as root it installs the missing ones from Debian with apt-get.
need() {
  local missing=() packages=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  ((${#missing[@]} == 0)) && return 0
  packages=("${missing[@]}")
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing ${packages[*]} from Debian" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "bench: needs ${packages[*]} (apt-get install ${packages[*]})" >&2
    exit 2
  fi
}

# nginx_conf NAME WORKERS SERVER_BLOCK: one nginx instance with its own pid, temp and log files in $work (logs off,
# long keep-alive), started at once.
nginx_conf() {
  cat > "$work/nginx-$1.conf" <<EOF
worker_processes $2;
pid $work/nginx-$1.pid;
error_log $work/logs/$1-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/$1-body;
  proxy_temp_path $work/$1-proxy;
  fastcgi_temp_path $work/$1-fastcgi;
  uwsgi_temp_path $work/$1-uwsgi;
  scgi_temp_path $work/$1-scgi;
  keepalive_requests 1000000;
  $3
}
EOF
  nginx -c "$work/nginx-$1.conf"
}
