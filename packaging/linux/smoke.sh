#!/usr/bin/env bash
# Smoke test of an INSTALLED BioReserve (the .deb's /usr/bin/bioreserve, or PROGRAM=…):
# with a fresh HOME and QT_QPA_PLATFORM=offscreen, the program
#   1. creates the demo database in the user data folder (init --demo),
#   2. opens it in the window and renders 总览 to a PNG (--screenshot),
#   3. makes an allocation order and prints it to PDF (order create, order print) whose
#      Chinese text pdftotext extracts,
# each exiting 0, and writes nothing outside HOME and OUT (OUT keeps the PNG and the PDF
# for a person to look at: default /tmp/bioreserve-smoke). No network is needed: run it
# under `unshare -n` to be sure (.ci/run does when it can, in a clean Debian chroot as an
# ordinary user: packaging/linux/chroot-test.sh).
# The screenshot must show 总览's content (png_check.py: colours and ink in the page area,
# figures above and charts below), drawn with the shipped WenQuanYi Micro Hei: fontconfig
# (with the program's own fonts.conf) must choose it for Chinese, and the window must open
# it (strace; fontconfig's cache is made first, so only drawing text opens the file). On a
# machine with another Chinese font that check says which one was chosen and fails.
# Needs: python3, poppler-utils (pdftotext, pdffonts), fontconfig (fc-match), strace.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PROGRAM=${PROGRAM:-/usr/bin/bioreserve}
INSTALL_DIR=${INSTALL_DIR:-/opt/bioreserve}  # where nothing may be written
OUT=${OUT:-/tmp/bioreserve-smoke}
[ -x "$PROGRAM" ] || { echo "smoke: $PROGRAM is not installed" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
HOME=$(mktemp -d)
trap 'rm -rf "$HOME"' EXIT
export HOME QT_QPA_PLATFORM=offscreen
unset BIORESERVE_DB BIORESERVE_USER BIORESERVE_PASSWORD BIORESERVE_LANG XDG_DATA_HOME XDG_CONFIG_HOME
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

# 1. the demo database, in the user data folder
"$PROGRAM" init --demo > "$OUT/init.txt"
DATA="$HOME/.local/share/BioReserve"
[ -f "$DATA/bioreserve.db" ] || fail "no database in $DATA"
grep -q 演示 "$OUT/init.txt" || fail "init printed no Chinese: $(cat "$OUT/init.txt")"

# 2. the window over it, 总览 rendered (logged in as the demo admin by --screenshot) with
# the shipped Chinese font: the one fontconfig picks for Chinese through the program's
# fonts.conf (its cache made now, so that the window opens the font file only to draw)
FONTS_CONF=$INSTALL_DIR/_internal/resources/fonts/fonts.conf
[ -f "$FONTS_CONF" ] || fail "no $FONTS_CONF"
FONTCONFIG_FILE=$FONTS_CONF fc-cache >/dev/null 2>&1 || true
cjk=$(FONTCONFIG_FILE=$FONTS_CONF fc-match -f '%{family[0]}: %{file}' 'sans-serif:lang=zh-cn')
SHIPPED="$INSTALL_DIR/_internal/resources/fonts/wqy-microhei.ttc|/usr/share/fonts/truetype/bioreserve/wqy-microhei.ttc"
echo "$cjk" | grep -Eq ": ($SHIPPED)\$" \
    || fail "fontconfig chooses $cjk for Chinese, not the shipped font (a system font? run it in a clean chroot: chroot-test.sh)"
strace -f -qq -e trace=open,openat -o "$OUT/window.strace" \
    "$PROGRAM" --screenshot "$OUT/overview.png" 2> "$OUT/window.err" \
    || fail "the window exited $?: $(cat "$OUT/window.err")"
grep -v ENOENT "$OUT/window.strace" | grep -Eq "\"($SHIPPED)\"" \
    || fail "the window never opened the shipped font ($cjk)"
# kept for a person: the font files and fontconfig caches the window opened
grep -E '\.(ttc|ttf|otf|pcf\.gz|cache-[0-9]+)"' "$OUT/window.strace" > "$OUT/window-fonts.txt" || true
rm -f "$OUT/window.strace"
[ -s "$OUT/overview.png" ] || fail "no screenshot"
python3 "$HERE/png_check.py" "$OUT/overview.png" || fail "总览 did not render (see $OUT/overview.png)"

# 3. an order printed to PDF
export BIORESERVE_USER=admin BIORESERVE_PASSWORD=demo-2026
pick=$("$PROGRAM" --json stock balance | python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin) if r["qty"] >= 10]
depots = sorted({r["depot"] for r in rows})
first = rows[0]
print(first["depot"], next(d for d in depots if d != first["depot"]), first["item"])')
read -r from to item <<< "$pick"
number=$("$PROGRAM" --json order create --from "$from" --to "$to" --line "$item=10" \
    --requesting-unit 冒烟测试 | python3 -c 'import json, sys; print(json.load(sys.stdin)["number"])')
"$PROGRAM" order print "$number" --out "$OUT/order.pdf" --copies 3 > "$OUT/print.txt"
pdftotext "$OUT/order.pdf" "$OUT/order.txt"
for words in 调拨单 存根 出库联 接收联 "$number"; do
    grep -q "$words" "$OUT/order.txt" || fail "the PDF's text lacks $words"
done
# the Chinese font is embedded (a subset), not the viewer's CID fallback
pdffonts "$OUT/order.pdf" > "$OUT/fonts.txt"
grep -Eq "TrueType.*yes +yes" "$OUT/fonts.txt" || fail "no embedded TrueType font: $(cat "$OUT/fonts.txt")"
grep -q WenQuanYi "$OUT/fonts.txt" || fail "WenQuanYi Micro Hei is not in the PDF: $(cat "$OUT/fonts.txt")"

# The log and everything else the program wrote are in HOME (the user data folder), none
# under the installation (read-only for users).
[ -z "$(find "$INSTALL_DIR" -newer "$OUT/init.txt" -not -type d 2>/dev/null | head -1)" ] \
    || fail "the program wrote into its installation"
echo "smoke: OK — database $DATA/bioreserve.db, $OUT/overview.png ($cjk), $OUT/order.pdf ($number)"
