# Shared by scripts/demo, scripts/test and scripts/bench: install what is missing, and run a
# private PostgreSQL cluster of the project's own (Unix socket only, own port, own folder).
#
# Usage (after `source`):
#   aqb_install_packages [extra Debian packages…]
#   aqb_cluster_start NAME PORT      # sets PGHOST, PGPORT, PGUSER, AQB_CLUSTER_DIR; idempotent
#   aqb_cluster_stop                 # stops it again; safe to call twice
#   aqb_create_database NAME         # an empty database with sql/schema/ applied
#
# As root, initdb and postgres refuse to run: the cluster then belongs to the `postgres` user.
# The socket lives in /tmp (short path, < 100 bytes, reachable by that user).

AQB_ROOT=${AQB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

aqb_log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }

aqb_as_db_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

aqb_install_packages() {
    local wanted=(libpq-dev libssl-dev postgresql pkg-config tzdata "$@") missing=() p
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    aqb_log "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

aqb_pg_bindir() { pg_config --bindir; }

aqb_cluster_start() {
    local name=$1 port=$2 bindir
    bindir=$(aqb_pg_bindir)
    AQB_CLUSTER_DIR=/tmp/aqb-$name-$(id -u)-$port
    export PGHOST=$AQB_CLUSTER_DIR PGPORT=$port PGDATABASE=postgres
    if [ "$(id -u)" -eq 0 ]; then export PGUSER=postgres; else export PGUSER=$(id -un); fi
    unset PGPASSWORD PGSERVICE PGSSLMODE PGHOSTADDR
    if [ ! -d "$AQB_CLUSTER_DIR/data" ]; then
        mkdir -p "$AQB_CLUSTER_DIR"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$AQB_CLUSTER_DIR"
        aqb_as_db_owner "$bindir/initdb" -D "$AQB_CLUSTER_DIR/data" -U "$PGUSER" \
            --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$AQB_CLUSTER_DIR/initdb.log" 2>&1 \
            || { cat "$AQB_CLUSTER_DIR/initdb.log" >&2; return 1; }
    fi
    # A server left over from an interrupted run is stopped first, so every run starts the same.
    aqb_as_db_owner "$bindir/pg_ctl" -D "$AQB_CLUSTER_DIR/data" status >/dev/null 2>&1 \
        && aqb_as_db_owner "$bindir/pg_ctl" -D "$AQB_CLUSTER_DIR/data" -m fast stop >/dev/null
    aqb_as_db_owner "$bindir/pg_ctl" -D "$AQB_CLUSTER_DIR/data" -l "$AQB_CLUSTER_DIR/server.log" -w \
        -o "-c listen_addresses='' -c unix_socket_directories='$AQB_CLUSTER_DIR' -p $port -c fsync=${AQB_PG_FSYNC:-on} -c max_connections=100 ${AQB_PG_OPTIONS:-}" \
        start >/dev/null || { cat "$AQB_CLUSTER_DIR/server.log" >&2; return 1; }
    aqb_log "PostgreSQL running in $AQB_CLUSTER_DIR on port $port"
}

aqb_cluster_stop() {
    [ -n "${AQB_CLUSTER_DIR:-}" ] && [ -d "$AQB_CLUSTER_DIR/data" ] || return 0
    aqb_as_db_owner "$(aqb_pg_bindir)/pg_ctl" -D "$AQB_CLUSTER_DIR/data" -m fast stop >/dev/null 2>&1 || true
}

aqb_create_database() {
    local db=$1 f
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" >/dev/null
    for f in "$AQB_ROOT"/sql/schema/*.sql; do
        psql -X -q -d "$db" -v ON_ERROR_STOP=1 -f "$f" >/dev/null
    done
}
