#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# /init of the end-to-end test VM (busybox ash). Loads the DKMS-built
# gpuident.ko into Debian's stock kernel and checks the sysfs ABI of
# Documentation/ABI/testing/sysfs-class-gpuident against the emulated
# display devices, their ROMs and what the host expects of them
# (/e2e/expect, written by tests/e2e/run).
#
# Results go to the console and, clean of kernel messages, to ttyS1:
#   E2E PASS <check> | E2E FAIL <check>: <why> | E2E SKIP <check>: <why>
#   E2E INFO ... | E2E DEVICE ...          (report lines)
#   E2E HOST <request>                     (the host acts: device_del/add)
#   E2E RESULT <passed> <failed>, E2E END  (the last lines)

GUEST_TAG=E2E GUEST_ECHO=1
. /guest.sh
. /e2e/expect

out "BOOT $(uname -r) $(cut -d' ' -f1 /proc/uptime)s"
echo "e2e: cmdline: $(cat /proc/cmdline)"

# A hung kernel call must not eat the host's whole budget silently: dump
# the blocked tasks to the console and stop.
(
	sleep "$GUEST_TIMEOUT"
	out "FAIL guest watchdog: the checks did not finish within ${GUEST_TIMEOUT}s"
	echo l >/proc/sysrq-trigger
	sleep 1
	echo w >/proc/sysrq-trigger
	sleep 2
	out "RESULT - -"
	reboot -f
) &
WATCHDOG=$!

echo 30 >/proc/sys/kernel/hung_task_timeout_secs 2>/dev/null
# A lockup report shows every CPU, not only the one that noticed.
echo 1 >/proc/sys/kernel/softlockup_all_cpu_backtrace 2>/dev/null
echo 1 >/proc/sys/kernel/hung_task_all_cpu_backtrace 2>/dev/null
echo 1 >/proc/sys/kernel/sysrq

cat >/etc/passwd <<EOF
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/sh
EOF
cat >/etc/group <<EOF
root:x:0:
nogroup:x:65534:
EOF

# --- uevents: every event, as "ACTION DEVPATH", in /tmp/uevents ----------
: >/tmp/uevents
uevent sh -c 'echo "$ACTION $DEVPATH" >>/tmp/uevents' &
UEVENTD=$!


# --- the devices -------------------------------------------------------
# resolve ID: the PCI address of the emulated device the host called ID
# (placed at a fixed address on pcie.0, or the one function behind a
# pcie-root-port).
resolve() {
	local loc port d
	eval "loc=\${${1}_loc:-}; port=\${${1}_port:-}"
	if [ -n "$loc" ]; then
		[ -e "$PCI/$loc" ] && echo "$loc"
		return
	fi
	for d in "$PCI/$port"/0000:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f].[0-7]; do
		[ -e "$d" ] && { basename "$d"; return; }
	done
}
# what ID: the host's expectation called what for device ID
what() { eval "echo \"\${${1}_${2}:-}\""; }


cfg_u8() { od -An -tu1 -j"$2" -N1 "$1" | tr -d ' '; }
# has_cap ADDR ID: a capability in the legacy list (0x10 = PCI Express)
has_cap() {
	local c=$PCI/$1/config p n=0
	[ $(($(cfg_u8 "$c" 6) & 16)) -ne 0 ] || return 1
	p=$(cfg_u8 "$c" 52)
	while [ -n "$p" ] && [ "$p" -ge 64 ] && [ $n -lt 48 ]; do
		[ "$(cfg_u8 "$c" "$p")" -eq "$2" ] && return 0
		p=$(cfg_u8 "$c" $((p + 1)))
		n=$((n + 1))
	done
	return 1
}
# has_ecap ADDR ID: an extended capability (0x15 = Resizable BAR, 0x03 = DSN)
has_ecap() {
	local c=$PCI/$1/config p=256 n=0 h
	[ "$(stat -c %s "$c")" -gt 256 ] || return 1
	while [ $p -ge 256 ] && [ $n -lt 96 ]; do
		h=$(od -An -tu4 -j$p -N4 "$c" | tr -d ' ')
		[ -z "$h" ] || [ "$h" -eq 0 ] && return 1
		[ $((h & 0xffff)) -eq "$2" ] && return 0
		p=$(((h >> 20) & 0xffc))
		n=$((n + 1))
	done
	return 1
}
# pcir FILE: "0xVVVV 0xDDDD" from the first image's PCI data structure
pcir() {
	local o
	o=$(od -An -tu2 -j24 -N2 "$1" | tr -d ' ')
	[ -n "$o" ] || return
	echo "0x$(od -An -tx2 -j$((o + 4)) -N2 "$1" | tr -d ' ')" \
		"0x$(od -An -tx2 -j$((o + 6)) -N2 "$1" | tr -d ' ')"
}
# read_rom ADDR FILE: what the PCI core's own rom file returns
read_rom() {
	local r=$PCI/$1/rom rc
	[ -e "$r" ] || return 1
	echo 1 >"$r" || return 1
	cat "$r" >"$2"
	rc=$?
	echo 0 >"$r"
	return $rc
}
sha() { sha256sum "$1" | cut -d' ' -f1; }

# Expected mode of an attribute, from the ABI document.
abi_mode() {
	if word "$1" "$ABI_WO"; then echo 200
	elif word "$1" "$ABI_ROOT"; then echo 400
	elif word "$1" "$ABI_RO"; then echo 444
	fi
}

