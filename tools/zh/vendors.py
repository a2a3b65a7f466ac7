"""Chinese for the vendor-selection strings (engine messages, project-file rules, pages, charts, CLI).

Applied with ``tools/fill_translations.py tools/zh/vendors.py`` (see docs in that tool).
"""

ZH = {
    (None, "%(criterion)s is not scored from figures"): "%(criterion)s 不是按数据评分的准则",
    (None, "%(criterion)s is scored from figures, not by evaluators"): "%(criterion)s 按数据评分，不由评估人打分",
    (None, "%(criterion)s scored %(score)s, above the knock-out maximum of %(threshold)s"):
        "%(criterion)s 得分 %(score)s，高于淘汰上限 %(threshold)s",
    (None, "%(criterion)s scored %(score)s, under the knock-out minimum of %(threshold)s"):
        "%(criterion)s 得分 %(score)s，低于淘汰下限 %(threshold)s",
    (None, "%(criterion)s: %(now)s → %(then)s makes %(vendor)s the winner"):
        "%(criterion)s：权重由 %(now)s 变为 %(then)s 时，%(vendor)s 胜出",
    (None, "%(evaluator)s scored %(vendor)s on %(criterion)s twice"): "%(evaluator)s 对 %(vendor)s 的 %(criterion)s 打了两次分",
    (None, "%(item)s cannot be compared with itself"): "%(item)s 不能与自身比较",
    (None, "%(item)s compared with itself must be 1"): "%(item)s 与自身比较必须为 1",
    (None, "%(name)s is an evaluator already"): "%(name)s 已经是评估人",
    (None, "%(name)s scores the vendors."): "%(name)s 将为供应商打分。",
    (None, "%(name)s: consistency ratio %(cr)s is above 0.10. The most inconsistent comparison is %(a)s / %(b)s = "
           "%(value)s; the weights imply %(implied)s. Entering %(suggested)s would lower the ratio to %(new)s."):
        "%(name)s：一致性比率 %(cr)s 高于 0.10。最不一致的比较是 %(a)s / %(b)s = %(value)s；按权重应为 %(implied)s。"
        "改填 %(suggested)s 可使比率降至 %(new)s。",
    (None, "%(node)s has one item: there is nothing to compare"): "%(node)s 只有一项：无需比较",
    (None, "%(stakeholder)s at %(node)s: %(problem)s"): "%(stakeholder)s 在 %(node)s：%(problem)s",
    (None, "1–10"): "1–10",
    (None, "1–5"): "1–5",
    (None, "AHP comparisons"): "AHP两两比较",
    (None, "AHP consistency ratio of the hierarchy"): "层次结构的AHP一致性比率",
    (None, "AHP consistency ratio: %(cr)s"): "AHP一致性比率：%(cr)s",
    (None, "AHP from pairwise comparisons"): "由两两比较得出的AHP权重",
    (None, "AHP pairwise comparisons"): "AHP两两比较",
    (None, "Add criterion"): "添加准则",
    (None, "Add evaluator"): "添加评估人",
    (None, "Add vendor"): "添加供应商",
    (None, "CRM-7 area"): "CRM-7领域",
    (None, "Cells scored"): "已评分项",
    (None, "Close scoring"): "结束评分",
    (None, "Close scoring? Every member will then see all sheets and the results."):
        "结束评分？之后所有成员都能看到全部评分表和结果。",
    (None, "Comment"): "说明",
    (None, "Compare the short-listed CRM products on the methodology’s criteria: business functions over the CRM-7 "
           "areas, technology, vendor, consulting, implementation difficulty, time and cost. Weights are entered "
           "directly or derived by AHP from several stakeholders’ pairwise comparisons; evaluators score on their own "
           "sheets; the results show the ranking, a second method (TOPSIS), knock-outs and how close the call is."):
        "按方法论的准则比较入围的CRM产品：覆盖CRM-7各领域的业务功能、技术、供应商、顾问服务、实施难易度、时间与费用。"
        "权重可直接输入，也可由多位干系人的两两比较通过AHP得出；评估人在各自的评分表上打分；结果给出排名、第二种方法"
        "（TOPSIS）、淘汰情况以及结论的接近程度。",
    (None, "Comparisons of %(name)s deleted."): "已删除 %(name)s 的比较。",
    (None, "Comparisons of %(name)s saved."): "已保存 %(name)s 的比较。",
    (None, "Comparisons of one stakeholder"): "一位干系人的比较",
    (None, "Consistency ratio"): "一致性比率",
    (None, "Consolidated scores and the evaluators’ spread"): "汇总得分与评估人之间的分歧",
    (None, "Cost horizon"): "费用期限",
    (None, "Criteria and weights"): "准则与权重",
    (None, "Criteria groups"): "准则组",
    (None, "Criteria tree and weights"): "准则树与权重",
    (None, "Criterion %(key)s added."): "已添加准则 %(key)s。",
    (None, "Criterion %(key)s deleted."): "已删除准则 %(key)s。",
    (None, "Criterion %(key)s saved."): "已保存准则 %(key)s。",
    (None, "Delete a criterion"): "删除准则",
    (None, "Delete all comparisons of this stakeholder?"): "删除该干系人的全部比较？",
    (None, "Delete the comparisons of %(name)s"): "删除 %(name)s 的比较",
    (None, "Delete this criterion and its scores?"): "删除该准则及其评分？",
    (None, "Delete this vendor and its scores?"): "删除该供应商及其评分？",
    (None, "Direct weights"): "直接权重",
    (None, "Direct weights are relative numbers: each group among the groups, each criterion inside its group; they "
           "are normalised and shown as a share of the whole."):
        "直接权重是相对数：各组之间比较，组内各准则之间比较；系统将其归一化，并以占整体的比例显示。",
    (None, "Direction"): "方向",
    (None, "Disqualified"): "已淘汰",
    (None, "Each evaluator scores on their own sheet and sees only that sheet until scoring is closed; the results "
           "appear when it is."): "每位评估人在自己的评分表上打分，评分结束前只能看到自己的评分表；评分结束后显示结果。",
    (None, "Each stakeholder compares the items of a node two by two on Saaty’s scale: 1 equal, 3 moderately, 5 "
           "strongly, 7 very strongly, 9 extremely more important (1/3 … 1/9: the other way round). The weights are "
           "the principal eigenvector; a consistency ratio above 0.10 asks for a revision. The group’s matrix is the "
           "element-wise geometric mean of all stakeholders’."):
        "每位干系人按Saaty标度对一个节点下的各项两两比较：1 同等重要，3 稍重要，5 明显重要，7 强烈重要，9 极端重要"
        "（1/3 … 1/9 表示反过来）。权重取主特征向量；一致性比率高于 0.10 时应修改。群体矩阵是所有干系人矩阵逐元素的几何平均。",
    (None, "Evaluator"): "评估人",
    (None, "Evaluators"): "评估人",
    (None, "Group"): "组",
    (None, "Group / criterion"): "组 / 准则",
    (None, "Group subtotals"): "各组小计",
    (None, "Higher is better"): "越高越好",
    (None, "Higher is better: a vendor scored under it is disqualified; lower is better: over it."):
        "越高越好：得分低于该值的供应商被淘汰；越低越好：高于该值被淘汰。",
    (None, "Implementation"): "实施",
    (None, "Implementation (one-off)"): "实施费用（一次性）",
    (None, "Item"): "项",
    (None, "Key"): "标识",
    (None, "Knock-out"): "淘汰线",
    (None, "Knock-out threshold"): "淘汰阈值",
    (None, "Left empty for money: the quotation's total over the horizon."): "金额留空时：取报价在评估期内的合计。",
    (None, "Left empty: the member's name."): "留空时：使用成员的名字。",
    (None, "Letters, digits, _ - ."): "字母、数字、_ - .",
    (None, "Licence"): "许可",
    (None, "Licence (one-off)"): "许可费用（一次性）",
    (None, "Mean of the sheets with the lowest and highest score and the standard deviation; a spread of 2 points or "
           "more is marked: talk it through."): "各评分表的平均分，附最低分、最高分和标准差；相差 2 分及以上的会标出：请讨论清楚。",
    (None, "Member"): "成员",
    (None, "My score sheet"): "我的评分表",
    (None, "Name (Chinese)"): "名称（中文）",
    (None, "Name shown on the sheet"): "评分表上显示的名字",
    (None, "New winner"): "新的胜出者",
    (None, "No comparisons at this node yet."): "此节点还没有比较。",
    (None, "No evaluators chosen yet."): "尚未选定评估人。",
    (None, "No sheet to show: you were not chosen as an evaluator."): "没有可显示的评分表：你未被选为评估人。",
    (None, "No vendor selection yet."): "尚无供应商选型。",
    (None, "No vendors on the short list yet."): "入围名单中还没有供应商。",
    (None, "Notes"): "备注",
    (None, "One weight changes, the others are scaled in proportion so that all still sum to %(whole)s."):
        "改变一个权重，其余权重按比例缩放，使总和仍为 %(whole)s。",
    (None, "Open my score sheet"): "打开我的评分表",
    ("chart", "Probability of ranking first (weights varied)"): "排名第一的概率（权重变动）",
    (None, "Project member"): "项目成员",
    (None, "Quotation"): "报价",
    (None, "Quotation (file, at most 10 MB)"): "报价（文件，最大 10 MB）",
    (None, "Rank"): "排名",
    (None, "Ranked first (Monte Carlo)"): "排名第一（蒙特卡洛）",
    (None, "Ranking"): "排名",
    (None, "Remove this evaluator and their sheet?"): "移除该评估人及其评分表？",
    (None, "Reopen scoring"): "重新开放评分",
    (None, "Results"): "结果",
    (None, "Running cost per year"): "每年运行费用",
    (None, "Running per year"): "每年运行",
    (None, "Save comparisons"): "保存比较",
    (None, "Save my sheet"): "保存我的评分表",
    (None, "Save weights"): "保存权重",
    (None, "Scale"): "标度",
    ("chart", "Score (1–5)"): "得分（1–5）",
    (None, "Score each vendor on each criterion on its scale (5 or 10 is best; for \"lower is better\" criteria 1 is "
           "best) and say why. Only you see this sheet until scoring is closed. Criteria scored from figures are not "
           "on it."): "按各准则的标度为每个供应商打分（5 或 10 为最好；“越低越好”的准则 1 为最好），并说明理由。"
                       "评分结束前只有你能看到这张评分表。按数据评分的准则不在表上。",
    (None, "Score sheets"): "评分表",
    (None, "Scored from figures (months, money) instead of by evaluators"): "按数据（月数、金额）评分，而非由评估人打分",
    (None, "Scoring closed"): "评分已结束",
    (None, "Scoring closed by %(name)s"): "评分由 %(name)s 结束",
    (None, "Scoring closed: every member now sees all sheets and the results."): "评分已结束：所有成员现在都能看到全部评分表和结果。",
    (None, "Scoring open"): "评分进行中",
    (None, "Scoring reopened: each evaluator sees only their own sheet again."): "评分已重新开放：每位评估人又只能看到自己的评分表。",
    (None, "Selection saved."): "选型已保存。",
    (None, "Selection settings"): "选型设置",
    (None, "Sensitivity: the weight at which another vendor wins"): "敏感性：另一供应商胜出时的权重",
    (None, "Share"): "占比",
    ("chart", "Share of runs ranked first"): "排名第一的模拟次数占比",
    (None, "Sheet of %(name)s removed."): "已移除 %(name)s 的评分表。",
    (None, "Short-listed vendors and quotations"): "入围供应商与报价",
    (None, "Stakeholder"): "干系人",
    (None, "Stakeholders"): "干系人",
    (None, "Start a vendor selection"): "开始供应商选型",
    (None, "TOPSIS"): "TOPSIS",
    (None, "The results appear when the project manager closes scoring: until then they would reveal the other "
           "evaluators’ scores."): "项目经理结束评分后显示结果：在此之前显示结果会泄露其他评估人的评分。",
    (None, "The selection cannot be scored yet:"): "该选型还无法计算：",
    (None, "The weighted sum and TOPSIS agree: %(name)s ranks first in both."): "加权和与TOPSIS结论一致：%(name)s 在两者中均排名第一。",
    (None, "The weighted sum and TOPSIS disagree on the winner (%(first)s / %(second)s): the call is close."):
        "加权和与TOPSIS的胜出者不同（%(first)s / %(second)s）：结论很接近。",
    (None, "This selection is weighted by AHP: the results use the weights from the comparisons, not these."):
        "本选型采用AHP权重：结果使用由比较得出的权重，而不是这里的权重。",
    (None, "Total"): "合计",
    (None, "Total over %(years)s years"): "%(years)s 年合计",
    (None, "Unit of the figures"): "数据单位",
    (None, "Until scoring is closed each evaluator sees only their own sheet."): "评分结束前，每位评估人只能看到自己的评分表。",
    (None, "Vendor"): "供应商",
    (None, "Vendor %(name)s added."): "已添加供应商 %(name)s。",
    (None, "Vendor %(name)s deleted."): "已删除供应商 %(name)s。",
    (None, "Vendor %(name)s saved."): "已保存供应商 %(name)s。",
    (None, "Vendor selection"): "供应商选型",
    (None, "Vendor selection started with the methodology's criteria."): "已按方法论的准则开始供应商选型。",
    ("chart", "Vendors over the CRM-7 areas"): "供应商在CRM-7各领域上的得分",
    ("chart", "Vendors over the criteria groups"): "供应商在各准则组上的得分",
    (None, "Weight"): "权重",
    ("chart", "Weight"): "权重",
    ("chart", "Weight at which another vendor wins"): "另一供应商胜出时的权重",
    (None, "Weight inside the group"): "组内权重",
    (None, "Weight now"): "当前权重",
    ("chart", "Weight now"): "当前权重",
    (None, "Weighted score"): "加权得分",
    ("chart", "Weighted score by group"): "按组的加权得分",
    (None, "Weighted score: Σ weight × score on the 1–5 scale. TOPSIS: relative closeness to the ideal vendor. Monte "
           "Carlo: each weight varied by ±%(spread)s, %(runs)s runs."):
        "加权得分：1–5 标度上的 Σ 权重 × 得分。TOPSIS：与理想供应商的相对贴近度。蒙特卡洛：每个权重变动 ±%(spread)s，"
        "共 %(runs)s 次。",
    (None, "Weighting"): "赋权方式",
    (None, "Weights and consistency"): "权重与一致性",
    (None, "Weights saved."): "权重已保存。",
    (None, "Winner changes at"): "胜出者改变于",
    ("chart", "Winner changes at"): "胜出者改变于",
    (None, "Years of running costs in the cost criterion"): "费用准则计入的运行年数",
    (None, "You were not chosen as an evaluator of this selection."): "你未被选为本次选型的评估人。",
    (None, "Your score sheet was saved."): "你的评分表已保存。",
    (None, "a comment needs a score"): "有说明就需要有分数",
    (None, "a comparison matrix compares at most %(limit)s items"): "一个比较矩阵最多比较 %(limit)s 项",
    (None, "a comparison matrix is a square table of numbers"): "比较矩阵应是由数字组成的方阵",
    (None, "a comparison must be a number"): "比较值必须是数字",
    (None, "a weight must be a number of 0 or more"): "权重必须是大于或等于 0 的数字",
    (None, "a weight must lie from 0 to 1"): "权重必须在 0 到 1 之间",
    (None, "comparison %(a)s/%(b)s is %(value)s but %(b)s/%(a)s is %(reverse)s: it must be %(expected)s"):
        "比较 %(a)s/%(b)s 为 %(value)s，但 %(b)s/%(a)s 为 %(reverse)s：后者应为 %(expected)s",
    (None, "comparison %(a)s/%(b)s is %(value)s: Saaty's scale runs from 1/9 to 9"):
        "比较 %(a)s/%(b)s 为 %(value)s：Saaty标度的范围是 1/9 到 9",
    (None, "comparison %(a)s/%(b)s is given twice and the two are not reciprocal"): "比较 %(a)s/%(b)s 给出了两次，且两者不互为倒数",
    (None, "criterion %(criterion)r is used more than once"): "准则 %(criterion)r 被使用了不止一次",
    ("chart", "disqualified"): "已淘汰",
    (None, "from figures"): "按数据",
    (None, "group %(group)r has no criteria"): "组 %(group)r 没有准则",
    (None, "group %(group)r is used more than once"): "组 %(group)r 被使用了不止一次",
    (None, "group %(group)r still has criteria: delete or move them first"): "组 %(group)r 仍有准则：请先删除或移走",
    (None, "higher is better"): "越高越好",
    (None, "is not valid base64"): "不是有效的 base64",
    (None, "is … times as important as"): "的重要性是 … 倍于",
    (None, "lower is better"): "越低越好",
    (None, "must be a number"): "必须是数字",
    (None, "must be a number above 0"): "必须是大于 0 的数字",
    (None, "must be from %(low)s to %(high)s"): "必须在 %(low)s 到 %(high)s 之间",
    (None, "no such stakeholder"): "没有这位干系人",
    (None, "no weight changes the winner"): "任何权重都不会改变胜出者",
    ("chart", "no weight changes the winner"): "任何权重都不会改变胜出者",
    (None, "nobody compared the items of %(node)s"): "没有人比较过 %(node)s 下的各项",
    (None, "not linked to a member"): "未关联成员",
    (None, "only a member of the project can evaluate"): "只有项目成员才能担任评估人",
    (None, "only the evaluator can change their score sheet"): "只有评估人本人才能修改其评分表",
    (None, "points"): "个百分点",
    (None, "score %(value)s of %(vendor)s on %(criterion)s is outside the scale 1–%(top)s"):
        "%(vendor)s 在 %(criterion)s 上的得分 %(value)s 超出标度 1–%(top)s",
    (None, "scoring is closed already"): "评分已经结束",
    (None, "scoring is closed: reopen it to change the score sheets"): "评分已结束：请重新开放后再修改评分表",
    (None, "scoring is open already"): "评分已经开放",
    (None, "the comparison of %(a)s with %(b)s is missing"): "缺少 %(a)s 与 %(b)s 的比较",
    (None, "the criteria tree has no groups"): "准则树没有组",
    (None, "the figure of %(vendor)s for %(criterion)s must be a number above 0"): "%(vendor)s 在 %(criterion)s 上的数据必须是大于 0 的数字",
    (None, "the file is larger than %(limit)s MB"): "文件大于 %(limit)s MB",
    (None, "the knock-out threshold must lie on the scale 1–%(top)s"): "淘汰阈值必须在标度 1–%(top)s 之内",
    (None, "the number of runs must be from 1 to %(limit)s"): "模拟次数必须在 1 到 %(limit)s 之间",
    (None, "the other criteria have no weight to scale"): "其他准则没有可缩放的权重",
    (None, "the project file has no vendor selection"): "项目文件中没有供应商选型",
    (None, "the project has a vendor selection already"): "该项目已有供应商选型",
    (None, "the scale must be 1–5 or 1–10"): "标度必须是 1–5 或 1–10",
    (None, "the selection has no vendors"): "该选型没有供应商",
    (None, "the spread must be from 0 to under 1"): "变动幅度必须大于等于 0 且小于 1",
    (None, "the stakeholders' matrices differ in size"): "各干系人的矩阵大小不同",
    (None, "the weights sum to zero: give at least one a positive weight"): "权重之和为零：请至少给一项正的权重",
    (None, "there are no comparisons to combine"): "没有可合并的比较",
    (None, "unknown CRM-7 area %(area)r"): "未知的CRM-7领域 %(area)r",
    (None, "unknown criterion %(criterion)r"): "未知准则 %(criterion)r",
    (None, "unknown group %(group)r"): "未知组 %(group)r",
    (None, "unknown item %(item)r in a comparison"): "比较中有未知项 %(item)r",
    (None, "unknown method %(method)r"): "未知方法 %(method)r",
    (None, "unknown node %(node)r"): "未知节点 %(node)r",
    (None, "unknown vendor %(vendor)r"): "未知供应商 %(vendor)r",
    (None, "unknown weighting %(weighting)r"): "未知赋权方式 %(weighting)r",
    (None, "use up to 40 letters, digits, '_', '-' or '.'"): "最多使用 40 个字母、数字、'_'、'-' 或 '.'",
    (None, "vendor %(vendor)r is listed twice"): "供应商 %(vendor)r 列出了两次",
    (None, "vendor %(vendor)s has no scores"): "供应商 %(vendor)s 没有评分",
    (None, "years"): "年",
    (None, "“money” uses the quotations when no figure is given."): "单位为“money”时，未填数据则取报价。",
}

