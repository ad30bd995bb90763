#!/usr/bin/env bash
# ./dev.sh fresh-check: what a new user gets on a really fresh Debian 12 machine. Run it before each
# release and after any change to dependencies (dev.sh's package list, find_package, a program the
# tests call). It takes about 20 minutes on 2 cores (more on a slow mirror), so CI does not run it.
#
#   1. bootstraps a minimal Debian 12 root (debootstrap --variant=minbase bookworm) from the Debian
#      mirror this machine's apt uses, and keeps a pristine copy of it;
#   2. copies a clean clone of the committed HEAD into the root and runs, as root there,
#      `./dev.sh test`, then `./dev.sh run` without a display, then `./dev.sh package`;
#   3. installs the four packages with `apt install ./*.deb` into the pristine copy (so their
#      Depends alone must bring everything), runs steward as root and as an ordinary user, and
#      starts steward-gui under Xvfb from the Exec line of its menu entry.
#
# Options: --keep (leave the roots in place for a look), --reuse (start from the bootstrapped root
# of an earlier run instead of bootstrapping again). STEWARD_FRESH_DIR chooses the work folder.
set -euo pipefail

SOURCE=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
WORK=${STEWARD_FRESH_DIR:-/var/tmp/steward-fresh-check}
KEEP=0
REUSE=0
for arg in "$@"; do
    case "$arg" in
        --keep) KEEP=1 ;;
        --reuse) REUSE=1 ;;
        *) echo "fresh-check: unknown option $arg (use --keep, --reuse)" >&2; exit 2 ;;
    esac
done

