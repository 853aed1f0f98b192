#!/usr/bin/env bash
# Build dist/bioreserve_<version>_<arch>.deb from the one-folder build in dist/bioreserve
# (make package). `make deb` runs both.
#
# The package installs:
#   /opt/bioreserve/                       the one-folder application (read-only)
#   /usr/bin/bioreserve                    a wrapper: `bioreserve` opens the window, `bioreserve
#                                          COMMAND …` runs the CLI
#   /usr/share/applications/bioreserve.desktop, /usr/share/icons/hicolor/*/apps/bioreserve.*
#   /usr/share/fonts/truetype/bioreserve/  a link to the shipped WenQuanYi Micro Hei, so that
#                                          the PDFs and the window find it on a system without
#                                          a Chinese font
#   /usr/share/doc/bioreserve/copyright
# Depends: the system libraries the bundle's binaries need and do not carry (Qt's xcb
# platform: libxcb-*, libxkbcommon-x11-0, libegl1, fontconfig …), found with ldconfig and
# dpkg -S on this machine; glibc at least the newest symbol version the binaries use.
# User data never goes under /opt: the database and the log live in ~/.local/share/BioReserve.
set -euo pipefail
cd "$(dirname "$0")/../.."

APP=dist/bioreserve
[ -x "$APP/bioreserve" ] || { echo "No $APP/bioreserve: run make package first." >&2; exit 1; }

VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p;T;q' pyproject.toml)
ARCH=$(dpkg --print-architecture)
OUT=dist/bioreserve_${VERSION}_${ARCH}.deb
ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT" "$ROOT.ldconfig"' EXIT
chmod 0755 "$ROOT"  # the package's ./ (mktemp made it 0700; dpkg -x would keep that)

# ------------------------------------------------------------------ files
install -d "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
    "$ROOT/usr/share/doc/bioreserve" "$ROOT/usr/share/fonts/truetype/bioreserve" "$ROOT/DEBIAN"
cp -a "$APP" "$ROOT/opt/bioreserve"

cat > "$ROOT/usr/bin/bioreserve" <<'EOF'
#!/bin/sh
# BioReserve: no arguments open the window; `bioreserve COMMAND …` runs the command line.
exec /opt/bioreserve/bioreserve "$@"
EOF
chmod 0755 "$ROOT/usr/bin/bioreserve"

install -m 0644 packaging/bioreserve.desktop "$ROOT/usr/share/applications/bioreserve.desktop"
for size in 16 24 32 48 64 128 256; do
    install -D -m 0644 "resources/icons/bioreserve-$size.png" \
        "$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/bioreserve.png"
done
install -D -m 0644 resources/icons/bioreserve.svg \
    "$ROOT/usr/share/icons/hicolor/scalable/apps/bioreserve.svg"

FONT=/opt/bioreserve/_internal/resources/fonts/wqy-microhei.ttc
[ -f "$ROOT$FONT" ] || { echo "The build has no $FONT." >&2; exit 1; }
ln -s "$FONT" "$ROOT/usr/share/fonts/truetype/bioreserve/wqy-microhei.ttc"

cat > "$ROOT/usr/share/doc/bioreserve/copyright" <<'EOF'
BioReserve — 生物安全应急储备与处置系统

The application under /opt/bioreserve bundles Python, Qt 6 and PySide6 (LGPL-3.0, as shared
libraries that can be replaced), reportlab, cryptography, argon2-cffi and the other
packages named in the project's pyproject.toml, each under its own licence.

/opt/bioreserve/_internal/resources/fonts/wqy-microhei.ttc: WenQuanYi Micro Hei 0.2.0-beta,
Copyright 2008-2009 The WenQuanYi Project Board of Trustees and contributors, based on the
Droid fonts (Google Corporation, Ascender Corp.). Licensed under the Apache License 2.0 or
the GPL version 3 or later with the font exception; distributed here under the Apache
License 2.0. See /opt/bioreserve/_internal/resources/fonts/ for the full texts.
EOF

# PyInstaller keeps the build machine's modes; make them a package's: root-owned (dpkg-deb
# --root-owner-group), directories 0755, files 0644, programs and libraries 0755.
find "$ROOT/opt" -type d -exec chmod 0755 {} +
find "$ROOT/opt" -type f -exec chmod 0644 {} +
find "$ROOT/opt" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0755 {} +
chmod 0755 "$ROOT/opt/bioreserve/bioreserve"

