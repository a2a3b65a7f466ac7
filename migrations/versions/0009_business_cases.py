"""business_cases: TCO and ROI business case per project (lines, drivers, actuals)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 07:29:19.321196
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('business_case_actuals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('benefits', sa.Float(), nullable=False),
    sa.Column('costs', sa.Float(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_business_case_actuals_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_case_actuals')),
    sa.UniqueConstraint('project_id', 'year', name=op.f('uq_business_case_actuals_project_id_year'))
    )
    with op.batch_alter_table('business_case_actuals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_business_case_actuals_project_id'), ['project_id'], unique=False)

    op.create_table('business_case_drivers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_business_case_drivers_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_case_drivers')),
    sa.UniqueConstraint('project_id', 'name', name=op.f('uq_business_case_drivers_project_id_name'))
    )
    with op.batch_alter_table('business_case_drivers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_business_case_drivers_project_id'), ['project_id'], unique=False)

    op.create_table('business_case_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('cost', 'benefit', name='linekind', native_enum=False, length=20), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('component', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_zh', sa.String(length=300), nullable=False),
    sa.Column('amounts', sa.JSON(), nullable=True),
    sa.Column('formula', sa.String(length=500), nullable=False),
    sa.Column('ramp', sa.JSON(), nullable=True),
    sa.Column('gross_margin', sa.Float(), nullable=True),
    sa.Column('conservative', sa.Float(), nullable=False),
    sa.Column('optimistic', sa.Float(), nullable=False),
    sa.Column('risk', sa.Float(), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('kpi', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_business_case_lines_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_case_lines')),
    sa.UniqueConstraint('project_id', 'key', name=op.f('uq_business_case_lines_project_id_key'))
    )
    with op.batch_alter_table('business_case_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_business_case_lines_project_id'), ['project_id'], unique=False)

    op.create_table('business_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('horizon', sa.Integer(), nullable=False),
    sa.Column('discount_rate', sa.Float(), nullable=False),
    sa.Column('tax_rate', sa.Float(), nullable=False),
    sa.Column('benefit_risk', sa.Float(), nullable=False),
    sa.Column('cost_risk', sa.Float(), nullable=False),
    sa.Column('go_live', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_business_cases_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_cases')),
    sa.UniqueConstraint('project_id', name=op.f('uq_business_cases_project_id'))
    )


def downgrade() -> None:
    op.drop_table('business_cases')
    with op.batch_alter_table('business_case_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_business_case_lines_project_id'))

    op.drop_table('business_case_lines')
    with op.batch_alter_table('business_case_drivers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_business_case_drivers_project_id'))

    op.drop_table('business_case_drivers')
    with op.batch_alter_table('business_case_actuals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_business_case_actuals_project_id'))

    op.drop_table('business_case_actuals')
