"""A malformed manifest is a clear message naming the entry and the field, never a traceback."""

from __future__ import annotations

import pytest

from checker.catalog import ManifestError, parse_manifest

POLICY = '''
[course]
kinds = ["answer", "implement"]
min_hints = 2
'''
GOOD = '''
[[exercises]]
name = "one"
path = "01_t/one.py"
topic = "t"
kind = "answer"
hints = ["a nudge", "the method"]
'''


def _write(tmp_path, body: str, version: str = "format_version = 1\n", policy: str = POLICY):
    path = tmp_path / "info.toml"
    path.write_text(version + policy + body)
    return path


def test_a_good_manifest_parses(tmp_path):
    (exercise,) = parse_manifest(_write(tmp_path, GOOD))
    assert (exercise.name, exercise.kind, exercise.hints) == ("one", "answer", ("a nudge", "the method"))


@pytest.mark.parametrize("change, message", [
    (('name = "one"\n', ""), "exercise #1: missing field 'name'"),
    (('kind = "answer"', 'kind = "essay"'), "exercise #1 ('one'): field 'kind' is 'essay'"),
    (('hints = ["a nudge", "the method"]', 'hints = ["only one"]'), "('one'): field 'hints' needs at least 2 non-empty strings (the course's [course] min_hints)"),
    (('hints = ["a nudge", "the method"]', 'hints = "text"'), "('one'): field 'hints' should be a list"),
    (('path = "01_t/one.py"', 'path = "../escape.py"'), "('one'): field 'path' must be a relative path"),
    (('topic = "t"\n', 'topic = "t"\ncolour = "red"\n'), "('one'): unknown field(s) colour"),
    (('name = "one"', 'name = "not valid"'), "field 'name' must be a valid Python identifier"),
])
def test_errors_name_the_entry_and_field(tmp_path, change, message):
    with pytest.raises(ManifestError) as caught:
        parse_manifest(_write(tmp_path, GOOD.replace(*change)))
    assert message in str(caught.value)


def test_duplicate_names_and_paths(tmp_path):
    with pytest.raises(ManifestError, match="exercise #2: name 'one' is used twice"):
        parse_manifest(_write(tmp_path, GOOD + GOOD))
    other = GOOD.replace('name = "one"', 'name = "two"')
    with pytest.raises(ManifestError, match="path '01_t/one.py' is used twice"):
        parse_manifest(_write(tmp_path, GOOD + other))


def test_version_syntax_and_emptiness(tmp_path):
    with pytest.raises(ManifestError, match="'format_version' is 2"):
        parse_manifest(_write(tmp_path, GOOD, version="format_version = 2\n"))
    with pytest.raises(ManifestError, match="not valid TOML"):
        parse_manifest(_write(tmp_path, GOOD + "[[exercises]\n"))
    with pytest.raises(ManifestError, match="lists no exercises"):
        parse_manifest(_write(tmp_path, ""))
    with pytest.raises(ManifestError, match="manifest file is missing"):
        parse_manifest(tmp_path / "absent.toml")


def test_course_policy_comes_from_the_manifest(tmp_path):
    from checker.catalog import read_manifest

    policy, _ = read_manifest(_write(tmp_path, GOOD, policy='[course]\nname = "t"\nfinal = "{total} done"\n'))
    assert (policy.name, policy.kinds, policy.min_hints) == ("t", (), 1)  # no course policy: any kind, one hint
    assert policy.final_message(3) == "3 done"
    essay = GOOD.replace('kind = "answer"', 'kind = "essay"').replace('["a nudge", "the method"]', '["one"]')
    assert read_manifest(_write(tmp_path, essay, policy=""))[1][0].kind == "essay"


@pytest.mark.parametrize("policy, message", [
    ('[course]\nkinds = "answer"\n', "[course] field 'kinds' should be a list"),
    ('[course]\nmin_hints = -1\n', "[course] field 'min_hints' should be a whole number"),
    ('[course]\ncolour = "red"\n', "[course] has unknown field(s) colour"),
    ('[course]\nwelcome = 3\n', "[course] field 'welcome' should be a string"),
])
def test_a_bad_course_table_is_named(tmp_path, policy, message):
    with pytest.raises(ManifestError) as caught:
        parse_manifest(_write(tmp_path, GOOD, policy=policy))
    assert message in str(caught.value)
