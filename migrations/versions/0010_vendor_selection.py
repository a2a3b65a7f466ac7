"""vendor selection: the criteria tree, short-listed vendors with their quotations, evaluators'
score sheets and the stakeholders' AHP comparisons (one selection per project)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 07:30:32.419679
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('vendor_selections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('title_zh', sa.String(length=200), nullable=False),
    sa.Column('weighting', sa.String(length=10), nullable=False),
    sa.Column('horizon_years', sa.Integer(), nullable=False),
    sa.Column('scoring_closed', sa.Boolean(), nullable=False),
    sa.Column('closed_by', sa.String(length=254), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_vendor_selections_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_selections')),
    sa.UniqueConstraint('project_id', name=op.f('uq_vendor_selections_project_id'))
    )
    with op.batch_alter_table('vendor_selections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vendor_selections_project_id'), ['project_id'], unique=False)

    op.create_table('shortlisted_vendors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('selection_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('description_zh', sa.Text(), nullable=False),
    sa.Column('licence_cost', sa.Float(), nullable=False),
    sa.Column('implementation_cost', sa.Float(), nullable=False),
    sa.Column('running_cost_per_year', sa.Float(), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('quotation_file_name', sa.String(length=255), nullable=False),
    sa.Column('quotation_file_data', sa.LargeBinary(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_shortlisted_vendors_project_id_projects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['selection_id'], ['vendor_selections.id'], name=op.f('fk_shortlisted_vendors_selection_id_vendor_selections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shortlisted_vendors')),
    sa.UniqueConstraint('selection_id', 'key', name=op.f('uq_shortlisted_vendors_selection_id_key'))
    )
    with op.batch_alter_table('shortlisted_vendors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shortlisted_vendors_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shortlisted_vendors_selection_id'), ['selection_id'], unique=False)

    op.create_table('vendor_comparisons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('selection_id', sa.Integer(), nullable=False),
    sa.Column('stakeholder', sa.String(length=120), nullable=False),
    sa.Column('node', sa.String(length=40), nullable=False),
    sa.Column('item_a', sa.String(length=40), nullable=False),
    sa.Column('item_b', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_vendor_comparisons_project_id_projects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['selection_id'], ['vendor_selections.id'], name=op.f('fk_vendor_comparisons_selection_id_vendor_selections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_comparisons')),
    sa.UniqueConstraint('selection_id', 'stakeholder', 'node', 'item_a', 'item_b', name=op.f('uq_vendor_comparisons_selection_id_stakeholder_node_item_a_item_b'))
    )
    with op.batch_alter_table('vendor_comparisons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vendor_comparisons_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vendor_comparisons_selection_id'), ['selection_id'], unique=False)

    op.create_table('vendor_criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('selection_id', sa.Integer(), nullable=False),
    sa.Column('group_key', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('description_zh', sa.Text(), nullable=False),
    sa.Column('scale', sa.Integer(), nullable=False),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.Column('knockout', sa.Float(), nullable=True),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('from_figures', sa.Boolean(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('area', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_vendor_criteria_project_id_projects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['selection_id'], ['vendor_selections.id'], name=op.f('fk_vendor_criteria_selection_id_vendor_selections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_criteria')),
    sa.UniqueConstraint('selection_id', 'key', name=op.f('uq_vendor_criteria_selection_id_key'))
    )
    with op.batch_alter_table('vendor_criteria', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vendor_criteria_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vendor_criteria_selection_id'), ['selection_id'], unique=False)

    op.create_table('vendor_criteria_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('selection_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_vendor_criteria_groups_project_id_projects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['selection_id'], ['vendor_selections.id'], name=op.f('fk_vendor_criteria_groups_selection_id_vendor_selections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_criteria_groups')),
    sa.UniqueConstraint('selection_id', 'key', name=op.f('uq_vendor_criteria_groups_selection_id_key'))
    )
    with op.batch_alter_table('vendor_criteria_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vendor_criteria_groups_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vendor_criteria_groups_selection_id'), ['selection_id'], unique=False)

    op.create_table('vendor_evaluators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('selection_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_vendor_evaluators_project_id_projects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['selection_id'], ['vendor_selections.id'], name=op.f('fk_vendor_evaluators_selection_id_vendor_selections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_vendor_evaluators_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_evaluators')),
    sa.UniqueConstraint('selection_id', 'name', name=op.f('uq_vendor_evaluators_selection_id_name'))
    )
    with op.batch_alter_table('vendor_evaluators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vendor_evaluators_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vendor_evaluators_selection_id'), ['selection_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vendor_evaluators_user_id'), ['user_id'], unique=False)

    op.create_table('vendor_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('evaluator_id', sa.Integer(), nullable=False),
    sa.Column('vendor_key', sa.String(length=40), nullable=False),
    sa.Column('criterion_key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['evaluator_id'], ['vendor_evaluators.id'], name=op.f('fk_vendor_scores_evaluator_id_vendor_evaluators'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_vendor_scores_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vendor_scores')),
    sa.UniqueConstraint('evaluator_id', 'vendor_key', 'criterion_key', name=op.f('uq_vendor_scores_evaluator_id_vendor_key_criterion_key'))
    )
    with op.batch_alter_table('vendor_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vendor_scores_evaluator_id'), ['evaluator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vendor_scores_project_id'), ['project_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('vendor_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vendor_scores_project_id'))
        batch_op.drop_index(batch_op.f('ix_vendor_scores_evaluator_id'))

    op.drop_table('vendor_scores')
    with op.batch_alter_table('vendor_evaluators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vendor_evaluators_user_id'))
        batch_op.drop_index(batch_op.f('ix_vendor_evaluators_selection_id'))
        batch_op.drop_index(batch_op.f('ix_vendor_evaluators_project_id'))

    op.drop_table('vendor_evaluators')
    with op.batch_alter_table('vendor_criteria_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vendor_criteria_groups_selection_id'))
        batch_op.drop_index(batch_op.f('ix_vendor_criteria_groups_project_id'))

    op.drop_table('vendor_criteria_groups')
    with op.batch_alter_table('vendor_criteria', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vendor_criteria_selection_id'))
        batch_op.drop_index(batch_op.f('ix_vendor_criteria_project_id'))

    op.drop_table('vendor_criteria')
    with op.batch_alter_table('vendor_comparisons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vendor_comparisons_selection_id'))
        batch_op.drop_index(batch_op.f('ix_vendor_comparisons_project_id'))

    op.drop_table('vendor_comparisons')
    with op.batch_alter_table('shortlisted_vendors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shortlisted_vendors_selection_id'))
        batch_op.drop_index(batch_op.f('ix_shortlisted_vendors_project_id'))

    op.drop_table('shortlisted_vendors')
    with op.batch_alter_table('vendor_selections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vendor_selections_project_id'))

    op.drop_table('vendor_selections')
