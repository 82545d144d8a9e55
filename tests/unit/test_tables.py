"""Tables a person reads: each header aligned like its cells, text left, numbers right, dates kept whole."""

from __future__ import annotations

import pandas as pd

from caiokit.tables import aligned, table_html


def test_text_goes_left_numbers_right_and_each_header_follows_its_column(alignments):
    frame = pd.DataFrame({"name": ["Chatbot", "Forecast"], "cost": [1_200_000.0, 5.5], "count": [3, 40]})
    rows = alignments(table_html(frame))
    assert rows == [["left", "right", "right"]] * 3
    markup = table_html(frame)
    assert "1,200,000" in markup and "e+" not in markup and ">5.5<" in markup


def test_dates_show_as_days_and_do_not_wrap():
    frame = pd.DataFrame({"date": pd.to_datetime(["2024-07-12"]), "applies": ["published"]})
    markup = table_html(frame)
    assert ">2024-07-12<" in markup and "00:00" not in markup
    date_cell = markup.split("<td ")[1]
    assert "white-space:nowrap" in date_cell and "text-align:left" in date_cell
    assert "white-space" not in markup.split("<td ")[2]


def test_index_formatters_escaping_and_plain_text():
    frame = pd.DataFrame({"share": [0.25]}, index=pd.Index(["<b>A</b>"], name="audience"))
    markup = table_html(frame, formatters={"share": "{:.0%}".format}, index=True)
    assert ">audience</th>" in markup and "&lt;b&gt;A&lt;/b&gt;" in markup and ">25%<" in markup
    assert "<b>A</b>" in table_html(frame, index=True, escape=False)
    shown = aligned(frame.reset_index())
    assert shown._repr_html_() == table_html(frame.reset_index())
    assert repr(shown).split() == ["audience", "share", "<b>A</b>", "0.25"]
