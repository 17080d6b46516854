"""Every piece of public interface text exists in English and the ten designated languages (Local Law 30 of 2017,
Admin Code §23-1102), and each .po file says its translations need review."""

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

import eo13

SRC = Path(eo13.__file__).parent
PUBLIC_TEMPLATES = [
    SRC / "templates" / "base.html",
    SRC / "templates" / "error.html",
    SRC / "web" / "templates" / "web" / "public_home.html",
    *sorted((SRC / "policies" / "templates" / "policies" / "public").glob("*.html")),
]
PUBLIC_PYTHON = [
    SRC / "policies" / "figures.py",
    SRC / "policies" / "figures_registry.py",
    SRC / "policies" / "templatetags" / "eo13_public.py",
    SRC / "policies" / "public_guide.py",
    SRC / "policies" / "public_guide_flow.py",
    SRC / "policies" / "public_guide_answer.py",
]
DESIGNATED = [code for code, _ in settings.LANGUAGES if code != "en"]
# Strings that read the same in a language (names, numbers) are not missing translations.
SAME_IN_SOME_LANGUAGES = {"Error %(status)s.", "Version %(number)s, %(date)s:"}


def _template_msgids(path: Path) -> set[str]:
    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    return {ast.literal_eval(m.group(1)) for m in re.finditer(r"gettext\((u'(?:[^'\\]|\\.)*')\)", code)}


def _python_msgids(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        is_gettext = isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "gettext_lazy", "gettext")
        if is_gettext and node.args and isinstance(node.args[0], ast.Constant):
            found.add(node.args[0].value)
    return found


MSGIDS = sorted(set().union(*map(_template_msgids, PUBLIC_TEMPLATES), *map(_python_msgids, PUBLIC_PYTHON)))


def test_the_public_templates_have_interface_text():
    assert len(MSGIDS) > 60 and "Know your rights" in MSGIDS


@pytest.mark.parametrize("lang", DESIGNATED)
def test_every_public_string_is_translated(lang):
    with translation.override(lang):
        missing = [m for m in MSGIDS if translation.gettext(m) == m and m not in SAME_IN_SOME_LANGUAGES]
    assert missing == []


@pytest.mark.parametrize("lang", DESIGNATED)
def test_placeholders_survive_translation(lang):
    with translation.override(lang):
        for msgid in MSGIDS:
            assert sorted(re.findall(r"%\(\w+\)s", translation.gettext(msgid))) == sorted(
                re.findall(r"%\(\w+\)s", msgid)
            ), msgid


@pytest.mark.parametrize("lang", DESIGNATED)
def test_po_header_marks_machine_translation_for_review(lang):
    po = SRC / "locale" / translation.to_locale(lang) / "LC_MESSAGES" / "django.po"
    assert "NEEDS REVIEW: machine-made translation" in po.read_text(encoding="utf-8")[:600]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", [*DESIGNATED, "en"])
def test_committed_mo_files_match_their_po(lang, tmp_path):
    """The compiled catalogues are committed so a fresh machine needs no gettext; they must not drift."""
    folder = SRC / "locale" / translation.to_locale(lang) / "LC_MESSAGES"
    out = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(out), str(folder / "django.po")], check=True)
    assert out.read_bytes() == (folder / "django.mo").read_bytes()
