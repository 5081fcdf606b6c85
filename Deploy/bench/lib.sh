# Shared by the bench scripts that start release craftd processes; sourced, not run.

# Sets BUILD=0 for --no-build, prints the calling script's header comment for -h/--help.
bench_parse_args() {
  local script=$1; shift
  BUILD=1
  case "${1:-}" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$script" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    "") ;;
    *) echo "$(basename "$script"): unknown argument $1" >&2; exit 2 ;;
  esac
}

# Prints the port a `craftd serve --port 0` logging to $1 (pid $2) serves on, once it logs
# "serving"; exits if the process dies first or after two minutes.
craftd_port() {
  local log=$1 pid=$2 port
  for _ in $(seq 1 600); do
    # "address=[IPv4]127.0.0.1/127.0.0.1:PORT … serving" (earlier lines may name peers).
    port=$(grep serving "$log" | grep -o '127\.0\.0\.1:[0-9]*' | head -1 | cut -d: -f2 || true)
    if [[ -n "$port" ]]; then echo "$port"; return; fi
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  echo "craftd ($log) did not start" >&2; exit 1
}