# check_device ADDR ID: the whole attribute set of one class device.
check_device() {
	local a=$1 id=$2 c=$CLS/$1 p=$PCI/$1 f n m want v ids nvidia
	local tag="${PHASE:+$PHASE: }$a${id:+ ($id)}"
	local verdict conf vsha vsize vsrc vver vpart

	if ! [ -d "$c" ]; then
		fail "$tag: $c exists"
		return
	fi
	pass "$tag: $c exists"
	eq "$tag: device link points to the PCI device" \
		"$(readlink -f "$c/device")" "$(readlink -f "$p")"
	t "$tag: also at $p/gpuident/$a" [ -d "$p/gpuident/$a" ]
	if wait_for "$READY_TIMEOUT" is_ready "$c"; then
		pass "$tag: state reaches ready"
	else
		fail "$tag: state reaches ready within ${READY_TIMEOUT}s: '$(cat "$c/state" 2>&1)'"
	fi

	# Presence: mandatory attributes, and no undocumented ones.
	for n in $ABI_ALWAYS; do
		[ -e "$c/$n" ] || fail "$tag: mandatory attribute $n is missing"
	done
	m=
	for f in "$c"/*; do
		[ -f "$f" ] && ! [ -L "$f" ] || continue
		n=${f##*/}
		[ "$n" = uevent ] && continue
		want=$(abi_mode "$n")
		if [ -z "$want" ]; then
			fail "$tag: attribute $n is not in the ABI document"
			continue
		fi
		v=$(stat -c '%a %U' "$f")
		[ "$v" = "$want root" ] || m="$m $n=$v(want $want)"
	done
	eq "$tag: attribute modes as documented (0444, root-only 0400, reprobe 0200)" "${m# }" ""
	# A non-root user reads every world-readable attribute and not vbios.
	m=$(su -s /bin/sh nobody -c "cd $c && for f in *; do [ -f \"\$f\" ] || continue
		case \" $ABI_RO \" in *\" \$f \"*) cat \"\$f\" >/dev/null 2>&1 || echo \"unreadable:\$f\" ;; esac
		case \" $ABI_ROOT $ABI_WO \" in *\" \$f \"*) cat \"\$f\" >/dev/null 2>&1 && echo \"readable:\$f\" ;; esac
	done; { echo 1 > reprobe; } 2>/dev/null && echo writable:reprobe" 2>&1)
	eq "$tag: non-root reads world-readable attributes only, cannot reprobe" "$(echo $m)" ""

	# Values mirrored from the PCI device.
	eq "$tag: abi_version is $ABI_MAJOR.x" \
		"$(sed -n 's/^\([0-9]*\)\.[0-9][0-9]*$/\1/p' "$c/abi_version")" "$ABI_MAJOR"
	eq "$tag: state" "$(cat "$c/state")" ready
	eq "$tag: vendor_id" "$(cat "$c/vendor_id")" "$(cat "$p/vendor")"
	eq "$tag: device_id" "$(cat "$c/device_id")" "$(cat "$p/device")"
	eq "$tag: subsystem_vendor_id" "$(cat "$c/subsystem_vendor_id")" "$(cat "$p/subsystem_vendor")"
	eq "$tag: subsystem_device_id" "$(cat "$c/subsystem_device_id")" "$(cat "$p/subsystem_device")"
	eq "$tag: revision" "$(cat "$c/revision")" "$(cat "$p/revision")"
	eq "$tag: class" "$(cat "$c/class")" "$(cat "$p/class")"

	# Verdict, confidence, checks, findings.
	verdict=$(cat "$c/verdict")
	conf=$(cat "$c/confidence")
	t "$tag: verdict '$verdict' is one of the six" \
		word "$verdict" "original regional transplant modified relabelled unknown"
	case "$conf" in
	'' | *[!0-9]*) fail "$tag: confidence '$conf' is an integer 0-100" ;;
	*) t "$tag: confidence $conf is an integer 0-100" [ "$conf" -le 100 ] ;;
	esac
	[ "$verdict" = unknown ] && eq "$tag: unknown has confidence 0" "$conf" 0
	eq "$tag: checks is one line" "$(wc -l <"$c/checks")" 1
	eq "$tag: findings is one line" "$(wc -l <"$c/findings")" 1
	for n in $(cat "$c/findings"); do
		word "$n" "$(cat "$c/checks")" || fail "$tag: finding $n is not among the checks"
	done
	t "$tag: regional is 0 or 1" word "$(cat "$c/regional")" "0 1"
	t "$tag: registers is a documented value" word "$(cat "$c/registers")" \
		"read not-nvidia disabled suspended not-d0 no-memory-decode no-bar0 unreadable"
	nvidia=
	[ "$(cat "$p/vendor")" = 0x10de ] && nvidia=1
	[ -z "$nvidia" ] && eq "$tag: registers (not NVIDIA)" "$(cat "$c/registers")" not-nvidia

	# Capabilities: attributes shown exactly where the device has them.
	if has_cap "$a" 16; then v=present; else v=hidden; fi
	for n in pcie_max_gen pcie_max_width pcie_gen pcie_width; do
		if [ -e "$c/$n" ]; then m=present; else m=hidden; fi
		eq "$tag: $n $v (PCIe capability)" "$m" "$v"
	done
	if has_ecap "$a" 21; then v=1; else v=0; fi
	eq "$tag: resizable_bar" "$(cat "$c/resizable_bar")" "$v"
	if has_ecap "$a" 3; then v=present; else v=hidden; fi
	if [ -e "$c/serial_number" ]; then m=present; else m=hidden; fi
	eq "$tag: serial_number $v (DSN capability)" "$m" "$v"
	if [ -n "$nvidia" ]; then v=present; else v=hidden; fi
	if [ -e "$c/bar1_size" ]; then m=present; else m=hidden; fi
	eq "$tag: bar1_size $v (NVIDIA only)" "$m" "$v"
	for n in product chip board_vendor board base_product; do
		if [ -e "$c/$n" ]; then
			v=$(cat "$c/$n")
			t "$tag: $n is a non-empty line" [ -n "$v" ]
		fi
	done

	# The VBIOS against the PCI core's own rom file.
	vsha=
	rm -f "/tmp/vb.$a" "/tmp/rom.$a"
	if ! read_rom "$a" "/tmp/rom.$a" || ! [ -s "/tmp/rom.$a" ]; then
		if [ -n "$id" ] && [ -n "$(what "$id" sha)" ] && [ "$3" != may-lack-rom ]; then
			fail "$tag: the PCI core reads the ROM QEMU was given ($(what "$id" file))"
		fi
		for n in vbios vbios_size vbios_sha256 vbios_source; do
			if [ -e "$c/$n" ]; then m=present; else m=hidden; fi
			eq "$tag: $n hidden (the PCI core reads no ROM)" "$m" hidden
		done
	else
		for n in vbios vbios_size vbios_sha256 vbios_source vbios_vendor_id vbios_device_id; do
			t "$tag: $n present" [ -e "$c/$n" ]
		done
		if cat "$c/vbios" >"/tmp/vb.$a" 2>/tmp/err; then
			pass "$tag: vbios readable by root"
		else
			fail "$tag: vbios readable by root: $(cat /tmp/err)"
		fi
		vsha=$(sha "/tmp/vb.$a")
		vsize=$(stat -c %s "/tmp/vb.$a")
		t "$tag: vbios equals the PCI core's rom file ($(stat -c %s "/tmp/rom.$a") bytes)" \
			cmp -s "/tmp/vb.$a" "/tmp/rom.$a"
		eq "$tag: vbios read in 999-byte pieces" \
			"$(dd if="$c/vbios" bs=999 2>/dev/null | sha256sum | cut -d' ' -f1)" "$vsha"
		eq "$tag: vbios_sha256 is the image's hash" "$(cat "$c/vbios_sha256")" "$vsha"
		eq "$tag: vbios_size" "$(cat "$c/vbios_size")" "$vsize"
		vsrc=$(cat "$c/vbios_source")
		if [ "$(cat "$p/boot_vga" 2>/dev/null)" = 1 ]; then v=shadow; else v=rom-bar; fi
		eq "$tag: vbios_source" "$vsrc" "$v"
		ids=$(pcir "/tmp/vb.$a")
		eq "$tag: vbios_vendor_id/device_id are the image's PCIR IDs" \
			"$(cat "$c/vbios_vendor_id") $(cat "$c/vbios_device_id")" "$ids"
		t "$tag: checks include rom_device_id" word rom_device_id "$(cat "$c/checks")"
		if [ "${ids% *}" != "$(cat "$p/vendor")" ] || [ "${ids#* }" != "$(cat "$p/device")" ]; then
			t "$tag: findings include rom_device_id (PCIR $ids)" \
				word rom_device_id "$(cat "$c/findings")"
			eq "$tag: verdict for a foreign VBIOS" "$verdict" relabelled
		fi
	fi

	# What the host knows about the image it gave this device.
	if [ -n "$id" ] && [ -n "$(what "$id" sha)" ] && [ -n "$vsha" ]; then
		eq "$tag: vbios is the first $(what "$id" len) bytes of $(what "$id" file)" \
			"$vsha" "$(what "$id" sha)"
		eq "$tag: vbios PCIR IDs" "$ids" "$(what "$id" pcir)"
	fi
	if [ -n "$id" ] && [ -n "$(what "$id" version)" ] && [ -n "$vsha" ]; then
		eq "$tag: vbios_version" "$(cat "$c/vbios_version" 2>&1)" "$(what "$id" version)"
		t "$tag: no vbios_part_number on an NVIDIA image" [ ! -e "$c/vbios_part_number" ]
	fi
	if [ -n "$id" ] && [ -n "$(what "$id" part)" ] && [ -n "$vsha" ]; then
		eq "$tag: vbios_part_number" "$(cat "$c/vbios_part_number" 2>&1)" "$(what "$id" part)"
		t "$tag: no vbios_version on an AMD image" [ ! -e "$c/vbios_version" ]
	fi
	if [ -n "$id" ] && [ -n "$(what "$id" verdict)" ]; then
		eq "$tag: verdict" "$verdict" "$(what "$id" verdict)"
	fi
	if [ -n "$id" ] && [ -n "$(what "$id" confidence)" ]; then
		eq "$tag: confidence" "$conf" "$(what "$id" confidence)"
	fi

	# The command-line tool reads the same bytes the same way.
	if [ -x /bin/gpuident ] && [ -s "/tmp/vb.$a" ]; then
		gpuident vbios --json "/tmp/vb.$a" >"/tmp/tool.$a" 2>&1
		eq "$tag: gpuident vbios: same sha256" \
			"$(sed -n 's/^ *"sha256": *"\([0-9a-f]*\)".*/\1/p' "/tmp/tool.$a" | head -n1)" "$vsha"
		vver=$(sed -n 's/^ *"bios_version": *"\([^"]*\)".*/\1/p' "/tmp/tool.$a" | head -n1)
		vpart=$(sed -n 's/^ *"part_number": *"\([^"]*\)".*/\1/p' "/tmp/tool.$a" | head -n1)
		eq "$tag: gpuident vbios: same version" "$vver" "$(cat "$c/vbios_version" 2>/dev/null)"
		eq "$tag: gpuident vbios: same part number" "$vpart" "$(cat "$c/vbios_part_number" 2>/dev/null)"
	fi
}

