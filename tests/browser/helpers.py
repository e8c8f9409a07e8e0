"""Checks the browser tests share: axe-core, keyboard focus, PDFs and their page images."""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
AXE_SCRIPT = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS_DIR = Path(os.environ.get("ARTIFACTS_DIR", BASE_DIR / "artifacts")).resolve()
PDF_PAGE_DIR = ARTIFACTS_DIR / "pdf-pages"

RUN_AXE = """async (tags) => {
    const results = await window.axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary, html: n.html})),
    }));
}"""


def axe_violations(page) -> list[dict]:
    """Inject axe-core (npm, see package.json) into the page and run the WCAG 2.1 A/AA rules."""
    assert AXE_SCRIPT.exists(), f"{AXE_SCRIPT} is missing: run `npm ci` in the project root"
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT.read_text())
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def format_violations(violations: list[dict], where: str) -> str:
    """One line per rule (id, impact, help), then the offending elements' selectors."""
    lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA rule violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation['impact']}]: {violation['help']}")
        for node in violation["nodes"][:8]:
            target = " ".join(" >>> ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    {target}    {node['html'][:120]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


REFLOW_WIDTH = 320

OVERFLOWING = """() => {
    const wide = [...document.querySelectorAll("body *")].filter((el) =>
        el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible");
    const innermost = wide.filter((el) => !wide.some((o) => o !== el && el.contains(o)));
    return innermost.slice(0, 5).map((el) => {
        const text = (el.innerText || "").trim().replace(/\\s+/g, " ").slice(0, 50);
        const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
            + (el.classList.length ? "." + el.classList[0] : "");
        return `${name} (${el.scrollWidth}px content in ${el.clientWidth}px): ${text}`;
    });
}"""


def reflow_problems(page) -> list[str]:
    """WCAG 1.4.10: what makes the page wider than its viewport (innermost elements)."""
    viewport = page.evaluate("document.documentElement.clientWidth")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= viewport:
        return []
    return [f"the page is {width}px wide in a {viewport}px viewport", *page.evaluate(OVERFLOWING)]


def assert_accessible(page, where: str | None = None) -> None:
    """Zero axe-core violations for the WCAG 2.1 A and AA rules."""
    violations = axe_violations(page)
    assert not violations, format_violations(violations, where or page.url)


FOCUS_STYLE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
        href: el.getAttribute("href"),
        id: el.id,
        name: el.getAttribute("name"),
        focusVisible: el.matches(":focus-visible"),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        boxShadow: style.boxShadow,
        inMain: !!el.closest("main"),
        inNav: !!el.closest("nav"),
        inHeader: !!el.closest("header"),
    };
}"""


def focused(page) -> dict | None:
    """The focused element and how its focus is drawn."""
    return page.evaluate(FOCUS_STYLE)


def focus_is_visible(state: dict | None) -> bool:
    """WCAG 2.4.7: the focused element shows an outline or a box shadow."""
    if not state or not state["focusVisible"]:
        return False
    has_outline = state["outlineStyle"] != "none" and state["outlineWidth"] >= 1
    has_shadow = state["boxShadow"] not in ("", "none")
    return has_outline or has_shadow


def tab_until(page, predicate, limit: int = 60, key: str = "Tab") -> dict:
    """Press Tab until the focused element satisfies ``predicate``; every stop must show focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        state = focused(page)
        if state is None:
            continue
        assert focus_is_visible(state), f"focus is not visible on {state}"
        if predicate(state):
            return state
    raise AssertionError(f"no focusable element matched after {limit} presses of {key}")


def open_site_menu_if_collapsed(page) -> None:
    """Phones keep navigation and search behind the header's "Menü" disclosure (<details>)."""
    toggle = page.get_by_role("banner").locator("summary", has_text="Menü")
    if toggle.count() and toggle.first.is_visible() and not page.locator("details[open]").count():
        toggle.first.click()


def log_into_site(page, account: dict, start_url: str = "/konto/anmelden/") -> None:
    """The partner staff login on the public site (LOGIN_URL), filled in like a person does."""
    if start_url:
        page.goto(start_url)
    page.get_by_label("Benutzername").fill(account["username"])
    page.get_by_label(re.compile(r"^Passwort")).fill(account["password"])
    with page.expect_navigation():
        page.get_by_role("button", name="Anmelden", exact=True).click()
    assert "/konto/anmelden/" not in page.url, "the site login did not log in"


def log_into_admin(page, account: dict) -> None:
    """The Wagtail admin login, submitted with Enter."""
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(account["username"])
    page.locator("input[name=password]").fill(account["password"])
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    assert "/admin/login/" not in page.url, "admin login failed"


def log_out_of_site(page) -> None:
    """The "Abmelden" button on the account page (a POST form)."""
    page.goto("/konto/")
    with page.expect_navigation():
        page.get_by_role("button", name="Abmelden", exact=True).click()


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_first_page_png(pdf_path: Path, name: str) -> Path:
    """Turn the first page of a PDF into a PNG (pdftoppm) under artifacts/pdf-pages/."""
    PDF_PAGE_DIR.mkdir(parents=True, exist_ok=True)
    prefix = PDF_PAGE_DIR / name
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf_path, prefix],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return prefix.with_suffix(".png")


def assert_image_not_blank(path: Path) -> None:
    """The image has content: not a single colour, and a share of pixels darker than paper."""
    from PIL import Image

    with Image.open(path) as image:
        grey = image.convert("L")
        low, high = grey.getextrema()
        assert low != high, f"{path.name} is one single colour ({low})"
        dark = sum(grey.histogram()[:200])
        total = grey.width * grey.height
        assert dark / total > 0.001, f"{path.name} is (almost) blank: {dark} of {total} dark"
