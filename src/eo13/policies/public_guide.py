"""The public guide for staff of the City's human-services contractors, at /{lang}/guide/ (EO 13 §1(3), §1(4), §5(2)).

No sign-in and nothing recorded: no decision log, no encounter, no session, no cookie. Each screen is a plain GET
form; the answers so far travel in the query string (see ``public_guide_flow``). Not run through
``cached_public_page``: the page depends on the query string, and keying a cache on arbitrary query strings would let
anyone fill it. Deciding is pure computation, so the page is cheap to build each time.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from eo13 import clock
from eo13.policies import public_guide_answer as outcome
from eo13.policies import public_guide_flow as flow


@require_safe
def guide(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    answers = flow.Answers.from_query(request.GET, today)
    asked = request.GET.get("ask", "")
    key = asked if asked in flow.needed(answers, today) else flow.next_question(answers, today)
    context: dict[str, object] = {"audience": flow.audience(), "answers": answers}
    if key is not None:
        context |= {"question": flow.question(key, answers), "back": flow.back_link(key, answers, today)}
        template = "policies/public/guide.html"
    else:
        context |= {
            "answer": outcome.answer(answers, today),
            "summary": flow.summary(answers, today),
            "always": outcome.ALWAYS,
            "calls": outcome.CALLS,
        }
        template = "policies/public/guide_answer.html"
    response = render(request, template, context)
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response