ZH.update({
    (None, "vendor %(vendor)s has no figure for %(criterion)s"): "供应商 %(vendor)s 缺少 %(criterion)s 的数据",
    (None, "vendor %(vendor)s has no score on %(criterion)s"): "供应商 %(vendor)s 在 %(criterion)s 上没有评分",
})

ZH.update({
    (None, "Group matrix (geometric mean of the stakeholders)"): "群体矩阵（各干系人的几何平均）",
})

ZH.update({
    (None, "%(name)s leads the runner-up by %(margin)s points of 5."): "%(name)s 领先第二名 %(margin)s 分（满分 5 分）。",
    (None, "The smallest weight change that hands the lead to another vendor: %(criterion)s from %(now)s to %(then)s "
           "(%(vendor)s wins)."): "使另一供应商领先所需的最小权重变化：%(criterion)s 由 %(now)s 变为 %(then)s（%(vendor)s 胜出）。",
    (None, "No change of a single weight hands the lead to another vendor."): "改变任何单个权重都不会使另一供应商领先。",
})

ZH.update({
    (None, "Add a group"): "添加组",
    (None, "Add group"): "添加组",
    (None, "Group %(key)s added: give it criteria."): "已添加组 %(key)s：请为它添加准则。",
    (None, "Group %(key)s deleted."): "已删除组 %(key)s。",
    (None, "Delete this group? Only a group without criteria can be deleted."): "删除该组？只有没有准则的组才能删除。",
})

