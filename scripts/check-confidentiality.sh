#!/usr/bin/env bash
# SPEC §6.1 "A site per client": each output/<unit>/ (a folder holding index.html) is a site
# on its own. No file under it may name another unit or link out of it:
#  - another unit's name (the `name:` of content/units/<id>/unit.yml, in any case, also
#    HTML- or JSON-escaped, and without its legal form when two words or more are left:
#    "Nimbus Cloud" for "Nimbus Cloud Inc.");
#  - another unit's id (its folder name) as a whole word or path segment;
#  - an href/src/… in its HTML, or a url() in its CSS, that leaves it: a relative link that
#    resolves outside output/<unit>/, a root-relative one (/…), or an absolute URL (http:,
#    https:, //host, file:, any scheme but data:, mailto: and tel:).
# Prints every violation (file, line, what it names) and exits 1; one OK line otherwise.
#   usage: scripts/check-confidentiality.sh OUTPUT [CONTENT]   (CONTENT defaults to content)
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 OUTPUT [CONTENT]" >&2
  exit 2
fi
exec python3 - "$1" "${2:-content}" <<'PY'
import html
import html.parser
import json
import os
import posixpath
import re
import sys
import urllib.parse

output, content = sys.argv[1], sys.argv[2]
for folder, what in ((output, "output"), (os.path.join(content, "units"), "content units")):
    if not os.path.isdir(folder):
        print(f"check-confidentiality: no {what} folder at {folder}", file=sys.stderr)
        sys.exit(2)


def unit_name(path):
    """The `name:` of a unit.yml (a plain or simply quoted scalar on its own line)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"name:[ \t]*(.*?)[ \t]*$", line.rstrip("\n"))
            if not m:
                continue
            value = m.group(1)
            if value[:1] in "'\"" and len(value) > 1:
                quote = value[0]
                end = value.rfind(quote)
                value = value[1:end] if end > 0 else value[1:]
                value = value.replace("''", "'") if quote == "'" else value.replace('\\"', '"')
            else:
                value = re.sub(r"[ \t]+#.*$", "", value)
            return value.strip()
    return None


# Every unit: the ones in content/ (with their names) and any unit folder of the output.
units = {}
units_dir = os.path.join(content, "units")
for unit in sorted(os.listdir(units_dir)):
    yml = os.path.join(units_dir, unit, "unit.yml")
    if os.path.isfile(yml):
        units[unit] = unit_name(yml)
sites = sorted(
    entry for entry in os.listdir(output)
    if not entry.startswith(".") and os.path.isfile(os.path.join(output, entry, "index.html"))
)
for site in sites:
    units.setdefault(site, None)
if not sites:
    print(f"check-confidentiality: no unit folder (one holding index.html) in {output}/", file=sys.stderr)
    sys.exit(1)

LEGAL = re.compile(r"[ ,]+(S\.p\.A\.|S\.r\.l\.|S\.a\.s\.|S\.n\.c\.|Inc\.?|Ltd\.?|LLC|LLP|plc|PLC|GmbH|AG|SA|S\.A\.|SAS|BV|NV|Corp\.?|Co\.)$")


def spellings(name):
    """The ways a unit's name can appear in a page or in JSON, longest first."""
    forms = {name}
    short = LEGAL.sub("", name).strip()
    if " " in short and short != name:  # "Nimbus Cloud" for "Nimbus Cloud Inc.", never a lone word like "Retail"
        forms.add(short)
    for form in list(forms):
        forms.add(html.escape(form, quote=True))
        forms.add(html.escape(form, quote=False))
        forms.add(json.dumps(form)[1:-1])
        forms.add(json.dumps(form, ensure_ascii=False)[1:-1])
    return sorted(forms, key=lambda s: (-len(s), s))


def matcher(other):
    """One regex for everything that names `other`: its id as a whole word or path segment, its name."""
    parts = [r"(?<![A-Za-z0-9_-])" + re.escape(other) + r"(?![A-Za-z0-9_-])"]
    if units[other]:
        parts += [bounded(form) for form in spellings(units[other])]
    return re.compile("|".join(parts))


def bounded(form):
    """`form`, any case, not inside a longer word."""
    before = r"(?<!\w)" if re.match(r"\w", form) else ""
    after = r"(?!\w)" if re.search(r"\w$", form) else ""
    return before + "(?i:" + re.escape(form) + ")" + after


URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "poster", "data", "background", "cite", "manifest", "ping"}
SAFE_SCHEMES = {"data", "mailto", "tel"}


class Links(html.parser.HTMLParser):
    """Every URL a page holds: in link-like attributes, srcset, a meta refresh, CSS url()."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                self.urls.append((f'{tag} {name}="{value}"', value))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.urls.append((f'{tag} {name}="{value}"', url))
            elif name == "style":
                self.css(value, f"{tag} style")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            m = re.search(r"url\s*=\s*['\"]?([^'\";]+)", attributes.get("content") or "", re.I)
            if m:
                self.urls.append(('meta refresh', m.group(1).strip()))
        if tag == "style":
            self.in_style = True

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.css(data, "style")

    def css(self, text, where):
        for m in re.finditer(r"url\(\s*(['\"]?)(.*?)\1\s*\)|@import\s+(['\"])(.*?)\3", text, re.I | re.S):
            url = m.group(2) if m.group(2) is not None else m.group(4)
            self.urls.append((f"{where} url({url[:80]})", url))


def leaves(url, page_dir, site_root):
    """Why `url`, in a page in `page_dir`, leaves `site_root`; None when it stays inside."""
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    if url.startswith("//") or url.startswith("\\\\"):
        return "a protocol-relative URL (another host)"
    parts = urllib.parse.urlsplit(url)
    if parts.scheme:
        if parts.scheme.lower() in SAFE_SCHEMES:
            return None
        return f"an absolute {parts.scheme.lower()}: URL"
    path = urllib.parse.unquote(parts.path)
    if not path:
        return None
    if path.startswith("/"):
        return "a root-relative path (the server's root, outside the unit's site)"
    target = posixpath.normpath(posixpath.join(page_dir, path))
    if target != site_root and not target.startswith(site_root + "/"):
        return f"resolves to {target}, outside {site_root}/"
    return None


violations = []
files_checked = 0
links_checked = 0
for site in sites:
    order = [u for u in units if u != site]
    combined = re.compile("|".join(f"(?P<u{i}>{matcher(u).pattern})" for i, u in enumerate(order)))
    site_root = posixpath.normpath(posixpath.join(output, site))
    for folder, dirs, files in os.walk(site_root):
        dirs.sort()
        for file in sorted(files):
            path = os.path.join(folder, file)
            files_checked += 1
            with open(path, "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
            # The unit's own name is blanked first (same length, lines kept): another unit's
            # name inside it ("Acme" in "Acme Foods") is no leak.
            if units[site]:
                own = re.compile("|".join(bounded(form) for form in spellings(units[site])))
                text = own.sub(lambda m: " " * len(m.group(0)), text)
            found = {}
            for m in combined.finditer(text):
                unit = order[int(m.lastgroup[1:])]
                found.setdefault((unit, m.group(0)), text.count("\n", 0, m.start()) + 1)
            for (unit, what), line in sorted(found.items(), key=lambda item: item[1]):
                kind = "id" if what == unit else "name"
                violations.append(f"{path}:{line}: names unit {unit} (its {kind}: {what!r})")
            if file.lower().endswith((".html", ".htm", ".svg", ".xhtml")):
                parser = Links()
                parser.feed(text)
                parser.close()
                page_dir = posixpath.normpath(folder)
                for where, url in parser.urls:
                    links_checked += 1
                    reason = leaves(url, page_dir, site_root)
                    if reason:
                        violations.append(f"{path}: {where} leaves the unit's site: {reason}")
            elif file.lower().endswith(".css"):
                parser = Links()
                parser.css(text, "css")
                for where, url in parser.urls:
                    links_checked += 1
                    reason = leaves(url, posixpath.normpath(folder), site_root)
                    if reason:
                        violations.append(f"{path}: {where} leaves the unit's site: {reason}")

unnamed = [u for u in units if not units[u]]
for violation in violations:
    print(violation)
if unnamed:
    print(f"check-confidentiality: note: no unit.yml name for {', '.join(unnamed)} (checked by id only)", file=sys.stderr)
if violations:
    print(f"check-confidentiality: {len(violations)} violation(s) in {output}/ (SPEC §6.1: a unit's site names no other unit and no link leaves it)")
    sys.exit(1)
print(
    f"check-confidentiality: {len(sites)} unit sites in {output}/ ({files_checked} files, {links_checked} links) "
    f"name no other of the {len(units)} units and link only inside themselves"
)
PY
