#!/usr/bin/env python3
"""Every Debian package the configured build uses must be installed by ./dev.sh.

A package that happens to be installed on a developer's machine (or CI's) hides a missing line
in dev.sh's list: the build passes there and fails for every new user. This happened with
libqt6opengl6-dev, which Qt6Charts' CMake package needs and qt6-charts-dev does not depend on.

The check reads what the configured build found (CMakeCache.txt): every CMake package (the
*_DIR entries, whose config file dpkg knows the owner of), the compiler and build tool, the
programs our own CMake code finds (STEWARD_*) and what find_package(PostgreSQL) found. It asks
dpkg which package ships each, and fails unless that package is in dev.sh's PACKAGES, is
Essential (on every Debian system), or is a hard dependency (Depends, Pre-Depends) of one of
them, as `apt-cache depends --recurse` reports it.
Other files in the cache are optional finds of CMake's own modules (FindOpenGL looks for EGL and
GLU whether or not anything needs them); they are listed, not required.

Usage: check_build_dependencies.py CMakeCache.txt dev.sh [--without PACKAGE]...
--without drops packages from dev.sh's list first; the self-test uses it to show that the check
really catches a missing package (libqt6opengl6-dev).
"""

import argparse
import os
import re
import subprocess
import sys

CACHE_ENTRY = re.compile(r"^([A-Za-z0-9_.+-]+):(PATH|FILEPATH|STRING|UNINITIALIZED|INTERNAL)=(.*)$")


REQUIRED_ENTRIES = re.compile(r"^(STEWARD_.*|PostgreSQL_.*|CMAKE_CXX_COMPILER|CMAKE_MAKE_PROGRAM)$")


def found_paths(cache_file, ignore_roots):
    """(entry, path, required) for every file outside our own trees that the build found: the
    config file of each CMake package, and files found by find_program and friends."""
    result = []
    with open(cache_file, encoding="utf-8") as cache:
        for line in cache:
            match = CACHE_ENTRY.match(line.rstrip("\n"))
            if not match:
                continue
            name, kind, value = match.groups()
            is_package_dir = name.endswith("_DIR") and kind in ("PATH", "STRING", "UNINITIALIZED")
            if not (is_package_dir or kind in ("PATH", "FILEPATH")):
                continue
            if name.startswith("CMAKE_INSTALL_") or not value.startswith("/"):
                continue
            if value.endswith("-NOTFOUND") or not os.path.exists(value):
                continue
            real = os.path.realpath(value)
            if any(real == r or real.startswith(r + os.sep) for r in ignore_roots):
                continue
            required = bool(REQUIRED_ENTRIES.match(name))
            if os.path.isdir(value):
                # A folder is shared by many packages (/usr/include); only a CMake package's own
                # folder, with its config file, says where the package came from.
                config = package_config_file(name[: -len("_DIR")], value) if is_package_dir else None
                if not config:
                    continue
                value = config
                required = True
            result.append((name, value, required))
    return result


def package_config_file(package, directory):
    """The <Name>Config.cmake or <name>-config.cmake file of a CMake package directory."""
    wanted = {package.lower() + "config.cmake", package.lower() + "-config.cmake"}
    for entry in sorted(os.listdir(directory)):
        if entry.lower() in wanted:
            return os.path.join(directory, entry)
    return None


def owning_package(path):
    """The Debian package that ships path, trying the path as given, resolved, and its merged-/usr
    twin (dpkg records some files as /lib/..., others as /usr/lib/...)."""
    candidates = [path, os.path.realpath(path)]
    for candidate in list(candidates):
        if candidate.startswith("/usr/"):
            candidates.append(candidate[len("/usr"):])
        else:
            candidates.append("/usr" + candidate)
    for candidate in candidates:
        query = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if query.returncode != 0:
            continue
        for line in query.stdout.splitlines():
            if line.startswith("diversion by"):
                continue
            owners, _, owned = line.partition(": ")
            if owned.strip() == candidate:
                return owners.split(",")[0].strip().split(":")[0]
    return None


