#!/usr/bin/env bash
# The Debian packages and the tarball as an organisation gets them: built with CPack from this
# build, unpacked with dpkg-deb -x into a temporary root, and used from the installed tree alone
# (no build tree, no source tree, no STEWARD_* variables): version, an embedded database, the demo,
# the six plugins, a coverage report, an audit PDF, the SDK example built against steward-dev and
# loaded through STEWARD_PLUGIN_PATH, the manual pages, the control fields, lintian, the desktop
# entry and the AppStream metainfo.
#
# Usage: package_test.sh BUILD_DIR VERSION [release|sanitized]
set -euo pipefail

BUILD=$(readlink -f "$1")
VERSION=$2
KIND=${3:-release}
REVISION=1
ARCH=$(dpkg --print-architecture)

# As root, the embedded server runs as the steward account, which must reach the cluster folder.
TMP=$(mktemp -d /var/tmp/steward-package-test.XXXXXX)
chmod 755 "$TMP"
ROOT=$TMP/root
cleanup() {
    [ -x "$ROOT/usr/bin/steward" ] && "$ROOT/usr/bin/steward" --cluster "$TMP/cluster" db stop \
        >/dev/null 2>&1 || true
    rm -rf "$TMP"
}
trap cleanup EXIT

FAILURES=0
check() { # check DESCRIPTION COMMAND...: runs the command, reports and counts a failure
    local what=$1
    shift
    if "$@"; then
        echo "ok: $what"
    else
        echo "FAILED: $what" >&2
        FAILURES=$((FAILURES + 1))
    fi
}
contains() { grep -qF -- "$2" <<<"$1" || { echo "  expected '$2' in:" >&2; sed 's/^/    /' <<<"$1" >&2; return 1; }; }

# Runs an installed program with nothing of the developer's environment that could point it at the
# build tree or another database.
# The sanitizer build's options pass (its programs must not stop at exit over Qt's leaks).
installed() {
    env -i PATH=/usr/bin:/bin HOME="$TMP/home" LANG=C.UTF-8 ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
        UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" "$@"
}
mkdir -p "$TMP/home"
steward() { installed "$ROOT/usr/bin/steward" --cluster "$TMP/cluster" "$@"; }

echo "== Building the packages with CPack"
(cd "$TMP" && cpack --config "$BUILD/CPackConfig.cmake" -B "$TMP/packages" >"$TMP/cpack.log" 2>&1) || {
    cat "$TMP/cpack.log" >&2
    echo "FAILED: cpack" >&2
    exit 1
}
PACKAGES=(steward steward-gui steward-plugins steward-dev)
for p in "${PACKAGES[@]}"; do
    check "$p is named the Debian way" test -f "$TMP/packages/${p}_${VERSION}-${REVISION}_${ARCH}.deb"
done
TARBALL=$(ls "$TMP"/packages/steward-"$VERSION"-*.tar.gz)
check "one tarball of the install tree" test -f "$TARBALL"

echo "== Control fields"
deb() { echo "$TMP/packages/${1}_${VERSION}-${REVISION}_${ARCH}.deb"; }
field() { dpkg-deb -f "$(deb "$1")" "$2"; }
# The synopsis (first line) names what this package holds; the long description does not repeat it.
own_synopsis() {
    local description
    description=$(field "$1" Description)
    [ "$(sed -n 1p <<<"$description")" != "$(sed -n '2s/^ //p' <<<"$description")" ]
}
depends=$(field steward Depends)
check "steward depends on the PostgreSQL driver loaded at run time" contains "$depends" libqt6sql6-psql
check "steward depends on postgresql-15 for the embedded database" contains "$depends" postgresql-15
check "steward's shared-library dependencies come from dpkg-shlibdeps" contains "$depends" libc6
check "steward depends on Qt's core library" contains "$depends" libqt6core6
check "steward-gui depends on Qt Widgets (shlibdeps)" contains "$(field steward-gui Depends)" libqt6widgets6
check "steward-gui needs the same steward" contains "$(field steward-gui Depends)" "steward (= ${VERSION}-${REVISION})"
check "steward-plugins needs the same steward" contains "$(field steward-plugins Depends)" "steward (= ${VERSION}-${REVISION})"
check "steward-dev needs the same steward" contains "$(field steward-dev Depends)" "steward (= ${VERSION}-${REVISION})"
check "steward-dev does not pull in Qt's development packages" \
    bash -c "! grep -q qt6 <<<'$(field steward-dev Depends)'"
