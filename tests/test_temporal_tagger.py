"""The temporal tagger on news sentences: what it finds, how it types and normalises it.

Golden fixtures (invented articles in tests/fixtures/temporal/, each with the exact timexes
it must give) show the whole output; the tests below pin the behaviours the product relies
on, one idea each.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from test_temporal_properties import TIMEX3_VALUE

from timeline.model import Timex
from timeline.temporal import tag

MONDAY = date(2025, 5, 19)  # the sample article's publication day
APRIL_2 = date(2024, 4, 2)


def one(text: str, reference: date = MONDAY) -> Timex:
    found = tag(text, reference)
    assert len(found) == 1, found
    return found[0]


def values(text: str, reference: date = MONDAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, reference)]


# --- golden articles -------------------------------------------------------------------


GOLDEN = sorted((Path(__file__).parent / "fixtures" / "temporal").glob("*.txt"))


@pytest.mark.parametrize("article", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_article(article: Path) -> None:
    expected = json.loads(article.with_suffix(".expected.json").read_text(encoding="utf-8"))
    text = article.read_text(encoding="utf-8")
    found = [t.to_json() for t in tag(text, date.fromisoformat(expected["published"]))]
    assert found == expected["timexes"]


# --- the sample article ------------------------------------------------------------------


def test_sample_article(seed_article: Path) -> None:
    from timeline.sources import read_article

    article = read_article(seed_article)
    found = {(t.text, t.value) for t in tag(article.text, article.published)}
    assert ("Monday", "2025-05-19") in found
    earlier = article.text.index("Earlier Monday") + len("Earlier ")
    assert any(t.start == earlier and t.value == "2025-05-19" for t in tag(article.text, article.published))
    assert ("Monday evening", "2025-05-19TEV") in found
    assert ("Friday", "2025-05-16") in found
    assert ("39-month-old", "P39M") in found
    assert ("two-hour", "PT2H") in found
    assert ("more than three years", "P3Y") in found
    assert ("June 14, 2024", "2024-06-14") in found
    assert ("2022", "2022") in found
    fridays = [t for t in tag(article.text, article.published) if t.text == "Friday"]
    assert len(fridays) == 3 and {t.value for t in fridays} == {"2025-05-16"}
    # No age, count or other number is read as a date.
    for timex in tag(article.text, article.published):
        assert timex.text not in ("72", "78", "47", "1,000", "000"), timex
        assert "year-old" not in timex.text


# --- weekdays and tense -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Negotiators agreed Friday to trade proposals.", "2025-05-16"),
        ("Officials met face-to-face on Friday in Turkey.", "2025-05-16"),
        ("The two leaders will meet Thursday in Rome.", "2025-05-22"),
        ("The summit is scheduled for Thursday.", "2025-05-22"),
        ("She said she would travel to Kyiv on Wednesday.", "2025-05-21"),
        ("Next Monday the court rules.", "2025-05-26"),
        ("The court ruled last Monday.", "2025-05-12"),
        ("Going into Monday's phone call, the Kremlin was firm.", "2025-05-19"),
        ("Putin doubled down Monday on his demands.", "2025-05-19"),
    ],
)
def test_weekday_follows_the_tense_of_its_clause(sentence: str, value: str) -> None:
    assert one(sentence).value == value


FRIDAY = date(2025, 5, 16)
WEDNESDAY = date(2025, 5, 21)


@pytest.mark.parametrize(
    ("sentence", "reference", "value"),
    [
        # A deadline preposition points ahead only when nothing else in the clause gives the tense.
        ("Officials have until Friday to respond.", MONDAY, "2025-05-23"),
        ("The union must respond by Friday.", MONDAY, "2025-05-23"),
        ("The strike lasted until Friday.", MONDAY, "2025-05-16"),
        ("The group could leave as soon as Tuesday.", MONDAY, "2025-05-20"),
        # What a quotation says has its own tense, apart from the verb that reports it.
        ('"We will sign the deal Thursday," the minister said.', MONDAY, "2025-05-22"),
        ('The minister said Thursday, "We will sign the deal."', MONDAY, "2025-05-15"),
        # A plan in the past perfect was for a day now past; "was expected" still looks ahead.
        ("The offer had been scheduled to expire Friday.", MONDAY, "2025-05-16"),
        ("More releases were expected over the weekend.", FRIDAY, "2025-W20-WE"),
        ("The prisoners were freed over the weekend.", FRIDAY, "2025-W19-WE"),
        # Scheduling verbs in the present are about what is ahead.
        ("The hearing is set for 9:30 a.m. Wednesday.", MONDAY, "2025-05-21T09:30"),
        ("The council voted on Tuesday.", MONDAY, "2025-05-13"),
        ("The vote is this Friday.", MONDAY, "2025-05-23"),
        ("After Friday's vote, the party split.", MONDAY, "2025-05-16"),
        ("The party will meet again ahead of Friday's vote.", MONDAY, "2025-05-23"),
        # The present tense of a scheduled event is the coming day.
        ("The talks resume Monday in Geneva.", WEDNESDAY, "2025-05-26"),
        ("The team plays Friday against Leeds.", WEDNESDAY, "2025-05-23"),
        ("The president meets Saturday with union leaders.", WEDNESDAY, "2025-05-24"),
        ("The talks resumed Monday in Geneva.", WEDNESDAY, "2025-05-19"),
        ("The country goes to the polls on Sunday.", WEDNESDAY, "2025-05-25"),
        # "Deadline" is a noun, not a tense: a deadline in a past narrative is past.
        ("Holders tendered 92% of the shares by the Tuesday deadline.", WEDNESDAY, "2025-05-20"),
        ("The regulator had set Friday as the deadline for a reply.", MONDAY, "2025-05-16"),
    ],
)
def test_tense_of_the_clause_in_context(sentence: str, reference: date, value: str) -> None:
    assert one(sentence, reference).value == value


def test_a_clock_time_and_a_weekday_of_one_phrase_are_on_one_day() -> None:
    found = tag("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, police said.", date(1998, 8, 8))
    assert [(t.text, t.type, t.value) for t in found] == [
        ("10:35 a.m.", "TIME", "1998-08-07T10:35"),
        ("Friday", "DATE", "1998-08-07"),
    ]


def test_a_weekday_named_with_its_date_picks_the_year_they_agree_in() -> None:
    assert one("The memo was dated Friday, Dec. 13.").value == "2024-12-13"
    assert one("The vote was held on Friday, March 3, 2017.").value == "2017-03-03"


def test_weekday_ranges_end_on_the_day_their_clause_points_to() -> None:
    assert values("Between Monday and Wednesday, 40 people died.") == [
        ("Monday", "2025-05-12"),
        ("Wednesday", "2025-05-14"),
    ]
    assert values("The fair will run from Thursday to Sunday.") == [
        ("Thursday", "2025-05-22"),
        ("Sunday", "2025-05-25"),
    ]


def test_parts_of_a_day_are_times() -> None:
    timex = one("In the Oval Office Monday evening, Trump spoke.")
    assert (timex.text, timex.type, timex.value) == ("Monday evening", "TIME", "2025-05-19TEV")
    assert one("Fighting resumed last night.").value == "2025-05-18TNI"
    assert one("The vote will be held at 10:30 a.m. Tuesday.").value == "2025-05-20T10:30"


# --- what is not a date ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "However, the 72-year-old added, talks would go on.",
        "Trump, 78, put a happy spin on the call.",
        "Zelensky, 47, stressed that Ukraine is ready.",
        "The two sides agreed to exchange 1,000 prisoners of war.",
        "The fund lost $2 billion.",
        "NATO's Article 5 and the G7 were discussed.",
        "COVID-19 cases rose; a Boeing 747 landed.",
        "Section 230 protects platforms.",
        "Call (202) 555-0143 for details.",
        "The home side won 3-1 after extra time.",
        "Some 2000 troops were sent, aged 18 to 25.",
        "Police said a 6-month-old and a 45-year-old woman were hurt.",
        "The island imports about three-quarters of its grain.",
        "Index funds hold more than a quarter of the market.",
        "Thousands joined the annual March for Life in the capital.",
        "The current account deficit widened.",
        "Passengers stuck overnight at the airport get hotel vouchers.",
        "The retailer offers free overnight shipping and overnight delivery.",
        'The minister said on ABC\'s "This Week" that talks had failed.',
        "He told CBS's ''60 Minutes'' he was innocent.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert tag(sentence, MONDAY) == []


# --- durations, sets, absolute dates -----------------------------------------------------------


def test_age_of_a_thing_is_a_duration_counted_from_publication() -> None:
    timex = one("Putin will not accept a cease-fire in his 39-month-old war on Ukraine.")
    assert (timex.type, timex.value, timex.anchor) == ("DURATION", "P39M", "2025-05-19")


@pytest.mark.parametrize(
    ("sentence", "text", "value", "mod"),
    [
        ("for the first time in more than three years", "more than three years", "P3Y", "MORE_THAN"),
        ("after a two-hour call", "two-hour", "PT2H", None),
        ("the feud has lasted for decades", "decades", "PXDE", None),
        ("the trial took about six weeks", "six weeks", "P6W", "APPROX"),
        ("nearly 18 months of talks", "nearly 18 months", "P18M", "LESS_THAN"),
        ("prices rose over the past two weeks", "the past two weeks", "P2W", None),
        (
            "the order dates back more than two thousand years",
            "more than two thousand years",
            "P2000Y",
            "MORE_THAN",
        ),
        ("shares recovered within five trading days", "five trading days", "P5D", None),
        ("rebels seized the airport in the first hours of the offensive", "the first hours", "PTXH", None),
        ("the mood in the final days of the campaign", "the final days", "PXD", None),
    ],
)
def test_durations(sentence: str, text: str, value: str, mod: str | None) -> None:
    timex = one(sentence)
    assert (timex.type, timex.text, timex.value, timex.mod) == ("DURATION", text, value, mod)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The council meets every Monday.", "XXXX-WXX-1"),
        ("The paper is published weekly.", "P1W"),
        ("Inspectors visit twice a year.", "P1Y"),
    ],
)
def test_sets(sentence: str, value: str) -> None:
    timex = one(sentence)
    assert (timex.type, timex.value) == ("SET", value)


@pytest.mark.parametrize(
    ("sentence", "value", "mod"),
    [
        ("He proposed the plan on June 14, 2024,.", "2024-06-14", None),
        ("It was signed 14 June 2024 in Minsk.", "2024-06-14", None),
        ("The filing is dated 2024-06-14.", "2024-06-14", None),
        ("The filing is dated 6/14/2024.", "2024-06-14", None),
        ("The law took effect Jan. 5.", "2025-01-05", None),
        ("Prices rose in June 2019.", "2019-06", None),
        ("Sales slumped in mid-June.", "2024-06", "MID"),  # the past tense governs the month
        ("Work starts in early 2026.", "2026", "START"),
        ("Rates peaked in the 1990s.", "199", None),
        ("Profit fell in the third quarter of 2024.", "2024-Q3", None),
        ("The deal closed last fall.", "2024-FA", None),
        ("Stores close on Christmas Day.", "2024-12-25", None),
        ("The vote came on the 14th.", "2025-05-14", None),
        ("The plant closed late last year.", "2024", "END"),
        ("The festival opens mid-June.", "2025-06", "MID"),
        ("The filing is dated 6/14/24.", "2024-06-14", None),  # a two-digit year
        ("The lease was signed 11/3/98.", "1998-11-03", None),
        ("Prices peaked in '24.", "2024", None),
        ("It was his best season since ’09.", "2009", None),
        ("The plant opened in June '24.", "2024-06", None),
        ("Sales fell in summer '24.", "2024-SU", None),
    ],
)
def test_absolute_and_calendar_dates(sentence: str, value: str, mod: str | None) -> None:
    timex = one(sentence)
    assert (timex.value, timex.mod) == (value, mod)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The ministers met yesterday.", "2025-05-18"),
        ("The bill passed last week.", "2025-W20"),
        ("Talks began earlier this month.", "2025-05"),
        ("Elections are due next year.", "2026"),
        ("The strike began two days ago.", "2025-05-17"),
        ("The plant closed three years ago.", "2022"),
        ("The company is now profitable.", "PRESENT_REF"),
        ("Fighting stopped over the weekend.", "2025-W20-WE"),
        ("A ruling could come as early as next week.", "2025-W22"),
        ("The hearing is scheduled for the 14th of next month.", "2025-06-14"),
        ("More details are expected in the coming days.", "FUTURE_REF"),
    ],
)
def test_relative_dates(sentence: str, value: str) -> None:
    assert one(sentence).value == value


def test_ranges_give_both_ends() -> None:
    assert values("The talks on May 15–16 ended without a deal.") == [
        ("May 15", "2025-05-15"),
        ("16", "2025-05-16"),
    ]
    assert values("Prices rose from March to June 2022.") == [("March", "2022-03"), ("June 2022", "2022-06")]


def test_a_range_of_years_gives_both_years() -> None:
    found = values("The firm billed the agency between 2016 and 2020, records show.", date(2025, 1, 10))
    assert found == [("2016", "2016"), ("2020", "2020")]


def test_reported_periods_of_financial_news() -> None:
    march = date(2025, 3, 4)
    assert values("Revenue rose 12% in the quarter ended Sept. 30.", march) == [
        ("the quarter", "2024-Q3"),
        ("Sept. 30", "2024-09-30"),
    ]
    assert values("The retailer reported Q3 earnings on Tuesday.", march)[0] == ("Q3", "2024-Q3")
    assert values("H1 2024 results were weak.", march) == [("H1 2024", "2024-H1")]


def test_a_fiscal_quarter_is_no_calendar_quarter() -> None:
    found = values(
        "Sales fell in the third quarter of fiscal 2025. Profit in the quarter a year ago was higher.",
        date(2025, 2, 13),
    )
    assert found == [
        ("the third quarter of fiscal 2025", "FY2025-Q3"),
        ("the quarter a year ago", "FY2024-Q3"),
    ]


def test_anaphoric_expressions_count_from_the_date_named_before() -> None:
    """ "Last year" and "next week" count from publication; "the following year", "the
    previous Friday" and "the next morning" from the date the story is at."""
    found = values("He became a general on May 22, 1995, and the following year he moved to Washington.")
    assert found == [("May 22, 1995", "1995-05-22"), ("the following year", "1996")]
    found = values("Shares closed on Friday, May 16, 4.5% below the previous Friday.")
    assert found == [("Friday, May 16", "2025-05-16"), ("the previous Friday", "2025-05-09")]
    found = values("He was arrested on March 3, 2021, and appeared in court the next morning.")
    assert found == [("March 3, 2021", "2021-03-03"), ("the next morning", "2021-03-04TMO")]
    assert values("Sales fell last year.") == [("last year", "2024")]
    assert values("The previous year was worse.") == [("The previous year", "2024")]  # nothing named before


