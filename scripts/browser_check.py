#!/usr/bin/env python3
"""Opens HTML pages in headless Chromium and reports what a person would see go wrong.

Drives Chromium through the DevTools protocol over --remote-debugging-pipe (file descriptors 3 and
4, NUL-separated JSON), with the standard library only. For each page:

- console errors, uncaught exceptions and error log entries (a failed load, a blocked script);
- at 1,400 and 390 px wide: a table wider than the page, a box that scrolls sideways, a date,
  number or verdict cell on more than one line, a word (a run of letters or digits) broken
  across lines in a table cell (but in a digest, class "hash", which has no word to keep), and a
  cell whose data-label (its column's name where rows are stacked) is not its column's heading;
- printed to A4 (0.4 in margins, print media emulated at the printable width, 717 CSS px): the same
  width checks, so that no text is cut at the right edge of the paper; and in the PDF itself (read
  with poppler's pdftotext -bbox, when it is installed), no word past the right margin.

It keeps a full-page screenshot at each width and the A4 PDF in the output folder, for a person to
look at. Usage: browser_check.py OUTPUT_FOLDER PAGE.html...  (exit 1 when a page has a problem).
"""

import base64
import html
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

WIDTHS = (1400, 390)
# A4 is 8.27 x 11.69 in; with 0.4 in margins the printable width is 7.47 in, 717 CSS px at 96 px/in.
A4_INCHES = (8.27, 11.69)
PRINT_MARGIN_INCHES = 0.4
PRINT_WIDTH_PX = int((A4_INCHES[0] - 2 * PRINT_MARGIN_INCHES) * 96)
BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")
TIMEOUT_SECONDS = 60

# Runs in the page; returns a list of problems. Widths are compared with a half-pixel tolerance.
LAYOUT_CHECK = r"""
(() => {
  const problems = [];
  const pageWidth = document.documentElement.clientWidth;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    const section = el.closest('section[id]');
    if (section && section !== el) name += ' in #' + section.id;
    return name;
  };
  if (document.documentElement.scrollWidth > pageWidth + 0.5) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide, wider than ${pageWidth}px`);
  }
  for (const table of document.querySelectorAll('table')) {
    const box = table.getBoundingClientRect();
    if (box.width > 0 && box.right > pageWidth + 0.5) {
      problems.push(`${describe(table)} ends at ${Math.round(box.right)}px, beyond the page's ${pageWidth}px`);
    }
  }
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 0.5) {
      problems.push(`${describe(el)} scrolls sideways: ${el.scrollWidth}px of content in ${el.clientWidth}px`);
    }
  }
  const lineCount = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const tops = new Set();
    for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    return tops.size;
  };
  const texts = (el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  };
  for (const cell of document.querySelectorAll('td.date, td.number, td.verdict')) {
    if (cell.offsetParent === null) continue;
    for (const node of texts(cell)) {
      if (node.data.trim() && lineCount(node, 0, node.data.length) > 1) {
        problems.push(`${describe(cell)}: "${node.data.trim()}" is on more than one line`);
      }
    }
  }
  // A digest (class "hash") has no word in it: it may break anywhere.
  for (const cell of document.querySelectorAll('td:not(.hash), th')) {
    if (cell.offsetParent === null) continue;
    for (const node of texts(cell)) {
      for (const match of node.data.matchAll(/[A-Za-z0-9]{2,}/g)) {
        if (lineCount(node, match.index, match.index + match[0].length) > 1) {
          problems.push(`${describe(cell)}: the word "${match[0]}" is broken across lines`);
        }
      }
    }
  }
  // Narrow screens and paper show a cell under its column's name (data-label): it must be that name.
  for (const table of document.querySelectorAll('table')) {
    const names = [...table.querySelectorAll('thead th')].map(th => th.textContent.replace('\u2195', '').trim());
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, index) => {
        if (cell.dataset.label !== names[index]) {
          problems.push(`${describe(table)}: a cell of column "${names[index]}" is labelled "${cell.dataset.label}"`);
        }
      });
    }
  }
  return [...new Set(problems)];
})()
"""


