#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""What the guest kernel will read from a QEMU romfile=FILE.

QEMU sizes the ROM BAR to the file size rounded up to a power of two and
fills the rest with zeroes. Linux (drivers/pci/rom.c, pci_get_rom_size)
then walks the image chain: each image must start with 55 AA and point to
a "PCIR" structure; the walk stops after the image flagged last, at the
first image without those signatures, or at the end of the BAR. The sysfs
rom file (and gpuident's vbios attribute) return that prefix.

Prints one line: LENGTH SHA256 0xVENDOR 0xDEVICE (the first image's PCIR).
"""
import hashlib
import struct
import sys


def bar_size(n):
    size = 1
    while size < n:
        size <<= 1
    return size


def chain(data):
    size = bar_size(len(data))
    rom = data + bytes(size - len(data))
    img = 0
    while True:
        if struct.unpack_from("<H", rom, img)[0] != 0xAA55:
            break
        pds = img + struct.unpack_from("<H", rom, img + 24)[0]
        if pds + 24 > size or rom[pds:pds + 4] != b"PCIR":
            break
        last = rom[pds + 21] & 0x80
        length = struct.unpack_from("<H", rom, pds + 16)[0]
        img += length * 512
        if img >= size:
            break
        if not last and struct.unpack_from("<H", rom, img)[0] != 0xAA55:
            break
        if not length or last:
            break
    return rom[:min(img, size)]


def main():
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    prefix = chain(data)
    pds = struct.unpack_from("<H", data, 24)[0]
    vendor, device = struct.unpack_from("<HH", data, pds + 4)
    print(len(prefix), hashlib.sha256(prefix).hexdigest(),
          "0x%04x" % vendor, "0x%04x" % device)


if __name__ == "__main__":
    main()
