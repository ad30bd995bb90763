#!/usr/bin/env bash
# Steward developer entry point. On a fresh Debian 12 machine:
#   ./dev.sh run     install what is missing, build, start Steward on its embedded database with the
#                    demo organisation (the GUI when there is a display, else the CLI overview)
#   ./dev.sh test    install what is missing, build, run every test (CTest) against throwaway
#                    PostgreSQL clusters that the tests start and remove themselves, then a
#                    20-second smoke of each fuzz target
# Further commands: build, package (Debian packages and tarball in build/packages), fresh-check
# (both commands and the packages in a fresh Debian 12 root; about 20 minutes, not in CI),
# asan (sanitizer build + tests), fuzz [SECONDS] (each libFuzzer target, default 300 s), bench,
# screenshots (docs/screenshots), translations (refresh gui/translations from the sources),
# format, deps.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"
ROOT=$PWD
BUILD_DIR=${STEWARD_BUILD_DIR:-$ROOT/build}
JOBS=${STEWARD_JOBS:-$(nproc)}

# Debian 12 packages the build, the tests and the programs need. tests/packaging checks that every
# CMake package the build finds comes from one of these or a hard dependency of one: a package
# that happens to be installed on a developer's machine must not hide a missing line here.
PACKAGES=(
    g++ cmake ninja-build pkg-config
    # Qt6Charts' CMake package needs Qt6OpenGL, which qt6-charts-dev does not depend on.
    qt6-base-dev libqt6sql6-psql qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools
    libgl-dev
    libpq-dev postgresql-15
    libboost-dev
    # Checklist files: steward checklist import reads YAML (and OSCAL JSON) with yaml-cpp.
    libyaml-cpp-dev
    # Reminder digests by e-mail: libcurl speaks SMTP (STARTTLS, AUTH) and builds the MIME message.
    libcurl4-openssl-dev
    libgtest-dev libbenchmark-dev
    xvfb xauth
    python3 python3-jsonschema python3-regex
    # The reminders test reads `steward reminders --ics` with an independent iCalendar parser.
    python3-icalendar
    # The mail test receives `steward reminders --mail` with a local SMTP server (aiosmtpd).
    python3-aiosmtpd
    # Packages: manual pages, dpkg-shlibdeps (dpkg-dev, file), lintian, and the checks of the
    # desktop entry and AppStream metainfo.
    help2man dpkg-dev file lintian desktop-file-utils appstream
    # The libFuzzer targets (tests/fuzz): clang, and its fuzzer runtime, which clang does not
    # depend on.
    clang libclang-rt-14-dev
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing Debian packages: ${missing[*]}" >&2
        echo "Install them with:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    log "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# As root, the embedded PostgreSQL server runs as the unprivileged `steward` account (PostgreSQL
# refuses to run as root). The steward package creates it when installed; for a source tree this
# script does, as an install step, with the same command as the package's postinst.
ensure_server_account() {
    [ "$(id -u)" -eq 0 ] || return 0
    getent passwd steward >/dev/null && return 0
    log "Creating the system account steward for the embedded PostgreSQL server"
    useradd --system --user-group --home-dir /var/lib/steward --no-create-home \
        --shell /usr/sbin/nologin --comment "Steward embedded PostgreSQL server" steward
}

configure() {
    local dir=$1; shift
    if [ ! -f "$dir/build.ninja" ]; then
        log "Configuring $dir"
        cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    fi
}

build() {
    ensure_packages
    ensure_server_account
    configure "$BUILD_DIR"
    log "Building"
    cmake --build "$BUILD_DIR" -j "$JOBS"
}

run_tests() {
    local dir=$1
    log "Running the tests"
    ctest --test-dir "$dir" --output-on-failure -j "$JOBS" --timeout 1200
}

# The libFuzzer targets of tests/fuzz, built with clang in build-fuzz. Each runs for $1 seconds on
# a copy of its seed corpus (tests/fuzz/corpus/NAME, which it grows in build-fuzz/corpus); a crash
# stops the run and names the file holding the input that caused it. $2, when given, is the random
# seed: the smoke in `test` starts from the repository's corpus with a fixed seed, so that it
# replays what was fuzzed before a commit rather than gambling on new inputs in CI.
fuzz() {
    local seconds=$1 seed=${2:-0} dir=$ROOT/build-fuzz target name corpus
    if [ ! -f "$dir/build.ninja" ]; then
        log "Configuring $dir (clang, libFuzzer)"
        CC=clang CXX=clang++ cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DSTEWARD_BUILD_FUZZERS=ON -DSTEWARD_BUILD_TESTS=OFF -DSTEWARD_BUILD_GUI=OFF \
            -DSTEWARD_BUILD_PLUGINS=OFF -DSTEWARD_BUILD_BENCHMARKS=OFF >/dev/null
    fi
    cmake --build "$dir" --target steward-fuzzers -j "$JOBS"
    mkdir -p "$dir/crashes"
    for target in "$dir"/bin/fuzz-*; do
        name=${target##*/fuzz-}
        corpus=$dir/corpus/$name
        # A fixed seed starts from the repository's corpus alone, every time.
        [ "$seed" != 0 ] && corpus=$dir/corpus-seed-$seed/$name && rm -rf "$corpus"
        mkdir -p "$corpus"
        cp -n "$ROOT/tests/fuzz/corpus/$name/"* "$corpus/"
        # The import fixtures are good seeds for the CSV reader too.
        [ "$name" = csv ] && cp -n "$ROOT"/tests/fixtures/import/*.csv "$corpus/"
        log "Fuzzing $name for ${seconds}s"
        if ! "$target" -max_total_time="$seconds" -seed="$seed" -print_final_stats=1 \
            -artifact_prefix="$dir/crashes/$name-" "$corpus" >"$dir/$name.log" 2>&1; then
            tail -n 40 "$dir/$name.log" >&2
            echo "fuzz-$name failed; the input is in $dir/crashes (reproduce: $target FILE)" >&2
            return 1
        fi
        grep -E '^stat::number_of_executed_units' "$dir/$name.log" | sed "s/^/  $name: /"
    done
}

has_display() { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }

cmd=${1:-}
shift || true
case "$cmd" in
    run)
        build
        steward=$BUILD_DIR/bin/steward
        # The demo loads only into an empty database; an existing organisation is kept.
        "$steward" demo load --if-empty
        if has_display && [ -x "$BUILD_DIR/bin/steward-gui" ]; then
            exec "$BUILD_DIR/bin/steward-gui" "$@"
        fi
        exec "$steward" overview "$@"
        ;;
    test)
        build
        run_tests "$BUILD_DIR"
        # A short smoke of every fuzz target; ./dev.sh fuzz runs them longer.
        fuzz "${STEWARD_FUZZ_SECONDS:-20}" 1
        ;;
    fuzz)
        ensure_packages
        fuzz "${1:-300}"
        ;;
    build)
        build
        ;;
    package)
        build
        log "Packaging into $BUILD_DIR/packages"
        rm -rf "$BUILD_DIR/packages"
        (cd "$BUILD_DIR" && cpack --config CPackConfig.cmake)
        ls -1 "$BUILD_DIR"/packages/*.deb "$BUILD_DIR"/packages/*.tar.gz
        ;;
    fresh-check)
        exec "$ROOT/packaging/fresh-check.sh" "$@"
        ;;
    asan)
        ensure_packages
        ensure_server_account
        configure "$ROOT/build-asan" -DSTEWARD_SANITIZE=ON -DSTEWARD_BUILD_BENCHMARKS=OFF
        cmake --build "$ROOT/build-asan" -j "$JOBS"
        ASAN_OPTIONS=detect_leaks=0 run_tests "$ROOT/build-asan"
        ;;
    bench)
        build
        for b in "$BUILD_DIR"/bin/steward-bench-*; do
            case "$(basename "$b")" in steward-bench-gui-people|steward-bench-organisation) continue ;; esac
            log "$(basename "$b")"
            "$b" "$@"
        done
        # Organisation scale: each figure beside its reference, measured in the same run.
        log "steward-bench-organisation"
        "$BUILD_DIR/bin/steward-bench-organisation" --size "${STEWARD_BENCH_SIZE:-large}"
        # The People screen on a generated organisation; STEWARD_BENCH_SIZE=medium for a quick run.
        if [ -x "$BUILD_DIR/bin/steward-bench-gui-people" ]; then
            log "steward-bench-gui-people"
            "$BUILD_DIR/bin/steward-bench-gui-people" --size "${STEWARD_BENCH_SIZE:-large}"
        fi
        ;;
    screenshots)
        # Every GUI screen on the demo organisation, at 1280x800, without a display. A throwaway
        # embedded database keeps real data out of the pictures; its server stops with the program.
        build
        shots=$(mktemp -d /var/tmp/steward-screenshots.XXXXXX)
        chmod 755 "$shots" # the server's own account must reach it when running as root
        trap 'rm -rf "$shots"' EXIT
        QT_QPA_PLATFORM=offscreen "$BUILD_DIR/bin/steward-gui" --cluster "$shots/cluster" \
            --screenshots "$ROOT/docs/screenshots"
        ;;
    translations)
        ensure_packages
        for ts in gui/translations/*.ts; do
            # English needs only the plural forms; other languages need every text.
            only=()
            [ "$(basename "$ts")" = steward_en.ts ] && only=(-pluralonly)
            /usr/lib/qt6/bin/lupdate gui/src "${only[@]}" -locations none -no-obsolete \
                -source-language en -target-language "$(basename "$ts" .ts | cut -d_ -f2-)" -ts "$ts"
        done
        python3 gui/translations/fill_english_plurals.py gui/translations/steward_en.ts
        ;;
    format)
        git ls-files '*.cpp' '*.h' | xargs clang-format -i
        ;;
    deps)
        ensure_packages
        ;;
    *)
        sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
        exit 2
        ;;
esac
