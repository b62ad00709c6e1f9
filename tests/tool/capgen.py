# SPDX-License-Identifier: GPL-2.0-or-later
"""Synthetic captures for the output tests (test-json-schema,
test-prometheus): `nvidia-smi -q` text and `lspci -nn` in the layout the
real tools print, with the values a test wants."""


def smi_q(address="00000000:01:00.0", name="NVIDIA GeForce RTX 4090",
          device=0x2684, subsys=0x16F410DE, fb_mib=24564, bar1_mib=256,
          vbios="95.02.47.00.01", ids=True):
    """One GPU of `nvidia-smi -q`; ids=False leaves out Device Id and
    Sub System Id, so the tool knows the GPU by its reported name only."""
    bus = int(address.split(":")[1], 16)
    pci_ids = (f"        Device Id                         : 0x{device:04X}10DE\n"
               if ids else "")
    pci_sub = (f"        Sub System Id                     : 0x{subsys:08X}\n"
               if ids else "")
    return (
        "\n==============NVSMI LOG==============\n\n"
        "Timestamp                                 : Tue Nov 25 10:00:00 2026\n"
        "Driver Version                            : 550.54.14\n"
        "CUDA Version                              : 12.4\n\n"
        "Attached GPUs                             : 1\n"
        f"GPU {address}\n"
        f"    Product Name                          : {name}\n"
        "    Product Brand                         : GeForce\n"
        "    Persistence Mode                      : Disabled\n"
        f"    VBIOS Version                         : {vbios}\n"
        "    PCI\n"
        f"        Bus                               : 0x{bus:02X}\n"
        "        Device                            : 0x00\n"
        "        Domain                            : 0x0000\n"
        f"{pci_ids}"
        f"        Bus Id                            : {address}\n"
        f"{pci_sub}"
        "        GPU Link Info\n"
        "            PCIe Generation\n"
        "                Max                       : 4\n"
        "                Current                   : 1\n"
        "            Link Width\n"
        "                Max                       : 16x\n"
        "                Current                   : 16x\n"
        "    FB Memory Usage\n"
        f"        Total                             : {fb_mib} MiB\n"
        "        Reserved                          : 0 MiB\n"
        "        Used                              : 1 MiB\n"
        f"        Free                              : {fb_mib - 1} MiB\n"
        "    BAR1 Memory Usage\n"
        f"        Total                             : {bar1_mib} MiB\n"
        "        Used                              : 1 MiB\n"
        f"        Free                              : {bar1_mib - 1} MiB\n"
    )


# An RTX 4090 die on a 48 GB board with a 32 GiB BAR1: the blower
# "RTX 4090 48GB" (transplant).
def transplant_4090(address="00000000:01:00.0"):
    return smi_q(address, fb_mib=49140, bar1_mib=32768, vbios="95.02.18.80.87")


# An RTX 2080 Ti with 22 GB (memory modified).
def modified_2080ti(address="00000000:03:00.0"):
    return smi_q(address, "NVIDIA GeForce RTX 2080 Ti", 0x1E07, 0x12FA10DE,
                 22528, 256, "90.02.17.00.58")


# An RTX 4070 Ti (AD104) carrying TU102 firmware (relabelled).
def relabelled_4070ti(address="00000000:04:00.0"):
    return smi_q(address, "NVIDIA GeForce RTX 4070 Ti", 0x2782, 0x16F410DE,
                 12282, 256, "90.02.17.00.58")


# A stock RTX 4090 Founders Edition (original).
def original_4090(address="00000000:05:00.0"):
    return smi_q(address)


# Two GPUs (and their neighbours) as `lspci -nn` lists them.
LSPCI_NN_TWO_GPUS = """\
00:00.0 Host bridge [0600]: Intel Corporation Device [8086:a700] (rev 01)
00:01.0 PCI bridge [0604]: Intel Corporation Device [8086:a70d] (rev 01)
01:00.0 VGA compatible controller [0300]: NVIDIA Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1)
01:00.1 Audio device [0403]: NVIDIA Corporation AD102 High Definition Audio Controller [10de:22ba] (rev a1)
41:00.0 3D controller [0302]: NVIDIA Corporation GH100 [H100 SXM5 80GB] [10de:2330] (rev a1)
42:00.0 Ethernet controller [0200]: Intel Corporation Ethernet Controller X710 [8086:1572] (rev 02)
"""
