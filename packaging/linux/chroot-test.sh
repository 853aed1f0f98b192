#!/usr/bin/env bash
# Install a built .deb into a CLEAN Debian chroot, smoke-test it there and remove it.
#
#   packaging/linux/chroot-test.sh dist/bioreserve_<version>_<arch>.deb [CHROOT]
#
# Runs as root (.ci/run). CHROOT (default /var/tmp/bioreserve-chroot) must not exist; it is
# made with mmdebstrap --variant=minbase of this machine's release (/etc/os-release) from
# the Debian mirrors and deleted at the end, whatever happens.
#   1. apt-get install ./the.deb — apt pulls exactly its Depends, nothing else (no
#      recommends): a Depends entry the package lacks shows here, not on the build machine
#      that has every Qt library and fonts-wqy-microhei;
#   2. every library the bundled binaries need is found (bundled, or from a Depends), and
#      the system has no Chinese font but the package's;
#   3. the test's own tools (python3, poppler-utils, strace, desktop-file-utils) are added;
#      desktop-file-validate checks the menu entry;
#   4. packaging/linux/smoke.sh runs as an ordinary user (useradd; a fresh HOME), offscreen,
#      without network (unshare -n);
#   5. dpkg -r and dpkg -P: nothing of the package may remain — /opt/bioreserve, the command,
#      the menu entry, the icons, the font link, the docs, or any file named bioreserve
#      outside the test user's folders, nor an icon cache no package owns.
# The smoke test's PNG and PDF are copied to SMOKE_OUT (default /tmp/bioreserve-smoke) for a
# person to look at. Each step's time is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."

DEB=${1:?usage: chroot-test.sh DEB [CHROOT]}
DEB=$(readlink -f "$DEB")
C=${2:-/var/tmp/bioreserve-chroot}
SMOKE_OUT=${SMOKE_OUT:-/tmp/bioreserve-smoke}
[ "$(id -u)" = 0 ] || { echo "chroot-test: run as root" >&2; exit 1; }
[ -f "$DEB" ] || { echo "chroot-test: no $DEB" >&2; exit 1; }
[ ! -e "$C" ] || { echo "chroot-test: $C exists; remove it first" >&2; exit 1; }
SUITE=$(. /etc/os-release && echo "${VERSION_CODENAME:?}")

cleanup() {
    # mounts are made in private namespaces (unshare -m) and vanish with them; never
    # follow one out of the chroot all the same
    if findmnt -rno TARGET | grep -q "^$C/"; then
        echo "chroot-test: mounts left under $C; not deleting it" >&2
    else
        rm -rf --one-file-system "$C"
    fi
}
trap cleanup EXIT

started=$SECONDS
step=$SECONDS
took() { echo "chroot-test: $1 ($((SECONDS - step)) s)"; step=$SECONDS; }
# a command in the chroot with /proc and /dev (unshare: the mounts end with it)
in_chroot() {
    unshare -m --propagation private -- sh -c '
        root=$1; shift
        mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" \
            && mount -t sysfs sysfs "$root/sys" && exec chroot "$root" "$@"' sh "$C" "$@"
}
apt_in() { in_chroot env DEBIAN_FRONTEND=noninteractive apt-get -y -qq -o=Dpkg::Use-Pty=0 "$@"; }

mmdebstrap --variant=minbase --quiet "$SUITE" "$C"
took "minbase chroot of Debian $SUITE"

# ------------------------------------------------------------------ 1. install
cp "$DEB" "$C/tmp/bioreserve.deb"
in_chroot dpkg-query -W -f '${Package}\n' | sort > "$C/tmp/before.txt"
apt_in update
apt_in install --no-install-recommends /tmp/bioreserve.deb >/dev/null
in_chroot dpkg-query -W -f '${Package}\n' | sort > "$C/tmp/after.txt"
echo "chroot-test: apt installed $(comm -13 "$C/tmp/before.txt" "$C/tmp/after.txt" | paste -sd' ')"
took "apt-get install ./$(basename "$DEB")"