def dev_sh_packages(dev_sh):
    script = 'set -e; eval "$(sed -n "/^PACKAGES=(/,/^)/p" "$1")"; printf "%s\\n" "${PACKAGES[@]}"'
    listed = subprocess.run(["bash", "-c", script, "bash", dev_sh], capture_output=True,
                            text=True, check=True).stdout.split()
    if not listed:
        sys.exit(f"{dev_sh}: found no PACKAGES=( ... ) list")
    return listed


def essential_packages():
    """Debian's Essential packages (coreutils, gzip, ...): every Debian system has them."""
    listing = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Essential}\\n"],
                             capture_output=True, text=True, check=True)
    return [line.split()[0] for line in listing.stdout.splitlines() if line.endswith(" yes")]


def hard_dependency_closure(packages):
    """The packages and everything they Depend or Pre-Depend on, recursively, as installed."""
    packages = packages + essential_packages()
    command = ["apt-cache", "depends", "--recurse", "--installed", "--no-recommends",
               "--no-suggests", "--no-conflicts", "--no-breaks", "--no-replaces",
               "--no-enhances"] + packages
    listing = subprocess.run(command, capture_output=True, text=True)
    if listing.returncode != 0:
        sys.exit("apt-cache depends failed:\n" + listing.stderr)
    # apt-cache marks every alternative but the last with '|': "|Depends: a" then "Depends: b".
    # A fresh machine gets the first alternative, so only that one counts as installed by it; the
    # listing still recurses into the others, whose own packages are not counted unless reached
    # by a first choice.
    closure = set(packages)
    reached = set(packages)
    edges = {}
    current = None
    after_bar = False
    for line in listing.stdout.splitlines():
        stripped = line.strip()
        if not line.startswith(" "):
            current = stripped.split(":")[0]
            after_bar = False
            continue
        kind, _, target = stripped.partition(": ")
        alternative = kind.startswith("|")
        kind = kind.lstrip("|")
        if kind not in ("Depends", "PreDepends"):
            after_bar = False
            continue
        first_choice = not after_bar
        after_bar = alternative
        if first_choice:
            edges.setdefault(current, set()).add(target.strip("<>").split(":")[0])
    pending = list(reached)
    while pending:
        for target in edges.get(pending.pop(), ()):
            if target not in closure:
                closure.add(target)
                pending.append(target)
    return closure


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cache")
    parser.add_argument("dev_sh")
    parser.add_argument("--without", action="append", default=[])
    args = parser.parse_args()

    build_dir = os.path.realpath(os.path.dirname(args.cache))
    source_dir = os.path.realpath(os.path.dirname(args.dev_sh))
    listed = [p for p in dev_sh_packages(args.dev_sh) if p not in args.without]
    closure = hard_dependency_closure(listed)

    problems = []
    checked = {}
    optional = {}
    for entry, path, required in found_paths(args.cache, [build_dir, source_dir]):
        package = owning_package(path)
        if not required:
            optional.setdefault(package or "(no package)", []).append(entry)
            continue
        if package is None:
            problems.append(f"{entry}={path}: no Debian package ships this file; the build must "
                            "not use files installed by hand")
            continue
        checked.setdefault(package, []).append(entry)
        if package not in closure:
            problems.append(f"{entry}={path}: comes from the Debian package '{package}', which is "
                            f"neither in dev.sh's PACKAGES nor a hard dependency of one of them; "
                            f"add '{package}' to PACKAGES in {args.dev_sh}")

    if not any("Qt6_DIR" in entries for entries in checked.values()):
        print(f"{args.cache}: no Qt6_DIR among the CMake packages found; is this a configured "
              "Steward build?", file=sys.stderr)
        return 1
    print(f"{sum(len(e) for e in checked.values())} things the build found, from "
          f"{len(checked)} Debian packages; dev.sh lists {len(listed)} packages, "
          f"{len(closure)} with their hard dependencies")
    for package in sorted(checked):
        state = "ok" if package in closure else "MISSING"
        print(f"  {state:7} {package}: {', '.join(sorted(checked[package]))}")
    if optional:
        print("Optional finds of CMake's modules, not required:")
        for package in sorted(optional):
            print(f"          {package}: {', '.join(sorted(optional[package]))}")
    if problems:
        print("\n".join(["", "Packages the build uses that ./dev.sh does not install:"] +
                        ["  " + p for p in problems]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
