"""Chinese for the schedule views and the task table (applied by tools/fill_translations.py)."""

ZH = {
    ('gantt grid', 'Days'): '工期',
    ('gantt grid', 'Done (%)'): '完成 (%)',
    (None, 'Fold all'): '全部折叠',
    (None, 'Fold the phase to its summary row'): '将该阶段折叠为摘要行',
    ('gantt grid', 'ID'): '编号',
    (None, 'Phases:'): '阶段：',
    ('gantt grid', 'Responsible'): '负责角色',
    (None, 'Save for printing (page width):'): '按页面宽度保存以便打印：',
    (None, 'Show the tasks of the phase'): '显示该阶段的任务',
    ('gantt grid', 'Task name'): '任务名称',
    (None, 'Unfold all'): '全部展开',
    (None, '%(value)r is not a number'): '%(value)r 不是数字',
    (None, '%(value)r is not yes or no'): '%(value)r 不是“是”或“否”',
    (None, 'Choose a .csv or .xlsx task table.'): '请选择 .csv 或 .xlsx 任务表。',
    (None, 'Download the table, change it in a spreadsheet and read it back: the tasks it names are updated column by column (a column you remove is left alone), new ids are added, the tasks it leaves out stay as they are. The computed columns (start, finish, ES/EF/LS/LF, slack, critical) are ignored. Nothing is saved unless the whole table is right.'): '下载任务表，在电子表格中修改后再读回：表中列出的任务按列更新（删除的列保持原值），新编号的任务被添加，表中未列出的任务保持不变。进度计算列（开始、完成、ES/EF/LS/LF、时差、关键）为计算值，读回时忽略。只有整张表都正确时才会保存。',
    (None, 'Read a task table back from Excel or CSV'): '从 Excel 或 CSV 读回任务表',
    (None, 'Read the table'): '读取任务表',
    (None, 'Task table (CSV or Excel)'): '任务表（CSV 或 Excel）',
    (None, 'Task table (Excel)'): '任务表（Excel）',
    (None, 'Task table read: %(added)s tasks added, %(updated)s updated, %(untouched)s left as they were.'): '任务表已读取：新增 %(added)s 个任务，更新 %(updated)s 个，%(untouched)s 个保持不变。',
    (None, 'The table was not read. Nothing was saved. Problems found:'): '任务表未读取，未保存任何内容。发现以下问题：',
    (None, 'a milestone takes no time (duration 0)'): '里程碑不占用时间（工期为 0）',
    (None, 'a new task needs a phase (one of %(phases)s)'): '新任务需要指定阶段（%(phases)s 之一）',
    (None, 'a task needs a name'): '任务需要名称',
    (None, 'a task needs an id'): '任务需要编号',
    (None, 'contains a NUL character'): '包含 NUL 字符',
    (None, 'invalid task table'): '任务表无效',
    (None, 'longer than %(limit)s characters'): '超过 %(limit)s 个字符',
    (None, 'more than %(limit)s tasks'): '任务超过 %(limit)s 个',
    (None, 'must be a whole number, got %(value)s'): '必须为整数，实际为 %(value)s',
    (None, 'must be from %(low)s to %(high)s'): '必须在 %(low)s 到 %(high)s 之间',
    (None, 'one role is accountable, not %(count)s'): '只能有一个批准（A）角色，而不是 %(count)s 个',
    (None, 'the baseline finish is before its start'): '基线完成日期早于开始日期',
    (None, 'the file is neither UTF-8 nor GBK text'): '文件既不是 UTF-8 也不是 GBK 文本',
    (None, 'the file is not a text table'): '文件不是文本表格',
    (None, 'the file is not an Excel workbook (.xlsx)'): '文件不是 Excel 工作簿（.xlsx）',
    (None, 'the header row lacks the column(s) %(columns)s'): '表头缺少列：%(columns)s',
    (None, 'the id %(task)r is used twice'): '编号 %(task)r 出现了两次',
    (None, 'the table is empty'): '表格为空',
    (None, 'the workbook is larger than %(limit)s MB'): '工作簿超过 %(limit)s MB',
    (None, 'the workbook unpacks to too much data'): '工作簿解压后的数据过大',
    (None, 'unknown methodology role %(role)r'): '未知的方法论角色 %(role)r',
    (None, 'row %(row)s · %(column)s'): '第 %(row)s 行 · %(column)s',
}
ZH.update({
    (None, "Like MS Project’s “Update Project”: the tasks planned to finish before the date are reported done on their planned dates, the tasks planned across it as started on time with the share of their days gone by, and the date becomes the project’s status date. Progress already reported is never lowered."):
        "与 MS Project 的“更新项目”相同：计划在该日期之前完成的任务按计划日期报告为已完成，跨越该日期的任务按时开始并按已过工作日的比例报告进度，该日期成为项目的状态日期。已报告的进度不会被降低。",
    (None, "Progress reported as planned up to %(date)s: %(count)s tasks updated; the status date is now %(date)s."):
        "已按计划报告截至 %(date)s 的进度：更新了 %(count)s 个任务；状态日期现为 %(date)s。",
    (None, "Report progress"): "报告进度",
    (None, "Report progress as planned up to a status date"): "按计划报告截至状态日期的进度",
})

# MS Project XML import.
ZH.update({
    (None, "the actual finish is before the actual start"): "实际完成日期早于实际开始日期",
})