def test_a_year_earlier_is_the_period_a_report_is_about() -> None:
    found = values(
        "Profit rose in the third quarter of 2024. For the nine months, net was $9 million, "
        "up from $7 million a year earlier. For the quarter a year ago, it earned $2 million."
    )
    assert found == [
        ("the third quarter of 2024", "2024-Q3"),
        ("the nine months", "P9M"),
        ("a year earlier", "2024"),
        ("the quarter a year ago", "2023-Q3"),
    ]
    assert values("Sales for the full year rose 13%.") == [("the full year", "2025")]
    assert values("Sales in the latest fiscal year rose 13%.") == [("the latest fiscal year", "2024")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Prices hurt more these days.", "PRESENT_REF"),
        ("We don't minimize the challenges of the near term.", "FUTURE_REF"),
        ("The company will soon decide.", "FUTURE_REF"),
        ("That is a question for mothers in today's world.", "PRESENT_REF"),
        ("The plant was idled because of current market conditions.", "PRESENT_REF"),
        ("Her current term runs out soonest of all members.", "PRESENT_REF"),
        ("Holders may buy shares at half the then-current price.", "PAST_REF"),
        ("Analysts say the region could one day export power.", "FUTURE_REF"),
    ],
)
def test_present_and_future_references(sentence: str, value: str) -> None:
    assert one(sentence).value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "He was taken to a hospital and was soon released.",  # shortly after the story's events
        'Now, he says, "it looks like the West wants to destroy Iraq."',  # a discourse marker
    ],
)
def test_words_of_time_that_are_no_time_of_their_own(sentence: str) -> None:
    assert tag(sentence, MONDAY) == []


def test_relative_expressions_count_from_the_date_named_before() -> None:
    found = values("The port handled 1,200 ships in February, down from 1,450 a year earlier.")
    assert found == [("February", "2025-02"), ("a year earlier", "2024-02")]
    found = values("Profit rose in the third quarter of 2024 from $5 million a year ago.")
    assert found == [("the third quarter of 2024", "2024-Q3"), ("a year ago", "2023-Q3")]


def test_a_decade_or_century_named_before_anchors_what_follows() -> None:
    found = values("The mill opened in the early 1970s and closed a decade later.")
    assert found == [("the early 1970s", "197"), ("a decade later", "198")]
    found = values("The fort was built in the 17th century and rebuilt a century later.")
    assert found == [("the 17th century", "16"), ("a century later", "17")]


def test_a_period_of_a_year_named_by_direction_is_one_expression() -> None:
    assert values("Output should recover in the first half of next year.") == [
        ("the first half of next year", "2026-H1")
    ]
    assert values("Its loss in the fourth quarter of last year was its first.") == [
        ("the fourth quarter of last year", "2024-Q4")
    ]


def test_an_end_of_a_month_or_year_is_the_month_or_year_with_a_mod() -> None:
    june = one("Ballots go out in the first week of June.")
    assert (june.text, june.value, june.mod) == ("the first week of June", "2025-06", "START")
    late = one("Exports slumped in the final months of 2024.")
    assert (late.text, late.value, late.mod) == ("the final months of 2024", "2024", "END")


def test_a_day_next_to_a_named_day_is_one_expression() -> None:
    assert values("The day before last Tuesday's hearing, the lawyers met.") == [
        ("The day before last Tuesday", "2025-05-12")
    ]
    assert values("Shops reopened the day after Christmas.") == [("the day after Christmas", "2024-12-26")]
    assert values("Roads were jammed over the Labor Day weekend.") == [
        ("the Labor Day weekend", "2024-W35-WE")
    ]
    assert values("Flights sold out for Thanksgiving week.") == [("Thanksgiving week", "2024-W48")]


def test_a_fraction_of_a_unit_is_that_fraction() -> None:
    assert values("The hearing lasted half an hour.") == [("half an hour", "PT30M")]
    assert values("The treaty kept the peace for half a century.") == [("half a century", "P50Y")]
    assert values("Rates hit a quarter-century high.") == [("a quarter-century", "P25Y")]
    assert values("The mine shut half a century ago.") == [("half a century ago", "1975")]


def test_times_and_parts_of_the_day_named_before() -> None:
    assert values("The blast came at 5:30 in the afternoon.") == [
        ("5:30 in the afternoon", "2025-05-19T17:30")
    ]
    found = values("The suspect was caught on June 3, 2024, and freed that night.")
    assert found == [("June 3, 2024", "2024-06-03"), ("that night", "2024-06-03TNI")]
    assert values("The talks collapsed the week before last.") == [("the week before last", "2025-W19")]


def test_that_same_day_of_a_month_named_before_is_an_unknown_day_of_it() -> None:
    found = values("A doctor was shot last October. His name was crossed off the list that same day.")
    assert found == [("last October", "2024-10"), ("that same day", "2024-10-XX")]
    found = values("A doctor was shot last October and police arrived at 10 p.m.")
    assert found[-1] == ("10 p.m.", "2025-05-19T22:00")  # a clock time is not put on an unknown day


SPRING_PUBLICATION = date(2026, 4, 28)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It is due to reach Jupiter in the summer of 2033 and to land early the following year.", "2034"),
        ("The probe was launched in the winter of 2021 and reached orbit the following year.", "2022"),
        ("The dam failed in the spring of 2011. That year, the river flooded twice.", "2011"),
        ("The dam failed in the spring of 2011; later that summer the river flooded again.", "2011-SU"),
        ("The dam failed in the autumn of 2011 and was rebuilt a year later.", "2012-FA"),
        ("The mine closed in March 2019; the year before, it had employed 900 people.", "2018-03"),
        ("The mine closed in March 2019. Later that month, the town lost its bank.", "2019-03"),
        ("The mine closed on June 3, 2019, and the bank shut the next day.", "2019-06-04"),
        ("The mine closed in 2014. The previous year, its owner had sold it.", "2013"),
        ("The mine closed in March 2019, and the following month the bank left.", "2019-04"),
        ("The mine closed in 2014 and reopened the next year.", "2015"),
        ("The mine closed in 2014; it will reopen in the next year.", "2027"),  # the coming one
    ],
)
def test_anaphoric_periods_count_from_the_last_date_named(text: str, value: str) -> None:
    """TimeML values "the following year", "that year", "later that month" ... from the date the
    story is at, a season included; from publication only when nothing was named before."""
    assert values(text, SPRING_PUBLICATION)[-1][1] == value


WEDNESDAY = date(2026, 3, 11)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Schools in the region will stay closed until Monday, the Education Ministry said.", "2026-03-16"),
        ("Border crossings stay shut until Friday, officials told reporters.", "2026-03-13"),
        ("The airport will reopen on Friday, according to the transport agency.", "2026-03-13"),
        ("Rebels attacked the town on Monday, the army said.", "2026-03-09"),  # the clause is past
        ("The ferry sank on Monday, officials said on Tuesday.", "2026-03-09"),
    ],
)
def test_an_attribution_tail_does_not_set_the_tense(sentence: str, value: str) -> None:
    """ ", the ministry said" reports the clause before it: the clause's own tense decides."""
    assert values(sentence, WEDNESDAY)[0][1] == value


def test_an_update_stamp_is_on_the_publication_day() -> None:
    text = (
        "Rescue crews will resume the search on Thursday, officials said.\n\n"
        "Update, 4:15 p.m.: The navy lifted a tsunami warning.\n\n"
        "Updated 6:40 p.m. ET\n\n"
        "5:05 p.m. — Ferries resumed service to the islands.\n\n"
        "The governor will visit on Thursday and speak at 9 a.m.\n"
    )
    assert values(text, WEDNESDAY) == [
        ("Thursday", "2026-03-12"),
        ("4:15 p.m.", "2026-03-11T16:15"),
        ("6:40 p.m.", "2026-03-11T18:40"),
        ("5:05 p.m.", "2026-03-11T17:05"),
        ("Thursday", "2026-03-12"),
        ("9 a.m.", "2026-03-12T09:00"),  # inside a paragraph: the day the text is at
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The strike, which the union voted to hold on Monday, ended early.", "2026-03-09"),
        ("The strike, which the union voted to hold on Monday, will close the ports.", "2026-03-16"),
        ("The union voted to hold the strike on Monday.", "2026-03-16"),
    ],
)
def test_a_decision_in_a_relative_clause_yields_to_a_past_main_clause(sentence: str, value: str) -> None:
    """A decision looks ahead from when it was taken, not from publication: when the main
    clause around it says the thing is over, the day is past."""
    assert values(sentence, WEDNESDAY) == [("Monday", value)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # A reporter's failed attempt is past, though "could" alone looks ahead.
        ("The mayor could not be reached for comment on Tuesday.", "Tuesday", "2026-03-10"),
        ("The mayor's relatives could be located Tuesday in their hometown.", "Tuesday", "2026-03-10"),
        # A weekday's event ("Tuesday's ruling") is past unless its own verb says otherwise.
        ("Lawyers said they would look for ways to challenge Tuesday's ruling.", "Tuesday", "2026-03-10"),
        ("Investors are awaiting Friday's jobs report.", "Friday", "2026-03-13"),
        # A verb after "and" belongs to another clause when one before the weekday governs it.
        (
            "Exiles planned a march through the city on Saturday and were printing banners.",
            "Saturday",
            "2026-03-14",
        ),
        # A relative clause closed before the date does not set its tense.
        (
            "The sale, which had been expected, is part of a plan to repay the loan by Friday.",
            "Friday",
            "2026-03-13",
        ),
        (
            "He replaced a director who resigned as chairman, president and chief in February.",
            "February",
            "2026-02",
        ),
    ],
)
def test_weekday_tense_in_news_phrasing(sentence: str, text: str, value: str) -> None:
    assert (text, value) in values(sentence, WEDNESDAY)


