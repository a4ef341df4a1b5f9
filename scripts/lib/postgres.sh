# Shared by scripts/demo, scripts/test and scripts/bench: install what is missing, and run a
# private PostgreSQL cluster of the project's own (Unix socket only, own port, own folder).
#
# Usage (after `source`):
#   aqb_install_packages [extra Debian packages…]
#   aqb_cluster_start NAME PORT      # sets PGHOST, PGPORT, PGUSER, aqb_cluster_dir; idempotent
#                                    # PORT is a base: each checkout adds an offset of its own
#   aqb_cluster_stop                 # stops it again; safe to call twice
#   aqb_private_cluster NAME PORT [extra Debian packages…]
#                                    # all three: install, start, and stop again on exit or signal
#   aqb_create_database NAME         # an empty database with sql/schema/ and sql/roles/ applied
#   aqb_cluster_tls                  # TLS on 127.0.0.1 with a throw-away CA (tests); after start
#   aqb_cluster_password_role R PW   # a role that must log in over TCP with a password (tests)
#   aqb_german_locale                # makes de_DE.UTF-8 available, for a server with German messages
#
# As root, initdb and postgres refuse to run: the cluster then belongs to the `postgres` user.
# The socket lives in /tmp (short path, < 100 bytes, reachable by that user).

aqb_root=${aqb_root:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

aqb_log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }

aqb_as_db_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

aqb_install_packages() {
    # libglpk for the disclosure audit; libxlsxwriter and cmark-gfm (with its extensions' headers)
    # for bericht.xlsx and bericht.html; python3 (standard library only) reads them back in the
    # format tests. msmtp is the `sendmail -t` the morning mail goes through, python3-aiosmtpd the
    # local SMTP sink it is delivered to (scripts/mail-sink, the mail tests).
    local wanted=(libpq-dev libssl-dev libglpk-dev postgresql pkg-config tzdata libxlsxwriter-dev libcmark-gfm-dev
        libcmark-gfm-extensions-dev python3 msmtp python3-aiosmtpd "$@") missing=() p
    for p in "${wanted[@]}"; do
        # LibreOffice (scripts/test opens the reports in it) counts as there when soffice is, from
        # whichever package: libreoffice-calc (with GUI) conflicts with the -nogui variant.
        [ "$p" = libreoffice-calc-nogui ] && command -v soffice >/dev/null && continue
        # Chromium (scripts/test prints the HTML reports with it) counts as there when its command is.
        [ "$p" = chromium ] && command -v chromium >/dev/null && continue
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
    for f in "$aqb_root"/sql/schema/*.sql "$aqb_root"/sql/roles/*.sql; do
        psql -X -q -d "$db" -v ON_ERROR_STOP=1 -f "$f" >/dev/null
    done
}

# What scripts/demo and scripts/test both do: packages, a cluster of their own, and the server
# stopped again however the script ends (an error, Ctrl-C, a TERM from CI).
aqb_private_cluster() {
    local name=$1 port=$2
    shift 2
    aqb_install_packages "$@"
    trap aqb_cluster_stop EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    aqb_cluster_start "$name" "$port"
}

# A throw-away CA, a second CA that signed nothing of this server, and a server certificate for
# "localhost" (not for 127.0.0.1), under $aqb_cluster_dir/tls; then TLS on. For tests of
# sslmode=verify-full: right CA, wrong CA, wrong host name. The cluster must listen on 127.0.0.1.
aqb_cluster_tls() {
    local d=$aqb_cluster_dir/tls
    if [ ! -f "$d/server.crt" ]; then
        mkdir -p "$d"
        openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=aqb-test-ca \
            -keyout "$d/ca.key" -out "$d/ca.crt" >/dev/null 2>&1
        openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=aqb-wrong-ca \
            -keyout "$d/wrong-ca.key" -out "$d/wrong-ca.crt" >/dev/null 2>&1
        openssl req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout "$d/server.key" -out "$d/server.csr" >/dev/null 2>&1
        printf 'subjectAltName=DNS:localhost\n' >"$d/server.ext"
        openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial -days 3650 \
            -extfile "$d/server.ext" -out "$d/server.crt" >/dev/null 2>&1
        chmod 600 "$d/server.key"
        [ "$(id -u)" -eq 0 ] && chown postgres "$d/server.key" "$d/server.crt"
    fi
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "ALTER SYSTEM SET ssl_cert_file = '$d/server.crt'" \
        -c "ALTER SYSTEM SET ssl_key_file = '$d/server.key'" -c "ALTER SYSTEM SET ssl = on" -c "SELECT pg_reload_conf()" >/dev/null
    aqb_wait_for_setting ssl on
}

# A login role that must give its password over TCP (scram), whatever the rest of pg_hba says.
aqb_cluster_password_role() {
    local role=$1 password=$2 hba=$aqb_cluster_dir/data/pg_hba.conf
    grep -q "^host all $role " "$hba" || sed -i "1i host all $role 127.0.0.1/32 scram-sha-256" "$hba"
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "DROP ROLE IF EXISTS $role" \
        -c "CREATE ROLE $role LOGIN PASSWORD '$password'" -c "SELECT pg_reload_conf()" >/dev/null
    # The reload is asynchronous: wait until a wrong password is refused.
    local i
    for i in $(seq 100); do
        PGPASSWORD=not-the-password psql -X -q -h 127.0.0.1 -U "$role" -d postgres -c 'SELECT 1' >/dev/null 2>&1 || return 0
        sleep 0.1
    done
    aqb_log "pg_hba.conf for $role was never loaded"
    return 1
}

# pg_reload_conf() only signals the server: wait until new sessions see the value.
aqb_wait_for_setting() {
    local i
    for i in $(seq 100); do
        [ "$(psql -X -A -t -d postgres -c "SHOW $1")" = "$2" ] && return 0
        sleep 0.1
    done
    aqb_log "setting $1 never became $2"
    return 1
}

# German server messages need the de_DE.UTF-8 locale (Debian's postgresql ships the German
# translations). Best effort: without it, the test that needs it is skipped.
aqb_german_locale() {
    locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' && return 0
    [ "$(id -u)" -eq 0 ] || return 0
    localedef -i de_DE -f UTF-8 de_DE.UTF-8 >/dev/null 2>&1 || aqb_log "de_DE.UTF-8 not available; the German-server test is skipped"
}
