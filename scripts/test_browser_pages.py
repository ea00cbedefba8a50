#!/usr/bin/env python3
"""Every HTML page certaudit writes, opened in headless Chromium (scripts/browser_check.py).

The pages are those of the sample run in Tests/Golden/sample/ (GoldenOutputTests pins them to the
binary's output byte for byte). They must load without a console error, fit the page at 1,400 and
390 px wide and on A4 paper (no word past the PDF's right margin), keep dates on one line and words
whole, and draw the Chinese text with
a font the page's font stack names. Screenshots and PDFs are kept in .build/browser/ for a person
to look at.

Deliberately broken copies of the real report show that each check fails when it should.

Without a browser the test is skipped, except on CI (CI=true), where scripts/ensure_deps.sh --test
has installed one and its absence is a failure.

    python3 -m unittest discover -s scripts -p 'test_browser_pages.py'
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))
import browser_check  # noqa: E402

REPOSITORY = SCRIPTS.parent
GOLDEN = REPOSITORY / "Tests" / "Golden" / "sample"
KEPT = REPOSITORY / ".build" / "browser"
ON_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")
PAGES = sorted(GOLDEN.glob("*.html"))


def require_browser():
    executable = browser_check.find_browser()
    if executable is None:
        if ON_CI:
            raise AssertionError("no Chromium on CI: scripts/ensure_deps.sh --test installs chromium-headless-shell")
        raise unittest.SkipTest("no Chromium installed (scripts/ensure_deps.sh --test installs chromium-headless-shell)")
    return executable


def png_width(path):
    with open(path, "rb") as file:
        header = file.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">I", header[16:20])[0]


class RealPagesTests(unittest.TestCase):
    """The pages as certaudit writes them pass every check."""

    @classmethod
    def setUpClass(cls):
        cls.executable = require_browser()
        shutil.rmtree(KEPT, ignore_errors=True)
        cls.problems = browser_check.check_pages([str(p) for p in PAGES], str(KEPT), cls.executable)

    def test_the_sample_writes_report_and_finance_pages(self):
        self.assertEqual([p.name for p in PAGES], ["finance.html", "report.html"])

    def test_no_page_has_a_problem(self):
        self.assertEqual(self.problems, [])

    def test_screenshots_and_pdfs_are_kept(self):
        for page in PAGES:
            for width in browser_check.WIDTHS:
                self.assertEqual(png_width(KEPT / f"{page.stem}-{width}.png"), width)
            pdf = (KEPT / f"{page.stem}-A4.pdf").read_bytes()
            self.assertTrue(pdf.startswith(b"%PDF-"))
            # A4 is 595.92 x 841.92 points (8.27 x 11.69 in).
            self.assertIn(b"/MediaBox [0 0 595.91998 841.91998]", pdf)

    def test_chinese_text_is_drawn_with_a_font_of_the_stack(self):
        fonts = shutil.which("fc-list") and subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()
        if not fonts and not ON_CI:
            self.skipTest("no Chinese font installed (scripts/ensure_deps.sh --test installs fonts-wqy-microhei)")
        browser = browser_check.Browser(self.executable)
        try:
            browser.load((GOLDEN / "report.html").as_uri(), 1400, 900)
            cell = '#inventory-table td[data-label="Alias"]'
            alias = browser.evaluate(f"document.querySelector('{cell}').textContent")
            self.assertTrue(any("\u4e00" <= c <= "\u9fff" for c in alias), alias)
            stack = browser.evaluate(f"getComputedStyle(document.querySelector('{cell}')).fontFamily")
            named = {name.strip().strip('"').lower() for name in stack.split(",")}
            used = {name.lower() for name in browser.fonts_for(cell)}
            self.assertTrue(used & named - {"system-ui", "sans-serif"}, f"{alias}: drawn with {used}, stack {stack}")
        finally:
            browser.close()


class BrokenPagesTests(unittest.TestCase):
    """Copies of the real report with one defect each: the check must name it."""

    @classmethod
    def setUpClass(cls):
        cls.browser = browser_check.Browser(require_browser())
        cls.folder = Path(tempfile.mkdtemp(prefix="certaudit-broken-"))
        cls.report = (GOLDEN / "report.html").read_text(encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def problems(self, name, injected):
        page = self.folder / f"{name}.html"
        page.write_text(self.report.replace("</head>", injected + "\n</head>", 1), encoding="utf-8")
        return browser_check.check_page(self.browser, str(page))

    def test_a_console_error_fails(self):
        problems = self.problems("console", "<script>console.error('broken on purpose')</script>")
        self.assertIn("console error: broken on purpose", "\n".join(problems))

    def test_an_uncaught_exception_fails(self):
        problems = self.problems("exception", "<script>undefinedFunction()</script>")
        self.assertIn("uncaught exception: ReferenceError", "\n".join(problems))

    def test_a_table_wider_than_the_page_fails_on_screen_and_on_paper(self):
        problems = self.problems("wide", "<style>table { min-width: 1600px; }</style>")
        for mode in ("(1400 px)", "(390 px)", "(A4 print)"):
            self.assertTrue(any(mode in p and "beyond the page" in p for p in problems), f"{mode}: {problems}")

    def test_text_cut_at_the_paper_edge_fails_only_in_print(self):
        problems = self.problems("print", "<style>@media print { .meta { white-space: nowrap; font-size: 24pt; } }</style>")
        self.assertTrue(problems)
        self.assertTrue(all("(A4 print)" in p or "(A4 PDF)" in p for p in problems), problems)
        self.assertTrue(any("(A4 print)" in p and "wider than" in p for p in problems), problems)
        if shutil.which("pdftotext") or ON_CI:
            # The PDF itself: the as-of line runs past the right margin and is cut there.
            self.assertTrue(any("(A4 PDF)" in p and "past the right margin" in p for p in problems), problems)

    def test_a_word_broken_across_lines_fails(self):
        problems = self.problems("words", "<style>td { word-break: break-all; }</style>")
        self.assertTrue(any("is broken across lines" in p for p in problems), problems)

    def test_a_cell_without_its_columns_label_fails(self):
        page = self.report.replace(' data-label="Not after"', "", 1)
        self.assertNotEqual(page, self.report)
        path = self.folder / "label.html"
        path.write_text(page, encoding="utf-8")
        problems = browser_check.check_page(self.browser, str(path))
        self.assertTrue(any('column "Not after" is labelled "undefined"' in p for p in problems), problems)

    def test_a_date_on_two_lines_fails(self):
        problems = self.problems(
            "dates", "<style>td.date { white-space: normal !important; width: 4em; font-size: 2rem; }</style>")
        self.assertTrue(any("is on more than one line" in p for p in problems), problems)


if __name__ == "__main__":
    unittest.main()
