"""projects.status_date and baselines.steering: the forecast's status date and the baseline the
steering committee measures against (at most one per project)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status_date', sa.Date(), nullable=True))
    with op.batch_alter_table('baselines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('steering', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index('uq_baselines_one_steering', 'baselines', ['project_id'], unique=True,
                    sqlite_where=sa.text('steering'), postgresql_where=sa.text('steering'))
    # Until now the dashboard measured against the newest baseline: that one becomes the steering one.
    op.execute(
        "UPDATE baselines SET steering = true WHERE id IN "
        "(SELECT max(id) FROM baselines GROUP BY project_id)"
    )


def downgrade() -> None:
    op.drop_index('uq_baselines_one_steering', table_name='baselines')
    with op.batch_alter_table('baselines', schema=None) as batch_op:
        batch_op.drop_column('steering')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_column('status_date')
