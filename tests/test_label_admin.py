"""The label editor: cleaned like OCS, empty deletes, and its preview is the server's answer."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, delete, insert

from ocs_desktop.cli.main import main
from ocs_desktop.db.deploy_rows import DEPLOY
from ocs_desktop.fleet.label import (
    AGENT_DEFAULT_PROMPT,
    LabelError,
    LabelPreview,
    clean_label,
    clear_label,
    preview_label,
    read_label,
    set_label,
)
from ocs_desktop.models.settings import Config
from tests.support.builders import count
from tests.support.server_helpers import client_for, set_config


def test_tabs_and_line_breaks_are_stripped() -> None:
    assert clean_label("  Your\toffice\r\nroom:\n ") == "Youroffice" + "room:"
    assert clean_label("\t\n") == ""


def test_other_control_characters_are_refused(engine: Engine) -> None:
    with engine.begin() as conn, pytest.raises(LabelError) as caught:
        set_label(conn, "Office\x1b[31m")
    assert caught.value.reason == "control"
    assert count(engine, "deploy") == 0


def test_set_replace_and_empty_deletes(engine: Engine) -> None:
    with engine.begin() as conn:
        assert read_label(conn) is None
        assert set_label(conn, "Bureau (é)\n") == "Bureau (é)"
        assert set_label(conn, "Office number") == "Office number"
        assert read_label(conn) == "Office number"
    assert count(engine, "deploy", NAME="label") == 1
    with engine.begin() as conn:
        assert set_label(conn, " \t\n") is None
        assert read_label(conn) is None
        assert not clear_label(conn)
    assert count(engine, "deploy") == 0


@pytest.mark.parametrize("deploy", [1, 0])
def test_preview_is_what_the_server_answers(engine: Engine, deploy: int) -> None:
    set_config(engine, "DEPLOY", deploy)
    with client_for(engine) as client:
        for text in ("", "Bâtiment et bureau ?"):
            with engine.begin() as conn:
                set_label(conn, text)
                preview = preview_label(conn)
            answer = client.get("/ocsinventory/deploy/label")
            assert (answer.status_code, answer.content) == (preview.status, preview.body)
    if deploy:
        assert preview.status == 200
        assert preview.body == "Bâtiment et bureau ?".encode()
        assert preview.prompt == "Bâtiment et bureau ?"
    else:
        assert preview.status == 403
        assert preview.prompt == AGENT_DEFAULT_PROMPT


def test_cli(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    db = engine.url.render_as_string(hide_password=False)
    set_config(engine, "DEPLOY", 1)
    assert main(["label", "set", "--db", db, "Room\tnumber"]) == 0
    assert "label: Roomnumber" in capsys.readouterr().out
    assert main(["label", "show", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "HTTP 200" in out and "prompt: Roomnumber" in out
    assert main(["label", "set", "--db", db, "bad\x07bell"]) == 1
    assert "control characters" in capsys.readouterr().err
    assert main(["label", "clear", "--db", db]) == 0
    assert count(engine, "deploy") == 0
    assert main(["label", "show", "--db", db]) == 0
    assert "HTTP 400" in capsys.readouterr().out


def test_the_length_limit_exactly() -> None:
    assert clean_label("x" * 1000) == "x" * 1000
    with pytest.raises(LabelError) as caught:
        clean_label("x" * 1001)
    assert caught.value.reason == "long"
    assert str(caught.value) == "the label is longer than 1000 characters"


def test_the_agents_own_prompt_is_the_windows_agents() -> None:
    # What the Windows agent asks when the server has no label (OCSInventory.cpp).
    assert AGENT_DEFAULT_PROMPT == "Please, enter TAG value"
    assert LabelPreview(400, b"").prompt == "Please, enter TAG value"


def test_setting_the_same_label_twice_keeps_one_row(engine: Engine) -> None:
    # MySQL reports 0 changed rows for an UPDATE to the same value: no second INSERT.
    with engine.begin() as conn:
        set_label(conn, "Office")
        assert set_label(conn, "Office") == "Office"
    assert count(engine, "deploy", NAME="label") == 1


def test_a_label_stored_by_another_tool_in_another_encoding_still_reads(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(DEPLOY).values(NAME="label", CONTENT="Bâtiment".encode("latin-1")))
        assert read_label(conn) == "B\ufffdtiment"
    set_config(engine, "DEPLOY", 1)
    with engine.connect() as conn:
        assert preview_label(conn).prompt == "B\ufffdtiment"


def test_no_deploy_row_in_config_means_deploy_off(engine: Engine) -> None:
    with engine.begin() as conn:
        set_label(conn, "Office")
        conn.execute(delete(Config).where(Config.NAME == "DEPLOY"))
        assert preview_label(conn) == LabelPreview(403, b"")
