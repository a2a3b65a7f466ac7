"""working_days: dates worked although they are not working weekdays (make-up days, 调休)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'working_days',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('project_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_working_days_project_id_projects'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_working_days')),
        sa.UniqueConstraint('project_id', 'day', name=op.f('uq_working_days_project_id_day')),
    )
    with op.batch_alter_table('working_days', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_working_days_project_id'), ['project_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('working_days', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_working_days_project_id'))
    op.drop_table('working_days')
