# SPDX-License-Identifier: GPL-2.0-or-later
"""Build small but well-formed option ROMs for tests: an x86 image with a
PCIR and an NVIDIA BIT ('B' version token), then an EFI image."""
import struct


def _image(vendor, device, code, blocks, last):
    img = bytearray(blocks * 512)
    img[0:2] = b"\x55\xaa"
    img[2] = blocks
    struct.pack_into("<H", img, 0x18, 0x40)
    img[0x40:0x44] = b"PCIR"
    struct.pack_into("<HHHHB", img, 0x44, vendor, device, 0, 0x18, 0)
    img[0x4d:0x50] = b"\x00\x00\x03"
    struct.pack_into("<HHBB", img, 0x50, blocks, 0, code, 0x80 if last else 0)
    return img


def _fix_checksum(img):
    img[-1] = 0
    img[-1] = (-sum(img)) & 0xff


def nvidia_rom(device, version, break_checksum=False):
    x86 = _image(0x10DE, device, 0, 4, False)
    bit = 0x200
    x86[bit:bit + 6] = b"\xff\xb8BIT\x00"
    struct.pack_into("<HBBB", x86, bit + 6, 0x0100, 12, 6, 1)
    x86[bit + 11] = (-sum(x86[bit:bit + 11])) & 0xff
    struct.pack_into("<BBHH", x86, bit + 12, ord("B"), 2, 0x10, 0x300)
    v = version
    struct.pack_into("<IB", x86, 0x300, v[0] << 24 | v[1] << 16 | v[2] << 8 | v[3], v[4])
    _fix_checksum(x86)
    if break_checksum:
        x86[0x100] ^= 1
    return bytes(x86 + _image(0x10DE, device, 3, 2, True))