log() { printf '\033[1m==> fresh-check: %s\033[0m\n' "$*" >&2; }
fail() { printf '\033[1;31mfresh-check FAILED: %s\033[0m\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "debootstrap and chroot need root; run it as root (e.g. sudo ./dev.sh fresh-check)"

# The Debian mirror this machine's apt uses for bookworm itself (not bookworm-security, not a
# third-party repository, not a disabled entry), from deb822 or one-line sources; else Debian's own.
debian_mirror() {
    local uri
    uri=$(awk '
        function flush() {
            # exit runs END, which flushes again: print once.
            if (uris != "" && enabled != "no" && suites ~ /(^| )bookworm( |$)/) { print uris; uris = ""; exit }
            uris = ""; suites = ""; enabled = ""
        }
        /^[[:space:]]*$/ { flush(); next }
        tolower($1) == "uris:" { uris = $2 }
        tolower($1) == "suites:" { $1 = ""; suites = $0; sub(/^ +/, "", suites) }
        tolower($1) == "enabled:" { enabled = tolower($2) }
        END { flush() }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    if [ -z "$uri" ]; then
        uri=$(awk '$1 == "deb" {
                for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { if ($(i + 1) == "bookworm") print $i; break }
              }' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1 || true)
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

# The roots get the host's /dev bound in (PostgreSQL needs /dev/shm); sysfs and proc are mounted
# afresh. Every mount is recorded before anything else can fail, and nothing is ever deleted while
# a mount is left below it: rm -rf would go straight through a bound /dev into the host's.
MOUNTED=()
mount_system() {
    local root=$1
    for fs in proc sys dev; do
        mkdir -p "$root/$fs"
    done
    mount -t proc proc "$root/proc" || fail "cannot mount proc in $root"
    MOUNTED+=("$root/proc")
    mount -t sysfs sysfs "$root/sys" || fail "cannot mount sysfs in $root"
    MOUNTED+=("$root/sys")
    mount --rbind --make-rslave /dev "$root/dev" || fail "cannot bind /dev into $root"
    MOUNTED+=("$root/dev")
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
}
# Processes started inside a root (a PostgreSQL server left by a killed program, say) are ended
# before its mounts go.
stop_processes_in() {
    local root pid
    root=$(readlink -f "$1")
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
        [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$root" ] && kill -KILL "$pid" 2>/dev/null
    done
    return 0
}
mounts_below() { findmnt -rno TARGET | grep -qE "^$(readlink -f "$1")(/|$)"; }
remove_root() {
    local dir=$1
    [ -e "$dir" ] || return 0
    stop_processes_in "$dir"
    if mounts_below "$dir"; then
        umount -R "$dir/dev" "$dir/sys" "$dir/proc" 2>/dev/null || true
        mounts_below "$dir" && fail "$dir still has mounts below it; not deleting it (see findmnt)"
    fi
    rm -rf --one-file-system "$dir"
}
cleanup() {
    local i
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
        stop_processes_in "$(dirname "${MOUNTED[$i]}")"
        umount -R "${MOUNTED[$i]}" 2>/dev/null || umount -R -l "${MOUNTED[$i]}" 2>/dev/null || true
    done
    MOUNTED=()
    if [ "$KEEP" -eq 0 ]; then
        remove_root "$WORK/build-root"
        remove_root "$WORK/install-root"
    fi
}
trap cleanup EXIT

# Runs a command as root inside a root with nothing from this machine's environment but a PATH.
in_root() {
    local root=$1
    shift
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

command -v debootstrap >/dev/null || {
    log "installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

mkdir -p "$WORK"
PRISTINE=$WORK/bookworm-minbase.tar
if [ "$REUSE" -eq 0 ] || [ ! -f "$PRISTINE" ]; then
    MIRROR=$(debian_mirror)
    log "bootstrapping a minimal Debian 12 root from $MIRROR"
    remove_root "$WORK/bootstrap"
    debootstrap --variant=minbase bookworm "$WORK/bootstrap" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
        fail "debootstrap failed; see $WORK/debootstrap.log"
    tar -C "$WORK/bootstrap" -cf "$PRISTINE" .
    remove_root "$WORK/bootstrap"
fi

unpack_root() {
    remove_root "$1"
    mkdir -p "$1"
    tar -C "$1" -xf "$PRISTINE"
}

# --- 2. The README's two commands, as a new user runs them, in a clean clone.
BUILD_ROOT=$WORK/build-root
unpack_root "$BUILD_ROOT"
mount_system "$BUILD_ROOT"
if [ -n "$(git -C "$SOURCE" status --porcelain --untracked-files=no)" ]; then
    log "note: uncommitted changes in $SOURCE are not part of the check (it clones HEAD)"
fi
log "cloning $(git -C "$SOURCE" rev-parse --short HEAD) into the fresh root"
git clone -q --no-local "$SOURCE" "$BUILD_ROOT/root/steward"
# git is not in a minimal root; the clone is made outside and only its files are used.
rm -rf "$BUILD_ROOT/root/steward/.git"

log "./dev.sh test (as root, in the fresh root)"
in_root "$BUILD_ROOT" bash -c 'cd /root/steward && ./dev.sh test' ||
    fail "./dev.sh test failed in the fresh root"
log "./dev.sh run (no display)"
in_root "$BUILD_ROOT" bash -c 'cd /root/steward && timeout 600 ./dev.sh run' ||
    fail "./dev.sh run failed in the fresh root"
log "./dev.sh package"
in_root "$BUILD_ROOT" bash -c 'cd /root/steward && ./dev.sh package' ||
    fail "./dev.sh package failed in the fresh root"

# --- 3. The packages, installed with apt into a root that has never seen the build.
INSTALL_ROOT=$WORK/install-root
unpack_root "$INSTALL_ROOT"
mount_system "$INSTALL_ROOT"
mkdir -p "$INSTALL_ROOT/tmp/debs"
cp "$BUILD_ROOT"/root/steward/build/packages/*.deb "$INSTALL_ROOT/tmp/debs/"
log "apt install of $(cd "$INSTALL_ROOT/tmp/debs" && echo *.deb)"
# xvfb, xauth and xdotool are the check's own tools, not Steward's dependencies.
in_root "$INSTALL_ROOT" bash -c 'apt-get update -qq && cd /tmp/debs &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./steward_*.deb ./steward-gui_*.deb \
        ./steward-plugins_*.deb ./steward-dev_*.deb xvfb xauth xdotool >/dev/null' ||
    fail "apt install of the packages failed"

log "the installed steward, as root (its server runs as the steward account)"
in_root "$INSTALL_ROOT" bash -c 'set -e
    getent passwd steward
    steward --version
    steward demo load --if-empty
    steward plugins list
    steward coverage >/dev/null
    test -f /usr/share/man/man1/steward.1.gz' ||
    fail "the installed steward does not work as root"

log "the installed steward, as an ordinary user"
in_root "$INSTALL_ROOT" bash -c 'set -e
    useradd --create-home alice
    su alice -c "steward demo load --if-empty && steward overview"' ||
    fail "the installed steward does not work as an ordinary user"

log "steward-gui from its menu entry, under Xvfb"
exec_line=$(sed -n 's/^Exec=//p' "$INSTALL_ROOT/usr/share/applications/org.example.Steward.desktop")
[ -n "$exec_line" ] || fail "the menu entry has no Exec line"
# The main window ("Steward") is up 20 s after a window first appeared, and no connection dialog
# (what a failure to open the database shows) is; then the GUI is closed.
set +e
in_root "$INSTALL_ROOT" xvfb-run -a bash -c "
    $exec_line 2>/tmp/gui.err &
    gui=\$!
    timeout 60 xdotool search --sync --name '^Steward' >/dev/null || { kill \$gui; exit 10; }
    sleep 20
    kill -0 \$gui || exit 11
    xdotool search --onlyvisible --name 'Connect to a database' >/dev/null && { kill \$gui; exit 12; }
    xdotool search --onlyvisible --name '^Steward\$' >/tmp/gui.windows || { kill \$gui; exit 13; }
    kill \$gui; wait \$gui; exit 0"
status=$?
set -e
errors=$(cat "$INSTALL_ROOT/tmp/gui.err" 2>/dev/null || true)
case $status in
    0) log "steward-gui showed its main window (X window $(head -n1 "$INSTALL_ROOT/tmp/gui.windows"))" ;;
    10) fail "steward-gui (Exec=$exec_line) showed no window within 60 s: $errors" ;;
    11) fail "steward-gui (Exec=$exec_line) exited within 20 s of showing a window: $errors" ;;
    12) fail "steward-gui (Exec=$exec_line) could not open its database: $errors" ;;
    13) fail "steward-gui (Exec=$exec_line) shows no main window: $errors" ;;
    *) fail "steward-gui (Exec=$exec_line) under Xvfb ended with $status: $errors" ;;
esac
# The GUI's embedded server (root's, in /var/lib/steward) stops with its last client; make sure.
in_root "$INSTALL_ROOT" steward db stop >/dev/null 2>&1 || true

log "PASSED: ./dev.sh test, ./dev.sh run and the four packages work on a fresh Debian 12"
