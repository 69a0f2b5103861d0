#!/usr/bin/env python3
"""Checks a PDF's layout with pdftotext -bbox: every word inside its page (and inside the
margins on A4 pages), no two words overlapping, and no page ending with a heading.

    pdfcheck.py [--inside-only] FILE.pdf [HEADING …]

--inside-only checks only that every word is inside its page and text area (for pages
of very many words, where the pairwise overlap check would be slow).
Prints one line per problem and exits 1 if there is any.
"""
import html, re, subprocess, sys

arguments = sys.argv[1:]
inside_only = arguments[:1] == ['--inside-only']
if inside_only:
    arguments = arguments[1:]
path, headings = arguments[0], set(arguments[1:])
xhtml = subprocess.run(['pdftotext', '-bbox', path, '-'], capture_output=True, text=True, check=True).stdout
problems = []
for number, page in enumerate(re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xhtml, re.S), 1):
    width, height, body = float(page[0]), float(page[1]), page[2]
    words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body)]
    a4 = abs(width - 595.28) < 1 and abs(height - 841.89) < 1
    left, right, top, bottom = (70.8 - 1, width - 42.5 + 1, 28.3 - 1, height - 56.7 + 1) if a4 else (0, width, 0, height)
    for x0, y0, x1, y1, word in words:
        if x0 < left or x1 > right or y0 < top or y1 > bottom:
            problems.append(f'page {number}: "{word}" at ({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f}) is outside the text area')
    for i, (ax0, ay0, ax1, ay1, aw) in enumerate([] if inside_only else words):
        for bx0, by0, bx1, by1, bw in words[i + 1:]:
            if min(ax1, bx1) - max(ax0, bx0) > 1 and min(ay1, by1) - max(ay0, by0) > 2:
                problems.append(f'page {number}: "{aw}" overlaps "{bw}"')
    if words and a4:
        last_line = max(y0 for _, y0, _, _, _ in words)
        line = ' '.join(w for x0, y0, _, _, w in sorted(words, key=lambda w: w[0]) if abs(y0 - last_line) < 2)
        if line.strip() in headings:
            problems.append(f'page {number}: ends with the heading "{line}"')
for problem in problems[:50]:
    print(problem)
sys.exit(1 if problems else 0)
