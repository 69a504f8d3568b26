"""expert26 x2: cards bought for the premises are priced as the card that was stated. Two owned H100s
had been priced as RTX 4090 workstation cards ($136.64 a month for one card, about a tenth of a
data-centre server's cost); an RTX 4090 (or no card stated) keeps the workstation prices."""

from __future__ import annotations

import pytest

from whichmodel.tools.decision import parse_requirements
from whichmodel.tools.decision.gpus import OWNED_MONTHS, POWER_USD_PER_KWH, SERVERS, WORKSTATIONS
from whichmodel.tools.decision.selfhost import machine_limit, owned_machine, owned_monthly, resolve_gpu


def _req(gpu: str | None) -> object:
    deployment = {"open_weights": True, "self_host": True, "hardware": "owned"}
    if gpu:
        deployment["gpu"] = gpu
    return parse_requirements({"use_case": "summarise files", "task_type": "summarization",
                               "volume": {"requests_per_month": 40000}, "deployment": deployment})  # fmt: skip


def test_owned_h100s_are_priced_as_a_data_centre_server() -> None:
    req = _req("H100-80GB")
    server = SERVERS["H100-80GB"]
    assert owned_machine(req) is server
    monthly, machines, reason = owned_monthly(req, 2)
    power = (server.watts + 2 * server.card_watts) / 1000 * 730 * POWER_USD_PER_KWH
    assert machines == 1
    assert monthly == pytest.approx((2 * 25_000 + 15_000) / OWNED_MONTHS + power)
    assert 1_800 < monthly < 2_200  # the expert's hand figure: about $2,000 a month all-in
    assert reason.params["server"] is True and reason.params["card"] == 25_000
    assert machine_limit(req, resolve_gpu("H100-80GB")) == 8  # a server holds 8, not a tower's 2


@pytest.mark.parametrize("gpu", [None, "RTX-4090"])
def test_a_workstation_card_keeps_the_workstation_prices(gpu: str | None) -> None:
    req = _req(gpu)
    box = WORKSTATIONS["world"]
    monthly, _, reason = owned_monthly(req, 1)
    assert owned_machine(req) is box and reason.params["server"] is False
    assert monthly == pytest.approx(136.64, abs=0.01)  # s08: ($1,900 + $1,600)/36 + $39.42 power