# --- tense in real news phrasing --------------------------------------------------------------


TUESDAY = date(2025, 9, 16)
LATE_JULY = date(2025, 7, 30)


@pytest.mark.parametrize(
    ("sentence", "reference", "text", "value"),
    [
        # A past verb of intention, agreement or plan with its infinitive looks ahead ...
        ("Both sides agreed to meet again on Thursday.", TUESDAY, "Thursday", "2025-09-18"),
        ("The board decided to vote on the merger on Thursday.", TUESDAY, "Thursday", "2025-09-18"),
        ("Teachers threatened to walk out on Monday.", TUESDAY, "Monday", "2025-09-22"),
        ("The airline planned to resume flights on Friday.", TUESDAY, "Friday", "2025-09-19"),
        ("The union vowed to strike on Monday.", TUESDAY, "Monday", "2025-09-22"),
        # ... unless the day dates the decision itself, or "to" is no infinitive.
        ("Negotiators agreed Friday to trade proposals.", TUESDAY, "Friday", "2025-09-12"),
        ("On Friday, the council voted to raise fares.", TUESDAY, "Friday", "2025-09-12"),
        ("The two sides agreed to a ceasefire on Friday.", TUESDAY, "Friday", "2025-09-12"),
        # A past that looks like the base form: "it forecast", "the company cut its ...".
        (
            "The firm now expects sales of $4.1 billion, down from the $4.4 billion it forecast in February.",
            LATE_JULY,
            "February",
            "2025-02",
        ),
        ("Investors expect gains after the retailer cut its prices in March.", LATE_JULY, "March", "2025-03"),
        (
            "Shares will open higher after Apple cut its outlook in February.",
            LATE_JULY,
            "February",
            "2025-02",
        ),
        # The same words as a noun or a present tense leave the clause to its other verbs.
        ("Traders expect a rate cut in September.", LATE_JULY, "September", "2025-09"),
        ("Analysts forecast that sales will recover in March.", LATE_JULY, "March", "2026-03"),
    ],
)
def test_tense_of_real_news_phrasing(sentence: str, reference: date, text: str, value: str) -> None:
    assert (text, value) in values(sentence, reference)


@pytest.mark.parametrize("reference", [date(2025, 10, 30), date(2025, 11, 30), date(2025, 12, 20)])
def test_a_past_verb_governing_a_month_wins_however_far(reference: date) -> None:
    """A month on the far side of publication is still the past one when its own verb is past."""
    assert values("In January, gunmen killed 12 people in a market town.", reference) == [
        ("January", "2025-01")
    ]
    assert values("Gunmen killed 12 people in January.", reference) == [("January", "2025-01")]
    assert values("The mayor said the plant will close in January.", reference) == [("January", "2026-01")]


MAY_21 = date(2025, 5, 21)
FRIDAY_JULY_31 = date(2026, 7, 31)


@pytest.mark.parametrize(
    ("sentence", "reference", "value"),
    [
        # A past verb surely governing a bare quarter or half puts it in the past ...
        ("Sales peaked in the third quarter.", MAY_21, "2024-Q3"),
        ("In the fourth quarter, the chain closed 40 stores.", MAY_21, "2024-Q4"),
        ("Output rose in the second half.", MAY_21, "2024-H2"),
        # ... a future verb ahead, as before ...
        ("Sales will peak in the third quarter.", MAY_21, "2025-Q3"),
        ("The insurer expects margins to recover in the fourth quarter.", MAY_21, "2025-Q4"),
        # ... but a quarter qualifying a figure belongs to the figure, not to the verb: results
        # are reported after the quarter ends.
        ("The retailer said it expects to report a first-quarter loss.", date(2025, 4, 22), "2025-Q1"),
        ("The lender will post Q1 earnings on Thursday.", date(2025, 4, 22), "2025-Q1"),
    ],
)
def test_a_governing_verb_places_a_bare_quarter_or_half(sentence: str, reference: date, value: str) -> None:
    assert [v for _, v in values(sentence, reference) if "Q" in v or "H" in v] == [value]


@pytest.mark.parametrize(
    ("sentence", "reference", "text", "value"),
    [
        # A stop put in place until a day: the day ends a state that still holds, so it lies
        # ahead whatever the tense of the verb.
        ("Two airlines cancelled flights through Thursday.", MAY_21, "Thursday", "2025-05-22"),
        ("The port authority has suspended ferry service until Monday.", MAY_21, "Monday", "2025-05-26"),
        ("Schools in the district closed until Monday after the storm.", MAY_21, "Monday", "2025-05-26"),
        (
            "Regulators extended the comment period until 5 p.m. Friday.",
            MONDAY,
            "5 p.m. Friday",
            "2025-05-23T17:00",
        ),
        (
            "The ministry shut the border crossing till Sunday, officials said.",
            MAY_21,
            "Sunday",
            "2025-05-25",
        ),
        # A span that merely lasted until a day, or a stop dated by the day, stays past.
        ("The strike lasted until Friday.", MAY_21, "Friday", "2025-05-16"),
        ("Airlines cancelled hundreds of flights on Tuesday.", MAY_21, "Tuesday", "2025-05-20"),
        ("The museum remained open through Sunday.", MAY_21, "Sunday", "2025-05-18"),
        # A state said to hold now, in the present, holds until the day ahead.
        (
            "A heat advisory remains in effect through Sunday evening.",
            FRIDAY_JULY_31,
            "Sunday evening",
            "2026-08-02TEV",
        ),
        ("The curfew remains in place until Thursday.", MAY_21, "Thursday", "2025-05-22"),
        ("Polling stations stay open through Saturday in rural districts.", MAY_21, "Saturday", "2025-05-24"),
    ],
)
def test_a_stop_until_a_day_looks_ahead(sentence: str, reference: date, text: str, value: str) -> None:
    assert (text, value) in values(sentence, reference)


MONDAY_SEPT_14 = date(2026, 9, 14)


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        # An itinerary in the present tense is a schedule: the coming days.
        (
            "On Thursday she flies to Seoul for talks, and she leaves for Berlin on Friday.",
            MONDAY_SEPT_14,
            [("Thursday", "2026-09-17"), ("Friday", "2026-09-18")],
        ),
        ("The delegation heads for Nairobi on Wednesday.", MONDAY_SEPT_14, [("Wednesday", "2026-09-16")]),
        ("The two ministers fly to Geneva on Tuesday.", MONDAY_SEPT_14, [("Tuesday", "2026-09-15")]),
        # A forecast or a projection with its infinitive looks ahead.
        (
            "Highs are forecast to reach 104 degrees on Saturday and 106 on Sunday.",
            FRIDAY_JULY_31,
            [("Saturday", "2026-08-01"), ("Sunday", "2026-08-02")],
        ),
        ("Turnout is projected to top 60% on Sunday.", FRIDAY_JULY_31, [("Sunday", "2026-08-02")]),
        ("The storm is predicted to make landfall on Tuesday.", FRIDAY_JULY_31, [("Tuesday", "2026-08-04")]),
        # The same verbs in the past stay past.
        ("She flew to Seoul on Thursday.", MONDAY_SEPT_14, [("Thursday", "2026-09-10")]),
        ("The minister left for Berlin on Friday.", MONDAY_SEPT_14, [("Friday", "2026-09-11")]),
    ],
)
def test_present_itineraries_and_forecasts_look_ahead(
    sentence: str, reference: date, expected: list[tuple[str, str]]
) -> None:
    assert values(sentence, reference) == expected


def test_an_overnight_low_or_high_is_no_time() -> None:
    sentence = "Temperatures will fall, with the overnight low on Tuesday near 40 degrees."
    assert values(sentence, FRIDAY_JULY_31) == [("Tuesday", "2026-08-04")]
    assert values("Drones struck the port overnight.", FRIDAY_JULY_31) == [("overnight", "2026-07-30TNI")]


TUESDAY_OCT_6 = date(2026, 10, 6)


@pytest.mark.parametrize(
    "sentence",
    [
        "Brightwater agreed to pay $42 a share, a 31% premium to Greenfield's closing price on Friday.",
        "The shares, which closed at $32.05 on Friday, will be delisted next month.",
        "The buyer will pay 40% above Friday's close.",
        "The offer is 25% above the stock's closing level on Friday, and the deal will close in March.",
    ],
)
def test_a_close_on_a_weekday_is_the_last_trading_day(sentence: str) -> None:
    fridays = [v for text, v in values(sentence, TUESDAY_OCT_6) if text == "Friday"]
    assert fridays == ["2026-10-02"]


def test_a_span_from_a_day_of_the_publication_week_counts_from_publication() -> None:
    sentence = "Organizers said Tuesday that attendance was 12% higher than a year before."
    assert values(sentence, date(2026, 7, 14)) == [("Tuesday", "2026-07-14"), ("a year before", "2025")]
    # From a day of the story, not of its telling, the span counts from that day.
    story = "The dam failed on March 3, 2019. A year later, the valley was still flooded."
    assert values(story, date(2026, 7, 14)) == [
        ("March 3, 2019", "2019-03-03"),
        ("A year later", "2020-03-03"),
    ]


def test_the_past_decade_is_a_span_and_approximate_dates_keep_their_word() -> None:
    decade = one("Harassment of clinic staff has become routine over the past decade.", date(1998, 10, 25))
    assert (decade.text, decade.type, decade.value) == ("the past decade", "DURATION", "P10Y")
    assert one("In the last decade, prices doubled.", date(1998, 10, 25)).value == "198"
    ago = one("The firm listed its shares about two years ago.", date(1989, 11, 1))
    assert (ago.text, ago.type, ago.value, ago.mod) == ("about two years ago", "DATE", "1987", "APPROX")


def test_a_reporting_year_ending_on_a_named_day_is_a_year_long() -> None:
    assert values("The insurer expects a loss for the year ending tomorrow.") == [
        ("the year", "P1Y"),
        ("tomorrow", "2025-05-20"),
    ]


def test_a_rate_in_money_is_no_duration() -> None:
    assert values("The preferred shares carry a dividend of $1.76 a year.") == []
    assert values("Rooms at the new resort will cost $80 a night.") == []
    assert [t.type for t in tag("Arrests came in the early hours of Sunday morning.", MONDAY)] == ["TIME"]


def test_dense_input_gives_one_value_per_expression() -> None:
    found = tag("June, " * 500, date(2025, 3, 1))
    assert len(found) == 500 and {t.value for t in found} == {"2025-06"}
    assert tag("-" * 5000 + " on Friday " + "-" * 5000, MONDAY)[0].value == "2025-05-16"


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        # present tense on May 19: this spring's span, not next March to this May
        ("The festival runs from March to May.", MONDAY, [("March", "2025-03"), ("May", "2025-05")]),
        ("Crews will work between June and August.", MONDAY, [("June", "2025-06"), ("August", "2025-08")]),
        # a span over the new year keeps its order
        ("It opens from November to February.", MONDAY, [("November", "2025-11"), ("February", "2026-02")]),
        ("Snow fell from December through March.", APRIL_2, [("December", "2023-12"), ("March", "2024-03")]),
        ("It ran from Wednesday to Monday.", MONDAY, [("Wednesday", "2025-05-14"), ("Monday", "2025-05-19")]),
    ],
)
def test_the_ends_of_a_yearless_range_are_placed_together(
    sentence: str, reference: date, expected: list[tuple[str, str]]
) -> None:
    assert values(sentence, reference) == expected