# ------------------------------------------------------------------ 2. libraries, fonts
# ldd names what the dynamic linker cannot find from the file's own folder: each such
# library must be one the bundle carries (PyInstaller's bootloader points the linker at
# _internal/), else Depends lacks it
unresolved=$(in_chroot sh -c 'find /opt/bioreserve -type f \( -name "*.so*" -o -name bioreserve \) \
    -exec ldd {} + 2>/dev/null | sed -n "s/^[[:space:]]*\([^ ]*\) => not found.*/\1/p" | sort -u')
for soname in $unresolved; do
    if [ -z "$(find "$C/opt/bioreserve" -name "$soname" -print -quit)" ]; then
        echo "chroot-test: FAILED: $soname is neither bundled nor brought by Depends" >&2
        exit 1
    fi
done
chinese=$(in_chroot fc-list :lang=zh-cn file)
if echo "$chinese" | grep -v -e '^$' -e '/wqy-microhei\.ttc:' | grep -q .; then
    echo "chroot-test: FAILED: the clean system has another Chinese font: $chinese" >&2
    exit 1
fi
took "every library found; no Chinese font but the package's"

# ------------------------------------------------------------------ 3. the test's tools
apt_in install --no-install-recommends python3 poppler-utils strace desktop-file-utils >/dev/null
in_chroot desktop-file-validate /usr/share/applications/bioreserve.desktop
took "test tools; desktop-file-validate"

# ------------------------------------------------------------------ 4. smoke test
mkdir -p "$C/srv/smoke"
cp packaging/linux/smoke.sh packaging/linux/png_check.py "$C/srv/smoke/"
chmod 0755 "$C/srv/smoke" "$C/srv/smoke/smoke.sh"
in_chroot useradd --create-home --shell /bin/sh clerk
network=-n
unshare -n true 2>/dev/null || { network=; echo "chroot-test: unshare -n refused; network stays"; }
# shellcheck disable=SC2086
unshare -m $network --propagation private -- sh -c '
    root=$1
    mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" &&
    exec chroot --userspec=clerk:clerk "$root" env -i HOME=/home/clerk LANG=C.UTF-8 \
        PATH=/usr/local/bin:/usr/bin:/bin OUT=/home/clerk/smoke /srv/smoke/smoke.sh' sh "$C"
rm -rf "$SMOKE_OUT" && cp -r "$C/home/clerk/smoke" "$SMOKE_OUT"
took "smoke test as clerk, offscreen${network:+, no network} (PNG and PDF in $SMOKE_OUT)"

# ------------------------------------------------------------------ 5. removal
in_chroot dpkg -r bioreserve >/dev/null
# without conffiles or maintainer scripts dpkg -r leaves nothing for -P; purge if it did
if in_chroot dpkg-query -W bioreserve >/dev/null 2>&1; then in_chroot dpkg -P bioreserve >/dev/null; fi
left=()
for path in /opt/bioreserve /usr/bin/bioreserve /usr/share/applications/bioreserve.desktop \
    /usr/share/fonts/truetype/bioreserve /usr/share/doc/bioreserve; do
    [ -e "$C$path" ] || [ -L "$C$path" ] && left+=("$path")
done
while read -r f; do left+=("${f#"$C"}"); done < <(find "$C" -mindepth 1 -xdev -iname '*bioreserve*' \
    -not -path "$C/home/*" -not -path "$C/tmp/*" -not -path "$C/var/cache/apt/*" \
    -not -path "$C/var/lib/apt/*" -not -path "$C/var/log/*" -not -path "$C/srv/smoke/*")
# an icon cache no package owns (a maintainer script's gtk-update-icon-cache -f)
if [ -e "$C/usr/share/icons/hicolor/icon-theme.cache" ] \
    && ! in_chroot dpkg -S /usr/share/icons/hicolor/icon-theme.cache >/dev/null 2>&1 \
    && ! in_chroot dpkg-query -W hicolor-icon-theme >/dev/null 2>&1; then
    left+=(/usr/share/icons/hicolor/icon-theme.cache)
fi
in_chroot dpkg-query -W bioreserve >/dev/null 2>&1 && left+=("dpkg still knows bioreserve")
if [ ${#left[@]} -gt 0 ]; then
    echo "chroot-test: FAILED: left after dpkg -P: ${left[*]}" >&2
    exit 1
fi
took "dpkg -r, dpkg -P: nothing left"
echo "chroot-test: OK in $((SECONDS - started)) s"