check "the four packages have four different synopses" \
    test "$(for p in "${PACKAGES[@]}"; do field "$p" Description | head -n1; done | sort -u | wc -l)" -eq 4
check "steward-dev is in section devel" test "$(field steward-dev Section)" = devel
for p in "${PACKAGES[@]}"; do
    check "$p has a maintainer" contains "$(field "$p" Maintainer)" "@"
    check "$p has priority optional" test "$(field "$p" Priority)" = optional
    check "$p has a long description" test "$(field "$p" Description | wc -l)" -ge 3
    check "$p has a synopsis of its own" own_synopsis "$p"
done
check "steward's postinst creates the server account" \
    contains "$(dpkg-deb --ctrl-tarfile "$(deb steward)" | tar -xO ./postinst)" "useradd --system"

echo "== Unpacking with dpkg-deb -x"
for p in "${PACKAGES[@]}"; do
    dpkg-deb -x "$(deb "$p")" "$ROOT"
    check "$p carries its copyright file" test -f "$ROOT/usr/share/doc/$p/copyright"
    check "$p carries its Debian changelog" test -f "$ROOT/usr/share/doc/$p/changelog.Debian.gz"
done
# (A sanitizer build's instrumentation records the source paths of generated files, which live in
# the build tree; only a release build must be free of them.)
if [ "$KIND" = release ]; then
    check "no file of the installed tree names the build tree" \
        bash -c "! grep -rlF '$BUILD' '$ROOT/usr/bin' '$ROOT/usr/lib'"
fi

echo "== The SDK library"
# The programs and the plugins load it, so it is in steward; the link to build plugins is in
# steward-dev, beside the headers.
contents() { dpkg-deb -c "$(deb "$1")" | awk '{print $6}'; }
check "steward ships libsteward-sdk" contains "$(contents steward)" ./usr/lib/steward/libsteward-sdk.so.0
check "steward-dev ships the libsteward-sdk link" contains "$(contents steward-dev)" ./usr/lib/steward/libsteward-sdk.so
check "the bundled plugins need libsteward-sdk, not Qt" bash -c "
    readelf -d '$ROOT/usr/lib/steward/plugins/steward-plugin-finance.so' | grep -q 'libsteward-sdk.so.0' &&
    ! readelf -d '$ROOT/usr/lib/steward/plugins/steward-plugin-finance.so' | grep -q 'libQt6'"

echo "== The installed steward"
check "steward --version" contains "$(installed "$ROOT/usr/bin/steward" --version)" "steward $VERSION"
check "the embedded database is created and the demo loaded" steward demo load --if-empty
status=$(steward db status || true)
check "the cluster is the one --cluster names" contains "$status" "$TMP/cluster"
check "STEWARD_CLUSTER names the cluster too" \
    contains "$(installed env STEWARD_CLUSTER="$TMP/cluster" "$ROOT/usr/bin/steward" db status)" \
    "$TMP/cluster"
plugins=$(steward plugins list --json || true)
active=$(python3 -c 'import json,sys; print(sum(1 for p in json.load(sys.stdin) if p["state"] == "active"))' <<<"$plugins" || echo 0)
check "the six bundled plugins are active, from the installed tree" test "$active" -eq 6
check "plugins are loaded from the installed folder" contains "$plugins" "$ROOT/usr/lib/steward/plugins"
coverage=$(steward coverage || true)
check "coverage reports the demo's pack gap" contains "$coverage" HEALTHCARE_NO_PRIVACY_OFFICER
audit=$(steward audit list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])' || true)
check "an audit PDF is rendered" steward audit report "$audit" --format pdf --output "$TMP/audit.pdf"
check "the audit PDF is a PDF" test "$(head -c 5 "$TMP/audit.pdf")" = "%PDF-"
check "steward-gui --version without a display" \
    contains "$(installed "$ROOT/usr/bin/steward-gui" --version)" "$VERSION"

