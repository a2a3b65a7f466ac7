"""methodology tracking: deliverables, RACI, gates, risks, changes, meetings, audit

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 07:01:11.338652
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('actor', sa.String(length=254), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_key', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_audit_events_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_project_id'), ['project_id'], unique=False)

    op.create_table('change_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('requester', sa.String(length=120), nullable=False),
    sa.Column('scope_impact', sa.Text(), nullable=False),
    sa.Column('days_impact', sa.Integer(), nullable=False),
    sa.Column('cost_impact', sa.Float(), nullable=False),
    sa.Column('plan_changes', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('submitted', 'assessed', 'approved', 'rejected', name='changestatus', native_enum=False, length=20), nullable=False),
    sa.Column('decided_by', sa.String(length=120), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('applied_delta', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_change_requests_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_requests')),
    sa.UniqueConstraint('project_id', 'number', name=op.f('uq_change_requests_project_id_number'))
    )
    with op.batch_alter_table('change_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_requests_project_id'), ['project_id'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('agenda', sa.Text(), nullable=False),
    sa.Column('attendees', sa.Text(), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_meetings_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_project_id'), ['project_id'], unique=False)

    op.create_table('risks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('template_id', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('title_zh', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=False),
    sa.Column('impact', sa.Integer(), nullable=False),
    sa.Column('residual_probability', sa.Integer(), nullable=True),
    sa.Column('residual_impact', sa.Integer(), nullable=True),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('response', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('open', 'mitigating', 'occurred', 'closed', name='riskstatus', native_enum=False, length=20), nullable=False),
    sa.Column('linked_tasks', sa.JSON(), nullable=False),
    sa.Column('delay_days', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_risks_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risks')),
    sa.UniqueConstraint('project_id', 'key', name=op.f('uq_risks_project_id_key'))
    )
    with op.batch_alter_table('risks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risks_project_id'), ['project_id'], unique=False)

    op.create_table('action_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_action_items_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_items'))
    )
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_items_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('deliverables',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('phase_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_zh', sa.String(length=300), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('owner_role', sa.String(length=10), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_progress', 'submitted', 'signed_off', name='deliverablestatus', native_enum=False, length=20), nullable=False),
    sa.Column('link', sa.Text(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('file_data', sa.LargeBinary(), nullable=True),
    sa.Column('signed_off_by', sa.String(length=120), nullable=False),
    sa.Column('signed_off_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['phase_id'], ['phases.id'], name=op.f('fk_deliverables_phase_id_phases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_deliverables_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deliverables')),
    sa.UniqueConstraint('project_id', 'key', name=op.f('uq_deliverables_project_id_key'))
    )
    with op.batch_alter_table('deliverables', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deliverables_phase_id'), ['phase_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deliverables_project_id'), ['project_id'], unique=False)

    op.create_table('gates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('phase_id', sa.Integer(), nullable=False),
    sa.Column('gate_id', sa.String(length=10), nullable=False),
    sa.Column('milestone_task', sa.String(length=40), nullable=False),
    sa.Column('checks', sa.JSON(), nullable=False),
    sa.Column('decision', sa.Enum('pass', 'pass_with_conditions', 'fail', name='gatedecision', native_enum=False), nullable=True),
    sa.Column('conditions', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=120), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['phase_id'], ['phases.id'], name=op.f('fk_gates_phase_id_phases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_gates_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gates')),
    sa.UniqueConstraint('project_id', 'gate_id', name=op.f('uq_gates_project_id_gate_id'))
    )
    with op.batch_alter_table('gates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gates_phase_id'), ['phase_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gates_project_id'), ['project_id'], unique=False)

    op.create_table('raci_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('deliverable_id', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.String(length=10), nullable=False),
    sa.Column('letter', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['deliverable_id'], ['deliverables.id'], name=op.f('fk_raci_assignments_deliverable_id_deliverables'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_raci_assignments')),
    sa.UniqueConstraint('deliverable_id', 'role_id', name=op.f('uq_raci_assignments_deliverable_id_role_id'))
    )
    with op.batch_alter_table('raci_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_raci_assignments_deliverable_id'), ['deliverable_id'], unique=False)

    with op.batch_alter_table('phases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('actual_start', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('actual_finish', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('complete', sa.Boolean(), nullable=False, server_default=sa.false()))

    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.add_column(sa.Column('budget_reserve', sa.Float(), nullable=False, server_default=sa.text('0')))



def downgrade() -> None:
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_column('budget_reserve')

    with op.batch_alter_table('phases', schema=None) as batch_op:
        batch_op.drop_column('complete')
        batch_op.drop_column('actual_finish')
        batch_op.drop_column('actual_start')

    with op.batch_alter_table('raci_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_raci_assignments_deliverable_id'))

    op.drop_table('raci_assignments')
    with op.batch_alter_table('gates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gates_project_id'))
        batch_op.drop_index(batch_op.f('ix_gates_phase_id'))

    op.drop_table('gates')
    with op.batch_alter_table('deliverables', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deliverables_project_id'))
        batch_op.drop_index(batch_op.f('ix_deliverables_phase_id'))

    op.drop_table('deliverables')
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_items_meeting_id'))

    op.drop_table('action_items')
    with op.batch_alter_table('risks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risks_project_id'))

    op.drop_table('risks')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_project_id'))

    op.drop_table('meetings')
    with op.batch_alter_table('change_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_requests_project_id'))

    op.drop_table('change_requests')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_project_id'))

    op.drop_table('audit_events')
