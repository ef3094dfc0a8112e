#!/usr/bin/env bash
# Scans every sample and the hostile-input corpus with the CLI jar inside a fresh network namespace
# (unshare -n: only a down loopback, no route anywhere) under strace, and fails if the trace shows
# any process started after the JVM itself (execve), any connect() but one, or any datagram sent.
#
# The one connect allowed: AF_UNIX to /var/run/nscd/socket. glibc makes it inside getpwuid(), which the
# JVM calls before main() to set user.name and user.home (and for its perf-data folder); it asks a
# local name-service cache daemon for the passwd entry, can carry nothing of Faultline's, and fails
# with ENOENT where nscd is not running. The JVM cannot be told to skip it. The socket() calls that
# remain are the JDK probing IPv4/IPv6 support when NIO loads libnet (file reads load it): they are
# counted and shown, never connected.
# Needs root (CI runs as root) for unshare; installs strace with apt-get when missing.
# Usage: .ci/sandbox-check.sh [JAR]   (default: analyzer/target/faultline.jar, built if absent)
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${1:-analyzer/target/faultline.jar}"
command -v strace >/dev/null || (apt-get update -qq && apt-get install -y -qq strace >/dev/null)
[[ -f "$JAR" ]] || mvn -B -q -pl analyzer -am package -DskipTests

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
JAVA="$(readlink -f "$(command -v java)")"
failed=0

# run NAME EXPECTED_EXIT ARGS...: one traced JVM
run() {
  local name="$1" expected="$2"
  shift 2
  local log="$work/$name.strace" code=0
  unshare -n strace -f -qq -e trace=execve,connect,socket,sendto,sendmsg -o "$log" \
    "$JAVA" -jar "$JAR" scan "$@" --format sarif -o "$work/$name.sarif" 2>"$work/$name.err" || code=$?
  if [[ "$code" != "$expected" ]]; then
    echo "sandbox-check: $name: exit $code, expected $expected" >&2
    sed 's/^/  /' "$work/$name.err" >&2
    failed=1
  fi
  # the first execve is strace starting the JVM; any other is a process Faultline (or the JVM) started
  local execs connects sockets
  execs="$(grep -c 'execve(' "$log" || true)"
  connects="$(grep -E 'connect\(|sendto\(|sendmsg\(' "$log" | grep -v 'connect([0-9]*, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}' || true)"
  sockets="$(grep -c 'socket(' "$log" || true)"
  if [[ "$execs" != 1 ]]; then
    echo "sandbox-check: $name: $execs execve calls, expected only the JVM's own:" >&2
    grep 'execve(' "$log" >&2
    failed=1
  fi
  if [[ -n "$connects" ]]; then
    echo "sandbox-check: $name: connect() or send calls:" >&2
    echo "$connects" >&2
    failed=1
  fi
  echo "sandbox-check: $name: exit $code, execve: $execs (the JVM), connect: $(grep -c 'connect(' "$log" || true) (nscd only), socket: $sockets"
}

samples=(samples/*/)
run samples 0 "${samples[@]}" --fail-on none
run hostile-corpus 5 analyzer/src/test/resources/hostile --fail-on none

exit "$failed"