# ------------------------------------------------------------------ dependencies
elf_files() { find "$ROOT/opt/bioreserve" -type f \( -name '*.so*' -o -name bioreserve \); }
declare -A inside=()
while read -r f; do inside[$(basename "$f")]=1; done < <(find "$ROOT/opt/bioreserve" \( -type f -o -type l \) -name '*.so*')
needed=$(elf_files | xargs -r readelf -d 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
# The package owning a library: dpkg knows it by one of its names (merged /usr: /lib or
# /usr/lib; the soname link or the file it points to).
owner() {
    local real candidates c found
    real=$(readlink -f "$1")
    candidates="$1 $real ${1#/usr} ${real#/usr} /usr$1 /usr$real"
    for c in $candidates; do
        found=$(dpkg -S "$c" 2>/dev/null | head -1 | cut -d: -f1) || true
        [ -n "$found" ] && { echo "$found"; return 0; }
    done
    return 0
}
CACHE=$ROOT.ldconfig  # read once: awk leaving early must not cut a pipe (pipefail)
ldconfig -p > "$CACHE"
declare -A packages=()
missing=()
for soname in $needed; do
    [ -n "${inside[$soname]:-}" ] && continue
    path=$(awk -v s="$soname" '$1 == s && /x86-64|64bit|AArch64/ {print $NF; exit}' "$CACHE")
    [ -n "$path" ] || path=$(awk -v s="$soname" '$1 == s {print $NF; exit}' "$CACHE")
    if [ -z "$path" ]; then missing+=("$soname"); continue; fi
    pkg=$(owner "$path")
    [ -n "$pkg" ] || { missing+=("$soname (no package owns $path)"); continue; }
    packages[$pkg]=1
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Libraries the build needs and this machine lacks: ${missing[*]}" >&2
    echo "Install Qt's xcb libraries (see .ci/run) and build again." >&2
    exit 1
fi
# Packages every desktop has that Qt loads at run time (not NEEDED by any file).
packages[fontconfig]=1
glibc=$(elf_files | xargs -r objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' \
    | sort -uV | tail -1)

# Names that differ between Debian 12 (UOS/Kylin follow Debian 10/11 naming) and later
# releases (the 64-bit time_t rename): either satisfies the dependency.
alternative() {
    case "$1" in
        libc6) echo "libc6 (>= $glibc)" ;;
        libxcb-util1) echo "libxcb-util1 | libxcb-util0" ;;
        *t64) echo "$1 | ${1%t64}" ;;
        libglib2.0-0) echo "libglib2.0-0 | libglib2.0-0t64" ;;
        libssl3) echo "libssl3 | libssl3t64" ;;
        *) echo "$1" ;;
    esac
}
depends=$(for p in "${!packages[@]}"; do alternative "$p"; done | sort -u | paste -sd, | sed 's/,/, /g')

# ------------------------------------------------------------------ control and scripts
SIZE=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<EOF
Package: bioreserve
Version: $VERSION
Architecture: $ARCH
Maintainer: BioReserve project <bioreserve@localhost>
Installed-Size: $SIZE
Depends: $depends
Section: misc
Priority: optional
Homepage: https://localhost/bioreserve
Description: 生物安全应急储备与处置系统 (BioReserve)
 Offline desktop application for biosafety emergency reserves, allocation
 orders, the expert roster, playbooks, incidents, drills and long-term
 monitoring, synchronised between stations by USB stick or LAN.
 .
 Installs under /opt/bioreserve; the command bioreserve opens the window,
 bioreserve COMMAND runs the command line. Each user's database and log are kept in
 ~/.local/share/BioReserve and are not removed with the package.
EOF

# No postinst or postrm: the menu, the icon cache and fontconfig's cache are refreshed by
# the triggers of the packages that own them — desktop-file-utils (/usr/share/applications),
# hicolor-icon-theme (/usr/share/icons/hicolor) and fontconfig (/usr/share/fonts) — when
# they are installed, after install and removal alike. Calling the tools here made caches
# no package owns (gtk-update-icon-cache -f wrote icon-theme.cache where there was none).

mkdir -p dist
# xz at level 1: on a busy 2-core machine level 6 took over 5 minutes for 10 % less; every
# dpkg (UOS and Kylin's older ones too) reads xz.
dpkg-deb --root-owner-group -Zxz -z1 --build "$ROOT" "$OUT" >/dev/null
echo "$OUT"
echo "Depends: $depends"
