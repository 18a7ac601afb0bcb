"""Pathological input, not malicious-looking: nothing crashes, hangs or blows up.

Each input is built here, never kept as a big fixture.  Work that should be linear is run in a
child interpreter with a deadline far above what linear work takes (well under a second here):
a quadratic or exponential blow-up shows as the child not finishing, not as a figure compared
with a clock (timings are measured outside the suite, never asserted).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from timeline.sources import SourceError, read_article
from timeline.text import MAX_SENTENCE_CHARS, sentence_at, sentences

HANG = 120  # seconds: linear work on these inputs takes well under one; quadratic work takes hours

HEAD = "<!doctype html><html><head><meta charset='utf-8'>"
SENTENCE = "FERNDALE — The county board voted on Tuesday to close the old ferry landing, the clerk said."
STORY = f"<p>{SENTENCE}</p>"


def json_ld(script: str) -> str:
    return f"<script type='application/ld+json'>{script}</script>"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def refusal(path: Path, published: str | None = None) -> str:
    with pytest.raises(SourceError) as info:
        read_article(path, published=published)
    assert str(info.value) == f"{path}: {info.value.reason}" and "\n" not in info.value.reason
    return info.value.reason


def timeline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=HANG)  # fmt: skip


def finishes(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return what it prints; fails if it does not end."""
    try:
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG)
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish in {HANG} s: {code[:200]}")
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


# --- sentence splitting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # no sentence ends in these 200 KB lines: they are read in 100 pieces of 2,000 characters
        ("'Mr. ' * 50_000", 100),  # a title abbreviation never ends a sentence
        ("'U.S. ' * 40_000", 100),  # nor does a dotted abbreviation before a lower-case word
        ("'.' * 200_000", 100),  # one run of terminal punctuation
        ("'?' * 100_000 + 'x'", 51),
        ("'He left.' + \"'\" * 60 + 'x'", 1),  # closing quotes that are not followed by a space
        ("'It ended. Then ' * 20_000", 20_001),
    ],
)
def test_sentence_splitting_is_linear_in_a_line_of_repeated_tokens(text: str, spans: int) -> None:
    assert finishes(f"from timeline.text import sentences; print(len(sentences({text})))") == str(spans)


def test_the_word_before_a_period_is_read_whole_or_not_at_all() -> None:
    """A long word before a period is no abbreviation, even if it ends like one."""
    assert len(sentences("Gen. Ruiz spoke. " + "x" * 100 + "Gen. Diaz left.")) == 2
    assert len(sentences("Gen. Ruiz met " + "x" * 100 + " Gen. Diaz. They left.")) == 2