def test_a_range_ending_in_a_day_is_left_to_the_date_rules() -> None:
    assert values("Voting runs from March 3 to May 15, 2026.")[-1] == ("May 15, 2026", "2026-05-15")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Hiring will slow in the back half of the year.", "the back half of the year", "2025-H2"),
        ("The retailer said first-half profit fell 12%.", "first-half", "2025-H1"),
        ("Revenue rose 8% in the first half, the company said.", "the first half", "2025-H1"),
    ],
)
def test_halves_of_the_year_by_tense(sentence: str, text: str, value: str) -> None:
    assert values(sentence) == [(text, value)]


def test_an_amount_before_with_nothing_after_is_a_date() -> None:
    found = one("Home prices were 12% higher than a year before.")
    assert (found.text, found.type, found.value) == ("a year before", "DATE", "2024")
    # before an event it stays a span
    assert values("He resigned a year before the election.")[0] == ("a year", "P1Y")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Repairs to the bridge will take two to three weeks.", "two to three weeks", "PXW"),
        ("The plan rolls out over the next 12 to 18 months.", "the next 12 to 18 months", "PXM"),
        ("He faces five to 10 years in prison.", "five to 10 years", "PXY"),
        ("Delivery takes between three and five days.", "between three and five days", "PXD"),
    ],
)
def test_a_range_of_amounts_is_one_vague_duration(sentence: str, text: str, value: str) -> None:
    found = one(sentence)
    assert (found.text, found.type, found.value) == (text, "DURATION", value)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Volunteers guard the dam 24 hours a day.", "24 hours a day", "P1D"),
        ("The clinic is open seven days a week.", "seven days a week", "P1W"),
        ("The candidate gave three interviews a day.", "a day", "P1D"),
        ("The plant ships 200 tractors a year.", "a year", "P1Y"),
    ],
)
def test_a_rate_of_things_is_a_set(sentence: str, text: str, value: str) -> None:
    found = one(sentence)
    assert (found.text, found.type, found.value) == (text, "SET", value)


def test_a_span_before_a_date_ago_is_no_rate() -> None:
    assert values("He served two years a decade ago.") == [("two years", "P2Y"), ("a decade ago", "201")]


@pytest.mark.parametrize(
    "sentence",
    ["Rooms cost $55 a night.", "The airline added four flights a week.", "It flew at 60 miles per hour."],
)
def test_money_speed_and_traffic_rates_are_no_set(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The mayor paused for a while before answering.", "a while", "PXX"),
        ("The two sides have not spoken for some time.", "some time", "PXX"),
        ("In the years that followed, the mill town shrank.", "the years that followed", "PXY"),
        ("After months of talks, the union accepted the offer.", "months", "PXM"),
        ("The region has endured years of drought.", "years", "PXY"),
    ],
)
def test_vague_spans(sentence: str, text: str, value: str) -> None:
    found = one(sentence)
    assert (found.text, found.type, found.value) == (text, "DURATION", value)


def test_a_stated_amount_of_an_activity_keeps_its_amount() -> None:
    assert values("The strike ended after two days of talks.") == [("two days", "P2D")]
    assert values("The bank reported several quarters of losses.") == [("several quarters", "PXQ")]


def test_some_time_with_a_date_is_that_date() -> None:
    assert values("The board will vote some time next week.") == [("some time next week", "2025-W22")]
    assert values("He left a while ago.") == [("a while ago", "PAST_REF")]


def test_a_clock_time_is_on_the_day_of_its_paragraph_or_the_publication_day() -> None:
    text = (
        "Floodwater swept through the valley on Saturday, May 9, and forced hundreds from their homes.\n\n"
        "The town hall will stay open until 9 p.m. for those seeking shelter.\n\n"
        "Polls close at 8 p.m. in the county's special election.\n\n"
        "Voting in the runoff begins Thursday and ends at 7 p.m.\n\n"
        "Polls open at 7 a.m.\n"
    )
    assert values(text, date(2026, 5, 12)) == [
        ("Saturday, May 9", "2026-05-09"),
        ("9 p.m.", "2026-05-12T21:00"),  # another paragraph's day: the publication day
        ("8 p.m.", "2026-05-12T20:00"),
        ("Thursday", "2026-05-14"),
        ("7 p.m.", "2026-05-14T19:00"),  # the day named in its own sentence
        ("7 a.m.", "2026-05-14T07:00"),  # a coming day named before
    ]
    story = "The river flooded the valley on Saturday, May 9.\n\nThe levee broke at 2 a.m., residents said.\n"
    assert values(story, date(2026, 5, 12))[-1] == ("2 a.m.", "2026-05-09T02:00")  # told in the past


@pytest.mark.parametrize(
    ("sentence", "reference", "value"),
    [
        ("The president leaves Friday for a three-nation tour of Asia.", date(2026, 9, 14), "2026-09-18"),
        ("After the summit, Chancellor Weber heads home Sunday.", date(2026, 9, 16), "2026-09-20"),
        ("She flies Tuesday to Lagos for the trade talks.", date(2026, 9, 16), "2026-09-22"),
        ("The leaves fell on Friday across the park.", date(2026, 9, 14), "2026-09-11"),
        ("The minister's leave ended Friday.", date(2026, 9, 14), "2026-09-11"),
    ],
)
def test_a_bare_verb_of_travel_before_a_weekday_is_a_schedule(
    sentence: str, reference: date, value: str
) -> None:
    assert one(sentence, reference).value == value


@pytest.mark.parametrize(
    ("sentence", "reference", "value"),
    [
        ("Preorders open on Friday on the company's website.", date(2026, 9, 17), "2026-09-18"),
        ("Classes begin Monday for most of the district's 40,000 students.", date(2026, 9, 17), "2026-09-21"),
        ("Early voting starts Tuesday in three counties.", date(2026, 9, 17), "2026-09-22"),
        ("The sale kicks off Saturday at the downtown store.", date(2026, 9, 17), "2026-09-19"),
        ("Tickets go on sale Friday through the box office.", date(2026, 9, 17), "2026-09-18"),
        ("The museum remained open through Sunday.", date(2025, 5, 21), "2025-05-18"),
        ("The pass was open on Friday for the first time since the storm.", date(2025, 5, 21), "2025-05-16"),
        ("Reyes won an open council seat on Tuesday.", date(2025, 11, 5), "2025-11-04"),
        ("The season's opening was on Saturday.", date(2026, 9, 17), "2026-09-12"),
    ],
)
def test_a_present_verb_of_opening_or_starting_before_a_weekday_is_a_timetable(
    sentence: str, reference: date, value: str
) -> None:
    assert one(sentence, reference).value == value


@pytest.mark.parametrize(
    ("sentence", "reference", "value"),
    [
        (
            "The club will host the visitors at its newly renovated stadium on Jan. 16.",
            date(2026, 8, 29),
            "2027-01-16",
        ),
        ("The orchestra will play the restored concert hall on March 4.", date(2026, 10, 2), "2027-03-04"),
        ("The trial is set to begin on Feb. 3.", date(2026, 11, 20), "2027-02-03"),
        ("The trial began on Oct. 3.", date(2026, 11, 20), "2026-10-03"),
        ("The club will host the champions on Aug. 20.", date(2026, 8, 29), "2027-08-20"),
        ("The orchestra is set to perform on Sept. 3 at the amphitheater.", date(2026, 9, 10), "2027-09-03"),
        ("The safety board will review the Aug. 20 crash of a cargo plane.", date(2026, 8, 29), "2026-08-20"),
        ("Officials must return the seized boat by Jan. 14.", date(2026, 1, 15), "2026-01-14"),
        ("But on April 8, investigators will search the site again.", date(2026, 4, 20), "2026-04-08"),
        ("The offer had been set to expire on Nov. 6.", date(2025, 11, 2), "2025-11-06"),
    ],
)
def test_a_future_clause_puts_a_month_day_past_this_year_into_the_next(
    sentence: str, reference: date, value: str
) -> None:
    assert one(sentence, reference).value == value


@pytest.mark.parametrize(
    ("sentence", "reference", "value"),
    [
        ("The two leaders will meet Aug. 20 in Geneva.", date(2026, 8, 29), "2027-08-20"),
        ("The board is expected to vote Jan. 16 on the merger.", date(2026, 1, 20), "2027-01-16"),
        ("The two leaders met Aug. 20 in Geneva.", date(2026, 8, 29), "2026-08-20"),
        ("The board will review its Aug. 20 filing.", date(2026, 8, 29), "2026-08-20"),
    ],
)
def test_a_future_verb_right_before_a_month_day_times_its_event_like_on(
    sentence: str, reference: date, value: str
) -> None:
    """ "Will meet Aug. 20" is "will meet on Aug. 20"; a day that qualifies a noun is not."""
    assert one(sentence, reference).value == value


# --- the days of events --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "The allies issued an ultimatum demanding a withdrawal starting at noon Saturday.",
            "2025-05-17T12:00",
        ),
        ("The rally began at noon Saturday.", "2025-05-17T12:00"),
        ("Firefighters arrived at 9 a.m. Saturday to find the building engulfed.", "2025-05-17T09:00"),
        ("Voters lined up hours before polls opened at 7 a.m. Saturday.", "2025-05-17T07:00"),
        ("The offer runs until noon Thursday.", "2025-05-22T12:00"),
    ],
)
def test_a_clock_time_on_a_weekday_in_a_past_narrative_is_past(sentence: str, value: str) -> None:
    timexes = [t for t in tag(sentence, MONDAY) if t.type == "TIME"]
    assert [t.value for t in timexes] == [value]


def test_an_onset_after_a_past_verb_is_the_nearest_such_day() -> None:
    """ "Announced a strike ... effective Monday": ahead of the announcement, on either side of
    publication."""
    sentence = "The union announced a strike on Friday, effective Monday."
    assert ("Monday", "2025-05-26") in values(sentence, date(2025, 5, 24))
    assert ("Monday", "2025-05-19") in values(sentence, date(2025, 5, 20))


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The museum remains open Sunday for visitors.", "2025-05-25"),
        ("Most banks are closed Monday for the holiday.", "2025-05-26"),
        ("The exhibit stays on view Sunday.", "2025-05-25"),
        ("The museum was open Sunday for visitors.", "2025-05-18"),
        ("The road remains closed after Sunday's landslide.", "2025-05-18"),
    ],
)
def test_a_present_state_on_a_weekday_is_the_coming_one(sentence: str, value: str) -> None:
    assert one(sentence, date(2025, 5, 21)).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "On Tuesday, the council, which was formed in 2019, voted at 3 p.m. to approve the plan.",
            "2025-05-13T15:00",
        ),
        (
            "The council met on Tuesday for the first time since March. At 3 p.m., it voted.",
            "2025-05-13T15:00",
        ),
        (
            "The fire started on Thursday. It was the worst since 2019. By 6 p.m., 40 homes had burned.",
            "2025-05-15T18:00",
        ),
        ("The fire started on Thursday, the worst since 2019.\n\nPolls close at 8 p.m.", "2025-05-19T20:00"),
    ],
)
def test_a_clock_time_is_on_the_day_its_paragraph_named_though_a_year_came_between(
    text: str, value: str
) -> None:
    assert [t.value for t in tag(text, MONDAY) if t.type == "TIME"] == [value]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Sales rose in the second and third quarters, the company said.",
            [("second", "2024-Q2"), ("third quarters", "2024-Q3")],
        ),
        ("Analysts expect growth in Q3 and Q4.", [("Q3", "2025-Q3"), ("Q4", "2025-Q4")]),
        ("Margins fell in Q4 and Q1.", [("Q4", "2024-Q4"), ("Q1", "2025-Q1")]),
        (
            "Margins will widen in the third and fourth quarters.",
            [("third", "2025-Q3"), ("fourth quarters", "2025-Q4")],
        ),
        (
            "Sales are usually strongest in the second and fourth quarters.",
            [("second", "XXXX-Q2"), ("fourth quarters", "XXXX-Q4")],
        ),
    ],
)
def test_a_pair_of_quarters_without_a_year_lies_together(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "text", "type_", "value"),
    [
        ("One day I will go back to that village, she said.", "One day", "DATE", "FUTURE_REF"),
        ("She hopes to one day run for mayor.", "one day", "DATE", "FUTURE_REF"),
        ("The city could one day host the Games.", "one day", "DATE", "FUTURE_REF"),
        ("He died one day after the vote.", "one day", "DURATION", "P1D"),
        ("One day after the vote, officials will meet again.", "One day", "DURATION", "P1D"),
        ("The strike will last one day.", "one day", "DURATION", "P1D"),
        ("If I were choosing the people of tomorrow, I would choose them.", "tomorrow", "DATE", "FUTURE_REF"),
    ],
)
def test_someday_and_tomorrow_in_general_are_no_day(sentence: str, text: str, type_: str, value: str) -> None:
    timex = one(sentence)
    assert (timex.text, timex.type, timex.value) == (text, type_, value)


