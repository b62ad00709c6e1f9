#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Turn tests/bench/run's raw figures into the report table.

report.py HOST_TXT RESULTS_LOG TRACE_LOG HOSTINFO KVER CMDLINE NDEV
"""
import re
import statistics
import sys
import time

host_txt, results_log, trace_log, hostinfo, kver, cmdline, ndev = sys.argv[1:8]
DISPLAY = {"VGA", "ati-vga", "secondary-vga", "bochs-display"}
MARKER = re.compile(r"pci_cfg_read \S+ 00:00\.0 @0xfd ")
EVENT = re.compile(r"(pci_cfg_read|pci_cfg_write|pci_update_mappings_add|pci_update_mappings_del) (\S+) \S+ (\S+)")

host = {}
for line in open(host_txt):
    k, _, v = line.strip().partition(" ")
    host[k] = v.split()

phases, res = [], []
for line in open(results_log, errors="replace"):
    line = line.rstrip("\r\n")
    if not line.startswith("E2E BENCH "):
        continue
    f = line[len("E2E BENCH "):].split()
    if f[0] == "phase":
        phases.append(f[1])
    res.append(f)

# config-space accesses to the display devices, per phase
# (per run of a phase: phases repeated under one name are averaged)
acc = {p: {"r": 0, "w": 0, "rom_w": 0, "rom_map": 0} for p in phases}
nruns = {p: phases.count(p) for p in phases}
i = -1
for line in open(trace_log, errors="replace"):
    if MARKER.search(line):
        i += 1
        continue
    if i < 0 or i >= len(phases):
        continue
    m = EVENT.search(line)
    if not m or m.group(2) not in DISPLAY:
        continue
    a = acc[phases[i]]
    ev, arg = m.group(1), m.group(3)
    if ev == "pci_cfg_read":
        a["r"] += 1
    elif ev == "pci_cfg_write":
        a["w"] += 1
        if arg == "@0x30":
            a["rom_w"] += 1
    elif ev == "pci_update_mappings_add" and arg.startswith("6,"):
        a["rom_map"] += 1
markers_ok = i + 1 == len(phases)
for name, a in acc.items():
    for k in a:
        a[k] = round(a[k] / nruns[name])


def get(key, *sub):
    for f in res:
        if f[0] == key and tuple(f[1:1 + len(sub)]) == sub:
            return f[1 + len(sub):]
    return None


samples = {}
for f in res:
    if f[0] == "sample" and len(f) == 3:
        samples.setdefault(f[1], []).append(float(f[2]) / 1000.0)


def ms(us):
    return float(us) / 1000.0


def ratio(a, b):
    return "%.1f x" % (a / b) if b else "-"


out = []
p = out.append
p("gpuident benchmarks, %s" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
p("command: %s" % cmdline)
p("host:    %s" % hostinfo)
p("guest:   Debian %s under QEMU TCG (no KVM), 2 vCPUs, %s display devices, 7 with real VBIOS"
  % (kver, ndev))
p("         images; guest times are emulated: the ratios are the result, not the absolute values")
# Which name database the traced audit really opened.
opened = set()
for line in open(results_log, errors="replace"):
    m = re.search(r'^E2E TRACE .*open(?:at)?\(.*"([^"]*(?:hwdb\.bin|pci\.ids))".* = \d+', line)
    if m:
        opened.add(m.group(1).rsplit("/", 1)[-1])
p("         name databases as on a Debian system: pci.ids%s; the audit opened: %s"
  % (" and udev's hwdb.bin" if host.get("hwdb") else " only (no udev hwdb.bin on the host)",
     ", ".join(sorted(opened)) or "neither"))
p("")

# 1. parser
nf, nb = int(host["nfiles"][0]), int(host["bytes"][0])
pb, pm = ms(host["parse"][0]), ms(host["parse"][1])
cb, cm = ms(host["catfiles"][0]), ms(host["catfiles"][1])
rp, rc = int(host["rss_parse"][0]), int(host["rss_cat"][0])
p("1. VBIOS parser, host: tools/gpuident vbios --json over %d images (%.1f MiB, one process)"
  % (nf, nb / 1048576.0))
p("   %-28s %9s %9s %12s %10s" % ("", "best ms", "median ms", "images/s", "max RSS"))
p("   %-28s %9.1f %9.1f %12.0f %7.1f MiB" % ("gpuident vbios --json", pb, pm, nf / (pm / 1000), rp / 1024))
p("   %-28s %9.1f %9.1f %12.0f %7.1f MiB" % ("cat > /dev/null (floor)", cb, cm, nf / (cm / 1000), rc / 1024))
p("   parsing costs %s reading the files (median), %s the memory; %.0f MiB/s parsed"
  % (ratio(pm, cm), ratio(rp, rc), nb / 1048576.0 / (pm / 1000)))
p("")

# 2. audit
names = [("gpuident", "gpuident"), ("json", "gpuident --json"), ("numeric", "gpuident -n (no names)"),
         ("startup", "gpuident --version (start only)"), ("lspci", "lspci -vvv"),
         ("lshw", "lshw -class display"), ("cat", "cat of the %s attributes" % (get("nattrs") or ["?"])[0])]
t = {}
p("2. Audit in the guest (wall time: median of N runs, interleaved; system calls: strace -f -c; config-space")
p("   accesses to the display devices: QEMU pci_cfg_* trace of one run)")
p("   %-30s %4s %10s %9s %14s %8s %11s" % ("command", "N", "median ms", "syscalls", "cfg reads/wr", "bytes", "/ gpuident"))
for key, label in names:
    smp = samples.get(key)
    if not smp:
        continue
    tm = [len(smp)]
    t[key] = statistics.median(smp)
    sc = (get("syscalls", key) or ["?"])[0]
    a = acc.get("cmd-" + key, {"r": "?", "w": "?"})
    by = (get("bytes", key) or ["?"])[0]
    p("   %-30s %4s %10.1f %9s %14s %8s %11s" % (label, tm[0], t[key], sc, "%s/%s" % (a["r"], a["w"]), by,
                                                  ratio(t[key], t["gpuident"]) if "gpuident" in t else "-"))
if {"gpuident", "lspci", "lshw", "cat"} <= t.keys():
    p("   lspci -vvv / gpuident = %s; lshw / gpuident = %s; gpuident / cat of the attributes = %s"
      % (ratio(t["lspci"], t["gpuident"]), ratio(t["lshw"], t["gpuident"]), ratio(t["gpuident"], t["cat"])))
    for key in ("gpuident", "lspci"):
        top = get("top", key)
        if top:
            p("   most frequent system calls, %s: %s" % (key, " ".join(top)))
    r = t["lspci"] / t["gpuident"]
    p("   goal: an audit cheaper than lspci -vvv: %s"
      % ("met" if r >= 1.1 else "NOT met (within 10 %: about equal)" if r > 0.9 else "NOT met"))
p("")

# 3. monitoring
p("3. Monitoring scrape in the guest")
if samples.get("prom"):
    a = acc.get("cmd-prom", {"r": "?", "w": "?"})
    p("   gpuident --prometheus: median %.1f ms of %d runs, %s system calls, %s/%s config reads/writes"
      % (statistics.median(samples["prom"]), len(samples["prom"]), (get("syscalls", "prom") or ["?"])[0],
         a["r"], a["w"]))
rd = {k: get("read", k) for k in ("verdict", "attrs", "pcivendor", "pciconfig")}
lab = {"verdict": "verdict of every device", "attrs": "every gpuident attribute",
       "pcivendor": "PCI core's vendor (memory)", "pciconfig": "PCI config (4 KiB, hardware)"}
p("   %-32s %12s %10s %10s %10s" % ("open+read+close of", "median ns", "reads", "changed", "cfg r/w"))
for k in ("verdict", "attrs", "pcivendor", "pciconfig"):
    if rd[k]:
        a = acc.get("reads-" + k, {"r": "?", "w": "?"})
        p("   %-32s %12s %10s %10s %10s" % (lab[k], rd[k][0], rd[k][2], rd[k][3], "%s/%s" % (a["r"], a["w"])))
snap = get("configsnap")
reads_acc = sum(acc.get("reads-" + k, {"r": 0})["r"] + acc.get("reads-" + k, {"w": 0})["w"]
                for k in ("verdict", "attrs"))
if rd["attrs"] and rd["pcivendor"] and rd["pciconfig"]:
    p("   a gpuident attribute costs %s a PCI core field held in memory and 1/%.0f of reading config space;"
      % (ratio(float(rd["attrs"][0]), float(rd["pcivendor"][0])), float(rd["pciconfig"][0]) / float(rd["attrs"][0])))
    p("   %s config-space accesses to the display devices during the %s gpuident attribute reads;"
      % (reads_acc, int(rd["verdict"][2]) + int(rd["attrs"][2])))
if snap:
    p("   config space of the display devices (ROM BAR included) %s before and after them"
      % ("identical" if snap[0] == snap[1] else "DIFFERENT"))
    p("   (the trace sees config space only; ROM contents can only be read with the ROM BAR enabled,")
    p("   a config write counted above; the emulated devices have no NVIDIA registers to read)")
p("")

# 4. probe
p("4. Module probe in the guest: insmod until every /sys/class/gpuident/*/state reads ready")
probes = {}
for f in res:
    if f[0] == "probe" and len(f) >= 5 and f[4] != "-1":
        probes.setdefault((f[1], f[2]), []).append(ms(f[4]))
p("   (config-space accesses and ROM BAR mappings of the display devices: per insmod)")
p("   %-30s %5s %10s %10s %10s %12s" % ("parameters", "runs", "median ms", "best ms", "cfg r/w", "ROM BAR maps"))
med = {}
for sp in ("0", "1"):
    for rr in ("1", "0"):
        v = probes.get((sp, rr))
        if not v:
            continue
        med[(sp, rr)] = statistics.median(v)
        a = acc.get("probe-s%s-r%s" % (sp, rr), {"r": "?", "w": "?", "rom_map": "?"})
        p("   %-30s %5d %10.1f %10.1f %10s %12s" % ("serial_probe=%s read_rom=%s" % (sp, rr), len(v), med[(sp, rr)],
                                                   min(v), "%s/%s" % (a["r"], a["w"]), a["rom_map"]))
for sp, name in (("0", "parallel"), ("1", "serial")):
    if (sp, "1") in med and (sp, "0") in med:
        p("   ROM reads' share, %s probe: %.0f %%" % (name, 100 * (med[(sp, "1")] - med[(sp, "0")]) / med[(sp, "1")]))
if ("0", "1") in med and ("1", "1") in med:
    p("   serial / parallel probe (read_rom=1) = %s" % ratio(med[("1", "1")], med[("0", "1")]))
if not markers_ok:
    p("   (warning: %d trace markers for %d phases: the config-space counts are not reliable)" % (i + 1, len(phases)))
print("\n".join(out))