def test_a_run_longer_than_any_sentence_is_cut_at_white_space_into_exact_spans() -> None:
    text = "The board met on Monday " * 500 + "x" * 4_500 + " and left."
    spans = sentences(text)
    assert all(0 < e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(not text[e:s].strip() and e <= s for (_, e), (s, _) in pairwise(spans))
    assert ("x" * MAX_SENTENCE_CHARS) in [text[s:e] for s, e in spans]  # no white space: cut at the bound
    assert len(sentences("It ended. " * 1_000)) == 1_000  # sentences are never cut


def test_the_sentence_at_an_offset_is_found_in_any_number_of_sentences() -> None:
    text = "It ended. " * 30_000
    spans = sentences(text)
    assert [sentence_at(spans, at) for at in (0, 8, 9, 10, len(text) - 2, len(text) + 5)] == [
        (0, 9), (0, 9), None, (10, 19), (len(text) - 10, len(text) - 1), None
    ]  # fmt: skip


@pytest.mark.slow
def test_a_line_of_many_dates_is_extracted_in_bounded_time(tmp_path: Path) -> None:
    """Later stages read each sentence around each date in it; a 20 KB line of dates without a full
    stop is read in sentence-sized pieces, so that this stays linear."""
    write(tmp_path, "dates.txt", "WASHINGTON — Officials met on Monday. " + "on Monday " * 2_000)
    run = timeline("extract", "dates.txt", "--published", "2025-05-19", "--json", cwd=tmp_path)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert all(
        len(source["sentence"]) <= MAX_SENTENCE_CHARS
        for e in json.loads(run.stdout)
        for source in e["sources"]
    )


# --- saved pages: JSON-LD and charsets ------------------------------------------------------------


@pytest.mark.parametrize(
    "unreadable",
    [
        '{"a":' * 100_000 + "1" + "}" * 100_000,  # nested deeper than the parser goes
        "[" * 100_000 + "]" * 100_000,
        '{"@graph":' * 50_000 + "{}" + "}" * 50_000,
        '{"@type": "NewsArticle", "datePublished": "2026-03-04", "wordCount": ' + "9" * 5_000 + "}",
        "{not json",
    ],
)
def test_an_unreadable_json_ld_script_is_skipped_and_the_page_still_read(
    tmp_path: Path, unreadable: str
) -> None:
    declared = json_ld(json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-03"}))
    path = write(tmp_path, "page.html", f"{HEAD}{json_ld(unreadable)}{declared}</head><body>{STORY}")
    article = read_article(path)
    assert article.published == date(2026, 3, 3) and article.text.startswith("FERNDALE")


def test_json_ld_nested_as_deep_as_the_parser_goes_is_read(tmp_path: Path) -> None:
    found = json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-03"})
    for script in ("[" * 900 + found + "]" * 900, '{"@graph":' * 450 + found + "}" * 450):
        path = write(tmp_path, "page.html", f"{HEAD}{json_ld(script)}</head><body>{STORY}")
        assert read_article(path).published == date(2026, 3, 3)


@pytest.mark.parametrize(
    "label", ["rot13", "base64", "unicode_escape", "utf-7", "undefined", "punycode", "zlib"]
)
def test_a_charset_that_no_browser_reads_is_refused_by_name(tmp_path: Path, label: str) -> None:
    """Python knows codecs by these names, but they are no page's encoding: decoding with them
    fails (a traceback) or silently rewrites the text."""
    page = f"<meta charset='{label}'><meta name='date' content='2026-03-03'>{STORY.replace('—', '-')}"
    path = write(tmp_path, "page.html", page.encode("ascii"))
    assert refusal(path) == f"the page declares an unknown charset {label!r}"


def test_a_utf16_meta_on_a_page_readable_as_ascii_is_read_as_utf8_like_browsers(tmp_path: Path) -> None:
    path = write(
        tmp_path, "page.html", f"<meta charset='utf-16'><meta name='date' content='2026-03-03'>{STORY}"
    )
    assert (
        read_article(path).text
        == "FERNDALE — The county board voted on Tuesday to close the old ferry landing, the clerk said."
    )


# --- what any article file may hold ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["story.txt", "story.md", "story.html"])
def test_a_nul_anywhere_in_an_article_is_binary_content(tmp_path: Path, name: str) -> None:
    """The first 8 KB decide whether a file is binary; a NUL further on is refused as well, never
    carried into an entry (where it would be written into content/ as is)."""
    head = {"story.md": "Title: Ferry landing\nDate: 2026-03-03\n\n", "story.html": HEAD + "</head><body><p>"}
    text = head.get(name, "") + (SENTENCE + "\n") * 200
    path = write(tmp_path, name, text + "The mayor\x00 said so.")
    assert (
        refusal(path, "2026-03-03")
        == f"binary content, not a text article (a NUL character at offset {len(text) + 9:,})"
    )


@pytest.mark.parametrize(
    ("declared", "problem"),
    [
        ("0001-01-01", "outside the years 1700–2199 that news is dated in"),
        ("9999-12-31", "outside the years 1700–2199 that news is dated in"),
        ("9999-12-31T23:59:59Z", "outside the years 1700–2199 that news is dated in"),
        ("December 31, 9999", "outside the years 1700–2199 that news is dated in"),
        ("2025-13-45", "not a full date"),
        ("0000-00-00", "not a full date"),
        ("2025-05-19T25:61:00Z", "not a full date"),
    ],
)
def test_a_placeholder_publication_date_is_refused_naming_it(
    tmp_path: Path, declared: str, problem: str
) -> None:
    md = write(tmp_path, "story.md", f"Title: Ferry landing\nDate: {declared}\n\n{SENTENCE}\n")
    assert refusal(md) == f"Date: {declared!r} is {problem}; give --published"
    page = write(tmp_path, "story.html", f"{HEAD}<meta name='date' content='{declared}'></head><body>{STORY}")
    assert refusal(page) == f"the page's date {declared!r} is {problem}; give --published"


def test_a_placeholder_date_gives_way_to_a_real_one(tmp_path: Path) -> None:
    metas = (
        "<meta property='article:published_time' content='0001-01-01'><meta name='date' content='2026-03-03'>"
    )
    path = write(tmp_path, "story.html", f"{HEAD}{metas}</head><body>{STORY}")
    assert read_article(path).published == date(2026, 3, 3)


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_a_placeholder_published_is_a_usage_error(tmp_path: Path, published: str) -> None:
    write(tmp_path, "story.txt", SENTENCE)
    run = timeline("extract", "story.txt", "--published", published, cwd=tmp_path)
    assert run.returncode == 2 and run.stdout == ""
    problem = "is outside the years 1700–2199 that news is dated in"
    assert run.stderr == f"timeline: error: --published: {published!r} {problem}\n"


@pytest.mark.parametrize("name", ["story.txt", "story.md", "story.html"])
def test_a_text_far_longer_than_any_news_story_is_refused_before_it_is_read(
    tmp_path: Path, name: str
) -> None:
    head = {"story.md": "Title: Ferry landing\nDate: 2026-03-03\n\n", "story.html": HEAD + "</head><body><p>"}
    path = write(tmp_path, name, head.get(name, "") + (SENTENCE + " ") * 4_000)
    reason = refusal(path, "2026-03-03")
    assert re.fullmatch(r"article text too long \([\d,]+ characters; the limit is 300,000\)", reason), reason


def test_a_title_longer_than_any_headline_is_cut_at_a_word(tmp_path: Path) -> None:
    md = write(tmp_path, "story.md", f"Title: {'Ferry landing ' * 8_000}\nDate: 2026-03-03\n\n{SENTENCE}\n")
    title = read_article(md).title
    assert len(title) <= 201 and title.endswith("landing…") and title.startswith("Ferry landing Ferry")
    head = f"{HEAD}<meta name='date' content='2026-03-03'><title>{'F' * 100_000}</title></head>"
    page = write(tmp_path, "story.html", f"{head}<body>{STORY}")
    assert read_article(page).title == "F" * 200 + "…"


def test_front_matter_continuation_lines_are_joined_in_linear_time(tmp_path: Path) -> None:
    """600,000 continuation lines took minutes when the value was joined again at every line."""
    path = write(
        tmp_path,
        "story.md",
        "Title: Ferry\n" + "    landing vote\n" * 600_000 + f"Date: 2026-03-03\n\n{SENTENCE}",
    )
    code = (
        f"from timeline.sources import read_article as r; a = r({str(path)!r}); print(a.published, a.title)"
    )
    assert finishes(code) == f"2026-03-03 Ferry{' landing vote' * 15}…"


def test_a_long_value_is_named_cut_short_in_its_refusal(tmp_path: Path) -> None:
    path = write(tmp_path, "story.md", f"Title: Ferry\nDate: {'2026-03-03 ' * 100_000}\n\n{SENTENCE}\n")
    assert refusal(path) == f"Date: {('2026-03-03 ' * 6)[:60] + '…'!r} is not a full date; give --published"


def test_a_refusal_is_one_line_whatever_the_file_is_called(tmp_path: Path) -> None:
    (tmp_path / "ferry\nsave_as: x.txt").write_text(SENTENCE, encoding="utf-8")
    run = timeline("extract", "ferry\nsave_as: x.txt", cwd=tmp_path)
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr == "timeline: ferry\\nsave_as: x.txt: no publication date: give --published\n"
    run = timeline("extract", "story.txt", "--bogus=a\nb", cwd=tmp_path)
    assert run.returncode == 2 and run.stderr == "timeline: error: unrecognized arguments: --bogus=a\\nb\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_text_saved_as_utf16_with_its_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    text = f"Title: Ferry landing\r\nDate: 2026-03-03\r\n\r\n{SENTENCE}\r\n"
    path = write(tmp_path, "story.md", ("\ufeff" + text).encode(encoding))
    article = read_article(path)
    assert article.text == f"{SENTENCE}\r\n" and article.title == "Ferry landing"
    path = write(tmp_path, "story.txt", ("\ufeff" + SENTENCE).encode(encoding))
    assert read_article(path, "2026-03-03").text == SENTENCE


def test_a_pipe_or_a_device_is_refused_not_read_forever(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "story.md")  # nobody writes: reading would wait for ever
    assert refusal(tmp_path / "story.md") == "a named pipe, not a file"
    (tmp_path / "zeros.txt").symlink_to("/dev/zero")  # endless
    assert refusal(tmp_path / "zeros.txt", "2026-03-03") == "a device, not a file"


def test_a_folder_with_a_symlink_loop_pictures_and_a_pipe_gives_its_articles(tmp_path: Path) -> None:
    folder = tmp_path / "clips"
    (folder / "sub").mkdir(parents=True)
    write(folder, "ferry.md", f"Title: Ferry landing\nDate: 2026-03-03\n\n{SENTENCE}\n")
    write(folder, "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    write(folder, "scan.pdf", b"%PDF-1.7\n")
    (folder / "sub" / "loop").symlink_to("..")
    (folder / "self.md").symlink_to("self.md")
    os.mkfifo(folder / "pipe.md")
    run = timeline("ingest", "clips", "--content", "content", cwd=tmp_path)
    assert run.returncode == 0 and run.stderr.startswith("articles read: 1;"), run.stderr
    assert [p.name for p in (tmp_path / "content" / "sources").glob("*.md")] == [
        "2026-03-03-ferry-landing.md"
    ]


def test_a_page_with_more_text_than_any_news_page_is_refused_before_extraction(tmp_path: Path) -> None:
    """Twenty megabytes of text took trafilatura nine seconds and a gigabyte of memory."""
    path = write(tmp_path, "story.html", f"{HEAD}<meta name='date' content='2026-03-03'></head><body>"
                 f"<div>{'word ' * 250_000}</div>{STORY}")  # fmt: skip
    assert refusal(path) == "too much text for a news page (1,250,092 characters; the limit is 1,000,000)"


def no_unwritable_characters(value: str) -> bool:
    """Whether ``value`` can be written as UTF-8 and holds no control character but white space."""
    value.encode("utf-8")  # a lone surrogate raises
    return not any(unicodedata.category(c) == "Cc" and not c.isspace() for c in value)


def test_half_a_surrogate_pair_or_a_control_character_in_json_ld_is_never_carried_over(
    tmp_path: Path,
) -> None:
    """An emoji cut in two ("\\ud83d" in JSON-LD) crashed the writing of entries; a NUL or an escape
    sequence was written into them."""
    said = "The mayor \ud83d said on Monday that the vote was final and could not be appealed."
    ld = json.dumps({
        "@type": "NewsArticle", "datePublished": "2026-03-03", "headline": "Ferry \udfff vote\x00",
        "publisher": {"name": "Bay \x1b[31mPost"}, "articleBody": f"{SENTENCE}\n\n{said}",
    })  # fmt: skip
    assert "\\ud83d" in ld and "\\u0000" in ld  # as a page writes them
    path = write(tmp_path, "story.html", f"{HEAD}{json_ld(ld)}</head><body>{STORY}")
    article = read_article(path)
    assert article.title == "Ferry \ufffd vote" and article.publisher == "Bay [31mPost"
    assert "The mayor \ufffd said on Monday" in article.text
    assert all(map(no_unwritable_characters, (article.text, article.title, article.publisher)))


def test_half_a_surrogate_pair_in_yaml_front_matter_is_never_carried_over(tmp_path: Path) -> None:
    path = write(
        tmp_path, "story.md", f'---\ntitle: "Ferry \\ud83d vote"\ndate: 2026-03-03\n---\n{SENTENCE}\n'
    )
    assert read_article(path).title == "Ferry \ufffd vote"


def test_an_entity_for_a_control_character_in_a_page_is_dropped(tmp_path: Path) -> None:
    head = f"{HEAD}<meta name='date' content='2026-03-03'><title>Ferry&#27;[1m vote</title></head>"
    body = f"<body><p>The mayor&#27;[31m said on Monday the vote was final.</p>{STORY}"
    article = read_article(write(tmp_path, "story.html", head + body))
    assert article.title == "Ferry[1m vote" and "The mayor[31m said on Monday" in article.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "code",
    [  # each stage is linear on a text of one phrase repeated: each was quadratic, minutes at this size
        "from timeline import entities; print(len(entities.find('Lee said ' * 30_000)))",
        "from datetime import date; from timeline.temporal import tag; "
        "print(len(tag('Officials met on Monday. ' + 'on Monday ' * 40_000, date(2025, 5, 19))))",
        "from datetime import date; from timeline.events import extract_events; "
        "from timeline.model import Article; text = 'Officials met on Monday. ' + '2024 ' * 40_000; "
        "print(len(extract_events(Article('x.txt', text, date(2025, 5, 19), 'T', 't'))))",
    ],
    ids=["names", "dates", "events"],
)
def test_each_stage_stays_linear_on_one_phrase_repeated(code: str) -> None:
    assert finishes(code).isdigit()