echo "== The SDK example against the installed steward-dev"
# With Qt hidden from CMake: steward-dev does not depend on Qt's development packages.
cp -r "$ROOT/usr/share/doc/steward-dev/examples/sdk-example" "$TMP/example"
if (cmake -S "$TMP/example" -B "$TMP/example-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$ROOT/usr" -DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON &&
        cmake --build "$TMP/example-build") >"$TMP/sdk.log" 2>&1; then
    echo "ok: the example plugin builds against the installed SDK without Qt"
    check "the example plugin is valid" steward plugins check "$TMP/example-build/steward-plugin-acme.so"
    plugins=$(installed env STEWARD_PLUGIN_PATH="$TMP/example-build" "$ROOT/usr/bin/steward" \
        --cluster "$TMP/cluster" plugins list --json || true)
    check "STEWARD_PLUGIN_PATH adds the example to the installed plugins" python3 -c '
import json, sys
plugins = {p["id"]: p["state"] for p in json.load(sys.stdin)}
sys.exit(0 if plugins.get("acme") == "active" and len(plugins) == 7 else 1)' <<<"$plugins"
else
    cat "$TMP/sdk.log" >&2
    echo "FAILED: the example plugin does not build against the installed SDK" >&2
    FAILURES=$((FAILURES + 1))
fi

echo "== Manual pages"
for program in steward steward-gui; do
    page=$ROOT/usr/share/man/man1/$program.1.gz
    check "$program has a manual page" test -f "$page"
done
manual=$(zcat "$ROOT/usr/share/man/man1/steward.1.gz" || true)
check "steward(1) lists the commands of --help" contains "$manual" "audit report"
check "steward(1) describes STEWARD_CLUSTER" contains "$manual" STEWARD_CLUSTER
check "steward-gui(1) describes --cluster" \
    contains "$(zcat "$ROOT/usr/share/man/man1/steward-gui.1.gz")" cluster

echo "== Desktop entry and AppStream metainfo"
desktop=$ROOT/usr/share/applications/org.example.Steward.desktop
check "the desktop entry is valid" desktop-file-validate "$desktop"
check "the desktop entry starts steward-gui" contains "$(cat "$desktop")" "Exec=steward-gui"
check "the icon is in the hicolor theme" test -f "$ROOT/usr/share/icons/hicolor/scalable/apps/org.example.Steward.svg"
check "the AppStream metainfo is valid" \
    appstreamcli validate --no-net --pedantic "$ROOT/usr/share/metainfo/org.example.Steward.metainfo.xml"

echo "== The tarball holds the same install tree"
mkdir "$TMP/tarball"
tar -C "$TMP/tarball" -xzf "$TARBALL"
top=$(ls "$TMP/tarball" | head -n1)
(cd "$TMP/tarball/$top" && find . -type f -o -type l | grep -v '^./share/doc/' | sort) >"$TMP/tar.list"
(cd "$ROOT/usr" && find . -type f -o -type l | grep -v '^./share/doc/' | sort) >"$TMP/deb.list"
check "tarball and packages install the same files" diff -u "$TMP/deb.list" "$TMP/tar.list"
check "the unpacked tarball's steward runs where it was unpacked" \
    contains "$(installed env STEWARD_PLUGIN_PATH= "$TMP/tarball/$top/bin/steward" plugins check \
        "$TMP/tarball/$top/lib/steward/plugins/steward-plugin-finance.so")" finance

echo "== lintian"
if lintian --fail-on error --tag-display-limit 0 "$TMP"/packages/*.deb >"$TMP/lintian.log" 2>&1; then
    echo "ok: lintian reports no errors"
else
    echo "FAILED: lintian reports errors" >&2
    FAILURES=$((FAILURES + 1))
fi
sed 's/^/  lintian: /' "$TMP/lintian.log"

echo
if [ "$FAILURES" -ne 0 ]; then
    echo "$FAILURES packaging check(s) failed"
    exit 1
fi
echo "every packaging check passed"
