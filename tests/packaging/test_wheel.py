"""The wheel installs one import name, `whichmodel`, and works outside the checkout.

Built from the repository with pip (setuptools from PyPI, as any user's build would), installed with
uv into a fresh virtual environment in a temporary folder. The wheel's dependencies are not
downloaded again: the fresh environment reads the locked environment's site-packages through a
`.pth` file (a path entry only: the checkout's editable hook there is not run), so what is imported
as `whichmodel` can only come from the wheel.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("whichmodel-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True, timeout=120)
    python = root / "bin" / "python"
    uv = Path(sys.executable).parent / "uv"
    subprocess.run(
        [str(uv), "pip", "install", "-q", "--no-deps", "--python", str(python), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "locked-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return root


def test_the_wheel_holds_only_whichmodel_at_its_top_level(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"whichmodel", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}
    for layer in ("agent", "tools", "knowledge", "ui"):
        assert f"whichmodel/{layer}/__init__.py" in names
    assert "whichmodel/knowledge/catalog/snapshot/offerings.jsonl" in names
    # The web app's root: config, welcome texts, translations, logo, styles.
    for shipped in (".chainlit/config.toml", "chainlit.md", ".chainlit/translations/zh-CN.json",
                    "public/whichmodel.css", "public/avatars/whichmodel.svg"):  # fmt: skip
        assert f"whichmodel/ui/web/{shipped}" in names, shipped


def test_recommend_runs_from_the_installed_wheel_outside_the_checkout(venv: Path, tmp_path: Path) -> None:
    requirements = tmp_path / "fake-news.yaml"
    requirements.write_text((REPO / "examples" / "fake-news.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = subprocess.run(
        [str(venv / "bin" / "whichmodel"), "recommend", "-r", str(requirements), "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout)
    assert report["recommendations"], "a ranked shortlist"
    origin = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import importlib.util, whichmodel; print(whichmodel.__file__); "
            "print([n for n in ('agent', 'tools', 'ui', 'knowledge') if importlib.util.find_spec(n)])",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert origin[0].startswith(str(venv)), origin
    assert origin[1] == "[]", "no generic top-level names installed"


def test_the_public_api(venv: Path, tmp_path: Path) -> None:
    code = (
        "import whichmodel\n"
        "rec = whichmodel.recommend({'use_case': 'Classify news as fake or real', 'task_type': 'classification'})\n"
        "print(rec.recommendations[0].model_key)\n"
        "print(whichmodel.Advisor.__name__)\n"
    )
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines()[1] == "Advisor"


def test_serve_runs_from_the_installed_wheel_outside_the_checkout(venv: Path, tmp_path: Path) -> None:
    """`whichmodel serve` answers its page from a copy of the shipped app root under the data folder,
    writing nothing into site-packages."""
    import socket
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [str(venv / "bin" / "whichmodel"), "serve", "--port", str(port)],
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status = httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code
                if status == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        assert status == 200, (tmp_path / "serve.log").read_text(encoding="utf-8", errors="replace")[-3000:]
        root = tmp_path / ".whichmodel" / "web"
        assert (root / ".chainlit" / "config.toml").exists() and (root / "chainlit.md").exists()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    site = next((venv / "lib").glob("python3*/site-packages/whichmodel"))
    assert not (site / ".files").exists() and not (site / ".chainlit").exists()
