"""process selection: the weights of the three criteria and the scoring method a project ranks
its candidate processes with (they lived only in the page's URL before)

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('process_selections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('importance', sa.Float(), nullable=False),
    sa.Column('gap', sa.Float(), nullable=False),
    sa.Column('feasibility', sa.Float(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_process_selections_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_process_selections')),
    sa.UniqueConstraint('project_id', name=op.f('uq_process_selections_project_id'))
    )
    with op.batch_alter_table('process_selections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_selections_project_id'), ['project_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('process_selections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_selections_project_id'))
    op.drop_table('process_selections')