def test_quarters_after_a_fiscal_quarter_count_in_fiscal_years() -> None:
    text = (
        "The company, whose fiscal year ends June 30, reported results for the fourth quarter of fiscal "
        "2026. It forecast growth for fiscal 2027, mostly in the second half of the fiscal year, and will "
        "report first-quarter results in October."
    )
    assert values(text, date(2026, 8, 27)) == [
        ("June 30", "XXXX-06-30"),
        ("the fourth quarter of fiscal 2026", "FY2026-Q4"),
        ("fiscal 2027", "2027"),
        ("the second half of the fiscal year", "FY2027-H2"),
        ("first-quarter", "FY2027-Q1"),
        ("October", "2026-10"),
    ]


def test_a_past_fiscal_quarter_after_a_fiscal_quarter_is_the_latest_not_after_it() -> None:
    text = "Sales rose in the fourth quarter of fiscal 2026, after a loss in the third quarter."
    assert ("the third quarter", "FY2026-Q3") in values(text, date(2026, 8, 27))


@pytest.mark.parametrize(
    ("sentence", "reference", "text", "value"),
    [
        (
            "There are no classes on the Friday after Thanksgiving.",
            date(2026, 9, 2),
            "the Friday after Thanksgiving",
            "2026-11-27",
        ),
        ("Classes begin Tuesday, a week later than planned.", date(2026, 9, 2), "a week", "P1W"),
        (
            "The university said the fall semester will end on Dec. 18.",
            date(2026, 9, 2),
            "the fall semester",
            "2026-FA",
        ),
        (
            "The provost said the spring semester would start on Jan. 19.",
            date(2026, 9, 2),
            "the spring semester",
            "2027-SP",
        ),
        ("The talks ran from May 12 to May 14 in Geneva.", date(2025, 5, 19), "May 14", "2025-05-14"),
    ],
)
def test_school_calendars_and_comparisons(sentence: str, reference: date, text: str, value: str) -> None:
    """Terms are seasons; a span "later than planned" is no date; a speech verb before a noun
    phrase is not the tense of the clause it reports; "May" with a capital is no modal."""
    assert (text, value) in values(sentence, reference)


def test_a_quarter_not_yet_over_is_no_period_a_report_is_about() -> None:
    """A forecast ("losses through the third quarter of 1990") does not change which quarter
    "the year-ago period" is a year before."""
    text = (
        "The steelmaker posted a 54% drop in third-quarter profit. Analysts expect the trend to "
        "continue into the fourth quarter and see losses through the third quarter of 1990. In the "
        "year-ago period, it earned $101 million."
    )
    assert ("the year-ago period", "1988-Q3") in values(text, date(1989, 10, 26))


def test_the_same_day_after_a_coarser_period_is_the_day_its_paragraph_named() -> None:
    text = (
        "Orbitline unveiled its headset on Wednesday. It reported results for the fourth quarter of "
        "fiscal 2026 the same day."
    )
    assert ("the same day", "2026-08-26") in values(text, date(2026, 8, 27))


def test_a_clock_time_with_its_zone_and_a_weekday_is_on_that_weekday() -> None:
    """ "2:14 a.m. local time Wednesday" is one expression of that Wednesday, not a time of the
    day the paragraph before named."""
    text = "Crews searched the rubble through Tuesday.\n\nThe quake struck at 2:14 a.m. local time Wednesday."
    assert values(text, date(2025, 5, 22))[-1] == ("2:14 a.m. local time Wednesday", "2025-05-21T02:14")
    assert ("9:05 a.m. Moscow time on Friday", "2025-05-16T09:05") in values(
        "The drone hit the depot at 9:05 a.m. Moscow time on Friday.", date(2025, 5, 19)
    )


def test_a_capitalised_word_after_a_clock_time_is_no_zone() -> None:
    found = values("The guards met at 9 a.m. out of sight of the gate.", MONDAY)
    assert found == [("9 a.m.", "2025-05-19T09:00")]


def test_a_blank_line_ends_a_sentence_after_an_abbreviation() -> None:
    """ "... at 9 p.m." then a new paragraph: the paragraph's own verb gives its tense, and no
    expression runs over the break."""
    text = "Results will come at 9 p.m.\n\nOn Tuesday, the board met at 8 p.m."
    assert values(text, date(2026, 11, 4)) == [
        ("9 p.m.", "2026-11-04T21:00"),
        ("Tuesday", "2026-11-03"),
        ("8 p.m.", "2026-11-03T20:00"),
    ]


ELECTION_MORNING = datetime(2026, 11, 4, 6, 10)  # published at 06:10 the morning after


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Polls closed at 7:30 p.m. in most of the state.", "2026-11-03T19:30"),
        ("Polls closed at 7:30 p.m. The count resumed at 5 a.m.", "2026-11-04T05:00"),  # before publication
        ("Polls closed at 7:30 p.m. Officials finished at 11 p.m.", "2026-11-03T23:00"),
        ("The results will be certified at 3 p.m.", "2026-11-04T15:00"),  # ahead: later that day
        ("On Monday, the governor voted at 9 p.m.", "2026-11-02T21:00"),  # a day named: that day
    ],
)
def test_a_past_time_later_than_a_morning_publication_is_of_the_day_before(text: str, value: str) -> None:
    assert values(text, ELECTION_MORNING)[-1][1] == value


def test_a_plain_date_reference_keeps_times_on_the_publication_day() -> None:
    text = "Polls closed at 7:30 p.m. in most of the state."
    assert values(text, ELECTION_MORNING.date()) == [("7:30 p.m.", "2026-11-04T19:30")]
    assert [t.anchor for t in tag(text, ELECTION_MORNING)] == ["2026-11-04"]  # the anchor is a day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last year, the first frost came on Nov. 2.", ("Nov. 2", "2025-11-02")),
        ("In 2019, the mill closed in March.", ("March", "2019-03")),
        ("The bonds due 1993 expire Nov. 21.", ("Nov. 21", "2026-11-21")),  # no year opens the sentence
        ("Last year, sales fell. The plant will reopen on June 1.", ("June 1", "2027-06-01")),
    ],
)
def test_a_year_opening_the_sentence_holds_its_yearless_days_and_months(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in values(text, date(2026, 10, 19))


def test_a_bare_weekday_after_a_week_named_in_its_paragraph_lies_in_that_week() -> None:
    """ "This weekend looks dry, with frost possible early Saturday" is this week's Saturday,
    though no verb gives the tense."""
    text = "This weekend looks dry but chilly, with frost possible early Saturday and early Sunday."
    assert values(text, date(2026, 10, 19)) == [
        ("This weekend", "2026-W43-WE"),
        ("Saturday", "2026-10-24"),
        ("Sunday", "2026-10-25"),
    ]


def test_a_time_in_the_small_hours_after_a_days_midnight_is_of_the_next_day() -> None:
    text = (
        "Officers were called shortly before midnight on Saturday.\n\n"
        "About 20 minutes later, at 12:15 a.m., officers were sent back to the bar."
    )
    assert ("12:15 a.m.", "2026-04-12T00:15") in values(text, date(2026, 4, 13))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # An attribution followed by a participle's clause is still only an attribution.
        ("The front will bring rain Tuesday through Thursday, forecasters said Monday, ending a dry spell.",
         "2026-10-22"),
        # A date that opens the sentence belongs to its main verb, though that is a speech verb.
        ("Crews left on Friday.\n\nAt 12:15 a.m., a caller reported gunshots.", "2026-10-16T00:15"),
        # A verb close before the date, in its clause, is not overruled by one after it.
        ("Highs, which reached 78 over the weekend, will struggle to reach 55 on Friday.", "2026-W42-WE"),
        ("Growers should cover tender plants Friday night.", "2026-10-23TNI"),
    ],
)  # fmt: skip
def test_the_verb_that_times_a_date(text: str, value: str) -> None:
    found = [v for _, v in values(text, date(2026, 10, 19))]
    assert value in found


def test_deictic_days_in_a_quotation_count_from_the_day_its_attribution_names() -> None:
    """ "Tonight" said on Tuesday, in a story of Wednesday, is Tuesday night; a quotation with
    no day named, or words outside any, count from the publication day."""
    text = (
        'The council met into the night.\n\n"We will hold the line tonight, and tomorrow we vote," '
        'the mayor said Tuesday. "Today was hard."\n\nRain fell today.'
    )
    assert values(text, date(2026, 11, 4)) == [
        ("tonight", "2026-11-03TNI"),
        ("tomorrow", "2026-11-04"),
        ("Tuesday", "2026-11-03"),
        ("Today", "2026-11-04"),
        ("today", "2026-11-04"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Officials counted 14 cases on Feb. 1 and 26 more on Feb. 22.",
        "The first crates arrived on March 3 and 40 others followed in April.",
        "Inspectors found 12 leaks on June 9 and 7 cracks a week later.",
        "The count rose from 14 on Feb. 1 to 26 on Feb. 22.",
    ],
)
def test_a_number_after_a_date_that_counts_something_is_no_day(text: str) -> None:
    found = values(text, date(2026, 11, 4))
    assert all(not value.startswith(("2026-02-26", "2027-02-26")) for _, value in found)
    assert [span for span, _ in found if span.isdigit()] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A past verb that times a yearless day puts it behind, even months back ...
        ("Cases rose on Feb. 1.", "2026-02-01"),
        ("The two ships collided on Jan. 28 off the cape.", "2026-01-28"),
        # ... though a deadline it set may lie just ahead.
        ("The contract had been set to expire on Nov. 6.", "2026-11-06"),
    ],
)
def test_a_past_verb_keeps_its_yearless_day_behind(text: str, value: str) -> None:
    assert [v for _, v in values(text, date(2026, 11, 4))] == [value]


def test_a_pair_of_days_after_a_month_is_still_two_days() -> None:
    assert values("Voting is set for June 3 and 4 in most districts.", date(2026, 5, 20)) == [
        ("June 3", "2026-06-03"),
        ("4", "2026-06-04"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Supporters gathered at the hotel on election night.", date(2026, 11, 4), "2026-11-03TNI"),
        ("The networks will call the race on election night.", date(2026, 10, 30), "2026-11-03TNI"),
        ("Election Night parties drew thin crowds, he recalled.", date(2024, 12, 2), "2024-11-05TNI"),
    ],
)
def test_election_night_is_the_night_of_election_day(text: str, published: date, value: str) -> None:
    assert ("election night", value) in [(span.lower(), v) for span, v in values(text, published)]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Crowds cheered on primary night, and tickets sold out for opening night.", date(2026, 6, 3)),
        ("The party celebrated on election night in London.", date(2024, 7, 6)),  # not November's
        ("Turnout fell, and the count ran past midnight on primary election night.", date(2026, 9, 16)),
    ],
)
def test_a_night_named_for_an_undated_event_is_not_tagged(text: str, published: date) -> None:
    assert not [v for span, v in values(text, published) if "night" in span.lower()]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # Headlines drop the tense: the weekday is the one nearest publication, either side.
        ("Cold front brings rain Tuesday\n\nThe rain will last all day.", date(2026, 10, 19), "2026-10-20"),
        ("Storm knocks out power Monday\n\nCrews worked all night.", date(2026, 10, 20), "2026-10-19"),
        ("Council votes on budget Thursday\n\nIt is the last vote.", date(2026, 12, 7), "2026-12-10"),
    ],
)  # fmt: skip
def test_a_headline_weekday_is_the_one_nearest_publication(text: str, published: date, value: str) -> None:
    assert values(text, published)[0][1] == value