# One report line per device.
describe() {
	local a=$1 id=$2 c=$CLS/$1 n v line
	line="$a ${id:--}"
	for n in vendor_id device_id class verdict confidence vbios_source \
		vbios_vendor_id vbios_device_id vbios_size vbios_version \
		vbios_part_number vbios_sha256 product findings; do
		v=$(cat "$c/$n" 2>/dev/null | tr ' ' ,)
		line="$line $n=${v:--}"
	done
	out "DEVICE $line"
}

# all_ready: every display device has a ready gpuident entry
all_ready() {
	local a
	for a in $(display_devices); do is_ready "$CLS/$a" || return 1; done
	return 0
}

# strict_ready: poll every device's state without pausing until all read
# "ready"; the moment one does, its result attributes must be there (the
# ABI: "ready" once the verdict and the other attributes hold results).
# Prints what went wrong, nothing when all is well.
strict_ready() {
	local end=$(($(now) + READY_TIMEOUT)) pending="$DEVS" left a
	while [ -n "$pending" ]; do
		left=
		for a in $pending; do
			if [ "$(cat "$CLS/$a/state" 2>/dev/null)" = ready ]; then
				[ -e "$CLS/$a/verdict" ] || echo "no-verdict-at-ready:$a"
			else
				left="$left $a"
			fi
		done
		pending=$left
		if [ -n "$pending" ] && [ "$(now)" -ge "$end" ]; then
			echo "not-ready:$(echo $pending | tr ' ' ,)"
			return
		fi
	done
}

# Background readers: every attribute of every entry, the vbios also in
# odd-sized pieces, until /tmp/stop-readers appears.
reader() {
	local n=0 f
	while ! [ -e /tmp/stop-readers ]; do
		for f in "$CLS"/*/*; do
			[ -f "$f" ] && cat "$f" >/dev/null 2>&1
		done
		for f in "$CLS"/*/vbios; do
			dd if="$f" of=/dev/null bs=4097 2>/dev/null
		done
		n=$((n + 1))
	done
	echo $n >"/tmp/reader.$1"
}
# The audit in a loop while devices come and go and the module is reloaded:
# every run must end with a documented exit code (0 clean, 3 suspicious,
# 4 no GPU, 5 no module), and its JSON must be whole. One line per run
# in /tmp/audits: "rc complete|truncated|- GPUs-removed-while-read stderr".
auditor() {
	while ! [ -e /tmp/stop-readers ]; do
		gpuident --json >/tmp/audit.json 2>/tmp/audit.err
		rc=$?
		whole=-
		if [ -s /tmp/audit.json ]; then
			whole=truncated
			[ "$(tail -c 2 /tmp/audit.json)" = "}" ] && whole=complete
		fi
		gone=$(grep -c 'removed while being read' /tmp/audit.json 2>/dev/null)
		echo "$rc $whole ${gone:-0} $(head -c 120 /tmp/audit.err | tr '\n' ' ')" >>/tmp/audits
	done
}
READERS=
start_readers() {
	rm -f /tmp/stop-readers /tmp/reader.* /tmp/audits
	reader 1 &
	READERS="$!"
	reader 2 &
	READERS="$READERS $!"
	if [ -x /bin/gpuident ]; then
		auditor &
		READERS="$READERS $!"
	fi
}
stop_readers() {
	local n bad
	touch /tmp/stop-readers
	wait $READERS
	n="$(cat /tmp/reader.1 2>/dev/null)+$(cat /tmp/reader.2 2>/dev/null)"
	t "$1: readers ran throughout ($n passes)" [ -s /tmp/reader.1 ] && [ -s /tmp/reader.2 ]
	READERS=
	[ -x /bin/gpuident ] || return
	n=$(wc -l </tmp/audits)
	out "INFO $1: gpuident --json ran $n times: exit codes (count code)$(cut -d' ' -f1 /tmp/audits | sort | uniq -c | tr -s ' \n' ' ');" \
		"GPUs listed as removed while being read: $(awk '{ n += $3 } END { print n + 0 }' /tmp/audits)"
	bad=$(awk '!(($1 == 0 || $1 == 3 || $1 == 4) && $2 == "complete") && !($1 == 5 && $2 == "-")' /tmp/audits | head -n 3)
	t "$1: gpuident ran throughout ($n runs)" [ "$n" -gt 0 ]
	eq "$1: every gpuident run ended with whole JSON or 'no module' (exit 0/3/4/5)" "$bad" ""
}

change_events() { grep -c "^change .*/gpuident/$1\$" /tmp/uevents; }

