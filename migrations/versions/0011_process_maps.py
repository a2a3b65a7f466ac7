"""process maps: a project's as-is and to-be maps (BPMN XML and the model parsed from it, cases a
year, savings), the candidate processes scored for selection, fishbone diagrams and their causes

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fishbones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('problem', sa.String(length=300), nullable=False),
    sa.Column('problem_zh', sa.String(length=300), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_fishbones_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fishbones')),
    sa.UniqueConstraint('project_id', 'key', name=op.f('uq_fishbones_project_id_key'))
    )
    with op.batch_alter_table('fishbones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fishbones_project_id'), ['project_id'], unique=False)

    op.create_table('process_candidates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_zh', sa.String(length=300), nullable=False),
    sa.Column('importance', sa.Integer(), nullable=False),
    sa.Column('gap', sa.Integer(), nullable=False),
    sa.Column('feasibility', sa.Integer(), nullable=False),
    sa.Column('functions', sa.Integer(), nullable=False),
    sa.Column('departments', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_process_candidates_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_process_candidates')),
    sa.UniqueConstraint('project_id', 'key', name=op.f('uq_process_candidates_project_id_key'))
    )
    with op.batch_alter_table('process_candidates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_candidates_project_id'), ['project_id'], unique=False)

    op.create_table('process_maps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('as_is', 'to_be', name='mapkind', native_enum=False, length=10), nullable=False),
    sa.Column('process', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_zh', sa.String(length=300), nullable=False),
    sa.Column('as_is_id', sa.Integer(), nullable=True),
    sa.Column('cases_per_year', sa.Integer(), nullable=False),
    sa.Column('benefit', sa.String(length=40), nullable=False),
    sa.Column('savings_per_case', sa.Float(), nullable=True),
    sa.Column('annual_savings', sa.Float(), nullable=True),
    sa.Column('bpmn', sa.LargeBinary(), nullable=False),
    sa.Column('model', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['as_is_id'], ['process_maps.id'], name=op.f('fk_process_maps_as_is_id_process_maps'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_process_maps_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_process_maps')),
    sa.UniqueConstraint('project_id', 'key', name=op.f('uq_process_maps_project_id_key'))
    )
    with op.batch_alter_table('process_maps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_maps_as_is_id'), ['as_is_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_process_maps_project_id'), ['project_id'], unique=False)

    op.create_table('fishbone_causes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fishbone_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=120), nullable=False),
    sa.Column('category_zh', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_zh', sa.String(length=300), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['fishbone_id'], ['fishbones.id'], name=op.f('fk_fishbone_causes_fishbone_id_fishbones'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fishbone_causes'))
    )
    with op.batch_alter_table('fishbone_causes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fishbone_causes_fishbone_id'), ['fishbone_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('fishbone_causes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fishbone_causes_fishbone_id'))
    op.drop_table('fishbone_causes')
    with op.batch_alter_table('process_maps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_maps_project_id'))
        batch_op.drop_index(batch_op.f('ix_process_maps_as_is_id'))
    op.drop_table('process_maps')
    with op.batch_alter_table('process_candidates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_candidates_project_id'))
    op.drop_table('process_candidates')
    with op.batch_alter_table('fishbones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fishbones_project_id'))
    op.drop_table('fishbones')
