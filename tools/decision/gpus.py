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


# Memory, bandwidth and dense BF16 TFLOPS from the vendors' data sheets; hourly prices are indicative
# 2026 on-demand cloud rates (they vary by provider and commitment: pass your own table).
GPUS: Mapping[str, Gpu] = {
    g.name: g
    for g in (
        Gpu("L4", 24, 300, 121, 0.80),
        Gpu("A10G", 24, 600, 70, 1.00),
        Gpu("RTX-4090", 24, 1008, 165, 0.60),
        Gpu("L40S", 48, 864, 362, 1.50),
        Gpu("A100-40GB", 40, 1555, 312, 1.80),
        Gpu("A100-80GB", 80, 2039, 312, 2.20),
        Gpu("H100-80GB", 80, 3350, 989, 3.00),
        Gpu("H200", 141, 4800, 989, 4.00),
        Gpu("B200", 180, 8000, 2250, 6.00),
        Gpu("MI300X", 192, 5300, 1307, 3.50),
    )
}
EXPORT_CONTROLLED_CN = frozenset({"RTX-4090", "L40S", "A100-40GB", "A100-80GB", "H100-80GB", "H200", "B200", "MI300X"})
"""GPUs of the table whose sale into mainland China US export controls restrict (the 2022-2023 rules
on advanced computing chips, as read in 2025; they change): sizing on them is a yardstick there, not
a purchase plan."""
GPU_TABLE_SOURCE = "vendor data sheets (memory, bandwidth, BF16 TFLOPS); indicative 2026 on-demand $/hour"


def resolve_gpu(name: str | None, gpus: Mapping[str, Gpu] = GPUS) -> Gpu:
    """Find a GPU by name, case- and punctuation-insensitively; ValueError lists the known ones."""
    wanted = (name or DEFAULT_GPU).lower().replace(" ", "").replace("_", "-")
    for gpu in gpus.values():
        if gpu.name.lower() == wanted or gpu.name.lower().replace("-", "") == wanted.replace("-", ""):
            return gpu
    raise ValueError(f"unknown GPU {name!r}; known: {', '.join(gpus)}")