# --------------------------------------------------------------------------
out "INFO kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) CPUs"
DEVS=$(echo $(display_devices))
out "INFO display-class PCI devices: $(echo $DEVS)"
for id in $IDS; do
	a=$(resolve "$id")
	t "emulated device $id ($(what "$id" model)) is present${a:+ at $a}" [ -n "$a" ]
done
t "no gpuident entries before insmod" [ ! -e "$CLS" ]
# The capability walkers below must see what is there: a root port has a
# PCI Express capability and AER (extended capability 1).
a=$(what ati0 port)
t "test helpers: capabilities of root port $a found" eval 'has_cap "$a" 16 && has_ecap "$a" 1'


# Slab and vmalloc objects allocated from module text that is no longer
# loaded show an unresolved address in the module area in their allocation
# trace (slub_debug=U); module_addrs prints "cache:count" for each cache
# holding such objects. Not counted: radix_tree_node (IDR nodes that kernfs
# keeps for later entries) and vmap_area (freed lazily after iounmap).
MODADDR='0xffffffff[c-f][0-9a-f]{7}'
module_addrs() {
	local d n
	for d in /sys/kernel/debug/slab/*; do
		case "${d##*/}" in radix_tree_node | vmap_area) continue ;; esac
		n=$(grep -cE "$MODADDR" "$d/alloc_traces" 2>/dev/null)
		[ "${n:-0}" -gt 0 ] && echo "${d##*/}:$n"
	done
	n=$(awk '{ print $3 }' /proc/vmallocinfo | grep -cE "$MODADDR")
	[ "$n" -gt 0 ] && echo "vmalloc:$n"
}
kmalloc_objs() {
	awk '$1 ~ /^kmalloc-/ { n += $2 } END { print n + 0 }' /proc/slabinfo
}
LEAK0=$(echo $(module_addrs))

# --- 1. load: an entry per display device, every attribute -------------
# Without the module the audit says how to get it and exits 5; --load then
# loads it through libkmod from /lib/modules, where the host put the
# DKMS-built module with depmod's indexes.
if [ -x /bin/gpuident ]; then
	gpuident >/tmp/noload.out 2>&1
	eq "gpuident without the module: exit 5" "$?" 5
	t "gpuident without the module: says to modprobe it" grep -q "modprobe gpuident" /tmp/noload.out
	timeout 120 gpuident --load -w 0 >/dev/null 2>/tmp/err
	rc=$?
	t "gpuident --load: loaded through libkmod (exit $rc: $(head -c 200 /tmp/err))" \
		[ -d /sys/module/gpuident ] && word "$rc" "0 3"
elif timeout 60 insmod /gpuident.ko 2>/tmp/err; then
	pass "insmod gpuident.ko"
else
	fail "insmod gpuident.ko: $(cat /tmp/err)"
fi
eq "module version is dkms.conf's PACKAGE_VERSION" \
	"$(cat /sys/module/gpuident/version 2>&1)" "$PKG_VERSION"
wait_for "$READY_TIMEOUT" all_ready
for a in $DEVS; do
	id=
	for i in $IDS; do [ "$(resolve "$i")" = "$a" ] && id=$i; done
	check_device "$a" "$id"
done
for a in $(ls "$CLS" 2>/dev/null); do
	word "$a" "$DEVS" || fail "entry $a is not a display-class PCI device"
done
for a in $DEVS; do
	[ -d "$CLS/$a" ] || continue
	t "$a: add uevent" grep -q "^add .*/gpuident/$a\$" /tmp/uevents
	t "$a: change uevent after the collection" [ "$(change_events "$a")" -ge 1 ]
done
# json_verdicts FILE: "address verdict" for each GPU in gpuident's JSON.
json_verdicts() {
	awk -F'"' '/"address":/ { a = $4; v = "" } /"verdict":/ && a != "" && v == "" { v = $4; print a, v }' "$1"
}
# same_verdicts WHAT FILE: each display device has the module's verdict in FILE.
same_verdicts() {
	local a
	json_verdicts "$2" >/tmp/verdicts.txt
	for a in $DEVS; do
		eq "$1: $a verdict as the module's" "$(sed -n "s/^$a //p" /tmp/verdicts.txt | head -n1)" \
			"$(cat "$CLS/$a/verdict" 2>&1)"
	done
}
# The tool's live audit reads the module's attributes: the same devices
# and verdicts.
if [ -x /bin/gpuident ]; then
	gpuident --json -w 10000 >/tmp/live.json 2>/tmp/live.err
	rc=$?
	t "gpuident --json: exit 3 (suspicious GPUs present), got $rc" [ $rc -eq 3 ]
	same_verdicts "gpuident --json" /tmp/live.json
	eq "gpuident --json: one GPU per display device" "$(json_verdicts /tmp/live.json | wc -l)" \
		"$(echo $DEVS | wc -w)"
	gpuident -n -w 10000 >/tmp/live.txt 2>&1
	sed 's/^/e2e: gpuident: /' /tmp/live.txt
	# Without the module's help, as root: the same verdicts.
	gpuident --direct --json >/tmp/direct.json 2>/tmp/direct.err
	same_verdicts "gpuident --direct" /tmp/direct.json
	# A capture bundle, read back by analyze: the same verdicts.
	gpuident capture -o /tmp/capture.txt 2>/tmp/capture.err
	t "gpuident capture -o: bundle written" grep -q '^gpuident-capture 1' /tmp/capture.txt
	gpuident analyze --json /tmp/capture.txt >/tmp/bundle.json 2>&1
	same_verdicts "gpuident analyze of the capture" /tmp/bundle.json
	t "the capture holds the VBIOS images (root)" [ "$(grep -c '^rom ' /tmp/capture.txt)" -ge 4 ]
fi
for a in $DEVS; do describe "$a" "$(for i in $IDS; do [ "$(resolve "$i")" = "$a" ] && echo "$i"; done)"; done

# --- 2. reprobe -----------------------------------------------------------
a=$(resolve "$REPROBE")
if [ -n "$a" ] && [ -e "$CLS/$a/reprobe" ]; then
	seq0=$(cat /sys/kernel/uevent_seqnum)
	ch0=$(change_events "$a")
	sha0=$(cat "$CLS/$a/vbios_sha256" 2>/dev/null)
	v0=$(cat "$CLS/$a/verdict")
	# An always-present attribute stays the same file across a
	# collection: a reader that keeps it open can still read it.
	exec 6<"$CLS/$a/vendor_id"
	if echo 1 >"$CLS/$a/reprobe" 2>/tmp/err; then
		pass "reprobe $a: writing 1 is accepted"
	else
		fail "reprobe $a: writing 1 is accepted: $(cat /tmp/err)"
	fi
	t "reprobe $a: a change uevent follows" \
		wait_for 20 sh -c "[ \$(grep -c '^change .*/gpuident/$a\$' /tmp/uevents) -gt $ch0 ]"
	t "reprobe $a: state back to ready" wait_for "$READY_TIMEOUT" is_ready "$CLS/$a"
	t "reprobe $a: uevent_seqnum advanced" [ "$(cat /sys/kernel/uevent_seqnum)" -gt "$seq0" ]
	eq "reprobe $a: same verdict" "$(cat "$CLS/$a/verdict")" "$v0"
	eq "reprobe $a: same vbios_sha256" "$(cat "$CLS/$a/vbios_sha256" 2>/dev/null)" "$sha0"
	eq "reprobe $a: vendor_id opened before the reprobe still reads" \
		"$(cat <&6 2>&1)" "$(cat "$PCI/$a/vendor")"
	exec 6<&-
