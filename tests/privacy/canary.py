"""The canary engine: finds the project's input paths itself and pushes fake identifiers through them.

Input paths come from the OpenAPI document (every POST, PUT and PATCH) and from the staff web (every POST form
on a page reachable from /staff/ by links, for every role). Free-text fields get a canary: a fake SSN, A-number,
name after "name:", phone, e-mail and date of birth, distinct per field so a leak names its path. Fields with a
fixed shape (dates, choices, e-mail and phone fields of City staff, ids, versions) get safe valid values.
Operations that need a record first are tried again in later passes, after the records exist.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote, urljoin, urlparse

from django.urls import Resolver404, resolve

from eo13.scrub import STAFF_NAME_FIELDS

SAFE_EMAIL = "staff.safe@example.nyc.test"
SAFE_PHONE = "212-555-0100"
SAFE_DATE = "2026-11-20"
SAFE_TEXT = "Plain words"
CREDENTIAL_FIELDS = {"username", "password", "old_password", "new_password1", "new_password2", "password1", "password2"}
AGENCY_FIELDS = {"agency", "agency_code", "code"}
# Registry references: a made-up value is refused outright, so they are left out (they hold no free text).
REFERENCE_FIELDS = {"property", "property_id", "agreement_id", "decision_id", "bbls"}


def _letters(k: int) -> str:
    out = ""
    k += 27  # at least two letters
    while k:
        k, r = divmod(k, 26)
        out = string.ascii_lowercase[r] + out
    return out


@dataclass
class Canary:
    """One set of fake identifiers. ``tokens`` are what must never be found anywhere."""

    k: int

    @property
    def parts(self) -> list[tuple[str, list[str]]]:
        k = self.k
        surname = "Quorv" + _letters(k) + "ton"  # the ending keeps one surname from containing another
        ssn = f"078-05-{1100 + k:04d}"
        anum = f"A{700000000 + k}"
        phone = f"212-555-{k % 100:04d}" if k < 100 else f"646-555-{k % 10000:04d}"
        mail = f"zyqx{k}.canary@example.test"
        dob = f"{1 + k % 12:02d}/{1 + (k // 12) % 28:02d}/{1961 - k // 336}"
        # Issue 9: what people actually write, and disguised forms.
        bare_surname = "Quorv" + _letters(k) + "son"
        bare_dob = f"{1950 + k % 40}-{1 + k % 12:02d}-{1 + k % 28:02d}"
        dotted_ssn = f"079.05.{1100 + k:04d}"
        split_ssn = f"0790 5{1100 + k:04d}"
        hidden_anum = f"857{573000 + k:06d}"
        wide_mail = f"zyqw{k}.canary"
        return [
            (f"name: Zyqx {surname}", [surname]),
            (f"SSN {ssn}", [ssn, ssn.replace("-", "")]),
            (f"A-number {anum}", [anum[1:]]),
            (f"phone {phone}", [phone, phone.replace("-", "")]),
            (f"email {mail}", [mail]),
            (f"DOB {dob}", [dob]),
            (f"Maria {bare_surname}", [bare_surname]),
            (bare_dob, [bare_dob]),
            (dotted_ssn, [dotted_ssn, dotted_ssn.replace(".", "")]),
            (split_ssn, [split_ssn]),
            # Tokens long enough never to turn up by chance in a hash: the number, and the disguise as typed.
            (hidden := f"A\u200b{hidden_anum[:3]}\u200b{hidden_anum[3:]}", [hidden_anum, hidden]),
            (f"{wide_mail}\uff20example.test", [wide_mail]),
        ]

    @property
    def tokens(self) -> list[str]:
        return [t for _, ts in self.parts for t in ts]

    def parts_for(self, *, staff_name: bool = False) -> list[tuple[str, list[str]]]:
        """A field that holds a City employee's own name on purpose (``staff_name``) gets every identifier but
        people's names: there a name is the field's meaning."""
        if staff_name:
            return [(p, ts) for p, ts in self.parts if not p.startswith(("name:", "Maria "))]
        return self.parts

    def text(self, max_length: int | None = None, *, staff_name: bool = False) -> str:
        pieces = [p for p, _ in self.parts_for(staff_name=staff_name)]
        out = ", ".join(pieces)
        while max_length is not None and len(out) > max_length and pieces:
            pieces.pop()
            out = ", ".join(pieces)
        return out


@dataclass
class Coverage:
    """What the run covered, what it could not fill and why."""

    covered: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    canaries: dict[str, str] = field(default_factory=dict)  # token -> "path field"

    def report(self) -> str:
        lines = [f"Canary test: {len(self.covered)} input paths covered"]
        lines += [f"  covered  {c}" for c in self.covered]
        lines += [f"  skipped  {s}" for s in self.skipped]
        return "\n".join(lines)


class Pusher:
    def __init__(self, users: dict[str, Any], api_clients: dict[str, Any], web_clients: dict[str, Any]) -> None:
        self.users = users
        self.api = api_clients
        self.web = web_clients
        self.n = 0
        self.coverage = Coverage()
        self.exports: list[tuple[str, bytes]] = []
        self.pages: list[tuple[str, bytes]] = []

    def canary(self, where: str, max_length: int | None = None, *, field_name: str = "") -> str:
        self.n += 1
        c = Canary(self.n)
        # Web forms prefix field names ("designate-full_name"); the service sees the bare name.
        staff_name = field_name.rsplit("-", 1)[-1] in STAFF_NAME_FIELDS
        for _piece, tokens in c.parts_for(staff_name=staff_name):
            for token in tokens:
                self.coverage.canaries[token] = where
        return c.text(max_length, staff_name=staff_name)

    # ---------------- API ----------------
    def openapi(self) -> dict[str, Any]:
        client = next(iter(self.api.values()))
        return client.get("/api/v1/openapi.json").json()

    def _resolve(self, doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            node: Any = doc
            for part in schema["$ref"].lstrip("#/").split("/"):
                node = node[part]
            schema = node
        for key in ("anyOf", "oneOf"):
            if key in schema:
                options = [self._resolve(doc, s) for s in schema[key] if s.get("type") != "null"]
                merged = dict(options[0]) if options else {}
                merged.update({k: v for k, v in schema.items() if k not in (key,)})
                return merged
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return self._resolve(doc, schema["allOf"][0])
        return schema

    def _list_first(self, role: str, list_path: str) -> dict[str, Any] | None:
        res = self.api[role].get(list_path)
        if res.status_code != 200:
            return None
        data = res.json()
        if isinstance(data, dict):
            data = data.get("items") or data.get("results") or []
        return data[-1] if isinstance(data, list) and data and isinstance(data[-1], dict) else None

    def _find_id(self, role: str, name: str, gets: list[str]) -> Any:
        """An id for a body field like ``designation_id``: from the list endpoint named after it."""
        stem = name.removesuffix("_id")
        for path in gets:
            last = path.rstrip("/").rsplit("/", 1)[-1]
            if "{" not in path and (last.startswith(stem) or stem.endswith(last.rstrip("s"))):
                item = self._list_first(role, path)
                if item and "id" in item:
                    return item["id"]
        return None

    def fill(
        self, doc: dict[str, Any], schema: dict[str, Any], *, where: str, name: str, ctx: dict[str, Any]
    ) -> tuple[Any, bool]:
        """A value for one field, and whether it carried a canary. ``ctx`` holds role, known object, safe set."""
        schema = self._resolve(doc, schema)
        kind = schema.get("type")
        if name in ctx["safe"]:
            return self._safe(schema, name, ctx), False
        if name in REFERENCE_FIELDS:
            return None, False
        if "enum" in schema:
            return schema["enum"][0], False
        if "const" in schema:
            return schema["const"], False
        if kind == "object" or "properties" in schema:
            out, any_canary = {}, False
            required = set(schema.get("required", []))
            for prop, sub in schema.get("properties", {}).items():
                value, canary = self.fill(doc, sub, where=where, name=prop, ctx=ctx)
                if value is None and prop not in required:
                    continue
                out[prop] = value
                any_canary |= canary
            return out, any_canary
        if kind == "array":
            value, canary = self.fill(doc, schema.get("items", {}), where=where, name=name, ctx=ctx)
            return ([value] if value is not None else []), canary
        if kind == "string":
            fmt = schema.get("format", "")
            if fmt == "date":
                return SAFE_DATE, False
            if fmt == "date-time":
                return SAFE_DATE + "T10:00:00-05:00", False
            if fmt == "email" or name.endswith("email"):
                return SAFE_EMAIL, False
            if "phone" in name:
                return SAFE_PHONE, False
            if name in AGENCY_FIELDS:
                return ctx.get("agency", "ACS"), False
            if name in CREDENTIAL_FIELDS:
                return ctx["credentials"].get(name, ""), False
            if "pattern" in schema or fmt in ("binary", "uri", "uuid"):
                return self._safe(schema, name, ctx), False
            ctx["canary_fields"].append(name)
            return self.canary(f"{where} {name}", schema.get("maxLength"), field_name=name), True
        if kind == "integer":
            if name in ("version", "expected_version"):
                return (ctx.get("object") or {}).get("version", 1), False
            if name.endswith("_id"):
                found = self._find_id(ctx["role"], name, ctx["gets"])
                return (found if found is not None else (ctx.get("object") or {}).get(name)), False
            return max(1, int(schema.get("minimum", 1))), False
        if kind == "number":
            return 1, False
        if kind == "boolean":
            return True, False
        return None, False

    def _safe(self, schema: dict[str, Any], name: str, ctx: dict[str, Any]) -> Any:
        if "enum" in schema:
            return schema["enum"][0]
        kind = schema.get("type")
        if kind == "integer":
            return (ctx.get("object") or {}).get(name, 1)
        if kind == "array":
            return []
        if "phone" in name:
            return SAFE_PHONE
        return SAFE_TEXT

    def push_api(self, passes: int = 3) -> None:
        doc = self.openapi()
        gets = [p for p, ops in doc["paths"].items() if "get" in ops]
        ops = [
            (method, path, op)
            for path, item in doc["paths"].items()
            for method, op in item.items()
            if method in ("post", "put", "patch")
        ]
        ops.sort(key=lambda o: (o[1].count("{"), o[1]))
        done: dict[str, str] = {}
        last_error: dict[str, str] = {}
        for _ in range(passes):
            for method, path, op in ops:
                key = f"{method.upper()} {path}"
                if key in done:
                    continue
                ok, note = self._try_op(doc, method, path, op, gets)
                if ok:
                    done[key] = note
                else:
                    last_error[key] = note
        for method, path, _op in ops:
            key = f"{method.upper()} {path}"
            if key in done:
                self.coverage.covered.append(f"API {key}: {done[key]}")
            else:
                self.coverage.skipped.append(f"API {key}: {last_error.get(key, 'not reached')}")

    def _try_op(
        self, doc: dict[str, Any], method: str, path: str, op: dict[str, Any], gets: list[str]
    ) -> tuple[bool, str]:
        if path.endswith("/sign-out-everywhere"):
            return False, "skipped: ends the caller's own sessions and API tokens"
        body_schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        if op.get("requestBody") and body_schema is None:
            return False, "request body is not JSON (file upload?): not filled"
        params = re.findall(r"{(\w+)}", path)
        note = "no body"
        for role in self.api:
            url, obj = path, None
            ok_params = True
            for p in params:
                list_path = path.split("/{" + p + "}")[0]
                item = self._list_first(role, list_path)
                if item is None:
                    ok_params = False
                    break
                value = item.get(p, item.get("id", item.get("code")))
                url = url.replace("{" + p + "}", quote(str(value)))
                obj = item
                detail = self.api[role].get(list_path + "/" + quote(str(value)))
                if detail.status_code == 200 and isinstance(detail.json(), dict):
                    obj = detail.json()
            if not ok_params:
                note = f"no record found to fill {params} as {role}"
                continue
            safe: set[str] = set()
            for _attempt in range(5):
                ctx = {
                    "role": role,
                    "object": obj,
                    "safe": safe,
                    "gets": gets,
                    "canary_fields": [],
                    "agency": self.users[role]["agency"],
                    "credentials": self.users[role]["credentials"],
                }
                body = None
                if body_schema is not None:
                    body, _ = self.fill(doc, body_schema, where=f"{method.upper()} {path}", name="", ctx=ctx)
                res = getattr(self.api[role], method)(url, body if body is not None else {})
                if res.status_code < 300:
                    fields = ", ".join(ctx["canary_fields"]) or "no free-text field"
                    refused = f"; refused canary in {', '.join(sorted(safe))}" if safe else ""
                    return True, f"as {role}, canaries in: {fields}{refused}"
                if res.status_code in (401, 403, 404):
                    note = f"{res.status_code} as {role}"
                    break
                try:
                    err_field = (res.json().get("field") or "").split(".")[0]
                except ValueError:
                    err_field = ""
                note = f"{res.status_code} {res.content[:120]!r} as {role}"
                if not err_field or err_field in safe or err_field not in ctx["canary_fields"]:
                    break
                safe.add(err_field)
        return False, note

    # ---------------- web forms ----------------
    def crawl(
        self, role: str, start: str = "/staff/", limit: int = 120, exports: bool = True
    ) -> list[tuple[str, dict[str, Any]]]:
        client = self.web[role]
        seen: set[str] = set()
        per_pattern: dict[str, int] = {}
        queue = [start]
        forms: list[tuple[str, dict[str, Any]]] = []
        while queue and len(seen) < limit:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            pattern = _pattern(url.split("?")[0])
            per_pattern[pattern] = per_pattern.get(pattern, 0) + 1
            if per_pattern[pattern] > 3:
                continue  # three records of a kind show its forms; the rest only cost time
            if not exports and re.search(r"\.(pdf|csv|ics|zip)(\?|$)|export|download", url):
                continue  # files are fetched once, after the pushing
            res = client.get(url)
            if res.status_code != 200:
                continue
            disposition = res.get("Content-Disposition", "")
            ctype = res.get("Content-Type", "")
            if "attachment" in disposition or not ctype.startswith("text/html"):
                self.exports.append((url, res.content))
                continue
            self.pages.append((url, res.content))
            parser = _PageParser()
            parser.feed(res.content.decode("utf-8", "replace"))
            for href in parser.links:
                target = urljoin(url, href)
                parsed = urlparse(target)
                if parsed.netloc or not parsed.path.startswith("/staff/"):
                    continue
                clean = parsed.path + (f"?{parsed.query}" if parsed.query else "")
                if clean not in seen:
                    queue.append(clean)
            for form in parser.forms:
                if form["method"] == "post":
                    form["page"] = url
                    forms.append((url, form))
        return forms

    def push_web(self, passes: int = 2) -> None:
        done: dict[str, str] = {}
        last: dict[str, str] = {}
        for _ in range(passes):
            for role in self.web:
                for page, form in self.crawl(role, exports=False):
                    action = urlparse(urljoin(page, form["action"] or page)).path
                    marker = next((v for n, _t, v in form["fields"] if n == "action"), "")
                    key = f"POST {_pattern(action)}" + (f" [{marker}]" if marker else "")
                    if key in done:
                        continue
                    types = {t for _n, t, _v in form["fields"]}
                    if "password" in types:
                        done.setdefault(key, "")
                        last[key] = "skipped: a password form (passwords are hashed, never stored as text)"
                        continue
                    if action.startswith(("/accounts/logout", "/accounts/sign-out-everywhere")):
                        continue
                    form = self._fresh(role, page, marker, form)
                    ok, note = self._submit(role, page, action, form)
                    if ok:
                        done[key] = note
                    else:
                        last[key] = note
        for key, note in sorted(done.items()):
            if note:
                self.coverage.covered.append(f"WEB {key}: {note}")
        for key, note in sorted(last.items()):
            if key not in done or not done[key]:
                self.coverage.skipped.append(f"WEB {key}: {note}")

    def _fresh(self, role: str, page: str, marker: str, form: dict[str, Any]) -> dict[str, Any]:
        """The form as the page shows it now: an earlier submission may have changed its hidden version."""
        res = self.web[role].get(page)
        if res.status_code != 200:
            return form
        parser = _PageParser()
        parser.feed(res.content.decode("utf-8", "replace"))
        for candidate in parser.forms:
            same_marker = next((v for n, _t, v in candidate["fields"] if n == "action"), "") == marker
            if candidate["method"] == "post" and candidate["action"] == form["action"] and same_marker:
                return candidate
        return form

    def _submit(self, role: str, page: str, action: str, form: dict[str, Any]) -> tuple[bool, str]:
        safe: set[str] = set()
        note = ""
        for _attempt in range(4):
            data: dict[str, Any] = {}
            canaries: list[str] = []
            for name, kind, value in form["fields"]:
                if not name or name in REFERENCE_FIELDS:
                    continue
                if kind in ("hidden", "submit") or kind in ("checkbox", "radio"):
                    data.setdefault(name, value)
                elif kind == "select":
                    data[name] = value
                elif kind == "email":
                    data[name] = SAFE_EMAIL
                elif kind == "tel" or "phone" in name:
                    data[name] = SAFE_PHONE
                elif kind == "date":
                    data[name] = SAFE_DATE
                elif kind == "datetime-local":
                    data[name] = SAFE_DATE + "T10:00"
                elif kind == "number":
                    data[name] = "1"
                elif name in safe:
                    data[name] = SAFE_TEXT
                else:
                    canaries.append(name)
                    maxlength = form["maxlength"].get(name)
                    data[name] = self.canary(f"WEB {_pattern(action)} {name}", maxlength, field_name=name)
            res = self.web[role].post(action, data)
            if res.status_code in (301, 302, 303):
                fields = ", ".join(canaries) or "no free-text field"
                refused = f"; refused canary in {', '.join(sorted(safe))}" if safe else ""
                return True, f"as {role}, canaries in: {fields}{refused}"
            if res.status_code != 200:
                return False, f"{res.status_code} as {role}"
            errors = set(re.findall(r'id="id_([\w-]+)_error"', res.content.decode("utf-8", "replace")))
            bad = {n for n in canaries if n in errors}
            note = f"form refused as {role}: errors on {sorted(errors) or 'the whole form'}"
            if not bad or bad <= safe:
                return False, note
            safe |= bad
        return False, note

    # ---------------- error pages ----------------
    def push_errors(self) -> None:
        role = next(iter(self.web))
        web, api = self.web[role], self.api[role]
        blob = self.canary("error pages")
        probes = [
            ("GET /staff/<missing>?q=", lambda: web.get("/staff/privacy/requests/999999/", {"q": blob})),
            ("GET /<canary in path>", lambda: web.get("/" + quote(blob) + "/")),
            ("GET /api/v1/<missing>?q=", lambda: api.get("/api/v1/privacy/requests/999999?q=" + quote(blob))),
            ("POST /api/v1 broken JSON", lambda: api.post("/api/v1/privacy/requests", '{"summary": "' + blob)),
            ("POST /api/v1 wrong types", lambda: api.post("/api/v1/privacy/requests", {"people_count": blob})),
        ]
        for label, call in probes:
            res = call()
            self.coverage.covered.append(f"ERROR {label}: {res.status_code}")


def _pattern(path: str) -> str:
    """The URL pattern a path matches, so one form is pushed once, not once per record."""
    try:
        match = resolve(path)
    except Resolver404:
        return re.sub(r"/\d+/", "/<id>/", path)
    return "/" + match.route.replace("^", "").replace("$", "")


class _PageParser(HTMLParser):
    """Links and POST forms (fields with their types and default values) of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict[str, Any]] = []
        self._form: dict[str, Any] | None = None
        self._select: str | None = None
        self._select_value: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = {
                "method": a.get("method", "get").lower(),
                "action": a.get("action", ""),
                "fields": [],
                "maxlength": {},
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio") and any(n == a.get("name") for n, _t, _v in self._form["fields"]):
                return
            self._form["fields"].append((a.get("name", ""), kind, a.get("value", "on" if kind == "checkbox" else "")))
            if a.get("maxlength"):
                self._form["maxlength"][a.get("name", "")] = int(a["maxlength"])
        elif tag == "textarea":
            self._form["fields"].append((a.get("name", ""), "textarea", ""))
            if a.get("maxlength"):
                self._form["maxlength"][a.get("name", "")] = int(a["maxlength"])
        elif tag == "select":
            self._select, self._select_value = a.get("name", ""), None
        elif tag == "option" and self._select is not None and self._select_value is None and a.get("value"):
            self._select_value = a["value"]
        elif tag == "button" and a.get("name"):
            self._form["fields"].append((a["name"], "submit", a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select" and self._form is not None and self._select is not None:
            self._form["fields"].append((self._select, "select", self._select_value or ""))
            self._select = None


def json_dumps(value: Any) -> str:
    return json.dumps(value, default=str)
