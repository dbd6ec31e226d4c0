"""Many new rows at once: PostgreSQL `COPY` where the database is PostgreSQL, batched INSERTs elsewhere.

`bulk_create` sends the rows as one huge INSERT with a parameter per cell; PostgreSQL's
COPY (psycopg 3 `cursor.copy`) streams them instead, several times faster for thousands
of rows (issue 16: 10,000 delegates, 1.09 s through bulk_create, 0.14 s through COPY).
The primary keys are taken from the table's sequence first, so the caller gets its rows
back with their ids (the audit entries need them), exactly as bulk_create returns them.
Nothing is validated here: callers validate first, as they would before bulk_create.
"""

from collections.abc import Sequence
from typing import TypeVar

from django.db import connections, models, router

M = TypeVar("M", bound=models.Model)
BATCH_SIZE = 2000


def insert_many(rows: Sequence[M]) -> list[M]:
    """Insert `rows` (unsaved instances of one model) and return them with their primary keys."""
    objs = list(rows)
    if not objs:
        return objs
    model = type(objs[0])
    using = router.db_for_write(model)
    connection = connections[using]
    if connection.vendor != "postgresql":
        return model._default_manager.using(using).bulk_create(objs, batch_size=BATCH_SIZE)
    opts = model._meta
    pk = opts.pk
    assert pk is not None
    fields = list(opts.concrete_fields)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [opts.db_table, pk.column, len(objs)],
        )
        for obj, (new_id,) in zip(objs, cursor.fetchall(), strict=True):
            setattr(obj, pk.attname, new_id)
        columns = ", ".join(quote(str(f.column)) for f in fields)
        with cursor.cursor.copy(f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN") as copy:
            for obj in objs:
                copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = using
    return objs
