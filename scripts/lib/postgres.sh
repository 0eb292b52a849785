# Shared by scripts/run, scripts/test and scripts/controls: find or install PostgreSQL, and
# create/start/stop a project-local cluster. Source it; do not run it.
# The server never runs as root (initdb refuses): as root it runs as the 'postgres' user.

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ensure_postgres_installed() {
  if [ -n "$(pg_bindir)" ]; then return 0; fi
  if [ "$(id -u)" -eq 0 ]; then
    echo "PostgreSQL is not installed; installing the Debian package 'postgresql'..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    # The package starts its own system cluster; we do not need it.
    pg_ctlcluster --help >/dev/null 2>&1 && (service postgresql stop >/dev/null 2>&1 || true)
  else
    echo "PostgreSQL is not installed. Install it with:  sudo apt-get install -y postgresql" >&2
    exit 1
  fi
}

# Run a command as the cluster's owner: 'postgres' when we are root, ourselves otherwise.
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  local port=${1:-54329}
  while ! port_is_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

# cluster_start DIR [throwaway]
# DIR holds: postgres/ (the cluster), run/ (socket), port, password, postgres.log.
# Creates the cluster on first use, starts it if it is not running, creates the 'controls'
# database, and prints the connection string (without a database for throwaway clusters).
cluster_start() {
  local dir=$1 mode=${2:-keep} bin
  bin=$(pg_bindir)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    if ! runuser -u postgres -- test -x "$dir"; then
      echo "The PostgreSQL server runs as the 'postgres' user, which cannot reach $dir." >&2
      echo "Make its parent folders traversable (chmod o+x), or set ConnectionStrings__Controls to use another database." >&2
      exit 1
    fi
    chown postgres: "$dir"
  fi
  if [ ! -f "$dir/postgres/PG_VERSION" ]; then
    as_pg_owner mkdir -p "$dir/postgres" "$dir/run"
    head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/password"
    chmod 600 "$dir/password"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/password"
    as_pg_owner "$bin/initdb" -D "$dir/postgres" -U controls --pwfile="$dir/password" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  local port
  if ! as_pg_owner "$bin/pg_ctl" -D "$dir/postgres" status >/dev/null 2>&1; then
    port=$(cat "$dir/port" 2>/dev/null || true)
    if [ -z "$port" ] || ! port_is_free "$port"; then port=$(free_port 54329); fi
    echo "$port" > "$dir/port"
    local options="-p $port -k $dir/run -c listen_addresses=127.0.0.1"
    if [ "$mode" = throwaway ]; then
      options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    fi
    as_pg_owner "$bin/pg_ctl" -D "$dir/postgres" -w -t 60 -l "$dir/postgres.log" -o "$options" start >/dev/null \
      || { tail -n 20 "$dir/postgres.log" >&2; exit 1; }
  fi
  port=$(cat "$dir/port")
  local password
  password=$(cat "$dir/password")
  if [ "$mode" != throwaway ]; then
    if ! PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U controls -d postgres -tAc \
        "select 1 from pg_database where datname = 'controls'" | grep -q 1; then
      PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U controls -d postgres -qc "create database controls" >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Database=controls;Username=controls;Password=$password"
  else
    echo "Host=127.0.0.1;Port=$port;Username=controls;Password=$password"
  fi
}

cluster_stop() {
  local dir=$1 bin
  bin=$(pg_bindir)
  if [ -n "$bin" ] && [ -f "$dir/postgres/PG_VERSION" ]; then
    as_pg_owner "$bin/pg_ctl" -D "$dir/postgres" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
