"""task constraints and costs, baselines

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 06:45:06.981917
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('baselines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_baselines_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_baselines')),
    sa.UniqueConstraint('project_id', 'name', name=op.f('uq_baselines_project_id_name'))
    )
    with op.batch_alter_table('baselines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_baselines_project_id'), ['project_id'], unique=False)

    op.create_table('baseline_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('baseline_id', sa.Integer(), nullable=False),
    sa.Column('task_key', sa.String(length=40), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('finish', sa.Date(), nullable=False),
    sa.Column('duration', sa.Integer(), nullable=False),
    sa.Column('budget', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['baseline_id'], ['baselines.id'], name=op.f('fk_baseline_tasks_baseline_id_baselines'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_baseline_tasks')),
    sa.UniqueConstraint('baseline_id', 'task_key', name=op.f('uq_baseline_tasks_baseline_id_task_key'))
    )
    with op.batch_alter_table('baseline_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_baseline_tasks_baseline_id'), ['baseline_id'], unique=False)

    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_no_earlier_than', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('finish_no_later_than', sa.Date(), nullable=True))
        # Existing tasks get a zero budget.
        batch_op.add_column(sa.Column('budget', sa.Float(), nullable=False, server_default=sa.text('0')))
        batch_op.add_column(sa.Column('actual_cost', sa.Float(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_column('actual_cost')
        batch_op.drop_column('budget')
        batch_op.drop_column('finish_no_later_than')
        batch_op.drop_column('start_no_earlier_than')

    with op.batch_alter_table('baseline_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_baseline_tasks_baseline_id'))

    op.drop_table('baseline_tasks')
    with op.batch_alter_table('baselines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_baselines_project_id'))

    op.drop_table('baselines')
