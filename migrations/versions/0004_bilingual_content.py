"""bilingual content: Chinese title, client, industry, description and objectives of a project, KPI names,
Chinese description and response of a risk

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows get empty Chinese text: pages show the English until someone adds it.
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.add_column(sa.Column('title_zh', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('client_company_zh', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('industry_zh', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('description_zh', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('objectives_zh', sa.JSON(), nullable=False, server_default='[]'))
    with op.batch_alter_table('kpi_targets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('name_zh', sa.String(length=200), nullable=False, server_default=''))
    with op.batch_alter_table('risks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description_zh', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('response_zh', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('risks', schema=None) as batch_op:
        batch_op.drop_column('response_zh')
        batch_op.drop_column('description_zh')
    with op.batch_alter_table('kpi_targets', schema=None) as batch_op:
        batch_op.drop_column('name_zh')
        batch_op.drop_column('name')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_column('objectives_zh')
        batch_op.drop_column('description_zh')
        batch_op.drop_column('industry_zh')
        batch_op.drop_column('client_company_zh')
        batch_op.drop_column('title_zh')