ZH.update({
    (None, "Delete a group"): "删除组",
})

ZH.update({
    (None, "Group %(key)s saved."): "已保存组 %(key)s。",
    (None, "Rename group %(key)s"): "重命名组 %(key)s",
    (None, "no such group"): "没有这个组",
    (None, "Group matrix: consistency ratio %(cr)s is above 0.10. The most inconsistent comparison is %(a)s / %(b)s = "
           "%(value)s (the geometric mean of %(each)s); the weights imply %(implied)s, and a group value of "
           "%(suggested)s would lower the ratio to %(new)s."):
        "群体矩阵：一致性比率 %(cr)s 高于 0.10。最不一致的比较是 %(a)s / %(b)s = %(value)s（%(each)s 的几何平均）；"
        "权重所隐含的值为 %(implied)s，群体值为 %(suggested)s 时比率将降至 %(new)s。",
    (None, "Nobody enters the group matrix: it follows the stakeholders’ comparisons."):
        "群体矩阵无人直接填写：它随各利益相关者的比较而定。",
    (None, "If %(name)s compared %(a)s / %(b)s as %(revised)s instead of %(value)s, the group’s ratio would fall to "
           "%(new)s."):
        "如果 %(name)s 将 %(a)s / %(b)s 比较为 %(revised)s 而不是 %(value)s，群体比率将降至 %(new)s。",
    (None, "Scoring closed on %(closed)s, but the criteria, weights, comparisons or vendors have changed since (changes: %(count)s; the last on %(when)s by %(who)s): these results are not the ones read at closing."):
        "评分已于 %(closed)s 关闭，但此后评价准则、权重、两两比较或供应商又有改动（共 %(count)s 处，最近一次于 %(when)s，由 %(who)s 修改）：以下结果已不是评分关闭时看到的结果。",
})