def test_a_sentence_on_the_first_line_is_no_headline() -> None:
    monday = date(2026, 10, 19)
    assert values("Rain and wind Tuesday.\n\nThe storm moved east.", monday) == [("Tuesday", "2026-10-13")]
    assert values("Rain and wind Tuesday\n\nThe storm moved east.", monday) == [("Tuesday", "2026-10-20")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A notice's validity lies ahead of its issuing: its start nearest publication, its end ahead.
        ("Forecasters issued a flood watch from Tuesday afternoon through Thursday.", date(2026, 10, 19),
         [("Tuesday afternoon", "2026-10-20TAF"), ("Thursday", "2026-10-22")]),
        ("Officials issued a red flag warning for the hills starting Saturday.", date(2026, 10, 16),
         [("Saturday", "2026-10-17")]),
        ("The county issued an evacuation order until Friday.", date(2026, 10, 19),
         [("Friday", "2026-10-23")]),
        # What became of it is told: over.
        ("The curfew lasted until Friday.", date(2026, 10, 19), [("Friday", "2026-10-16")]),
        ("A curfew was imposed from Tuesday, and it ended on Thursday.", date(2026, 10, 19),
         [("Tuesday", "2026-10-13"), ("Thursday", "2026-10-15")]),
    ],
)  # fmt: skip
def test_a_notice_from_or_until_a_day_is_valid_then(text: str, published: date, expected: list) -> None:
    assert values(text, published) == expected


def test_a_speech_verb_with_an_object_is_a_clause_not_an_attribution() -> None:
    text = (
        "Officers were called shortly before midnight on Saturday.\n\n"
        "About 20 minutes later, at 12:15 a.m., a second call reported gunshots."
    )
    assert ("12:15 a.m.", "2026-04-12T00:15") in values(text, date(2026, 4, 13))


SATURDAY_AUG_29 = date(2026, 8, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A team takes the plural; a relative clause in the past between it and its verb is an aside.
        ("Alder Park, who finished fourth last season, host the new leaders at home on Jan. 16.",
         ("Jan. 16", "2027-01-16")),
        ("The exhibit opens March 3 in the east wing.", ("March 3", "2027-03-03")),
        ("The appeals court hears arguments on Feb. 9.", ("Feb. 9", "2027-02-09")),
        ("The three judges hear the case on Feb. 9.", ("Feb. 9", "2027-02-09")),
    ],
)  # fmt: skip
def test_a_present_schedule_with_a_yearless_date_lies_ahead(text: str, expected: tuple) -> None:
    assert expected in values(text, SATURDAY_AUG_29)


def test_a_fixture_named_in_the_transfer_saga_is_next_season() -> None:
    from timeline.sources import read_article

    path = Path(__file__).parent / "fixtures" / "unseen" / "2026-08-29-coastline-sport-transfer-saga.md"
    article = read_article(path)  # published Saturday 2026-08-29; "Alder Park, who finished ..., host ..."
    assert ("Jan. 16", "2027-01-16") in values(article.text, article.published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1865, Lincoln travels to Richmond on April 4 and walks its streets.", ("April 4", "1865-04-04")),
        ("In 2019, the band plays its last show on Nov. 2.", ("Nov. 2", "2019-11-02")),
        # Only in the sentence the year opens: after it, the schedule may be the news of the day,
        ("Last year, the chain opened 12 stores. Its next one opens on March 3.", ("March 3", "2027-03-03")),
        # and a year that sets no scene dates nothing.
        ("He scored 17 goals, the most since 2009. Alder Park host the leaders on Jan. 16.",
         ("Jan. 16", "2027-01-16")),
        # A year ahead sets the scene of a schedule, or of a future, just as well.
        ("In 2028, the museum opens on May 3.", ("May 3", "2028-05-03")),
        ("In 2028, the museum will open on May 3.", ("May 3", "2028-05-03")),
    ],
)  # fmt: skip
def test_a_year_opening_the_sentence_dates_a_present_schedule(text: str, expected: tuple) -> None:
    assert expected in values(text, SATURDAY_AUG_29)


@pytest.mark.parametrize(
    "text",
    ["Fans packed the hall for the play on Friday.", "The show's host on Friday said it was over.",
     "Organisers faced a host of complaints on Friday.", "The show's hosts on Friday announced a new season.",
     "Her visits on Friday drew crowds."],
)  # fmt: skip
def test_a_present_after_a_determiner_or_possessive_is_a_noun(text: str) -> None:
    assert ("Friday", "2026-08-28") in values(text, SATURDAY_AUG_29)


# --- anniversaries, retrospectives, diplomatic calendars, seasons -------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Forty years ago this week, the dam gave way.", "Forty years ago this week", "1985-W20"),
        ("The mine opened a century ago today.", "a century ago today", "1925-05-19"),
        ("On this day in 1986, the reactor exploded.", "this day in 1986", "1986-05-19"),
        ("On this day 40 years ago, the reactor exploded.", "this day 40 years ago", "1985-05-19"),
        ("This week last year, the port was under water.", "This week last year", "2024-W20"),
        ("This time last year, the port was under water.", "This time last year", "2024-05-19"),
        ("Around this time next year the line should open.", "Around this time next year", "2026-05-19"),
    ],
)
def test_a_retrospective_is_the_publication_day_or_its_week_that_far_away(
    sentence: str, text: str, value: str
) -> None:
    assert values(sentence) == [(text, value)]


def test_a_date_after_a_happening_counts_from_the_date_the_text_gave_it() -> None:
    text = (
        "The earthquake struck on April 5, 2025, killing 212 people. "
        "A year after the earthquake, 6,000 people live in tents, officials said Friday. "
        "The first anniversary of the earthquake was marked by a Mass."
    )
    found = [(t.text, t.type, t.value) for t in tag(text, date(2026, 4, 6))]
    assert ("A year after the earthquake", "DATE", "2026-04-05") in found
    # The mention inside "a year after the earthquake" is no dating of it: not Friday's year on.
    assert ("The first anniversary of the earthquake", "DATE", "2026-04-05") in found


def test_a_happening_the_text_never_dated_gives_a_span_or_nothing() -> None:
    assert [
        (t.text, t.type, t.value) for t in tag("A year after the earthquake, many live in tents.", MONDAY)
    ] == [("A year", "DURATION", "P1Y")]
    assert tag("The first anniversary of the attack passed quietly.", MONDAY) == []
    # Dated less precisely than the step: a span, not a day made up inside March.
    coarse = "The flood hit in March 2023; two days after the flood, the bridge reopened."
    assert values(coarse) == [("March 2023", "2023-03"), ("two days", "P2D")]
    assert values("It was a year to the day since the flood.") == [("a year to the day", "P1Y")]


def test_the_nth_day_of_a_term_is_a_date_only_when_its_start_is_known() -> None:
    assert tag("It was the 100th day of his presidency.", MONDAY) == []
    dated = "His presidency began on Jan. 20, 2025. On the 100th day of his presidency, he signed 12 orders."
    assert ("the 100th day of his presidency", "2025-04-29") in values(dated)
    assert values("In the first 100 days, he signed 40 orders.") == [("the first 100 days", "P100D")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Leaders met on the sidelines of the G20 summit in Rio.", []),
        ("The week-long summit opens Monday.", [("week-long", "P1W"), ("Monday", "2025-05-19")]),
        ("She began a three-nation tour that ends Sunday in Nairobi.", [("Sunday", "2025-05-25")]),
    ],
)
def test_a_diplomatic_calendar_names_only_its_days(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Output will rise in 2026-27.", [("2026", "2026"), ("27", "2027")]),  # no period named: two years
        ("He served from 2019 through 2021.", [("2019", "2019"), ("2021", "2021")]),
        ("Prices rose between 2015 and 2018.", [("2015", "2015"), ("2018", "2018")]),
        ("Growth slowed in the 2010s and 2020s.", [("the 2010s", "201"), ("2020s", "202")]),
    ],
)  # fmt: skip
def test_a_range_across_years_gives_each_year_as_timeml_does(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert values(sentence) == expected


def test_a_plural_team_opening_its_season_on_a_weekday_looks_ahead() -> None:
    text = "Coastal United open the 2026-27 season at home on Saturday against Harbor Athletic."
    assert ("Saturday", "2026-09-12") in values(text, date(2026, 9, 8))


# --- read as an annotator reads our own articles ---------------------------------------------


def triples(text: str, reference: date = MONDAY) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in tag(text, reference)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The deal includes raises of 16 percent over four years.", ("four years", "P4Y", None)),
        ("Over eight days, jurors heard from 23 witnesses.", ("eight days", "P8D", None)),
        ("The storm led to 3,000 cancellations over four days.", ("four days", "P4D", None)),
        ("The strike is likely to last over a week.", ("over a week", "P1W", "MORE_THAN")),
        ("It was the first such vote in over a decade.", ("over a decade", "P10Y", "MORE_THAN")),
        ("He has lived there for over three years.", ("over three years", "P3Y", "MORE_THAN")),
    ],
)  # fmt: skip
def test_over_is_more_than_only_after_a_word_that_takes_a_length(
    sentence: str, expected: tuple[str, str, str | None]
) -> None:
    assert triples(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The terms were first reported by the Daily, which saw a summary.",
        "By Priya Raman, Health Desk Weekly",
        "A review in Publishers Weekly praised the novel.",
    ],
)
def test_a_frequency_word_in_a_title_is_no_set(sentence: str) -> None:
    assert tag(sentence, MONDAY) == []


def test_a_frequency_word_in_lower_case_is_still_a_set() -> None:
    assert [(t.text, t.type) for t in tag("The figures will be published weekly.", MONDAY)] == [
        ("weekly", "SET")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Homes with no connection faster than 25 megabits per second qualify.",
        "The field pumps 9 million barrels a day.",
    ],
)
def test_a_flow_rate_is_no_set(sentence: str) -> None:
    assert tag(sentence, MONDAY) == []


def test_last_after_a_modal_is_a_verb_that_looks_ahead() -> None:
    text = "The utility said Tuesday that the remaining outages would last until Thursday night."
    assert triples(text, date(2026, 2, 3)) == [
        ("Tuesday", "2026-02-03", None),
        ("Thursday night", "2026-02-05TNI", None),
    ]


def test_last_as_a_past_verb_or_adjective_still_looks_back() -> None:
    assert values("The curfew lasted until Friday.", date(2026, 2, 3)) == [("Friday", "2026-01-30")]
    assert values("He said last Friday that it was over.", date(2026, 2, 3)) == [
        ("last Friday", "2026-01-30")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China plans its own mission to Jupiter around 2029.", ("around 2029", "2029", "APPROX")),
        ("The map was drawn circa 1750.", ("circa 1750", "1750", "APPROX")),
        ("It opened in 1990.", ("1990", "1990", None)),
    ],
)
def test_a_year_said_around_is_approximate(sentence: str, expected: tuple[str, str, str | None]) -> None:
    assert triples(sentence) == [expected]


def test_a_clock_time_in_the_past_is_not_put_on_a_day_still_ahead() -> None:
    text = (
        "A fire gutted the library late Thursday, police said. The suspect will appear in court on"
        " Monday. The fire began shortly after 11 p.m."
    )
    assert values(text, date(2026, 8, 22)) == [
        ("Thursday", "2026-08-20"),
        ("Monday", "2026-08-24"),
        ("11 p.m.", "2026-08-20T23:00"),
    ]


def test_a_clock_time_ahead_still_takes_the_day_ahead() -> None:
    text = "The suspect will appear in court on Monday. The hearing will start at 9 a.m."
    assert values(text, date(2026, 8, 22)) == [("Monday", "2026-08-24"), ("9 a.m.", "2026-08-24T09:00")]


def test_a_year_ago_after_a_month_of_the_reported_quarter_is_that_month_a_year_back() -> None:
    text = (
        "The company reported a second-quarter loss, against a profit a year earlier."
        " Volumes fell 11% in June, versus a rise of 3% a year ago."
    )
    assert values(text, date(2025, 7, 30)) == [
        ("second-quarter", "2025-Q2"),
        ("a year earlier", "2024-Q2"),
        ("June", "2025-06"),
        ("a year ago", "2024-06"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FRIDAY HARBOR, Wash. — Ferry fares will rise on July 1.", [("July 1", "2026-07-01")]),
        ("Briefs\nMAY PEN, Jamaica — Floods closed the road on Monday.", [("Monday", "2026-05-11")]),
        ("TRUMP AND PUTIN TALKED FRIDAY, officials say", [("FRIDAY", "2026-05-08")]),
    ],
)  # fmt: skip
def test_a_calendar_word_in_a_dateline_place_names_no_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, date(2026, 5, 12)) == expected