else
	fail "reprobe: no entry with a reprobe attribute for $REPROBE"
fi

# --- 2a. a ROM BAR without address space ---------------------------------
# Issue 11, finding 3: pci_map_rom() assigns address space to a ROM BAR
# that has none (outside the rescan lock, never given back); gpuident must
# not read such a ROM, and says vbios_error "unassigned". No boot of this
# kernel keeps that state (tests/e2e/unassign/gi_unassign.c says why): the
# helper module makes it for $UNASSIGN. Then nothing may assign the ROM BAR:
# its resource, its register and /proc/iomem stay as they were, probe after
# probe. The PCI core's own rom file, which does assign it, shows that these
# checks see an assignment, and brings the ROM back for what follows.
romres() { sed -n 7p "$PCI/$1/resource"; }
rombar() { od -An -tx4 -j48 -N4 "$PCI/$1/config" | tr -d ' '; }
# romrange RES: the ROM resource line as /proc/iomem writes its range
romrange() { set -- $1; printf '%08x-%08x' $(($1)) $(($2)); }
in_iomem() { grep -q "^ *$1 : $2\$" /proc/iomem; }
t2a=$(now)
a=$(resolve "$UNASSIGN")
if [ -z "$a" ] || ! [ -d "$CLS/$a" ] || ! [ -e /gi_unassign.ko ]; then
	fail "unassigned ROM BAR: an entry for $UNASSIGN (${a:-not found}) and /gi_unassign.ko"
else
	tag="unassigned ROM BAR $a ($UNASSIGN)"
	sha0=$(cat "$CLS/$a/vbios_sha256" 2>/dev/null)
	v0=$(cat "$CLS/$a/verdict")
	rng0=$(romrange "$(romres "$a")")
	t "$tag: at rest, the ROM BAR is assigned ($rng0 in /proc/iomem)" in_iomem "$rng0" "$a"
	if insmod /gi_unassign.ko addr="$a" 2>/tmp/err; then
		pass "$tag: gi_unassign released it"
	else
		fail "$tag: gi_unassign released it: $(cat /tmp/err)"
	fi
	rmmod gi_unassign 2>/dev/null
	res1=$(romres "$a")
	cp /proc/iomem /tmp/iomem.1
	set -- $res1
	t "$tag: the resource keeps its size, has no address ($res1)" \
		[ $(($1)) -eq 0 ] && [ $(($2)) -gt 0 ]
	t "$tag: $rng0 gone from /proc/iomem" sh -c "! grep -q '^ *$rng0 : $a\$' /proc/iomem"
	eq "$tag: ROM BAR register 0" "$(rombar "$a")" 00000000
	for round in 1 2; do
		tg="$tag, probe $round"
		ch0=$(change_events "$a")
		echo 1 >"$CLS/$a/reprobe"
		t "$tg: ready" wait_for "$READY_TIMEOUT" is_ready "$CLS/$a"
		wait_for 10 sh -c "[ \$(grep -c '^change .*/gpuident/$a\$' /tmp/uevents) -gt $ch0 ]"
		eq "$tg: vbios_error" "$(cat "$CLS/$a/vbios_error" 2>&1)" unassigned
		for n in vbios vbios_size vbios_sha256 vbios_checksum vbios_vendor_id; do
			if [ -e "$CLS/$a/$n" ]; then m=present; else m=hidden; fi
			eq "$tg: $n hidden" "$m" hidden
		done
		f=$(cat "$CLS/$a/findings")
		t "$tg: no ROM finding (findings: '$f')" \
			sh -c "! echo ' $f ' | grep -qE ' (rom_checksum|rom_device_id) '"
		v=$(cat "$CLS/$a/verdict")
		t "$tg: verdict '$v' convicts nothing (was '$v0' with the ROM)" \
			sh -c "! echo ' modified relabelled transplant ' | grep -q ' $v '"
		eq "$tg: ROM resource unchanged" "$(romres "$a")" "$res1"
		eq "$tg: ROM BAR register still 0" "$(rombar "$a")" 00000000
		t "$tg: /proc/iomem unchanged" cmp -s /tmp/iomem.1 /proc/iomem
	done
	# The control: the PCI core's rom file calls pci_map_rom(), which
	# assigns the BAR; the same checks see it.
	read_rom "$a" /tmp/rom.u
	res2=$(romres "$a")
	t "$tag: control: the PCI core's rom file assigns it ($(romrange "$res2"))" \
		sh -c "[ '$res2' != '$res1' ] && ! cmp -s /tmp/iomem.1 /proc/iomem &&
			grep -q '^ *$(romrange "$res2") : $a\$' /proc/iomem"
	echo 1 >"$CLS/$a/reprobe"
	wait_for "$READY_TIMEOUT" is_ready "$CLS/$a"
	t "$tag: assigned again: no vbios_error" [ ! -e "$CLS/$a/vbios_error" ]
	eq "$tag: assigned again: vbios_sha256 as at rest" "$(cat "$CLS/$a/vbios_sha256" 2>&1)" "$sha0"
	eq "$tag: assigned again: verdict as at rest" "$(cat "$CLS/$a/verdict")" "$v0"
fi
out "INFO unassigned ROM BAR: $(($(now) - t2a)) s"

