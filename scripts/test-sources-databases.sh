#!/usr/bin/env bash
# `boardpack sources` against real databases: a throwaway PostgreSQL server of its own (initdb
# into a temporary folder, listening on 127.0.0.1 on a free port, stopped whatever happens) and
# a SQLite file. The snapshots must give the same metrics.json figures as the same data written
# as boardpack CSV, a second run must change no byte, and the password must reach no file.
# Usage: scripts/test-sources-databases.sh [BOARDPACK]   (default .build/release/boardpack)
set -euo pipefail
bin=$(realpath "${1:-.build/release/boardpack}")
scripts/setup.sh postgresql sqlite3
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
tmp=$(mktemp -d)
chmod 755 "$tmp"
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user that
# Debian's package creates.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -f "$tmp/pg/postmaster.pid" ]; then as_pg "$pgbin/pg_ctl" -D "$tmp/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/pg" "$tmp/sock"
password="pw-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" >"$tmp/pwfile"
[ "$(id -u)" -eq 0 ] && chown postgres "$tmp/pg" "$tmp/sock" "$tmp/pwfile"
as_pg "$pgbin/initdb" -D "$tmp/pg" -U boardpack --auth=scram-sha-256 --pwfile="$tmp/pwfile" -E UTF8 >/dev/null
rm -f "$tmp/pwfile"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$pgbin/pg_ctl" -D "$tmp/pg" -l "$tmp/sock/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp/sock" start >/dev/null
export PGPASSWORD="$password" PGPORT="$port"
psql -h 127.0.0.1 -U boardpack -d postgres -q -v ON_ERROR_STOP=1 -c "create database packs"
psql -h 127.0.0.1 -U boardpack -d packs -q -v ON_ERROR_STOP=1 <<'SQL'
create table won (month date, new_customers integer, sales_cycle_days numeric(6, 2));
insert into won values ('2026-07-01', 10, 31.50), ('2026-08-01', 12, 30.25), ('2026-09-01', 9, 29.00), ('2026-10-01', 14, 33.75);
SQL
export ACME_SQLITE="$tmp/marketing.sqlite"
sqlite3 "$ACME_SQLITE" <<'SQL'
create table spend (month text, channel text, spend real, leads integer);
insert into spend values ('2026-07', 'search', 1200, 80), ('2026-07', 'social', 800, 60), ('2026-08', 'search', 1300, 95),
  ('2026-08', 'social', 700, 50), ('2026-09', 'search', 1250, 90), ('2026-09', 'social', 900, 75),
  ('2026-10', 'search', 1400, 100), ('2026-10', 'social', 650, 40);
SQL

unit_yml='name: Acme
sector: tech
currency: USD
confidentiality: Board'
# The workspace whose data come from the databases.
mkdir -p "$tmp/db/units/acme/data"
cat >"$tmp/db/units/acme/unit.yml" <<EOF2
$unit_yml
sources:
  - file: crm-won.csv
    command: [psql, --csv, -h, 127.0.0.1, -p, "\${PGPORT}", -U, boardpack, -d, packs, -c,
              "select to_char(month, 'YYYY-MM') as month, new_customers, sales_cycle_days from won order by month"]
  - file: spend.csv
    command: [sqlite3, -csv, -header, "\${ACME_SQLITE}", "select month, channel, spend, leads from spend order by month, channel"]
EOF2
# The same data written by hand as boardpack CSV.
mkdir -p "$tmp/csv/units/acme/data"
printf '%s\n' "$unit_yml" >"$tmp/csv/units/acme/unit.yml"
printf 'month,new_customers,sales_cycle_days\n2026-07,10,31.5\n2026-08,12,30.25\n2026-09,9,29\n2026-10,14,33.75\n' \
  >"$tmp/csv/units/acme/data/crm-won.csv"
printf 'month,channel,spend,leads\n2026-07,search,1200,80\n2026-07,social,800,60\n2026-08,search,1300,95\n2026-08,social,700,50\n2026-09,search,1250,90\n2026-09,social,900,75\n2026-10,search,1400,100\n2026-10,social,650,40\n' \
  >"$tmp/csv/units/acme/data/spend.csv"

(cd "$tmp" && "$bin" sources --content db)
first=$(cd "$tmp/db" && find . -type f | sort | xargs sha256sum)
(cd "$tmp" && "$bin" sources --content db) | grep -q 'crm-won.csv: 4 rows, unchanged'
second=$(cd "$tmp/db" && find . -type f | sort | xargs sha256sum)
[ "$first" = "$second" ] || { echo "test-sources-databases: a second run changed the workspace"; exit 1; }
(cd "$tmp" && "$bin" build --content db --output out-db >/dev/null && "$bin" build --content csv --output out-csv >/dev/null)
packs=0
for json in $(cd "$tmp/out-csv" && find . -name metrics.json | sort); do
  cmp -s "$tmp/out-csv/$json" "$tmp/out-db/$json" || { echo "test-sources-databases: $json differs"; diff "$tmp/out-csv/$json" "$tmp/out-db/$json" | head; exit 1; }
  packs=$((packs + 1))
done
[ "$packs" -gt 0 ] || { echo "test-sources-databases: no pack built"; exit 1; }
if grep -rqF "$password" "$tmp/db" "$tmp/out-db"; then
  echo "test-sources-databases: the password reached a file"; exit 1
fi
echo "test-sources-databases: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') and SQLite $(sqlite3 --version | awk '{print $1}') snapshots give the same metrics.json as the same CSV ($packs packs); a second run changes no byte; the password is in no file"