def test_every_few_units_is_a_set() -> None:
    found = tag("Forecasters expect heat like this every few years.", MONDAY)
    assert [(t.text, t.type, t.value) for t in found] == [("every few years", "SET", "PXY")]


# --- the command line ------------------------------------------------------------------------


def test_timex_command_json(tmp_path: Path) -> None:
    text = "Officials met on Friday.\nThey will meet again Thursday, May 22.\n"
    article = tmp_path / "note.txt"
    article.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "timex", str(article), "--published", "2025-05-19", "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [(t["text"], t["type"], t["value"]) for t in payload] == [
        ("Friday", "DATE", "2025-05-16"),
        ("Thursday, May 22", "DATE", "2025-05-22"),
    ]
    for timex in payload:
        assert {"start", "end", "text", "type", "value", "mod"} <= set(timex)
        assert text[timex["start"] : timex["end"]] == timex["text"]


def test_quarters_without_a_year_after_a_fiscal_year_are_of_it() -> None:
    text = (
        "Fiscal 2025 sales rose 3%. In the fourth quarter, sales fell, and second-half costs rose. "
        "In calendar 2024, the chain opened 40 stores, most of them in the third quarter."
    )
    values = {t.text: t.value for t in tag(text, date(2025, 8, 14))}
    assert values["the fourth quarter"] == "FY2025-Q4"
    assert values["second-half"] == "FY2025-H2"
    assert values["the third quarter"] == "2024-Q3"  # of the calendar year opening its sentence


@pytest.mark.parametrize(
    "since",
    [
        "Back in March 2023, the chain cut prices",
        "On Jan. 5, 2022, the chain cut prices",
        "In 2023, prices fell",
    ],
)
def test_a_date_written_with_another_year_ends_the_fiscal_year(since: str) -> None:
    text = f"Fiscal 2025 sales rose 3%. {since}, and margins were thin in the third quarter."
    values = {t.text: t.value for t in tag(text, date(2025, 8, 14))}
    assert not values["the third quarter"].startswith("FY")
    kept = "Fiscal 2025 sales rose 3%. On Tuesday, it said margins were thin in the third quarter."
    assert {t.text: t.value for t in tag(kept, date(2025, 8, 14))}["the third quarter"] == "FY2025-Q3"


def test_a_night_named_for_a_happening_is_the_night_of_the_day_the_text_gave_it() -> None:
    text = "The council primary will be held on Tuesday. Turnout on primary night will decide the race."
    assert {t.text: t.value for t in tag(text, MONDAY)}["primary night"] == "2025-05-20TNI"
    assert tag("Opening night drew 2,000 people.", MONDAY) == []  # no day given: no date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fishermen argued at its tables, and on Saturday the owner, Ada Moss, will lock up.", "2026-04-11"),
        ("The pool was drained in March, but on Saturday Mayor Ruiz will reopen it.", "2026-04-11"),
        ("The bakery fed us, but on Saturday, after a long fight, its owner will quit.", "2026-04-11"),
        ("Officials met on Monday and on Saturday, the mayor said.", "2026-04-04"),
        ("Crews cleared the road overnight, and on Saturday the convoy left.", "2026-04-04"),
        ("Officials met on Monday and on Saturday, and will meet again next week.", "2026-04-04"),
    ],
)  # fmt: skip
def test_a_weekday_opening_a_clause_after_a_conjunction_takes_its_verb(text: str, expected: str) -> None:
    assert {t.text: t.value for t in tag(text, date(2026, 4, 10))}["Saturday"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The coast road is closed between the two villages until at least Wednesday.", "2026-07-15"),
        ("The county issued an evacuation order until possibly Thursday.", "2026-07-16"),
        ("Applicants have until at least Friday to file.", "2026-07-17"),
        ("The strike lasted until at least Friday.", "2026-07-10"),
    ],
)  # fmt: skip
def test_a_hedge_after_until_keeps_the_deadline(text: str, expected: str) -> None:
    assert [t.value for t in tag(text, date(2026, 7, 14))] == [expected]


def test_a_month_of_that_year_is_in_the_year_the_text_named_last() -> None:
    text = (
        "The county applied for the money in March 2024. The state approved it in September of that "
        "year, and the first checks went out in May."
    )
    found = values(text, date(2026, 10, 8))
    assert ("September of that year", "2024-09") in found
    assert ("March 2024", "2024-03") in found
    later = "It applied in March 2024. Crews began on Oct. 3 of that year and left in the fall of that year."
    assert values(later, date(2026, 10, 8))[1:] == [
        ("Oct. 3 of that year", "2024-10-03"),
        ("the fall of that year", "2024-FA"),
    ]


def test_whether_to_looks_ahead_whatever_the_tense_of_its_verb() -> None:
    text = "The chair said the council had not decided whether to put the levy to voters again in the fall."
    assert values(text, date(2025, 3, 14)) == [("the fall", "2025-FA")]
    assert values("Officials have until Friday to decide whether to close the river.", date(2024, 3, 10)) == [
        ("Friday", "2024-03-15")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A brush fire that broke out on Sunday afternoon spread to 900 acres overnight.", "2026-07-12TNI"),
        ("The river crested at 9 p.m. Saturday and fell a foot overnight.", "2026-07-11TNI"),
        ("Ferries sailed on Sunday afternoon.\nHours before, a gale hit overnight.", "2026-07-11TNI"),
        ("On Monday, shares fell after overnight losses in Tokyo.", "2026-07-12TNI"),
        ("The storm hit on Saturday afternoon. Two days later, the river rose overnight.", "2026-07-12TNI"),
        ("Storms knocked out power overnight.", "2026-07-13TNI"),
    ],
)  # fmt: skip
def test_overnight_after_a_later_part_of_a_day_in_its_sentence_is_its_night(text: str, expected: str) -> None:
    assert {t.text: t.value for t in tag(text, date(2026, 7, 14))}["overnight"] == expected


def test_a_past_evening_of_the_publication_day_keeps_its_later_times_on_that_day() -> None:
    """A story stamped 21:05 that tells of that night's meeting: its page time is a first
    version's, and "past 10 p.m." is that night, not the night before."""
    stamped = datetime(2026, 1, 20, 21, 5)
    text = "The council voted on Tuesday night to sell the depot. Public comment lasted past 10 p.m."
    assert values(text, stamped)[-1] == ("10 p.m.", "2026-01-20T22:00")
    assert values("Public comment lasted past 10 p.m.", stamped) == [("10 p.m.", "2026-01-19T22:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It applied in March 2024 and was paid in June of the following year.",
         ("June of the following year", "2025-06")),
        ("The mill shut in 1987 after a strike in the spring of the previous year.",
         ("the spring of the previous year", "1986-SP")),
        ("The board will decide in the fall of next year.", ("the fall of next year", "2027-FA")),
        ("The museum reopens on March 3 of next year.", ("March 3 of next year", "2027-03-03")),
    ],
)  # fmt: skip
def test_a_season_or_month_of_a_named_year_is_one_expression(text: str, expected: tuple[str, str]) -> None:
    assert values(text, date(2026, 10, 8))[-1] == expected


def test_a_chronology_lists_its_items_in_order() -> None:
    text = (
        "How did we get here?\n\n- March 2: Inspectors report water seeping from the spillway.\n"
        "- June 18: A second inspection finds cracks.\n- Dec. 3: Public meeting in Millbrook.\n"
    )
    values = [t.value for t in tag(text, date(2026, 11, 16))]
    assert values == ["2026-03-02", "2026-06-18", "2026-12-03"]
    assert [t.value for t in tag("Inspectors report leaks on March 2.", date(2026, 11, 16))] == ["2027-03-02"]
    latest_first = (
        "- Nov. 9: The drawdown begins.\n- Sept. 30: The office orders it.\n- June 18: Cracks are found.\n"
    )
    assert [t.value for t in tag(latest_first, date(2026, 11, 16))] == [
        "2026-11-09",
        "2026-09-30",
        "2026-06-18",
    ]


def test_a_count_of_decades_is_of_the_year_the_text_wrote() -> None:
    text = (
        "In 1998, a fire gutted the back room. She rebuilt it and reopened the following spring.\n\n"
        "Two decades later, the town almost lost the shop again."
    )
    assert {t.text: t.value for t in tag(text, date(2027, 4, 25))}["Two decades later"] == "2018"


def test_a_week_of_a_month_is_the_iso_week_holding_most_of_its_days() -> None:
    text = "Movers are scheduled to dismantle the press in the second week of June."
    found = [(t.text, t.value) for t in tag(text, date(2027, 4, 25))]
    assert found == [("the second week of June", "2027-W23")]


def test_a_weekday_week_is_a_week_after_the_coming_one() -> None:
    found = [(t.text, t.value) for t in tag("The hearing will resume on Tuesday week.", date(2026, 3, 5))]
    assert found == [("Tuesday week", "2026-03-17")]
    assert [t.value for t in tag("The hearing resumed on Tuesday. Week two begins.", date(2026, 3, 5))] == [
        "2026-03-03"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "For the fourth quarter, it forecast revenue of about $2.2 billion.",
        "It projected a loss for the fourth quarter.",
    ],
)
def test_the_period_a_forecast_is_for_lies_ahead(sentence: str) -> None:
    assert [t.value for t in tag(sentence, date(2027, 5, 4))] == ["2027-Q4"]
    assert [t.value for t in tag("For the fourth quarter, it reported a loss.", date(2027, 5, 4))] == [
        "2026-Q4"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voters can cast a ballot at the Elm Street library on Tuesday, the clerk said.", "2026-09-08"),
        ("Drivers cannot use the Harbor Bridge on Monday while crews repaint it.", "2026-09-07"),
        ("She said she can't attend the hearing on Thursday.", "2026-09-10"),
        ("He can't remember what happened on Tuesday.", "2026-09-01"),
        ("The man who can no longer walk was injured on Tuesday.", "2026-09-01"),
        ("Protesters kicked a can at officers on Friday.", "2026-09-04"),
    ],
)
def test_what_one_can_do_on_a_weekday_lies_ahead_unless_a_past_verb_is_near(text: str, expected: str) -> None:
    assert [t.value for t in tag(text, date(2026, 9, 5))] == [expected]


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (date(2026, 1, 5), ["2024-WI", "2025-WI", "2026-WI"]),  # in the winter begun last December
        (date(2026, 2, 27), ["2024-WI", "2025-WI", "2026-WI"]),
        (date(2026, 7, 1), ["2025-WI", "2026-WI", "2026-WI"]),
        (date(2026, 12, 20), ["2025-WI", "2026-WI", "2027-WI"]),
    ],
)
def test_a_winter_spans_new_year(reference: date, expected: list[str]) -> None:
    text = "It failed last winter, it will fail this winter and it will fail next winter."
    assert [v for _, v in values(text, reference)] == expected


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("direction", ["last", "this", "next", "the previous", "the following"])
def test_a_named_period_with_a_direction_resolves_all_year(direction: str, month: int) -> None:
    """Every season, a month and a holiday with every direction word, on the first and last days of
    each month: each gives a valid value (a winter, which spans New Year, once raised here)."""
    names = ["winter", "spring", "summer", "fall", "January", "December", "Christmas", "quarter"]
    for day in (1, 28):
        for name in names:
            for timex in tag(f"Prices rose {direction} {name}.", date(2025, month, day)):
                assert TIMEX3_VALUE.fullmatch(timex.value), (direction, name, timex)


# --- a story's background ------------------------------------------------------------------