# --- 2b. ROM readers race the probes: a racing read never convicts ------
# Loops read the PCI core's own rom file of every device (each read
# enables the ROM BAR, copies and disables it, switching it off under any
# other reader) while every device is reprobed, one request at a time and
# in storms. No probe may find a checksum or ROM-ID failure it did not
# find at rest, nor call a card modified; a read that raced is at most
# vbios_error "changed"/"unreadable". And "ready" must mean the last
# requested probe has run (issue 11, finding 5): in 50 quick storms after
# the rounds, kprobe events on gpuident_collect()'s entry and return, and
# trace markers written before each storm's last request and at the first
# "ready" after it, on a trace clock that counts events (their order
# across CPUs is exact), must show that a collection which started after
# the request had returned before state read ready. A module that ends
# "probing" at the end of any probe, even with a reprobe queued behind it
# (the bug the review found), fails this in many of them (README).
#
# Arming and removing kprobes patches kernel text (int3, then the new
# bytes, with IPIs between). Under multi-threaded TCG that livelocked
# once: the other vCPU spun in exc_int3 on a patched site and never
# answered the patching CPU's IPI (tests/e2e/run now runs TCG on one
# thread too). Only one vCPU is online while text is patched; both run
# the storms.
TR=/sys/kernel/tracing
CPUS_OFF=
one_cpu() {
	local c
	for c in /sys/devices/system/cpu/cpu[1-9]*/online; do
		[ -w "$c" ] && [ "$(cat "$c")" = 1 ] && echo 0 >"$c" && CPUS_OFF="$CPUS_OFF $c"
	done
}
all_cpus() {
	local c
	for c in $CPUS_OFF; do echo 1 >"$c"; done
	CPUS_OFF=
}
trace_on() {
	local rc
	mount -t tracefs tracefs $TR 2>/dev/null
	[ -w $TR/kprobe_events ] || return 1
	one_cpu
	echo 0 >$TR/tracing_on
	echo counter >$TR/trace_clock
	echo >$TR/trace
	echo 'p:gi/collect gpuident:gpuident_collect pdev=%di:x64' >>$TR/kprobe_events &&
		echo 'r16:gi/collected gpuident:gpuident_collect ret=$retval:x64' >>$TR/kprobe_events &&
		echo 1 >$TR/events/gi/enable &&
		echo 1 >$TR/tracing_on
	rc=$?
	out "INFO race: kprobes armed with${CPUS_OFF:- no CPU} offline"
	all_cpus
	return $rc
}
trace_off() {
	one_cpu
	echo 0 >$TR/events/gi/enable 2>/dev/null
	echo >$TR/kprobe_events 2>/dev/null
	echo local >$TR/trace_clock
	all_cpus
}
mark() { echo "$*" >$TR/trace_marker; }
# request ADDR N: N reprobe writes; the last one, marked, after ten reads
# of state (fast, and with no process started: the probe the first writes
# queued is then running, not still queued with the last).
request() {
	local k=1 s
	while [ $k -lt "$2" ]; do
		echo 1 >"$CLS/$1/reprobe"
		k=$((k + 1))
	done
	[ "$2" -gt 1 ] && for k in 1 2 3 4 5 6 7 8 9 10; do read -r s <"$CLS/$1/state"; done
	mark "gi-request $1"
	echo 1 >"$CLS/$1/reprobe"
}
# poll_ready ADDR: read state without pausing, with the shell's own read,
# until it is ready; mark that. (The clock is read only now and then: a
# process started per poll would miss a "ready" that lasts milliseconds.)
poll_ready() {
	local s= n=0 end=
	while :; do
		read -r s <"$CLS/$1/state"
		if [ "$s" = ready ]; then
			mark "gi-ready $1"
			return 0
		fi
		n=$((n + 1))
		if [ $((n % 200)) -eq 0 ]; then
			[ -n "$end" ] || end=$(($(now) + READY_TIMEOUT))
			[ "$(now)" -lt "$end" ] || return 1
		fi
	done
}
# covered TRACE: for each "gi-ready" after a "gi-request" of the same
# device, did a gpuident_collect() that started after the request return
# (not -EBUSY) before it? One line per check: "ok ..." or "early ...".
covered() {
	awk '
	{
		for (i = 2; i <= NF; i++)
			if ($i ~ /^[0-9]+:$/)
				break
		if (i > NF)
			next
		ts = substr($i, 1, length($i) - 1) + 0
		ev = $(i + 1)
	}
	ev == "collect:" { start[$1] = ts; next }
	ev == "collected:" {
		if (!($1 in start) || $NF ~ /^ret=0xfffffffffffff/)
			next
		# a collection that ran from start[$1] to ts
		for (d in req)
			if (start[$1] > req[d])
				done[d] = 1
		delete start[$1]
		next
	}
	ev == "tracing_mark_write:" && $(i + 2) == "gi-request" {
		d = $(i + 3); req[d] = ts; done[d] = 0; next
	}
	ev == "tracing_mark_write:" && $(i + 2) == "gi-ready" {
		d = $(i + 3)
		if (!(d in req))
			next
		printf "%s %s requested %d ready %d\n", done[d] ? "ok" : "early", d, req[d], ts
		delete req[d]
	}' "$1"
}

t2b=$(now)
rm -f /tmp/stop-hammer
for a in $DEVS; do
	echo "$(cat "$CLS/$a/findings" 2>/dev/null)" >"/tmp/rest-findings.$a"
	cat "$CLS/$a/verdict" >"/tmp/rest-verdict.$a" 2>/dev/null
done
# One hammer: under TCG every rom read is an ioremap with a TLB-flush IPI
# to the other vCPU, and on a loaded host more of them starve the guest.
rom_hammer & h1=$!
probes=0 raced=0 convicted=0 early=0
for round in 1 2 3 4; do
	for a in $DEVS; do
		[ -e "$CLS/$a/reprobe" ] || continue
		ch0=$(change_events "$a")
		if [ $((round % 2)) -eq 0 ]; then
			# a storm: requests while the first probe runs
			for k in 1 2 3 4 5; do echo 1 >"$CLS/$a/reprobe"; done
		else
			echo 1 >"$CLS/$a/reprobe"
		fi
		wait_for "$READY_TIMEOUT" is_ready "$CLS/$a" || continue
		probes=$((probes + 1))
		f=$(cat "$CLS/$a/findings" 2>/dev/null)
		for n in rom_checksum rom_device_id; do
			if word "$n" "$f" && ! word "$n" "$(cat "/tmp/rest-findings.$a")"; then
				convicted=$((convicted + 1))
				out "INFO race: $a round $round: $n found ($(cat "$CLS/$a/vbios_checksum" 2>/dev/null))"
			fi
		done
		v=$(cat "$CLS/$a/verdict" 2>/dev/null)
		if [ "$v" = modified ] && [ "$(cat "/tmp/rest-verdict.$a")" != modified ]; then
			convicted=$((convicted + 1))
		fi
		[ -e "$CLS/$a/vbios_error" ] && raced=$((raced + 1))
		# Ready means no probe is pending: one change event at most
		# (the probe that just ended) may follow, and state stays.
		ch1=$(change_events "$a")
		sleep 1
		if [ $(($(change_events "$a") - ch1)) -gt 1 ] || ! is_ready "$CLS/$a"; then
			early=$((early + 1))
			out "INFO race: $a round $round: ready with a probe still to run"
		fi
		t "race: $a round $round: a change uevent per request" [ "$(change_events "$a")" -gt "$ch0" ]
	done
done
touch /tmp/stop-hammer
wait $h1
t2s=$(now)
eq "race: probes with the core's rom file read in a loop: none convicts (of $probes; $raced with vbios_error)" \
	"$convicted" 0
eq "race: state ready only after the last requested probe ($probes probes)" "$early" 0
t "race: probes ran" [ "$probes" -gt 0 ]
out "INFO race: $probes probes, $raced reported vbios_error, $convicted convicted"
# Storms in quick succession, 10 a device, traced, the hammer stopped.
# (Beside a process reading ROMs, the shell is often off the CPU during
# the few milliseconds in which a "ready" that came too early could be
# seen; and this TCG guest, tracing while the hammer ran, lost a vCPU's
# timer interrupts in some runs.)
TRACED=
if trace_on 2>/tmp/err; then
	TRACED=1
else
	fail "race: kprobe events on gpuident_collect ($TR): $(cat /tmp/err)"
