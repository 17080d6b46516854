import os, re
from benchmarks.test_obligations_bench import *  # noqa
from django.test import Client

def test_html(history):
    c = Client(); c.force_login(history["hall"])
    out = []
    for q in ("", "?state=overdue", "?section=§2", "?page=2", "?kind=mayoral"):
        html = c.get("/staff/obligations/board/" + q).content.decode()
        out.append(re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"|nonce="[^"]+"', "X", html))
    open(os.environ["HTML_OUT"], "w").write("\n=====\n".join(out))