JUNE_2025 = date(2025, 6, 10)
MARCH_2010 = date(2010, 3, 1)
WAR = (
    "The army crossed the river in February 2022. By April, its columns had pulled back from the"
    " capital, and in November of that year the port city was retaken."
)
LANDINGS = (
    "In the summer of 1944 the landings began; on 6 June, the first troops came ashore. By the end"
    " of the year, the capital had been freed."
)
FALL_OF_1940 = "In May 1940 the offensive began, and by late June the government had signed."
RECALLED = (
    "The war began in February 2022. Officials now say that in April the troops withdrew, and in"
    " November of that year they retook the port; later that year, the siege ended."
)


@pytest.mark.parametrize(
    ("text", "reference", "expression", "value"),
    [
        # war history: a past perfect, "of that year" after it, a clause the year opens, a season
        (WAR, JUNE_2025, "April", "2022-04"),
        (WAR, JUNE_2025, "November of that year", "2022-11"),
        (FALL_OF_1940, MARCH_2010, "late June", "1940-06"),
        (LANDINGS, MARCH_2010, "6 June", "1944-06-06"),
        (LANDINGS, MARCH_2010, "the end of the year", "1944"),
        # "of that year", "later that year": the year the text gave, not the one tense placed April in
        (RECALLED, JUNE_2025, "November of that year", "2022-11"),
        (RECALLED, JUNE_2025, "later that year", "2022"),
        # business: a past sentence after the one dated in 2023
        ("Prices rose 3% in 2023. In December, they fell for once.", JUNE_2025, "December", "2023-12"),
        # courts
        ("The state passed it in 2019, and in July a clerk challenged it.", JUNE_2025, "July", "2019-07"),
        ("It was sued in 2017. By August, a second plaintiff had joined.", JUNE_2025, "August", "2017-08"),
        # sports
        ("The club won the league in 2004. In May, it had also won the cup.", JUNE_2025, "May", "2004-05"),
        ("The club won the league in 2004. Later in the year, its coach had left.", JUNE_2025,
         "Later in the year", "2004"),
        # obituary
        ("Ms. Alvarez was born in 1931. In the spring, her family moved to Phoenix.", JUNE_2025,
         "the spring", "1931-SP"),
        ("She joined the paper in 1958, and in September she covered her first election.", JUNE_2025,
         "September", "1958-09"),
    ],
)  # fmt: skip
def test_a_yearless_date_of_a_story_background_is_of_the_year_it_narrates(
    text: str, reference: date, expression: str, value: str
) -> None:
    """Background paragraphs and narrative history tell a past year, then its months and days
    without it: they are of that year, not of the publication's."""
    assert [v for t, v in values(text, reference) if t == expression] == [value]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Sales rose in 1988. In June, the company will open a plant.", "June", "2025-06"),  # ahead
        ("The law passed in 2019. On Tuesday, the court struck it down.", "Tuesday", "2025-06-10"),
        ("Last year, the grocer opened 12 stores. Its next one opens on March 3.", "March 3", "2026-03-03"),
        ("The club won the league in 2004.\n\nIn May, the board sacked the manager.", "May", "2025-05"),
        ("The club won the league in 2004. Now, in May, it is fighting relegation.", "May", "2025-05"),
        ("The club won the league in 2004. In May, it has sacked its coach.", "May", "2025-05"),
        ("The carmaker has doubled its output since 2019. In March, it bought a rival.", "March", "2025-03"),
        ("Two men were jailed for the Oct. 3, 2018, robbery. They were freed in April.", "April", "2025-04"),
        ("Ms. Alvarez joined the paper in 1958. She died on May 30 at her home.", "May 30", "2025-05-30"),
    ],
)
def test_the_news_of_the_day_after_a_background_year_keeps_the_publication_year(
    text: str, expression: str, value: str
) -> None:
    """What a sentence tells ahead, on a weekday, in another paragraph, of the present ("now", a
    present perfect), after a year that starts a span or names a thing, or as a day after a mere
    past sentence (news gives a day of another year its year), is not the background's."""
    assert [v for t, v in values(text, JUNE_2025) if t == expression] == [value]


def test_a_position_in_that_year_is_its_mod() -> None:
    found = [
        (t.text, t.value, t.mod)
        for t in tag("The mill shut in March 1987 and reopened late that year.", JUNE_2025)
    ]
    assert found[-1] == ("late that year", "1987", "END")


def test_a_compound_word_sets_no_tense() -> None:
    """ "Last-ditch" is no "last": the strike announced in the future starts on the coming Saturday
    however near the compound stands."""
    text = (
        "Train drivers will walk out for 48 hours from Saturday after last-ditch talks with rail "
        "operators broke down on Wednesday evening, the drivers union said."
    )
    assert values(text, date(2026, 6, 11)) == [
        ("48 hours", "PT48H"),
        ("Saturday", "2026-06-13"),
        ("Wednesday evening", "2026-06-10TEV"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike would begin at 00:01 on 13 June and end at midnight on 14 June.",
         [("00:01 on 13 June", "2026-06-13T00:01"), ("midnight on 14 June", "2026-06-14T24:00")]),
        ("The council will vote at 8 p.m. on Friday.", [("8 p.m. on Friday", "2026-06-12T20:00")]),
        ("Nominations closed at noon on June 5, 2026.", [("noon on June 5, 2026", "2026-06-05T12:00")]),
        ("The ferry sailed at 06:45 on Tuesday, 9 June, an hour late.",
         [("06:45 on Tuesday, 9 June", "2026-06-09T06:45"), ("an hour", "PT1H")]),
        # The end of a stretch: the time of that day, and the day on its own.
        ("The warning will stay in place until 18:00 on Saturday.",
         [("18:00", "2026-06-13T18:00"), ("Saturday", "2026-06-13")]),
    ],
)  # fmt: skip
def test_a_time_of_day_on_a_day_is_one_time_of_that_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, date(2026, 6, 11)) == expected


def test_the_second_of_two_weekdays_shares_the_first_ones_tense() -> None:
    """ "Late Thursday or early Friday" before an attribution: "or" opens no clause of its own, so
    both days are ahead, each with the end of the day it names as its mod."""
    text = (
        "Tropical Storm Dara could make landfall along the Texas coast late Thursday or early "
        "Friday, the National Hurricane Center said on Tuesday."
    )
    found = [(t.text, t.value, t.mod) for t in tag(text, date(2026, 8, 18))]
    assert found == [
        ("Thursday", "2026-08-20", "END"),
        ("Friday", "2026-08-21", "START"),
        ("Tuesday", "2026-08-18", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forecasters warned of a storm surge of up to 9 feet and 15 inches of rain over the weekend.",
         "2026-W34-WE"),
        ("The weather service predicted heavy rain on Saturday.", "2026-08-22"),
        ("Forecasters warned on Sunday that the river would crest.", "2026-08-16"),  # when it was said
        ("On Sunday, forecasters warned of heavy rain.", "2026-08-16"),
    ],
)  # fmt: skip
def test_what_a_forecast_foretells_lies_ahead(text: str, expected: str) -> None:
    assert [v for _, v in values(text, date(2026, 8, 18))] == [expected]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Game 7 is Tuesday in Portland.", date(2026, 4, 20), [("Tuesday", "2026-04-21")]),
        ("The deadline was Tuesday.", date(2026, 4, 20), [("Tuesday", "2026-04-14")]),
        ("The anniversary of the war falls on Tuesday.", date(2026, 11, 25), [("Tuesday", "2026-12-01")]),
        ("The vote is two weeks from Friday.", date(2026, 11, 25), [("two weeks from Friday", "2026-12-11")]),
        ("The company expects growth by mid-next year.", date(2026, 11, 25), [("mid-next year", "2027")]),
        ("FY26 revenue rose.", date(2026, 11, 25), [("FY26", "2026")]),
        ("Stores opened on Thanksgiving.", date(2026, 11, 25), [("Thanksgiving", "2025-11-27")]),
        ("Stores will open on Thanksgiving.", date(2026, 11, 25), [("Thanksgiving", "2026-11-26")]),
    ],
)  # fmt: skip
def test_lead_findings_of_session_11(text: str, reference: date, expected: list[tuple[str, str]]) -> None:
    """A present that states a day ("is Tuesday", "falls on Tuesday") is the coming one; a count of
    weeks from a weekday, a position joined to "next year" by a hyphen and a two-digit fiscal year
    are one expression each; a past verb on a holiday names the last one."""
    assert values(text, reference) == expected


def test_a_past_clock_time_is_on_the_day_the_story_told_of_past_a_coarser_date() -> None:
    """The story of Tuesday's race, then a month to come, then a concession "shortly after 11 p.m.":
    Tuesday's night, not the publication day's evening still ahead."""
    text = (
        "Republican Marcus Hale won the governor's race on Tuesday, defeating Dana Whitfield.\n\n"
        "Hale, 58, will take office in January.\n\n"
        "Whitfield conceded shortly after 11 p.m. in a speech to supporters in Aurora."
    )
    assert values(text, date(2026, 11, 4))[-1] == ("11 p.m.", "2026-11-03T23:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 2026-27 season opens Friday.", [("2026-27", "2026"), ("Friday", "2026-06-05")]),
        ("the 2024-25 school year", [("2024-25", "2024")]),
        ("the FY2026-27 budget", [("FY2026-27", "2026")]),
        ("Sales rose in 2023-24.", [("2023", "2023"), ("24", "2024")]),  # no period named: two years
    ],
)
def test_a_season_across_two_years_is_one_expression(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, date(2026, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The road is shut until noon on 30 May.", [("noon", "2025-05-30T12:00"), ("30 May", "2025-05-30")]),
        ("Bids close till midnight on June 2.", [("midnight", "2025-06-02T24:00"), ("June 2", "2025-06-02")]),
        ("The offer runs until noon on Thursday.", [("noon on Thursday", "2025-05-22T12:00")]),
        ("The vote closed at noon on May 12.", [("noon on May 12", "2025-05-12T12:00")]),
    ],
)
def test_a_point_of_the_day_until_a_date_is_on_that_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_invisible_characters_inside_words_are_read_through_and_spans_stay_the_texts() -> None:
    text = "Talks resumed on Mon\u200bday and end on Sep\u00adtember 3, 20\u200b26 or June\u200b14."
    found = tag(text, MONDAY)
    assert [(t.text, t.value) for t in found] == [
        ("Mon\u200bday", "2025-05-19"),
        ("Sep\u00adtember 3, 20\u200b26", "2026-09-03"),
        ("June\u200b14", "2025-06-14"),
    ]
    assert all(text[t.start : t.end] == t.text for t in found)
    assert found[0].start == text.index("Mon")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The offensive opened in the spring of 1915, and in July the army retook the town on 19 July.",
            [("the spring of 1915", "1915-SP"), ("July", "1915-07"), ("19 July", "1915-07-19")],
        ),
        (
            "The front moved in the autumn of 1916. The battle, fought from 14 to 17 October, was costly.",
            [("the autumn of 1916", "1916-FA"), ("14", "1916-10-14"), ("17 October", "1916-10-17")],
        ),
        ("He joined the paper in 1958 and died on May 30.", [("1958", "1958"), ("May 30", "2026-05-30")]),
    ],
)
def test_a_day_within_the_month_or_season_its_past_sentence_named_is_of_that_year(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(text, date(2026, 11, 11)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The battle ended on 17 October 1916, and on Christmas Eve the two sides agreed a truce.",
            [("17 October 1916", "1916-10-17"), ("Christmas Eve", "1916-12-24")],
        ),
        (
            "In May 2019 the firm was sold. On Christmas Eve, staff were told.",
            [("May 2019", "2019-05"), ("Christmas Eve", "2025-12-24")],
        ),
    ],
)
def test_a_holiday_in_a_narrated_past_year_is_of_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, date(2026, 11, 11)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The winter of 1915–16 was harsh, and the armies fought little until March.", "1916-03"),
        ("The front moved in the autumn of 1916. In January, the army attacked.", "1917-01"),
        ("The drought began in the summer of 1916. In January, the rains came.", "1916-01"),
    ],
)
def test_a_month_narrated_after_a_season_is_the_one_nearest_it(text: str, expected: str) -> None:
    month = values(text, date(2026, 11, 11))[-1]
    assert month[1] == expected, month
