# Shared by scripts/demo, scripts/test and scripts/bench: install what is missing, and run a
# private PostgreSQL cluster of the project's own (Unix socket only, own port, own folder).
#
# Usage (after `source`):
#   aqb_install_packages [extra Debian packages…]
#   aqb_cluster_start NAME PORT      # sets PGHOST, PGPORT, PGUSER, aqb_cluster_dir; idempotent
#                                    # PORT is a base: each checkout adds an offset of its own
#   aqb_cluster_stop                 # stops it again; safe to call twice
#   aqb_create_database NAME         # an empty database with sql/schema/ applied
#
# As root, initdb and postgres refuse to run: the cluster then belongs to the `postgres` user.
# The socket lives in /tmp (short path, < 100 bytes, reachable by that user).

aqb_root=${aqb_root:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

aqb_log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }

aqb_as_db_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

aqb_install_packages() {
    # libxlsxwriter and cmark-gfm (with its extensions' headers) for bericht.xlsx and bericht.html;
    # python3 (standard library only) reads them back in the format tests.
    local wanted=(libpq-dev libssl-dev postgresql pkg-config tzdata libxlsxwriter-dev libcmark-gfm-dev
        libcmark-gfm-extensions-dev python3 "$@") missing=() p
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

# Two checkouts on one machine must not stop each other's server: the port (and with it the
# cluster folder) gets an offset derived from the checkout's path. AQB_PORT_OFFSET overrides it.
aqb_port_offset() {
    if [ -n "${AQB_PORT_OFFSET:-}" ]; then echo "$AQB_PORT_OFFSET"; return; fi
    local sum
    sum=$(printf '%s' "$aqb_root" | cksum | cut -d' ' -f1)
    echo $(( 10 * (sum % 400) ))
}

aqb_cluster_start() {
    local name=$1 port=$(( $2 + $(aqb_port_offset) )) bindir
    bindir=$(aqb_pg_bindir)
    aqb_cluster_dir=/tmp/aqb-$name-$(id -u)-$port
    export PGHOST=$aqb_cluster_dir PGPORT=$port PGDATABASE=postgres
    if [ "$(id -u)" -eq 0 ]; then export PGUSER=postgres; else export PGUSER=$(id -un); fi
    unset PGPASSWORD PGSERVICE PGSSLMODE PGHOSTADDR
    if [ ! -d "$aqb_cluster_dir/data" ]; then
        mkdir -p "$aqb_cluster_dir"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$aqb_cluster_dir"
        aqb_as_db_owner "$bindir/initdb" -D "$aqb_cluster_dir/data" -U "$PGUSER" \
            --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$aqb_cluster_dir/initdb.log" 2>&1 \
            || { cat "$aqb_cluster_dir/initdb.log" >&2; return 1; }
    fi
    # A server left over from an interrupted run is stopped first, so every run starts the same.
    aqb_as_db_owner "$bindir/pg_ctl" -D "$aqb_cluster_dir/data" status >/dev/null 2>&1 \
        && aqb_as_db_owner "$bindir/pg_ctl" -D "$aqb_cluster_dir/data" -m fast stop >/dev/null
    aqb_as_db_owner "$bindir/pg_ctl" -D "$aqb_cluster_dir/data" -l "$aqb_cluster_dir/server.log" -w \
        -o "-c listen_addresses='' -c unix_socket_directories='$aqb_cluster_dir' -p $port -c fsync=${PGCLUSTER_FSYNC:-on} -c max_connections=100 ${PGCLUSTER_OPTIONS:-}" \
        start >/dev/null || { cat "$aqb_cluster_dir/server.log" >&2; return 1; }
    aqb_log "PostgreSQL running in $aqb_cluster_dir on port $port"
}

aqb_cluster_stop() {
    [ -n "${aqb_cluster_dir:-}" ] && [ -d "$aqb_cluster_dir/data" ] || return 0
    aqb_as_db_owner "$(aqb_pg_bindir)/pg_ctl" -D "$aqb_cluster_dir/data" -m fast stop >/dev/null 2>&1 || true
}

aqb_create_database() {
    local db=$1 f
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" >/dev/null
    for f in "$aqb_root"/sql/schema/*.sql; do
        psql -X -q -d "$db" -v ON_ERROR_STOP=1 -f "$f" >/dev/null
    done
}