fi
storms=0
for k in 1 2 3 4 5 6 7 8 9 10; do
	for a in $DEVS; do
		[ -e "$CLS/$a/reprobe" ] || continue
		request "$a" 5
		poll_ready "$a" && storms=$((storms + 1))
		usleep 50000
	done
done
out "INFO race: rounds $((t2s - t2b)) s, quick storms $(($(now) - t2s)) s"
if [ -n "$TRACED" ]; then
	# (before the kprobe events go: removing them empties the buffer)
	cat $TR/trace >/tmp/trace.txt
	cat $TR/kprobe_profile >/tmp/kprobe_profile
	trace_off
	covered /tmp/trace.txt >/tmp/covered.txt
	n=$(grep -c '^ok ' /tmp/covered.txt)
	m=$(grep -c '^early ' /tmp/covered.txt)
	out "INFO race: trace: $(grep -c ' collect: ' /tmp/trace.txt) collections, $n requests covered before ready, $m early;" \
		"$(grep -v '^#' /tmp/trace.txt | grep -c .) trace lines"
	out "INFO race: trace: kprobe hits/misses: $(tr -s ' \n' ' ' </tmp/kprobe_profile);" \
		"lost: $(grep -c 'LOST' /tmp/trace.txt); overruns: $(cat $TR/per_cpu/cpu*/stats | grep -E '^(overrun|dropped)' | tr -s ' \n' ' ')"
	grep '^early ' /tmp/covered.txt | head -n 3 | while read -r _ d _ r _ y; do
		out "INFO race: $d ready at event $y, requested at event $r, no collection in between:"
		awk -v r="$r" -v y="$y" '{ for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+:$/) break }
			i <= NF && $i + 0 >= r && $i + 0 <= y' /tmp/trace.txt |
			while read -r l; do out "INFO race:   $l"; done
	done
	eq "race: every request ($storms storms) is followed by a collection that ends before state reads ready" \
		"$m" 0
	t "race: the trace saw every request reach ready ($((n + m)) of $storms)" \
		[ $((n + m)) -eq "$storms" ]
fi
for a in $DEVS; do
	[ -e "$CLS/$a/reprobe" ] || continue
	echo 1 >"$CLS/$a/reprobe"
	wait_for "$READY_TIMEOUT" is_ready "$CLS/$a"
	eq "race: $a verdict at rest again" "$(cat "$CLS/$a/verdict" 2>&1)" "$(cat "/tmp/rest-verdict.$a")"
done

# --- 2c. system sleep with probes in flight -------------------------------
# The workqueue is freezable: a probe queued just before suspend waits
# until resume instead of copying a ROM while devices go to D3. pm_test
# "freezer" freezes tasks and freezable workqueues, waits 5 s and thaws;
# "devices" would also suspend them, but under TCG the guest's timers
# do not always come back from that, and the freeze is what is tested.
if [ -w /sys/power/pm_test ] && grep -qw freeze /sys/power/state; then
	for a in $DEVS; do echo 1 >"$CLS/$a/reprobe"; done
	echo freezer >/sys/power/pm_test
	dmesg -c >/dev/null
	if echo freeze >/sys/power/state 2>/tmp/err; then
		pass "freeze with probes queued: frozen and thawed"
	else
		fail "freeze with probes queued: $(cat /tmp/err)"
	fi
	echo none >/sys/power/pm_test
	dmesg >/tmp/pm.log
	t "freeze: tasks and workqueues froze (no 'Freezing ... failed')" \
		sh -c "! grep -qiE 'freezing .*failed|refusing to freeze' /tmp/pm.log"
	t "freeze: every device ready after resume" wait_for "$READY_TIMEOUT" all_ready
	for a in $DEVS; do
		eq "freeze: $a verdict as at rest" "$(cat "$CLS/$a/verdict" 2>&1)" \
			"$(cat "/tmp/rest-verdict.$a")"
	done
else
	skip "freeze: no /sys/power/pm_test or no freeze state in this kernel"
fi

start_readers

# --- 3. hot-unplug through the QEMU monitor, with readers -----------------
a=$(resolve "$UNPLUG")
if [ -n "$a" ] && [ -d "$CLS/$a" ]; then
	exec 7<"$CLS/$a/vbios" 8<"$CLS/$a/verdict"
	out "HOST device_del $UNPLUG"
	t "hot-unplug $UNPLUG: PCI device $a removed" wait_for 40 gone "$PCI/$a"
	t "hot-unplug $UNPLUG: gpuident entry removed" wait_for 10 gone "$CLS/$a"
	cat <&7 >/dev/null 2>&1
	cat <&8 >/dev/null 2>&1
	exec 7<&- 8<&-
	pass "hot-unplug $UNPLUG: reads through files opened before the unplug return"
	t "hot-unplug $UNPLUG: remove uevent" grep -q "^remove .*/gpuident/$a\$" /tmp/uevents
	for b in $DEVS; do
		[ "$b" = "$a" ] && continue
		t "hot-unplug $UNPLUG: $b still ready" is_ready "$CLS/$b"
	done
	# ... and plugged back in: a new device is probed on hotplug.
	out "HOST device_add $UNPLUG"
	t "hot-plug $UNPLUG: PCI device back" wait_for 40 sh -c "[ -n \"\$(ls -d $PCI/$(what "$UNPLUG" port)/0000:??:??.? 2>/dev/null)\" ]"
	b=$(resolve "$UNPLUG")
	if [ -n "$b" ] && wait_for 20 test -d "$CLS/$b"; then
		pass "hot-plug $UNPLUG: gpuident entry $b created"
		t "hot-plug $UNPLUG: state ready" wait_for "$READY_TIMEOUT" is_ready "$CLS/$b"
		PHASE=hot-plug
		check_device "$b" "$UNPLUG" may-lack-rom
		if ! [ -e "$CLS/$b/vbios" ]; then
			# Nothing enables a hot-added device that no driver binds:
			# memory decoding is off, and neither the PCI core nor
			# gpuident can read its ROM. Turn decoding on, then reprobe.
			cmd=$(od -An -tu2 -j4 -N2 "$PCI/$b/config" | tr -d ' ')
			out "INFO hot-plugged $b: PCI_COMMAND $(printf 0x%04x "$cmd"), no ROM readable; enabling memory decoding and reprobing"
			cmd=$((cmd | 2))
			printf "$(printf '\\%03o\\%03o' $((cmd & 255)) $((cmd >> 8)))" |
				dd of="$PCI/$b/config" bs=2 seek=2 count=1 conv=notrunc 2>/dev/null
			ch0=$(change_events "$b")
			echo 1 >"$CLS/$b/reprobe"
			wait_for 20 sh -c "[ \$(grep -c '^change .*/gpuident/$b\$' /tmp/uevents) -gt $ch0 ]"
			t "hot-plug $UNPLUG: ready after reprobe" wait_for "$READY_TIMEOUT" is_ready "$CLS/$b"
			PHASE="hot-plug+reprobe"
			check_device "$b" "$UNPLUG"
		fi
		PHASE=
	else
		fail "hot-plug $UNPLUG: gpuident entry created for ${b:-the new device}"
	fi
else
	fail "hot-unplug: no gpuident entry for $UNPLUG (${a:-not found})"
fi

