"""Python's JSON error wordings become translatable reasons (summary files, resource packs)."""

from __future__ import annotations

import json

import pytest

from peerdesk.json_reasons import json_reason
from peerdesk.translation import Message, localize


@pytest.mark.parametrize("text", ['{"a": 1,}', "[1, 2,]", '{"a" 1}', '{"a": 1} x', "", '"\\q"'])
def test_every_error_json_raises_has_a_translatable_reason(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as error:
        json.loads(text)
    reason = json_reason(error.value.msg)
    assert isinstance(reason, Message), error.value.msg
    assert localize(reason, "es") != reason, f"no Spanish for {reason!r}"


def test_an_unknown_wording_is_kept_as_it_is() -> None:
    assert json_reason("Something new in Python 3.99") == "Something new in Python 3.99"
    assert not isinstance(json_reason("Something new"), Message)
