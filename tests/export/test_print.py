"""The HTML report in a real browser: its print length, its width on a phone, its contrast.

The browser tests run headless Chromium (the Debian `chromium` package) and are skipped
where it is absent. They synchronise on files Chromium writes, never on time.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from esp_wizard.export import render_report
from esp_wizard.findings import compile_workspace
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
STYLE = REPO / "src" / "esp_wizard" / "export" / "templates" / "style.css"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture(scope="module")
def page() -> str:
    return render_report(compile_workspace(Workspace(REPO)), "html")


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


@needs_chromium
def test_the_example_prints_to_at_most_40_a4_pages(page: str, tmp_path: Path) -> None:
    source = tmp_path / "report.html"
    source.write_text(page, encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri())
    pages = pdf_pages(pdf.read_bytes())
    assert 3 <= pages <= 40


PHONE_PROBE = """<script>
var frame = document.getElementById("report");
frame.onload = function () {
  var page = frame.contentDocument;
  var loose = 0;
  page.querySelectorAll("table").forEach(function (table) {
    if (table.getBoundingClientRect().right > 390 && !table.closest(".scroll")) { loose += 1; }
  });
  document.title = "width=" + page.documentElement.scrollWidth + " loose=" + loose;
};
</script>"""


@needs_chromium
def test_nothing_scrolls_sideways_on_a_390px_phone(page: str, tmp_path: Path) -> None:
    """The report in a 390 px wide frame (headless windows are at least 500 px wide): the
    page is no wider than the frame, and every wider table scrolls inside its own box."""
    host = (
        '<!doctype html><html><head><title>probe</title></head><body style="margin:0">'
        '<iframe id="report" style="width:390px;height:900px;border:0" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>{PHONE_PROBE}</body></html>'
    )
    source = tmp_path / "phone.html"
    source.write_text(host, encoding="utf-8")
    done = chromium(tmp_path, "--dump-dom", source.as_uri())
    probe = re.search(r"<title>width=(\d+) loose=(\d+)</title>", done.stdout)
    assert probe is not None, done.stderr[-500:]
    assert int(probe.group(1)) <= 390
    assert probe.group(2) == "0"


# -- contrast (no browser needed) --------------------------------------------------------------
def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_badge_passes_wcag_aa_contrast() -> None:
    css = STYLE.read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-f]{6})", css))
    for badge in ("strength", "gap", "hack", "manual", "must"):
        assert contrast(colours[badge], "#ffffff") >= 4.5, badge
    assert contrast(colours["muted"], "#f5f7fa") >= 4.5  # small grey text on soft panels


def test_the_contrast_check_catches_the_old_colours() -> None:
    assert contrast("#f08c00", "#ffffff") < 4.5  # the old hack badge: 2.5:1


def test_a_colour_a_chart_gives_its_text_is_not_overridden_by_the_stylesheet(page: str) -> None:
    """The map writes the ESP's name in white on a dark box: a stylesheet rule that fills
    every `svg text` with ink (CSS beats SVG presentation attributes) made it unreadable."""
    css = STYLE.read_text(encoding="utf-8")
    blanket = re.findall(r"(?m)^\s*svg text\s*\{[^}]*\bfill:", css)
    assert blanket == []
    assert re.search(r'<rect[^>]*fill="#1f2d3d"/><text[^>]*fill="#ffffff"', page)