# --- 4. sysfs remove / rescan, with readers -------------------------------
for id in $RESCAN; do
	a=$(resolve "$id")
	if [ -z "$a" ] || ! [ -d "$CLS/$a" ]; then
		fail "remove/rescan $id: no gpuident entry (${a:-not found})"
		continue
	fi
	sha0=$(cat "$CLS/$a/vbios_sha256" 2>/dev/null)
	v0=$(cat "$CLS/$a/verdict")
	t "remove/rescan $id: echo 1 > $a/remove" sh -c "echo 1 > $PCI/$a/remove"
	t "remove/rescan $id: gpuident entry removed" wait_for 10 gone "$CLS/$a"
	t "remove/rescan $id: echo 1 > /sys/bus/pci/rescan" sh -c "echo 1 > /sys/bus/pci/rescan"
	t "remove/rescan $id: gpuident entry back" wait_for 20 test -d "$CLS/$a"
	t "remove/rescan $id: state ready" wait_for "$READY_TIMEOUT" is_ready "$CLS/$a"
	eq "remove/rescan $id: same vbios_sha256" "$(cat "$CLS/$a/vbios_sha256" 2>&1)" "$sha0"
	eq "remove/rescan $id: same verdict" "$(cat "$CLS/$a/verdict" 2>&1)" "$v0"
done

# --- 5. rmmod / insmod cycles, with readers -------------------------------
if timeout 60 rmmod gpuident 2>/tmp/err; then
	pass "rmmod gpuident"
else
	fail "rmmod gpuident: $(cat /tmp/err)"
fi
t "no gpuident entries after rmmod" [ -z "$(ls "$CLS" 2>/dev/null)" ]
sleep 1
SLAB0=$(kmalloc_objs)
bad=
early=
i=1
cycles_end=$(($(now) + 120))
while [ $i -le "$CYCLES" ]; do
	if [ "$(now)" -ge "$cycles_end" ]; then
		bad="$bad stopped-after-$((i - 1))-cycles(120s)"
		break
	fi
	if ! timeout 60 insmod /gpuident.ko 2>/tmp/err; then
		bad="$bad insmod#$i($(cat /tmp/err))"
		break
	fi
	# The first half waits for every collection; the second half unloads
	# while collections may still run.
	if [ $i -le $((CYCLES / 2)) ]; then
		r=$(strict_ready)
		case "$r" in
		*not-ready*) bad="$bad $(echo $r | tr ' ' '\n' | grep not-ready)#$i" ;;
		esac
		for x in $r; do
			case "$x" in no-verdict*) early="$early $x#$i" ;; esac
		done
	fi
	if ! timeout 60 rmmod gpuident 2>/tmp/err; then
		bad="$bad rmmod#$i($(cat /tmp/err))"
	fi
	[ -n "$(ls "$CLS" 2>/dev/null)" ] && bad="$bad left-entries#$i"
	i=$((i + 1))
done
eq "$CYCLES rmmod/insmod cycles (half of them unloading during collection)" "${bad# }" ""
eq "state reads ready only once the result attributes exist (tight polling, $((CYCLES / 2)) cycles)" \
	"${early# }" ""
stop_readers "rmmod/insmod cycles"
t "no gpuident entries after the last rmmod" [ -z "$(ls "$CLS" 2>/dev/null)" ]
t "/sys/class/gpuident gone after the last rmmod" [ ! -e "$CLS" ]
t "no gpuident directories under PCI devices" \
	[ -z "$(ls -d "$PCI"/*/gpuident 2>/dev/null)" ]
t "module gone from /sys/module" [ ! -e /sys/module/gpuident ]

# --- 6. leaks ---------------------------------------------------------------
sleep 2
echo 3 >/proc/sys/vm/drop_caches
SLAB1=$(kmalloc_objs)
out "INFO kmalloc-* active objects: $SLAB0 before the cycles, $SLAB1 after"
t "no kmalloc growth over $CYCLES cycles (+$((SLAB1 - SLAB0)), tolerance $SLAB_TOLERANCE)" \
	[ $((SLAB1 - SLAB0)) -le "$SLAB_TOLERANCE" ]
if [ -e /sys/kernel/debug/slab ] && grep -q slub_debug /proc/cmdline; then
	# Removed sysfs nodes live on while the dcache holds dentries of
	# them (the readers walked those paths; the dcache shrinker gives a
	# recently used dentry a second chance, and a parent goes only after
	# its children), and RCU-deferred frees may be pending: drop the
	# caches a few times and give them some seconds.
	for n in 1 2 3; do
		echo 3 >/proc/sys/vm/drop_caches
		usleep 300000
	done
	t0=$(now)
	end=$((t0 + 20))
	n=0
	while LEAK1=$(echo $(module_addrs)) && [ "$LEAK1" != "$LEAK0" ] && [ "$(now)" -lt "$end" ]; do
		n=$((n + 1))
		echo 3 >/proc/sys/vm/drop_caches
		sleep 1
	done
	out "INFO leak scan: '$LEAK1' after $n extra cache drop(s), $(($(now) - t0)) s"
	if [ "$LEAK1" = "$LEAK0" ]; then
		pass "no slab or vmalloc object allocated from unloaded module code"
	else
		fail "no slab or vmalloc object allocated from unloaded module code: '$LEAK0' before, '$LEAK1' after"
		echo "e2e: gpuident names left in sysfs: $(find /sys/class /sys/devices /sys/module /sys/bus -name '*gpuident*' 2>/dev/null | tr '\n' ' ')"
		echo "e2e: processes, their working directories and open files under /sys:"
		for d in /proc/[0-9]*; do
			echo "e2e:   ${d#/proc/} $(cat "$d/comm" 2>/dev/null) cwd=$(readlink "$d/cwd" 2>/dev/null)" \
				"$(ls -l "$d/fd" 2>/dev/null | grep -o '/sys/.*' | tr '\n' ' ')"
		done
		for c in $LEAK1; do
			c=${c%:*}
			[ "$c" = vmalloc ] && { grep -E "$MODADDR" /proc/vmallocinfo; continue; }
			echo "e2e: $c objects allocated from module code:"
			awk -v RS= -v re="$MODADDR" '$0 ~ re' "/sys/kernel/debug/slab/$c/alloc_traces" | head -n 200
		done
	fi
else
	skip "slab allocation traces: boot with slub_debug=U and debugfs"
fi

# --- 7. the kernel's own view -----------------------------------------------
taint=$(cat /proc/sys/kernel/tainted)
# 4096 O (out-of-tree module), 8192 E (unsigned module) are expected.
eq "kernel taint only O/E (tainted=$taint)" $((taint & ~(4096 | 8192))) 0
n=$(dmesg | grep -cE 'BUG:|WARNING:|Oops|Call Trace|KASAN|general protection|BUG [a-z0-9_.-]+ \(')
# (The check's name must not contain the words the host looks for.)
eq "dmesg has no kernel bug reports, warnings or traces" "$n" 0

kill "$UEVENTD" 2>/dev/null
kill "$WATCHDOG" 2>/dev/null
out "RESULT $P $F"
out "END"
sync
reboot -f
