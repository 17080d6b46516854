import json, time, pytest, functools
from collections import defaultdict
from django.test import Client
from benchmarks.test_access_bench import FACTS, _user, no_rate_limit
from benchmarks.test_zz_prof_tm import tm
from eo13.accounts.models import Role
from eo13.accounts.tokens import token_create

ACC = defaultdict(float)
def wrap(mod, name, label):
    f = getattr(mod, name)
    @functools.wraps(f)
    def w(*a, **k):
        t = time.perf_counter()
        try: return f(*a, **k)
        finally: ACC[label] += time.perf_counter() - t
    setattr(mod, name, w)

@pytest.mark.django_db
@pytest.mark.urls("benchmarks.bare_urls")
def test_dec(no_rate_limit):
    _, raw = token_create(actor=_user(Role.FRONTLINE, "ACS"), name="bench")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    body = json.dumps(FACTS)
    post = lambda: client.post("/api/v1/decisions/lot-use", data=body, content_type="application/json")
    import eo13.api as A, eo13.access.decisions as D, eo13.access.api as AA, eo13.privacy_filter as P
    wrap(A, "token_user", "token_user")
    wrap(D, "may_decide", "may_decide")
    wrap(D, "decide", "decide")
    wrap(D, "insert", "insert log")
    wrap(D, "audit_record", "audit_record")
    wrap(D, "_with_contacts", "_with_contacts")
    wrap(D, "primary_membership", "primary_membership")
    wrap(AA, "parse_json", "parse_json")
    wrap(AA, "decision_make", "decision_make (all)")
    wrap(P, "clean_log_text", "log scrub")
    for _ in range(50): post()
    ACC.clear()
    N = 500
    t = time.perf_counter()
    for _ in range(N): post()
    total = (time.perf_counter() - t) / N
    print(f"total {total*1000:.3f} ms")
    for k, v in sorted(ACC.items(), key=lambda x: -x[1]): print(f"  {k:25s} {v/N*1000:.3f} ms")
    c2 = Client()
    tm("bare", lambda: c2.get("/bench/bare"), 101)
