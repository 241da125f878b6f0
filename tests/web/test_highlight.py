"""Highlighting escapes first, then marks: neither the text nor a term can inject markup."""

from web.templatetags.grantmatch import highlight_text


def test_terms_are_marked_and_text_is_escaped():
    html = highlight_text("<b>이차전지</b> 양극재 & 분리막", ["이차전지", "분리막"])
    assert html == "&lt;b&gt;<mark>이차전지</mark>&lt;/b&gt; 양극재 &amp; <mark>분리막</mark>"


def test_a_term_cannot_inject_markup():
    html = highlight_text("a <script> b", ["<script>"])
    assert html == "a <mark>&lt;script&gt;</mark> b"


def test_adjacent_hits_merge_and_lone_syllables_are_not_marked():
    html = highlight_text("양극재 제조, 재활용", ["양극", "재", "제조"])
    assert html == "<mark>양극재</mark> <mark>제조</mark>, 재활용"


def test_no_terms_means_plain_escaped_text():
    assert highlight_text("<i>x</i>", []) == "&lt;i&gt;x&lt;/i&gt;"
