"""The GPU table for self-hosting estimates (pure data, no imports from the rest of the core).

Kept apart from `selfhost` so that `requirements` can check a named GPU without importing the
sizing code (which imports `requirements` and `result`): no import circle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_GPU = "H100-80GB"


@dataclass(frozen=True)
class Gpu:
    """One GPU type. `hourly_usd` is an indicative on-demand cloud price; override it with your own."""

    name: str
    memory_gb: float
    bandwidth_gb_s: float
    tflops_bf16: float
    hourly_usd: float
    fast_link: bool = False
    """NVLink (NVIDIA SXM boards) or Infinity Fabric (AMD OAM): cards that tensor-parallel at full
    speed inside a node and are sold in clusters linked by InfiniBand/RoCE, so one model may span
    nodes. False: PCIe cards (consumer RTX, L4, A10G, L40S), one machine only (`per_node`)."""
    per_node: int = 8
    """Cards one machine holds: 8 (the usual 8-GPU server, HGX/OAM boards or 8-slot PCIe chassis)."""


# Memory, bandwidth and dense BF16 TFLOPS from the vendors' data sheets; hourly prices are indicative
# 2026 on-demand cloud rates (they vary by provider and commitment: pass your own table).
GPUS: Mapping[str, Gpu] = {
    g.name: g
    for g in (
        Gpu("L4", 24, 300, 121, 0.80),
        Gpu("A10G", 24, 600, 70, 1.00),
        Gpu("RTX-4090", 24, 1008, 165, 0.60),
        Gpu("RTX-4090D", 24, 1008, 147, 0.60),
        Gpu("L40S", 48, 864, 362, 1.50),
        Gpu("A100-40GB", 40, 1555, 312, 1.80, fast_link=True),
        Gpu("A100-80GB", 80, 2039, 312, 2.20, fast_link=True),
        Gpu("H100-80GB", 80, 3350, 989, 3.00, fast_link=True),
        Gpu("H200", 141, 4800, 989, 4.00, fast_link=True),
        Gpu("B200", 180, 8000, 2250, 6.00, fast_link=True),
        Gpu("MI300X", 192, 5300, 1307, 3.50, fast_link=True),
    )
}
EXPORT_CONTROLLED_CN = frozenset({"RTX-4090", "L40S", "A100-40GB", "A100-80GB", "H100-80GB", "H200", "B200", "MI300X"})
"""GPUs of the table whose sale into mainland China US export controls restrict (the 2022-2023 rules
on advanced computing chips, as read in 2025; they change): sizing on them is a yardstick there, not
a purchase plan."""
FAST_LINK_SOURCE = (
    "NVIDIA HGX A100/H100/H200/B200 data sheets (NVLink, 8 GPUs per board); AMD Instinct MI300X platform "
    "(Infinity Fabric, 8 per OAM board); RTX 40-series, L4, A10G and L40S: PCIe only, no NVLink"
)
GPU_TABLE_SOURCE = "vendor data sheets (memory, bandwidth, BF16 TFLOPS); indicative 2026 on-demand $/hour"


@dataclass(frozen=True)
class Workstation:
    """A machine bought for the premises (`engine._owned_hardware`): the card, how many fit one box,
    the card's and the rest of the machine's indicative purchase prices, and its average power draw."""

    gpu: str
    max_cards: int
    card_usd: float
    base_usd: float
    watts: float
    source: str
    """Where the prices and draws come from (`WORKSTATION_SOURCE`, `SERVER_SOURCE`)."""
    card_watts: float = 0.0
    """Average draw of each card on top of `watts` (0: `watts` already counts the machine's cards)."""


WORKSTATION_SOURCE = "indicative 2026 street prices (card and machine), 36-month write-off, $0.12/kWh"
WORKSTATIONS: Mapping[str, Workstation] = {
    "world": Workstation("RTX-4090", 2, 1_900.0, 1_600.0, 450.0, WORKSTATION_SOURCE),
    "cn": Workstation("RTX-4090D", 2, 2_000.0, 1_400.0, 450.0, WORKSTATION_SOURCE),
}
"""An owned workstation by where the buyer is: the RTX 4090 (24 GB) elsewhere, the RTX 4090D sold in
mainland China under the US export rules (the same 24 GB and bandwidth, fewer cores). Prices are
indicative 2026 street prices in US dollars (card; CPU, memory, storage, power supply and case);
the average draw is the card and the rest of the machine under a working day's load."""


SERVER_SOURCE = (
    "indicative 2026 purchase prices of data-centre cards and of an 8-slot server host "
    "(they vary by vendor and volume), 36-month write-off, $0.12/kWh"
)
SERVERS: Mapping[str, Workstation] = {
    w.gpu: w
    for w in (
        Workstation("L4", 8, 2_500.0, 8_000.0, 500.0, SERVER_SOURCE, 60.0),
        Workstation("A10G", 8, 3_500.0, 8_000.0, 500.0, SERVER_SOURCE, 120.0),
        Workstation("L40S", 8, 8_000.0, 10_000.0, 600.0, SERVER_SOURCE, 300.0),
        Workstation("A100-40GB", 8, 8_000.0, 15_000.0, 600.0, SERVER_SOURCE, 300.0),
        Workstation("A100-80GB", 8, 12_000.0, 15_000.0, 600.0, SERVER_SOURCE, 300.0),
        Workstation("H100-80GB", 8, 25_000.0, 15_000.0, 600.0, SERVER_SOURCE, 550.0),
        Workstation("H200", 8, 32_000.0, 15_000.0, 600.0, SERVER_SOURCE, 550.0),
        Workstation("B200", 8, 40_000.0, 20_000.0, 800.0, SERVER_SOURCE, 800.0),
        Workstation("MI300X", 8, 15_000.0, 15_000.0, 600.0, SERVER_SOURCE, 550.0),
    )
}
"""A server bought for the premises around a stated data-centre card (x2: two owned H100s had been
priced as two RTX 4090 workstation cards, $136.64 a month instead of about $1,950): the card's
indicative price, the host (CPUs, memory, storage, power supplies, chassis), and the average draw of
the host and of each card under a working day's load."""


def workstation_for(region: str | None) -> Workstation:
    """The workstation a buyer in `region` can get (`WORKSTATIONS`: the China-market card in mainland China)."""
    return WORKSTATIONS["cn" if region == "cn" else "world"]


OWNED_MONTHS = 36
"""Hardware bought is spread over three years, the usual depreciation period for a workstation."""
POWER_USD_PER_KWH = 0.12
"""An indicative commercial electricity price (US dollars per kWh; China's is about the same)."""


def resolve_gpu(name: str | None, gpus: Mapping[str, Gpu] = GPUS) -> Gpu:
    """Find a GPU by name, case- and punctuation-insensitively; ValueError lists the known ones."""
    wanted = (name or DEFAULT_GPU).lower().replace(" ", "").replace("_", "-")
    for gpu in gpus.values():
        if gpu.name.lower() == wanted or gpu.name.lower().replace("-", "") == wanted.replace("-", ""):
            return gpu
    raise ValueError(f"unknown GPU {name!r}; known: {', '.join(gpus)}")
