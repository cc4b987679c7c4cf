"""Ingestion into a database built by the real OCS installer (Debian's ocsinventory-reports).

That schema is utf8mb3 with case-insensitive collations, unlike the databases we
create: characters outside the BMP must be replaced, and software names that differ
only by case are one dictionary row there.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol.document import parse_inventory
from tests.support.builders import FIRST, UPDATE, inventory_xml
from tests.support.reference_schema import (
    ReferenceUnavailable,
    drop_database,
    load_reference_schema,
)

pytestmark = pytest.mark.mariadb


@pytest.fixture(scope="module")
def real_engine(mysql_server_url: str) -> Iterator[Engine]:
    try:
        url = load_reference_schema(mysql_server_url, database=f"ocs_real_{secrets.token_hex(4)}")
    except ReferenceUnavailable as exc:
        from tests.support.services import unavailable

        unavailable(str(exc))
    engine = create_engine_for(url)
    try:
        yield engine
    finally:
        engine.dispose()
        drop_database(url)


def test_sample_lands_in_the_real_schema(real_engine: Engine) -> None:
    ingestor = Ingestor(real_engine)
    assert ingestor.bmp_only  # the real install is utf8mb3
    first = ingestor.ingest(parse_inventory(FIRST.read_bytes()))
    second = ingestor.ingest(parse_inventory(UPDATE.read_bytes()))
    assert first.created and not second.created
    # Stored rows read back as CONCAT_WS signatures compare equal: nothing rewritten.
    assert (second.sections["SOFTWARES"].kept, second.sections["SOFTWARES"].inserted) == (899, 0)
    assert second.sections["LOCAL_USERS"].kept == 25
    assert first.account_update == (("TAG", "NA"),)
    with real_engine.connect() as conn:
        counts = conn.execute(
            text(
                "SELECT (SELECT COUNT(*) FROM software WHERE HARDWARE_ID = :id), "
                "(SELECT COUNT(*) FROM networks WHERE HARDWARE_ID = :id), "
                "(SELECT TAG FROM accountinfo WHERE HARDWARE_ID = :id)"
            ),
            {"id": first.hardware_id},
        ).one()
    assert tuple(counts) == (899, 4, "NA")


def test_four_byte_characters_and_case_twins(real_engine: Engine) -> None:
    body = inventory_xml(
        deviceid="emoji-2026-01-01-00-00-00",
        name="emoji",
        add={
            "SOFTWARES": [
                {"NAME": "Party \U0001f389 App", "VERSION": "1", "PUBLISHER": "Fun \U0001f600"},
                {"NAME": "ZSTD", "VERSION": "1.5.4+dfsg2-5"},  # 'zstd' exists: same row here
            ]
        },
    )
    result = Ingestor(real_engine).ingest(parse_inventory(body))
    with real_engine.connect() as conn:
        names = (
            conn.execute(
                text(
                    "SELECT n.NAME FROM software s JOIN software_name n ON n.ID = s.NAME_ID "
                    "WHERE s.HARDWARE_ID = :id AND (n.NAME LIKE 'Party%' OR n.NAME = 'zstd')"
                ),
                {"id": result.hardware_id},
            )
            .scalars()
            .all()
        )
        twins = conn.execute(
            text("SELECT COUNT(*) FROM software_name WHERE NAME = 'zstd'")
        ).scalar()
    assert "Party \ufffd App" in names
    assert twins == 1  # case-insensitive collation: ZSTD and zstd are one dictionary row
    assert names.count("zstd") + names.count("ZSTD") == 2  # both software rows kept


def test_an_ocs_2_8_database_works_as_it_is(mysql_server_url: str) -> None:
    """GUI_VERSION 7039 (OCS 2.8) has no software.ARCHITECTURE, among others."""
    try:
        url = load_reference_schema(
            mysql_server_url, database=f"ocs_28_{secrets.token_hex(4)}", version=7039
        )
    except ReferenceUnavailable as exc:
        from tests.support.services import unavailable

        unavailable(str(exc))
    engine = create_engine_for(url)
    try:
        with engine.connect() as conn:
            columns = {row[0] for row in conn.execute(text("SHOW COLUMNS FROM software"))}
        assert "ARCHITECTURE" not in columns
        ingestor = Ingestor(engine)
        first = ingestor.ingest(parse_inventory(FIRST.read_bytes()))
        second = ingestor.ingest(parse_inventory(UPDATE.read_bytes()))
        assert second.hardware_id == first.hardware_id
        assert second.sections["SOFTWARES"].kept == 899
        with engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM software")).scalar() == 899
    finally:
        engine.dispose()
        drop_database(url)