def find_browser():
    """The first headless-capable Chromium on PATH, or None."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """One headless Chromium and one page in it, driven over the DevTools pipe."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="certaudit-browser-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire_pipes():
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--hide-scrollbars", "--remote-debugging-pipe", "--user-data-dir=" + self.profile,
             "--font-render-hinting=none", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes, pass_fds=(3, 4, to_browser_read, from_browser_write))
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(domain + ".enable", session=True)

    def close(self):
        try:
            self.call("Browser.close")
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False):
        """Sends one command and returns its result; events that arrive meanwhile are kept."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method):
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method:
                    return self.events.pop(index)
            self.events.append(self._read_message(deadline))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError("the check script failed: " + json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def load(self, url, width, height, mobile=False, media=""):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}, session=True)
        self.call("Emulation.setEmulatedMedia", {"media": media}, session=True)
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for("Page.loadEventFired")
        # Web fonts and layout settle before anything is measured.
        self.evaluate("document.fonts.ready.then(() => true)")

    def screenshot(self, path):
        metrics = self.call("Page.getLayoutMetrics", session=True)
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        shot = self.call("Page.captureScreenshot",
                         {"format": "png", "clip": clip, "captureBeyondViewport": True}, session=True)
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))

    def pdf(self, path):
        margin = PRINT_MARGIN_INCHES
        result = self.call("Page.printToPDF", {
            "paperWidth": A4_INCHES[0], "paperHeight": A4_INCHES[1], "marginTop": margin,
            "marginBottom": margin, "marginLeft": margin, "marginRight": margin, "printBackground": True,
        }, session=True)
        with open(path, "wb") as file:
            file.write(base64.b64decode(result["data"]))

    def console_problems(self):
        """Console errors, exceptions and error log entries since the last call."""
        problems = []
        for event in self.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
                problems.append("console error: " + text)
            elif event["method"] == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                problems.append("uncaught exception: "
                                + details.get("exception", {}).get("description", details.get("text", "")))
            elif event["method"] == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                problems.append("error logged: " + params["entry"].get("text", ""))
        self.events = []
        return problems

    def fonts_for(self, selector):
        """The platform fonts Chromium drew the first element matching `selector` with."""
        self.call("DOM.enable", session=True)
        self.call("CSS.enable", session=True)
        root = self.call("DOM.getDocument", {"depth": 0}, session=True)["root"]["nodeId"]
        node = self.call("DOM.querySelector", {"nodeId": root, "selector": selector}, session=True)["nodeId"]
        if not node:
            return None
        fonts = self.call("CSS.getPlatformFontsForNode", {"nodeId": node}, session=True)["fonts"]
        return [font["familyName"] for font in fonts]


def words_past_the_margin(pdf_path):
    """Words of the PDF whose right edge lies beyond the printable area: text cut at the paper's edge
    (Chromium draws what overflows into the margin and clips the rest). Empty without pdftotext."""
    if shutil.which("pdftotext") is None:
        return []
    layout = subprocess.run(["pdftotext", "-bbox", pdf_path, "-"], capture_output=True, text=True, check=True).stdout
    problems = []
    page_number = 0
    limit = 0.0
    for line in layout.splitlines():
        page = re.search(r'<page width="([\d.]+)"', line)
        if page:
            page_number += 1
            limit = float(page.group(1)) - PRINT_MARGIN_INCHES * 72 + 1
            continue
        word = re.search(r'xMax="([\d.]+)"[^>]*>(.*)</word>', line)
        if word and float(word.group(1)) > limit:
            problems.append(f'page {page_number}: "{html.unescape(word.group(2))}" reaches '
                            f'{float(word.group(1)):.0f} pt, past the right margin at {limit - 1:.0f} pt')
    return problems


def check_page(browser, page, output_folder=None):
    """Every problem with one page, as `page (mode): problem` lines; keeps its screenshots and PDF in
    `output_folder` when one is given."""
    url = "file://" + os.path.abspath(page)
    stem = os.path.splitext(os.path.basename(page))[0]
    problems = []
    for width in WIDTHS:
        browser.load(url, width, 900, mobile=width < 600)
        problems += [f"{page} ({width} px): {p}" for p in browser.evaluate(LAYOUT_CHECK)]
        if output_folder:
            browser.screenshot(os.path.join(output_folder, f"{stem}-{width}.png"))
        problems += [f"{page} ({width} px): {p}" for p in browser.console_problems()]
    browser.load(url, PRINT_WIDTH_PX, 1100, media="print")
    problems += [f"{page} (A4 print): {p}" for p in browser.evaluate(LAYOUT_CHECK)]
    pdf_folder = output_folder or tempfile.mkdtemp(prefix="certaudit-pdf-")
    pdf = os.path.join(pdf_folder, f"{stem}-A4.pdf")
    browser.pdf(pdf)
    problems += [f"{page} (A4 PDF): {p}" for p in words_past_the_margin(pdf)]
    if not output_folder:
        shutil.rmtree(pdf_folder, ignore_errors=True)
    problems += [f"{page} (A4 print): {p}" for p in browser.console_problems()]
    return problems


def check_pages(pages, output_folder, executable=None):
    executable = executable or find_browser()
    if executable is None:
        raise FileNotFoundError("no Chromium found (" + ", ".join(BROWSERS) + ")")
    os.makedirs(output_folder, exist_ok=True)
    browser = Browser(executable)
    try:
        problems = []
        for page in pages:
            problems += check_page(browser, page, output_folder)
        return problems
    finally:
        browser.close()


def main(arguments):
    if len(arguments) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    problems = check_pages(arguments[1:], arguments[0])
    for problem in problems:
        print(problem)
    print(f"{len(arguments) - 1} pages checked, {len(problems)} problems; screenshots and PDFs in {arguments[0]}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
