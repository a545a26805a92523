#!/usr/bin/env bash
# Crash drills on the PostgreSQL at 127.0.0.1:5432: kill -9 server workers and stop the database
# abruptly under write load, then check nothing acknowledged was lost, nothing was half applied and
# the journal verifies. See scripts/crash_drills.py and docs/operations.md.
#   scripts/crash_drills.sh [--no-db-stop] [--writers 8] [--kills 5] [--outage 3] [--json FILE]
set -uo pipefail
cd "$(dirname "$0")/.."
version=$(ls /etc/postgresql | sort | tail -1)
# Whatever happens to the drill, PostgreSQL is running when this script ends.
ensure_postgres() {
	pg_ctlcluster --skip-systemctl-redirect "$version" main status >/dev/null 2>&1 ||
		pg_ctlcluster --skip-systemctl-redirect "$version" main start
}
trap ensure_postgres EXIT INT TERM
"${PYTHON:-.venv/bin/python}" scripts/crash_drills.py "$@"
