"""Simplified Chinese for the Word reports, the Reports page and the steering operations (issue 14).

Apply with tools/fill_translations.py (see /work/notes/helper-common.md).
"""

R = "report"

ZH = {
    # The document framework (crm_impl/reports/words.py)
    (R, "Prepared for"): "呈送",
    (R, "Date"): "日期",
    (R, "Version"): "版本",
    (R, "v%(version)s"): "版本 %(version)s",
    (R, "Author"): "编写",
    (R, "Confidential: prepared for the client's project organisation. Figures are computed from the project's "
        "records on the report date."): "保密：仅供客户项目组织使用。文中数据均按报告日期的项目记录计算。",
    (R, "Page %s of %s"): "第 %s 页，共 %s 页",
    (R, "Contents"): "目录",
    (R, "Figure"): "图",
    (R, "Table"): "表",
    (R, ": "): "：",
    (R, "No browser was available to draw this chart; its data follows as a table."):
        "没有可用的浏览器绘制此图表，下表列出其数据。",
    (R, "Project plan"): "项目计划",
    (R, "Steering committee status report"): "指导委员会状态报告",
    # Columns and values
    (R, "ID"): "编号",
    (R, "Name"): "姓名",
    (R, "Phase"): "阶段",
    (R, "Task"): "任务",
    (R, "Start"): "开始",
    (R, "Finish"): "完成",
    (R, "Duration (working days)"): "工期（工作日）",
    (R, "Total slack (working days)"): "总时差（工作日）",
    (R, "Critical"): "关键",
    (R, "Role"): "角色",
    (R, "Side"): "所属方",
    (R, "Organisation"): "单位",
    (R, "Availability"): "投入比例",
    (R, "Goal"): "目标",
    (R, "Value"): "数值",
    (R, "Item"): "项目",
    (R, "Probability"): "概率",
    (R, "Impact"): "影响",
    (R, "Score"): "风险值",
    (R, "Score after mitigation"): "应对后风险值",
    (R, "Owner"): "负责人",
    (R, "Response"): "应对措施",
    (R, "Status"): "状态",
    (R, "Risk"): "风险",
    (R, "Confidence"): "置信度",
    (R, "Working days"): "工作日",
    (R, "Finish date"): "完成日期",
    (R, "Method"): "方法",
    (R, "Deliverable"): "交付物",
    (R, "Mandatory"): "必需",
    (R, "Progress"): "进度",
    (R, "Planned by status date"): "截至状态日期的计划进度",
    (R, "Variance"): "偏差",
    (R, "Baseline finish"): "基准完成",
    (R, "Forecast finish"): "预测完成",
    (R, "Slip (working days)"): "延误（工作日）",
    (R, "Area"): "领域",
    (R, "Measured"): "实测",
    (R, "Thresholds"): "阈值",
    (R, "KPI"): "KPI",
    (R, "Baseline"): "基线值",
    (R, "Target"): "目标值",
    (R, "Latest measurement"): "最新测量值",
    (R, "Trend"): "趋势",
    (R, "Change request"): "变更请求",
    (R, "Requested by"): "申请人",
    (R, "Schedule impact (working days)"): "进度影响（工作日）",
    (R, "Cost impact"): "成本影响",
    (R, "Decided by"): "决策方",
    (R, "Decision required"): "待决事项",
    (R, "Code"): "代码",
    (R, "Measure"): "指标",
    (R, "Share of runs"): "运行占比",
    (R, "yes"): "是",
    (R, "no"): "否",
    (R, "met"): "达标",
    (R, "missed"): "未达标",
    (R, "not measured"): "未测量",
    (R, "rising"): "上升",
    (R, "falling"): "下降",
    (R, "steady"): "持平",
    (R, "new"): "新增",
    (R, "steering committee"): "指导委员会",
    (R, "project manager"): "项目经理",
    (R, "vendor"): "供应商",
    (R, "enterprise"): "企业",
    # The project plan
    (R, "Introduction"): "概述",
    (R, "This plan sets out how %(project)s will be carried out for %(client)s: %(tasks)s tasks in %(phases)s "
        "phases from %(start)s to %(finish)s (%(days)s working days), following the %(method)s."):
        "本计划说明如何为%(client)s实施%(project)s：按照%(method)s，共 %(phases)s 个阶段、%(tasks)s 项任务，"
        "自 %(start)s 至 %(finish)s（%(days)s 个工作日）。",
    (R, "Objectives and scope"): "目标与范围",
    (R, "The project states no objectives yet."): "项目尚未设定目标。",
    (R, "Modules in scope"): "范围内模块",
    (R, "Key facts"): "项目要点",
    (R, "Client"): "客户",
    (R, "Industry"): "行业",
    (R, "Planned finish"): "计划完成",
    (R, "Planned duration"): "计划工期",
    (R, "%(days)s working days"): "%(days)s 个工作日",
    (R, "Planned budget"): "计划预算",
    (R, "Change reserve"): "变更预留",
    (R, "Phases, deliverables and quality gates"): "阶段、交付物与质量关口",
    (R, "Each phase ends at a quality gate: the next phase starts only when the gate's criteria are met and its "
        "mandatory deliverables are signed off."):
        "每个阶段以质量关口结束：只有关口标准全部满足、必需交付物全部签署后，下一阶段才能开始。",
    (R, "Phases with their goals and planned dates"): "各阶段的目标与计划日期",
    (R, "Deliverables and gate of phase %(phase)s"): "阶段 %(phase)s 的交付物与关口",
    (R, "This phase has no quality gate."): "本阶段没有质量关口。",
    (R, "Team and roles"): "团队与角色",
    (R, "Project team"): "项目团队",
    (R, "No team members are named yet."): "尚未指定团队成员。",
    (R, "Methodology roles"): "方法论角色",
    (R, "Responsibility matrix (RACI)"): "责任矩阵（RACI）",
    (R, "R: responsible, A: accountable, C: consulted, I: informed. Role codes are explained in "):
        "R：执行，A：负责，C：咨询，I：知会。角色代码见",
    (R, "RACI matrix of deliverables and roles"): "交付物与角色的 RACI 矩阵",
    (R, "Schedule"): "进度计划",
    (R, "Milestones"): "里程碑",
    (R, "Milestones and quality gates"): "里程碑与质量关口",
    (R, "Gantt chart of the plan (critical tasks in red)"): "计划甘特图（红色为关键任务）",
    (R, "Critical path and slack"): "关键路径与时差",
    (R, "The critical path runs through %(count)s tasks: any delay to one of them delays go-live. "):
        "关键路径经过 %(count)s 项任务：其中任何一项延误都会推迟上线。",
    (R, "Tasks with their slack (critical tasks first)"): "各任务的时差（关键任务在前）",
    (R, "Weekly load of each role against the team's capacity"): "各角色每周负荷与团队能力对比",
    (R, "Schedule risk: PERT and Monte Carlo"): "进度风险：PERT 与蒙特卡洛",
    (R, "Three-point estimates give the go-live date as a range. PERT adds the variances along the critical path; "
        "the Monte Carlo simulation runs the whole network %(runs)s times (seed %(seed)s), so paths that overtake "
        "the critical one count too."):
        "三点估算给出的上线日期是一个区间。PERT 累加关键路径上的方差；蒙特卡洛模拟将整个网络运行 %(runs)s 次"
        "（随机种子 %(seed)s），因此超过关键路径的其他路径也被计入。",
    (R, "Go-live date by confidence level"): "各置信度下的上线日期",
    (R, "Probability of going live by the planned finish (%(day)s): %(mc)s by simulation, %(pert)s by PERT."):
        "在计划完成日（%(day)s）前上线的概率：模拟为 %(mc)s，PERT 为 %(pert)s。",
    (R, "Distribution of the go-live date in the simulation"): "模拟中上线日期的分布",
    (R, "How often each task was on the critical path"): "各任务处于关键路径上的频率",
    (R, "Top risks"): "主要风险",
    (R, "The highest-rated open risks"): "风险值最高的未关闭风险",
    (R, "No open risks are recorded."): "没有未关闭的风险记录。",
    (R, "Open risks before and after mitigation"): "未关闭风险在应对前后的分布",
    (R, "PERT"): "PERT",
    (R, "Simulation"): "模拟",
    # The status report
    (R, "Summary"): "摘要",
    (R, "At the status date %(day)s the project is %(overall)s overall. The forecast finish is %(forecast)s "
        "against %(target)s (%(slip)s working days); %(progress)s of the planned work is done."):
        "截至状态日期 %(day)s，项目总体状态为%(overall)s。预测完成日期为 %(forecast)s，目标为 %(target)s"
        "（相差 %(slip)s 个工作日）；计划工作已完成 %(progress)s。",
    (R, "Schedule and cost are measured against the steering baseline “%(name)s”."):
        "进度与成本以指导委员会基准“%(name)s”衡量。",
    (R, "No steering baseline is set: the schedule is measured against the current plan and earned value "
        "cannot be measured."): "尚未设定指导委员会基准：进度以当前计划衡量，无法计算挣值。",
    (R, "Status by area"): "各领域状态",
    (R, "Red, amber and green status by area, with the measured value and the rule"): "各领域的红黄绿状态、实测值与判定规则",
    (R, "Overall"): "总体",
    (R, "Progress against the baseline"): "对照基准的进展",
    (R, "Progress per phase against the steering baseline"): "各阶段进度与指导委员会基准对比",
    (R, "Forecast from the status date against the steering baseline"): "自状态日期起的预测与指导委员会基准对比",
    (R, "Milestones: baseline against forecast"): "里程碑：基准与预测对比",
    (R, "Earned value"): "挣值",
    (R, "Earned value at the status date"): "状态日期的挣值",
    (R, "Earned value needs a steering baseline with budgets."): "计算挣值需要带预算的指导委员会基准。",
    (R, "Budget at completion (BAC)"): "完工预算（BAC）",
    (R, "Planned value (PV)"): "计划价值（PV）",
    (R, "Earned value (EV)"): "挣值（EV）",
    (R, "Actual cost (AC)"): "实际成本（AC）",
    (R, "Schedule variance (SV = EV − PV)"): "进度偏差（SV = EV − PV）",
    (R, "Cost variance (CV = EV − AC)"): "成本偏差（CV = EV − AC）",
    (R, "Schedule performance index (SPI)"): "进度绩效指数（SPI）",
    (R, "Cost performance index (CPI)"): "成本绩效指数（CPI）",
    (R, "Estimate at completion (EAC = BAC / CPI)"): "完工估算（EAC = BAC / CPI）",
    (R, "Variance at completion (VAC)"): "完工偏差（VAC）",
    (R, "Top open risks and their trend since %(day)s"): "主要未关闭风险及其自 %(day)s 以来的趋势",
    (R, "Change requests awaiting decision"): "待决策的变更请求",
    (R, "Change requests submitted or assessed, not yet decided"): "已提交或已评估、尚未决策的变更请求",
    (R, "No change request awaits a decision."): "没有待决策的变更请求。",
    (R, "Decisions required"): "需要的决策",
    (R, "What the steering committee is asked to decide"): "提请指导委员会决策的事项",
    (R, "No decision is required at this meeting."): "本次会议没有需要决策的事项。",
    (R, "KPI status"): "KPI 状态",
    (R, "Implementation KPIs against their targets"): "实施 KPI 与目标值对比",
    (R, "Plan for the next period"): "下期计划",
    (R, "Work due to start or finish between %(start)s and %(finish)s"): "%(start)s 至 %(finish)s 期间开始或完成的工作",
    (R, "No work is planned in the next period."): "下期没有计划的工作。",
    (R, "Distribution of the forecast finish of the remaining work"): "剩余工作预测完成日期的分布",
    # The steering operations (crm_impl/operations/steering.py)
    (None, "Approve or reject change request %(number)s: %(title)s"): "批准或否决变更请求 %(number)s：%(title)s",
    (None, "Decide quality gate %(gate)s at the end of %(phase)s"): "对 %(phase)s 结束时的质量关口 %(gate)s 作出决定",
    # PDF and the registry (crm_impl/reports)
    (None, "LibreOffice could not make the PDF"): "LibreOffice 无法生成 PDF",
    (None, "LibreOffice is not installed: the report is available as .docx only"): "未安装 LibreOffice：报告仅提供 .docx 格式",
    (None, "LibreOffice took longer than %(seconds)s seconds to make the PDF"): "LibreOffice 生成 PDF 超过了 %(seconds)s 秒",
    (None, "no report %(report)r"): "没有报告 %(report)r",
    # The Reports page (blueprints/reports, templates/reports)
    (None, "Reports"): "报告",
    (None, "Report"): "报告",
    (None, "Format"): "格式",
    (None, "Word (.docx)"): "Word（.docx）",
    (None, "PDF"): "PDF",
    (None, "Download"): "下载",
    (None, "needs LibreOffice"): "需要 LibreOffice",
    (None, "Making the report on a worker…"): "正在后台生成报告……",
    (None, "Report progress"): "报告生成进度",
    (None, "The download starts when the report is ready; you can leave this page and ask for the report again "
           "later."): "报告生成后即开始下载；您也可以离开本页，稍后再次获取报告。",
    (None, "PDF needs LibreOffice on the server; download the Word file instead."):
        "生成 PDF 需要服务器安装 LibreOffice；请改为下载 Word 文件。",
    (None, "Word documents for the client and the steering committee, made from the project as it is now."):
        "按项目当前状态生成、供客户和指导委员会使用的 Word 文档。",
    (None, "Charts are the same as on the pages. A report takes a few seconds to make; the same report of an "
           "unchanged project is sent again at once."):
        "图表与页面上的相同。生成一份报告需要几秒钟；项目未变更时，同一报告会立即再次发送。",
}
ZH[(R, "Network diagram of the plan (activity on node, critical path in red)")] = "计划网络图（节点表示活动，红色为关键路径）"
ZH[(R, "Due")] = "截止日期"
ZH[(None, "Language and format")] = "语言与格式"
ZH[(None, "Objectives and scope, the phases with their deliverables and gates, team and RACI, milestones, Gantt "
          "chart, critical path, PERT and Monte Carlo on the go-live date, top risks.")] = \
    "目标与范围、各阶段的交付物与关口、团队与 RACI、里程碑、甘特图、关键路径、上线日期的 PERT 与蒙特卡洛分析、主要风险。"
ZH[(None, "Status by area with the reasons, progress against the steering baseline, milestones, earned value, "
          "risks and their trend, changes and decisions, KPIs, the next period.")] = \
    "各领域状态及原因、对照指导委员会基准的进展、里程碑、挣值、风险及其趋势、变更与决策、KPI、下期计划。"
ZH[(R, "Status at %(day)s")] = "截至 %(day)s 的状态"
ZH[(R, "Quality gate")] = "质量关口"

# The business case report (crm_impl/reports/roi.py)
ZH[(R, 'Business case: TCO and ROI')] = '业务论证：TCO 与 ROI'
ZH[(R, 'The project has no business case yet. Create one on the business case page: its cost and benefit lines, discount rate and horizon.')] = '本项目尚未建立业务论证。请在业务论证页面创建：成本与收益条目、折现率和期限。'
ZH[(R, 'Over %(years)s years after the initial investment the solution costs %(tco)s (present value %(tco_pv)s) and returns %(benefits)s in benefits (present value %(benefits_pv)s): NPV %(npv)s at a discount rate of %(rate)s, net ROI %(roi)s, payback %(payback)s.')] = '在初始投资之后的 %(years)s 年内，该方案成本为 %(tco)s（现值 %(tco_pv)s），带来收益 %(benefits)s（现值 %(benefits_pv)s）：折现率 %(rate)s 下净现值 %(npv)s，净 ROI %(roi)s，投资回收期 %(payback)s。'
ZH[(R, 'The investment pays: its NPV is positive. Across the simulated risks the NPV is positive in %(share)s of runs (P10 %(p10)s, P90 %(p90)s).')] = '该投资值得：净现值为正。在模拟的各种风险下，净现值为正的运行占 %(share)s（P10 %(p10)s，P90 %(p90)s）。'
ZH[(R, 'The NPV as estimated is positive, but across the simulated risks it is positive in only %(share)s of runs (P10 %(p10)s, P90 %(p90)s): the case holds only if the estimates come true.')] = '按估算净现值为正，但在模拟的各种风险下只有 %(share)s 的运行净现值为正（P10 %(p10)s，P90 %(p90)s）：只有估算全部兑现，论证才能成立。'
ZH[(R, 'The investment does not pay as estimated: its NPV is negative. Across the simulated risks the NPV is positive in %(share)s of runs (P10 %(p10)s, P90 %(p90)s).')] = '按估算该投资不划算：净现值为负。在模拟的各种风险下，净现值为正的运行占 %(share)s（P10 %(p10)s，P90 %(p90)s）。'
ZH[(R, 'Key figures of the business case (risk-adjusted, at the forecast go-live)')] = '业务论证关键指标（经风险调整，按预测上线日期）'
ZH[(R, 'Cash flows, NPV, IRR and payback are after tax at %(rate)s; TCO and ROI are before tax.')] = '现金流、净现值、内部收益率和回收期按税率 %(rate)s 计算税后值；TCO 与 ROI 为税前值。'
ZH[(R, 'TCO')] = 'TCO'
ZH[(R, 'TCO, present value')] = 'TCO 现值'
ZH[(R, 'Construction costs')] = '建设成本'
ZH[(R, 'Usage costs')] = '使用成本'
ZH[(R, 'Benefits')] = '收益'
ZH[(R, 'Benefits, present value')] = '收益现值'
ZH[(R, 'Cost reduction')] = '成本降低'
ZH[(R, 'Revenue growth (gross profit)')] = '收入增长（毛利）'
ZH[(R, 'Net benefit (benefits − TCO, not discounted)')] = '净收益（收益 − TCO，未折现）'
ZH[(R, 'NPV')] = '净现值'
ZH[(R, 'IRR')] = '内部收益率'
ZH[(R, 'ROI, methodology (benefits ÷ TCO)')] = 'ROI（方法论：收益 ÷ TCO）'
ZH[(R, 'Net ROI ((benefits − TCO) ÷ TCO)')] = '净 ROI（（收益 − TCO）÷ TCO）'
ZH[(R, 'Payback')] = '投资回收期'
ZH[(R, 'Discounted payback')] = '折现回收期'
ZH[(R, 'Payback (years)')] = '投资回收期（年）'
ZH[(R, 'Cost of one more month of delay (NPV lost)')] = '再延迟一个月的成本（净现值损失）'
ZH[(R, 'P(NPV > 0)')] = 'P(净现值 > 0)'
ZH[(R, '%(years)s years')] = '%(years)s 年'
ZH[(R, 'not within the horizon')] = '期限内无法回收'
ZH[(R, 'No IRR: the cash flows never change sign.')] = '无内部收益率：现金流从未改变符号。'
ZH[(R, 'Several: the cash flows change sign in years %(years)s; rates with NPV zero: %(rates)s.')] = '多个：现金流在第 %(years)s 年改变符号；使净现值为零的利率：%(rates)s。'
ZH[(R, 'Assumptions')] = '假设'
ZH[(R, 'Assumptions of the business case')] = '业务论证的假设'
ZH[(R, 'Horizon')] = '期限'
ZH[(R, 'year 0 (initial investment) and %(years)s years')] = '第 0 年（初始投资）加 %(years)s 年'
ZH[(R, 'Discount rate')] = '折现率'
ZH[(R, 'Tax rate')] = '税率'
ZH[(R, 'none (before tax)')] = '无（税前）'
ZH[(R, 'Currency')] = '币种'
ZH[(R, 'Risk adjustment of benefits (reduced by)')] = '收益风险调整（下调）'
ZH[(R, 'Risk adjustment of costs (raised by)')] = '成本风险调整（上调）'
ZH[(R, 'Go-live the case assumes')] = '论证假设的上线日期'
ZH[(R, 'Go-live the schedule forecasts')] = '进度预测的上线日期'
ZH[(R, '%(day)s (%(source)s)')] = '%(day)s（%(source)s）'
ZH[(R, 'set in the case')] = '论证中设定'
ZH[(R, 'steering baseline')] = '指导委员会基准'
ZH[(R, 'current plan')] = '当前计划'
ZH[(R, 'Monte Carlo simulation')] = '蒙特卡洛模拟'
ZH[(R, '%(runs)s runs, seed %(seed)s')] = '%(runs)s 次运行，随机种子 %(seed)s'
ZH[(R, "Risk-adjusted as in Forrester's TEI: every benefit is reduced by %(benefits)s and every cost raised by %(costs)s (a line may carry its own adjustment) before any figure of this report is computed.")] = '按 Forrester TEI 方法进行风险调整：在计算本报告任何数字之前，每项收益下调 %(benefits)s，每项成本上调 %(costs)s（单个条目可有自己的调整）。'
ZH[(R, 'Driver')] = '驱动因子'
ZH[(R, 'Description')] = '说明'
ZH[(R, 'Drivers used by the formulas of the lines')] = '条目公式所用的驱动因子'
ZH[(R, 'Cost and benefit lines')] = '成本与收益条目'
ZH[(R, 'Costs are construction (one-off) and usage (recurring) costs; benefits are cost reductions and revenue growth counted as incremental gross profit. Each line has a conservative and an optimistic factor on its expected amounts.')] = '成本分为建设成本（一次性）和使用成本（经常性）；收益分为成本降低和收入增长（按增量毛利计）。每个条目在其预期金额上有保守系数和乐观系数。'
ZH[(R, 'Lines of the case, how each is estimated and its scenario factors')] = '论证条目、各自的估算方式和情景系数'
ZH[(R, 'Line')] = '条目'
ZH[(R, 'Kind')] = '类别'
ZH[(R, 'Estimated as')] = '估算方式'
ZH[(R, 'Factors (cons. / exp. / opt.)')] = '系数（保守 / 预期 / 乐观）'
ZH[(R, 'Cost: construction')] = '成本：建设'
ZH[(R, 'Cost: usage')] = '成本：使用'
ZH[(R, 'Benefit: cost reduction')] = '收益：成本降低'
ZH[(R, 'Benefit: revenue growth')] = '收益：收入增长'
ZH[(R, 'amounts per year')] = '逐年金额'
ZH[(R, 'ramp-up %(ramp)s')] = '爬坡 %(ramp)s'
ZH[(R, 'revenue × margin %(margin)s')] = '收入 × 毛利率 %(margin)s'
ZH[(R, 'source: %(source)s')] = '来源：%(source)s'
ZH[(R, 'Total costs')] = '成本合计'
ZH[(R, 'Total benefits')] = '收益合计'
ZH[(R, 'Expected amounts per line and year, %(currency)s (years %(first)s to %(last)s; before the risk adjustment and the go-live shift)')] = '各条目逐年预期金额，%(currency)s（第 %(first)s 至 %(last)s 年；风险调整和上线时间平移之前）'
ZH[(R, 'Year %(year)s')] = '第 %(year)s 年'
ZH[(R, 'Year')] = '年份'
ZH[(R, 'Cost component')] = '成本构成'
ZH[(R, 'Costs by component and year')] = '按构成和年份的成本'
ZH[(R, 'Cash flows, NPV, IRR, ROI and payback')] = '现金流、净现值、内部收益率、ROI 与回收期'
ZH[(R, 'Costs')] = '成本'
ZH[(R, 'Benefits')] = '收益'
ZH[(R, 'Net cash flow')] = '净现金流'
ZH[(R, 'Cumulative')] = '累计'
ZH[(R, 'Discount factor')] = '折现系数'
ZH[(R, 'Present value')] = '现值'
ZH[(R, 'Cumulative present value')] = '累计现值'
ZH[(R, 'Cash flows by year, %(currency)s (risk-adjusted, benefits from the forecast go-live)')] = '逐年现金流，%(currency)s（经风险调整，收益自预测上线日期起算）'
ZH[(R, 'NPV at %(rate)s: %(npv)s.')] = '折现率 %(rate)s 下的净现值：%(npv)s。'
ZH[(R, "ROI is given both ways: the methodology's ratio of benefits to TCO is %(methodology)s (1 is break-even); the net ROI, (benefits − TCO) ÷ TCO, is %(net)s (0 is break-even).")] = 'ROI 按两种口径给出：方法论口径为收益与 TCO 之比，为 %(methodology)s（1 为盈亏平衡）；净 ROI 即（收益 − TCO）÷ TCO，为 %(net)s（0 为盈亏平衡）。'
ZH[(R, 'Payback (the cumulative cash flow turns positive, within the year pro rata): %(simple)s; discounted payback: %(discounted)s.')] = '投资回收期（累计现金流转正，年内按比例计算）：%(simple)s；折现回收期：%(discounted)s。'
ZH[(R, 'Net cash flow per year with the cumulative and discounted cumulative cash flow and the payback point')] = '逐年净现金流、累计与折现累计现金流及回收点'
ZH[(R, 'Risk')] = '风险'
ZH[(R, "Each scenario applies every line's conservative, expected or optimistic factor at once: the conservative scenario is the case where everything goes wrong together.")] = '每个情景同时对所有条目取保守、预期或乐观系数：保守情景即所有不利因素同时出现的情况。'
ZH[(R, 'Scenario')] = '情景'
ZH[(R, 'Conservative')] = '保守'
ZH[(R, 'Expected')] = '预期'
ZH[(R, 'Optimistic')] = '乐观'
ZH[(R, 'Scenarios')] = '情景'
ZH[(R, 'Monte Carlo simulation')] = '蒙特卡洛模拟'
ZH[(R, '%(runs)s runs (seed %(seed)s); each line is drawn from a triangular distribution between its conservative and optimistic factors, most likely 1.')] = '%(runs)s 次运行（随机种子 %(seed)s）；每个条目按三角分布抽取，介于保守与乐观系数之间，最可能值为 1。'
ZH[(R, 'NPV, net ROI and payback by percentile of the simulation')] = '模拟得到的净现值、净 ROI 和回收期分位数'
ZH[(R, 'The NPV is positive in %(share)s of runs; the investment is paid back within the horizon in %(paid)s of runs.')] = '净现值为正的运行占 %(share)s；在期限内收回投资的运行占 %(paid)s。'
ZH[(R, 'Distribution of the NPV in the simulation')] = '模拟中的净现值分布'
ZH[(R, 'Which lines matter most')] = '影响最大的条目'
ZH[(R, 'The tornado moves one line at a time from its conservative to its optimistic factor, the others expected: the longest bars are the estimates worth checking first.')] = '龙卷风图每次只把一个条目从保守系数变到乐观系数，其余保持预期：条形最长的估算最值得优先核实。'
ZH[(R, 'Tornado: NPV per line over its scenario range')] = '龙卷风图：各条目在情景范围内的净现值'
ZH[(R, 'Swing')] = '摆幅'
ZH[(R, 'Go-live dependency')] = '对上线日期的依赖'
ZH[(R, 'The plan has no go-live milestone (the go-live gate of the cut-over phase): benefits start at year 1 as entered.')] = '计划中没有上线里程碑（切换阶段的上线关口）：收益按输入从第 1 年开始。'
ZH[(R, 'Benefits start at go-live (milestone %(task)s). The case assumes %(assumed)s (%(source)s); the schedule forecasts %(forecast)s at the status date %(status)s. Every figure of this report uses the forecast.')] = '收益自上线开始（里程碑 %(task)s）。论证假设 %(assumed)s（%(source)s）；进度在状态日期 %(status)s 预测为 %(forecast)s。本报告所有数字均采用预测日期。'
ZH[(R, 'Go-live is %(days)s calendar days later than assumed (in calendar months: %(months)s): NPV %(npv)s instead of %(planned)s.')] = '上线比假设晚 %(days)s 个日历日（按日历月计：%(months)s 个月）：净现值为 %(npv)s，而非 %(planned)s。'
ZH[(R, 'Go-live is %(days)s calendar days earlier than assumed (in calendar months: %(months)s): NPV %(npv)s instead of %(planned)s.')] = '上线比假设早 %(days)s 个日历日（按日历月计：%(months)s 个月）：净现值为 %(npv)s，而非 %(planned)s。'
ZH[(R, 'At the assumed go-live')] = '按假设上线日期'
ZH[(R, 'At the forecast go-live')] = '按预测上线日期'
ZH[(R, 'The case at the assumed and at the forecast go-live')] = '按假设与预测上线日期的论证结果'
ZH[(R, 'Each further month of delay costs %(cost)s of NPV.')] = '每再延迟一个月，净现值损失 %(cost)s。'
ZH[(R, 'Savings of redesigned processes')] = '流程再造带来的节约'
ZH[(R, "Each to-be process map saves its cost per case against its as-is map, times the cases a year; taken into the case, the saving is the full-year amount of a cost-reduction line, realised at that line's ramp-up (a new line: in full from year 1 on).")] = '每张未来流程图相对现状流程图节约的单件成本，乘以每年件数；纳入论证后，该节约成为成本降低条目的全年金额，按该条目的爬坡比例实现（新条目：自第 1 年起全额计入）。'
ZH[(R, 'Process map')] = '流程图'
ZH[(R, 'Saving a year')] = '每年节约'
ZH[(R, 'Benefit line')] = '收益条目'
ZH[(R, 'taken into the case')] = '已纳入论证'
ZH[(R, 'the line holds %(amount)s a year: the map has changed since')] = '该条目每年为 %(amount)s：流程图此后已有变化'
ZH[(R, 'not taken yet')] = '尚未纳入'
ZH[(R, 'Yearly savings of the redesigned processes and the benefit lines that take them')] = '再造流程的年度节约及承接它们的收益条目'
ZH[(R, 'Benefits realised after go-live')] = '上线后实现的收益'
ZH[(R, 'Planned benefits')] = '计划收益'
ZH[(R, 'Actual benefits')] = '实际收益'
ZH[(R, 'Realised')] = '实现率'
ZH[(R, 'Planned costs')] = '计划成本'
ZH[(R, 'Actual costs')] = '实际成本'
ZH[(R, 'Cost variance')] = '成本偏差'
ZH[(R, 'Benefits and costs recorded against plan, %(currency)s')] = '对照计划记录的收益与成本，%(currency)s'
ZH[(R, 'NPV as planned %(planned)s; re-forecast from the actuals recorded %(reforecast)s.')] = '计划净现值 %(planned)s；按已记录实际值重新预测为 %(reforecast)s。'
ZH[(R, 'Benefits realised to date: %(share)s of plan.')] = '迄今已实现计划收益的 %(share)s。'
ZH[(None, "Key figures and a verdict, assumptions and the NPV convention, cost and benefit lines per year, cash "
          "flows with NPV, IRR, ROI both ways and payback, scenarios, Monte Carlo and tornado, the go-live "
          "dependency.")] = \
    "关键指标与结论、假设与净现值口径、逐年成本与收益条目、含净现值/内部收益率/两种口径 ROI 与回收期的现金流、情景、蒙特卡洛与龙卷风图、对上线日期的依赖。"
# The vendor comparison (crm_impl/reports/vendors.py)
ZH.update({
    (R, "Vendor comparison"): "供应商比较",
    (R, "Vendor selection"): "供应商选型",
    (R, "This project has no vendor selection yet. Once the short-listed vendors, the criteria and the "
        "evaluators' score sheets are entered on the project's vendor selection page, this report compares the "
        "vendors and recommends one."):
        "本项目尚无供应商选型。在项目的供应商选型页面录入入围供应商、评估准则和评估人的评分表后，本报告将比较各供应商并给出推荐。",
    (R, "Recommendation"): "推荐结论",
    (R, "The results are withheld until the project manager closes scoring: until then they would reveal the "
        "evaluators' scores to each other. The selection process and the criteria follow."):
        "在项目经理关闭评分之前，结果暂不公布：否则评估人会看到彼此的评分。以下列出选型过程和评估准则。",
    (R, "The selection cannot be scored yet: %(problem)s"): "选型尚无法计分：%(problem)s",
    (R, "The analysis recommends %(winner)s."): "分析结果推荐 %(winner)s。",
    (R, "On the weighted criteria %(winner)s ranks first with %(score)s of 5, %(margin)s points ahead of "
        "%(runner)s (%(runner_score)s)."):
        "按加权准则，%(winner)s 以 %(score)s 分（满分 5 分）排名第一，领先 %(runner)s（%(runner_score)s 分）%(margin)s 分。",
    (R, "%(winner)s ranks first with %(score)s of 5: it is the only vendor that is not disqualified."):
        "%(winner)s 以 %(score)s 分（满分 5 分）排名第一：它是唯一未被淘汰的供应商。",
    (R, "No single vendor ranks first (the leading totals tie, or every vendor is disqualified): the analysis "
        "does not choose a vendor."):
        "没有唯一排名第一的供应商（最高总分并列，或所有供应商均被淘汰）：分析不推荐任何供应商。",
    (R, "The smallest change of a single weight that hands the lead to another vendor moves %(criterion)s from "
        "%(now)s to %(then)s (%(change)s percentage points); %(vendor)s would then rank first."):
        "使领先者易主的最小单一权重变化是将 %(criterion)s 从 %(now)s 调整为 %(then)s（%(change)s 个百分点），"
        "届时 %(vendor)s 将排名第一。",
    (R, "No change of a single weight hands the lead to another vendor."): "任何单一权重的变化都不会使领先者易主。",
    (R, "With every weight varied by up to ±%(spread)s at once, %(winner)s ranks first in %(share)s of %(runs)s "
        "runs."):
        "所有权重同时在 ±%(spread)s 范围内变动时，%(winner)s 在 %(runs)s 次模拟中有 %(share)s 排名第一。",
    (R, "The weighted sum and TOPSIS agree: %(name)s ranks first in both."):
        "加权求和法与 TOPSIS 结论一致：%(name)s 在两种方法中均排名第一。",
    (R, "The weighted sum and TOPSIS disagree on the winner (%(first)s against %(second)s): the call is close."):
        "加权求和法与 TOPSIS 的胜出者不同（%(first)s 对 %(second)s）：结果十分接近。",
    (R, "%(winner)s has the lowest TCO of the %(count)s vendors: %(tco)s (%(tco_pv)s in present value)."):
        "%(winner)s 的总拥有成本在 %(count)s 家供应商中最低：%(tco)s（现值 %(tco_pv)s）。",
    (R, "The TCO of %(winner)s is %(tco)s (%(tco_pv)s in present value); %(cheapest)s is the cheapest at "
        "%(low)s."):
        "%(winner)s 的总拥有成本为 %(tco)s（现值 %(tco_pv)s）；最低的是 %(cheapest)s，为 %(low)s。",
    (R, "Its NPV, %(npv)s, is the highest of the vendors."): "其净现值 %(npv)s 为各供应商中最高。",
    (R, "Its NPV is %(npv)s; %(best)s has the highest, %(best_npv)s."):
        "其净现值为 %(npv)s；净现值最高的是 %(best)s，为 %(best_npv)s。",
    (R, "The project has no business case, so the vendors' TCO and ROI are not compared."):
        "本项目没有业务论证，因此未比较各供应商的总拥有成本和投资回报率。",
    (R, "Disqualified by a knock-out criterion: %(names)s."): "因淘汰准则被淘汰：%(names)s。",
    (R, "The AHP judgements behind the weights are consistent (consistency ratio of the hierarchy %(cr)s, limit "
        "%(limit)s)."):
        "权重所依据的 AHP 判断是一致的（层次结构一致性比率 %(cr)s，上限 %(limit)s）。",
    (R, "The group's AHP judgements are inconsistent at %(nodes)s (consistency ratio above %(limit)s): revise "
        "them before deciding."):
        "群体 AHP 判断在 %(nodes)s 处不一致（一致性比率高于 %(limit)s）：请在决策前修订。",
    (R, "The own comparisons of %(names)s have a consistency ratio above %(limit)s (see the consistency table)."):
        "%(names)s 本人的两两比较一致性比率高于 %(limit)s（见一致性表）。",
    (R, "The evaluators' scores lie %(points)s points or more apart on %(count)s scores (see the scores "
        "section)."):
        "评估人的评分在 %(count)s 项上相差 %(points)s 分或以上（见评分一节）。",
    (R, "Key figures of the recommendation"): "推荐结论的关键数据",
    (R, "Ranked first (weighted sum)"): "排名第一（加权求和）",
    (R, "Weighted score (of 5)"): "加权得分（满分 5 分）",
    (R, "Runner-up"): "第二名",
    (R, "%(name)s (%(score)s)"): "%(name)s（%(score)s）",
    (R, "Lead over the runner-up (points of 5)"): "领先第二名的分差（满分 5 分）",
    (R, "Ranked first by TOPSIS"): "TOPSIS 排名第一",
    (R, "Smallest weight change that changes the winner"): "改变胜出者的最小权重变化",
    (R, "Probability of ranking first (weights varied)"): "排名第一的概率（权重变动）",
    (R, "TCO of the recommended vendor"): "推荐供应商的总拥有成本",
    (R, "NPV of the recommended vendor"): "推荐供应商的净现值",
    (R, "%(criterion)s: %(now)s → %(then)s"): "%(criterion)s：%(now)s → %(then)s",
    (R, "Selection process"): "选型过程",
    (R, "%(title)s: %(vendors)s short-listed vendors, scored by %(evaluators)s evaluators on %(criteria)s "
        "criteria in %(groups)s groups; the quotations are compared over %(years)s years."):
        "%(title)s：%(vendors)s 家入围供应商，由 %(evaluators)s 名评估人按 %(groups)s 组共 %(criteria)s 项准则评分；"
        "报价按 %(years)s 年比较。",
    (R, "The weights come from pairwise comparisons (AHP) by %(count)s stakeholders: %(names)s."):
        "权重来自 %(count)s 名干系人的两两比较（AHP）：%(names)s。",
    (R, "The weights are to come from pairwise comparisons (AHP); nobody has compared the criteria yet."):
        "权重应来自两两比较（AHP），但尚无人比较各准则。",
    (R, "The weights were entered directly: a relative number for each group and for each criterion inside its "
        "group."):
        "权重为直接录入：每个准则组一个相对数值，组内每项准则一个相对数值。",
    (R, "Scoring was closed by %(name)s on %(day)s."): "评分已由 %(name)s 于 %(day)s 关闭。",
    (R, "Scoring is closed."): "评分已关闭。",
    (R, "Since then the criteria, weights, comparisons or vendors have changed (changes: %(count)s; the last on "
        "%(day)s by %(name)s): the results below are not the ones read at closing."):
        "此后评价准则、权重、两两比较或供应商又有改动（共 %(count)s 处，最近一次于 %(day)s，由 %(name)s 修改）：以下结果已不是评分关闭时看到的结果。",
    (R, "Scoring is still open."): "评分仍在进行中。",
    (R, "Notes:"): "备注：",
    (R, "Short-listed vendors and their quotations"): "入围供应商及其报价",
    (R, "No vendor is on the short list yet."): "尚无入围供应商。",
    (R, "Evaluators and the completion of their score sheets"): "评估人及其评分表完成情况",
    (R, "No evaluators have been chosen yet."): "尚未选定评估人。",
    (R, "Vendor"): "供应商",
    (R, "Licence"): "许可费用",
    (R, "Implementation"): "实施费用",
    (R, "Running costs per year"): "每年运行费用",
    (R, "Total over %(years)s years"): "%(years)s 年合计",
    (R, "Quotation document"): "报价文件",
    (R, "Evaluator"): "评估人",
    (R, "Cells scored"): "已评分项",
    (R, "Complete"): "已完成",
    (R, "Criteria and weights"): "评估准则与权重",
    (R, "A criterion's weight is its group's weight times its weight inside the group; the weights of all "
        "criteria sum to 100%. Scores on 1–10 and scores where lower is better enter the total on the 1–5 scale, "
        "turned round where needed."):
        "准则的权重等于其所在组的权重乘以其组内权重；全部准则的权重合计为 100%。1–10 分制的评分和越低越好的评分"
        "在计入总分时换算到 1–5 分制，必要时反向换算。",
    (R, "The criteria tree with the weights"): "准则树及权重",
    (R, "The weights cannot be computed yet: %(problem)s"): "权重尚无法计算：%(problem)s",
    (R, "Criterion"): "准则",
    (R, "Scored"): "评分方式",
    (R, "Knock-out"): "淘汰线",
    (R, "Weight in group"): "组内权重",
    (R, "Weight"): "权重",
    (R, "%(scale)s, %(direction)s"): "%(scale)s，%(direction)s",
    (R, "1–%(top)s"): "1–%(top)s 分",
    (R, "from figures"): "按数据",
    (R, "higher is better"): "越高越好",
    (R, "lower is better"): "越低越好",
    (R, "under %(value)s disqualifies"): "低于 %(value)s 即淘汰",
    (R, "over %(value)s disqualifies"): "高于 %(value)s 即淘汰",
    (R, "Consistency of the AHP judgements"): "AHP 判断的一致性",
    (R, "Saaty's consistency ratio (CR) measures how far a matrix of comparisons contradicts itself; above "
        "%(limit)s the judgements should be revised. The group's matrix is the geometric mean of the "
        "stakeholders' matrices."):
        "Saaty 一致性比率（CR）衡量比较矩阵自相矛盾的程度；高于 %(limit)s 时应修订判断。群体矩阵为各干系人矩阵的几何平均。",
    (R, "Consistency ratio at each node, for the group and for each stakeholder"): "各节点的一致性比率（群体及各干系人）",
    (R, "Compared"): "比较对象",
    (R, "Stakeholder"): "干系人",
    (R, "CR"): "CR",
    (R, "Consistent"): "一致",
    (R, "group (geometric mean)"): "群体（几何平均）",
    (R, "Criteria groups"): "准则组",
    (R, "The consistency ratio of the whole hierarchy is %(cr)s."): "整个层次结构的一致性比率为 %(cr)s。",
    (R, "%(who)s at “%(node)s”: CR %(cr)s. The most inconsistent comparison is %(a)s against %(b)s, entered as "
        "%(value)s where the other judgements imply %(implied)s; %(suggested)s would bring the CR to %(new_cr)s."):
        "%(who)s 在“%(node)s”处：CR 为 %(cr)s。最不一致的比较是 %(a)s 对 %(b)s，录入值为 %(value)s，"
        "而其他判断隐含的值为 %(implied)s；改为 %(suggested)s 可使 CR 降至 %(new_cr)s。",
    (R, "Every matrix is consistent (CR at most %(limit)s)."): "所有矩阵均一致（CR 不超过 %(limit)s）。",
    (R, "Scores and the evaluators' spread"): "评分与评估人之间的分歧",
    (R, "A vendor's consolidated score on a criterion is the mean of the evaluators' scores; the lowest, the "
        "highest and the standard deviation show how far they agree. Rows where the scores lie %(points)s points "
        "or more apart are shaded: talk them through before deciding. Criteria scored from figures give the best "
        "figure the top of the scale."):
        "供应商在某项准则上的汇总得分为各评估人评分的平均值；最低分、最高分和标准差反映评估人的一致程度。"
        "评分相差 %(points)s 分或以上的行以底色标出：请在决策前讨论。按数据评分的准则中，最佳数据得满分。",
    (R, "Scores of %(vendor)s, with the evaluators' spread"): "%(vendor)s 的评分及评估人之间的分歧",
    (R, "Mean"): "平均",
    (R, "Lowest"): "最低",
    (R, "Highest"): "最高",
    (R, "Std dev"): "标准差",
    (R, "Basis"): "依据",
    (R, "%(count)s sheets"): "%(count)s 份评分表",
    (R, "figure: %(figure)s"): "数据：%(figure)s",
    (R, "The evaluators' scores lie %(points)s points or more apart on %(count)s scores: %(cells)s."):
        "评估人的评分在 %(count)s 项上相差 %(points)s 分或以上：%(cells)s。",
    (R, "%(criterion)s for %(vendor)s (%(low)s–%(high)s)"): "%(vendor)s 的 %(criterion)s（%(low)s–%(high)s）",
    (R, "No two evaluators' scores on a criterion lie %(points)s points or more apart."):
        "没有任何两名评估人在同一准则上的评分相差 %(points)s 分或以上。",
    (R, "Ranking"): "排名",
    (R, "A vendor's total is Σ weight × score on the 1–5 scale (the methodology's scoring rule). TOPSIS ranks the "
        "qualified vendors a second way, by their relative closeness to an ideal vendor (0–1, higher is better)."):
        "供应商总分为 1–5 分制下的 Σ 权重 × 得分（方法论的评分规则）。TOPSIS 以另一种方式对未淘汰的供应商排名："
        "按其与理想供应商的相对贴近度（0–1，越高越好）。",
    (R, "Ranking by weighted score, with TOPSIS beside it"): "按加权得分排名（并列 TOPSIS 结果）",
    (R, "Rank"): "排名",
    (R, "TOPSIS closeness"): "TOPSIS 贴近度",
    (R, "TOPSIS rank"): "TOPSIS 排名",
    (R, "disqualified"): "已淘汰",
    (R, "Group subtotals: each group's part of the weighted score"): "各组小计：各准则组在加权得分中的份额",
    (R, "Group"): "准则组",
    (R, "Total"): "合计",
    (R, "Score (1–5)"): "得分（1–5）",
    (R, "The vendors over the CRM-7 areas (mean score, 1–5)"): "各供应商在 CRM-7 各领域的得分（平均分，1–5）",
    (R, "The vendors over the criteria groups (mean score, 1–5)"): "各供应商在各准则组的得分（平均分，1–5）",
    (R, "Weighted score of each vendor, by group"): "各供应商按准则组分解的加权得分",
    (R, "Disqualifications"): "淘汰情况",
    (R, "Knock-out criteria: %(rules)s."): "淘汰准则：%(rules)s。",
    (R, "%(criterion)s (%(rule)s)"): "%(criterion)s（%(rule)s）",
    (R, "No criterion has a knock-out threshold."): "没有设定淘汰阈值的准则。",
    (R, "Disqualified vendors"): "被淘汰的供应商",
    (R, "No vendor is disqualified."): "没有供应商被淘汰。",
    (R, "Threshold"): "阈值",
    (R, "Reason"): "原因",
    (R, "Sensitivity of the result"): "结果的敏感性",
    (R, "One weight at a time"): "逐一改变单个权重",
    (R, "One weight changes, the others are scaled in proportion so that all still sum to 100%. For each "
        "criterion the table gives the weight at which another vendor would rank first, the nearest first."):
        "改变一个权重，其余权重按比例缩放，使合计仍为 100%。下表列出每项准则使另一供应商排名第一的权重，最接近的在前。",
    (R, "Weight at which another vendor ranks first, by criterion"): "各准则使另一供应商排名第一的权重",
    (R, "Without a single winner there is no lead to hand over."): "没有唯一的胜出者，因此不存在领先易主。",
    (R, "Weight now"): "当前权重",
    (R, "Winner changes at"): "胜出者改变于",
    (R, "Change (percentage points)"): "变化（百分点）",
    (R, "New winner"): "新的胜出者",
    (R, "no weight changes the winner"): "任何权重都不改变胜出者",
    (R, "Each criterion's weight now and the weight at which another vendor wins"): "各准则的当前权重及使另一供应商胜出的权重",
    (R, "All weights at once"): "同时改变全部权重",
    (R, "Each of %(runs)s runs varies every weight by up to ±%(spread)s at once (seed %(seed)s) and records "
        "which vendor ranks first."):
        "共模拟 %(runs)s 次，每次同时将所有权重在 ±%(spread)s 范围内变动（随机种子 %(seed)s），并记录排名第一的供应商。",
    (R, "Probability of ranking first when all weights vary"): "全部权重变动时排名第一的概率",
    (R, "Probability of ranking first"): "排名第一的概率",
    (R, "Share of runs in which each vendor ranks first"): "各供应商排名第一的模拟次数占比",
    (R, "TCO and ROI per vendor"): "各供应商的总拥有成本与投资回报率",
    (R, "Each vendor's quotation takes the place of the licences, implementation and running fees in the "
        "project's business case; the enterprise's own costs and the benefits stay as they are, at the forecast "
        "go-live. So the differences are the quotations' differences."):
        "以各供应商的报价替换项目业务论证中的许可、实施和运行费用；企业自身成本和收益保持不变，按预测的上线日期计算。"
        "因此，差异即报价之间的差异。",
    (R, "TCO, NPV and ROI per vendor"): "各供应商的总拥有成本、净现值与投资回报率",
    (R, "TCO (construction and usage) and NPV per vendor"): "各供应商的总拥有成本（建设与使用）及净现值",
    (R, "The project has no business case: TCO and ROI per vendor are computed once one is entered."):
        "本项目没有业务论证：录入业务论证后即可计算各供应商的总拥有成本与投资回报率。",
    (R, "TCO"): "总拥有成本",
    (R, "TCO (present value)"): "总拥有成本（现值）",
    (R, "NPV"): "净现值",
    (R, "Net ROI"): "净投资回报率",
    (R, "ROI (benefits ÷ TCO)"): "投资回报率（收益 ÷ 总拥有成本）",
    (R, "Payback (years)"): "投资回收期（年）",
    (R, "beyond the horizon"): "超出评估期",
    (None, "The recommended vendor and how robust the choice is, the selection process, criteria and weights with "
           "the AHP consistency, scores with the evaluators’ spread, ranking beside TOPSIS, disqualifications, "
           "sensitivity to the weights, TCO and ROI per vendor."):
        "推荐的供应商及其稳健性、选型过程、评估准则与权重及 AHP 一致性、评分及评估人之间的分歧、加权排名与 TOPSIS 对照、"
        "淘汰情况、对权重的敏感性、各供应商的总拥有成本与投资回报率。",
})
# The process redesign (BPR) report (crm_impl/reports/processes.py)
ZH.update({
    (R, "Process redesign"): "流程优化",
    (R, "Process maps: %(maps)s. Redesigned processes (an as-is map with its to-be map): %(pairs)s. Maps without a "
        "partner: %(single)s."):
        "流程图：%(maps)s 张。经过优化的流程（现有流程图与目标流程图成对）：%(pairs)s 个。没有对应流程图的流程图：%(single)s 张。",
    (R, "The project has no process maps yet, so there is no as-is or to-be process to compare. Maps are drawn, "
        "uploaded or started from a template on the project's process pages."):
        "本项目尚无流程图，因此没有可比较的现有流程或目标流程。可在项目的流程页面绘制、上传流程图，或从模板开始。",
    (R, "Process maps with their headline metrics"): "流程图及其主要指标",
    (R, "Map"): "流程图",
    (R, "Cases a year"): "年业务量",
    (R, "Saving a year"): "年节约额",
    (R, "Selecting the processes to redesign"): "选择需要优化的流程",
    (R, "Each candidate process is rated 1–5 on the three criteria of the methodology: the importance of its "
        "position, its performance gap (how badly it performs now) and the feasibility of redesigning it. The "
        "priority is the mean of the three ratings; a process is selected only if its feasibility is at least 3."):
        "按方法论的三项标准为每个候选流程评 1–5 分：位势的重要性、绩效的低下性（目前表现有多差）和落实的可能性。"
        "优先级为三项评分的平均值；只有落实可能性不低于 3 的流程才会入选。",
    (R, "Candidate processes ranked by priority"): "按优先级排序的候选流程",
    (R, "No candidate processes are rated yet."): "尚未对任何候选流程评分。",
    (R, "Selected for redesign: %(names)s."): "入选优化的流程：%(names)s。",
    (R, "Rank"): "排名",
    (R, "Process"): "流程",
    (R, "Importance"): "重要性",
    (R, "Performance gap"): "绩效差距",
    (R, "Feasibility"): "可行性",
    (R, "Priority"): "优先级",
    (R, "Selected"): "入选",
    (R, "Quadrant"): "象限",
    (R, "Mapped"): "已绘制",
    (R, "Departments"): "部门数",
    (R, "System functions"): "系统功能数",
    (R, "The scope quadrant places each process by the business departments it involves and the system functions "
        "it needs: I few of both, II many functions in few departments, III few functions across many departments, "
        "IV many of both. Projects usually start in I and grow towards IV."):
        "范围象限按流程涉及的业务部门和所需的系统功能来定位每个流程：I 两者都少，II 功能多而部门少，"
        "III 功能少而部门多，IV 两者都多。项目通常从 I 开始，逐步向 IV 扩展。",
    (R, "Scope quadrant of the candidate processes (selected ones filled)"): "候选流程的范围象限（实心为入选流程）",
    (R, "Root-cause analysis"): "根本原因分析",
    (R, "Each problem is drawn as a fishbone: the problem at the head, the cause categories as bones, each cause "
        "with its share of the problem from field data. Sorted by share, the vital few causes that explain about "
        "80 per cent of the problem are the ones to address first (the 20:80 principle)."):
        "每个问题都画成鱼骨图：问题在鱼头，原因类别为鱼骨，每个原因标出其根据现场数据得出的占比。"
        "按占比排序后，解释约百分之八十问题的少数关键原因应最先解决（20:80 原则）。",
    (R, "No fishbone diagrams are recorded."): "尚未记录鱼骨图。",
    (R, "No causes are recorded for this problem yet."): "此问题尚未记录原因。",
    (R, "Fishbone diagram: %(problem)s"): "鱼骨图：%(problem)s",
    (R, "Pareto chart: %(problem)s"): "帕累托图：%(problem)s",
    (R, "Causes by their share of the problem: %(problem)s"): "按问题占比排列的原因：%(problem)s",
    (R, "The vital few: %(count)s of %(total)s causes explain %(share)s of the problem (cut at %(cut)s)."):
        "关键少数：%(total)s 个原因中的 %(count)s 个解释了 %(share)s 的问题（分界线 %(cut)s）。",
    (R, "Category"): "类别",
    (R, "Cause"): "原因",
    (R, "Share of the problem"): "问题占比",
    (R, "Cumulative share"): "累计占比",
    (R, "Vital few"): "关键少数",
    (R, "Redesigned processes"): "优化后的流程",
    (R, "Each redesigned process is shown as its as-is map and its to-be map, with what changed, the metrics of "
        "both, the yearly saving and a what-if simulation of both maps."):
        "每个优化后的流程都列出其现有流程图和目标流程图，以及变化内容、两者的指标、年节约额和两张流程图的假设模拟。",
    (R, "No to-be map redesigns an as-is map yet."): "尚无目标流程图对应现有流程图。",
    (R, "As-is map: %(as_is)s. To-be map: %(to_be)s."): "现有流程图：%(as_is)s。目标流程图：%(to_be)s。",
    (R, "As-is and to-be diagrams"): "现有与目标流程图",
    (R, "In the to-be diagram, added steps and flows are green and changed ones amber; removed steps are named "
        "under the diagram and listed with the differences. A wide diagram is printed in parts, left to right."):
        "在目标流程图中，新增的步骤和连线为绿色，修改的为橙色；删除的步骤在图下注明，并列入差异表。"
        "较宽的流程图分段从左到右打印。",
    (R, "As-is map: %(name)s"): "现有流程图：%(name)s",
    (R, "To-be map: %(name)s (added in green, changed in amber)"): "目标流程图：%(name)s（绿色为新增，橙色为修改）",
    (R, "Step"): "步骤",
    (R, "Lane"): "泳道",
    (R, "Change"): "变化",
    (R, "Element"): "元素",
    (R, "Element name"): "名称",
    (R, "Details"): "详情",
    (R, "Differences"): "差异",
    (R, "What the to-be map adds, removes and changes"): "目标流程图新增、删除和修改的内容",
    (R, "The to-be map is the same as the as-is map."): "目标流程图与现有流程图相同。",
    (R, "added"): "新增",
    (R, "removed"): "删除",
    (R, "changed"): "修改",
    (R, "unchanged"): "未变",
    (R, "Flow"): "连线",
    (R, "Start event"): "开始事件",
    (R, "End event"): "结束事件",
    (R, "Decision"): "判断",
    (R, "Parallel gateway"): "并行网关",
    (R, "Intermediate event"): "中间事件",
    (R, "Data object"): "数据对象",
    (R, "kind"): "类型",
    (R, "name"): "名称",
    (R, "Chinese name"): "中文名称",
    (R, "English name"): "英文名称",
    (R, "lane"): "泳道",
    (R, "working time (hours)"): "工作时间（小时）",
    (R, "waiting time (hours)"): "等待时间（小时）",
    (R, "cost"): "成本",
    (R, "value-adding"): "增值",
    (R, "automated"): "自动化",
    (R, "channel"): "渠道",
    (R, "share of cases"): "业务占比",
    (R, "successful outcome"): "成功结果",
    (R, "label"): "标签",
    (R, "probability"): "概率",
    (R, "Metrics side by side"): "指标对比",
    (R, "Expected values per case over the probabilities of the decisions (a loop counts as often as it is "
        "expected to run); times in hours from arrival to the end event."):
        "按各判断分支的概率计算的每笔业务期望值（循环按其预期执行次数计算）；时间为从到达到结束事件的小时数。",
    (R, "Metrics of the as-is and the to-be map"): "现有流程图与目标流程图的指标",
    (R, "Change (%)"): "变化（%）",
    (R, "Channels offered"): "提供的渠道",
    (R, "As-is and to-be metrics side by side"): "现有与目标流程指标对比",
    (R, "Yearly saving"): "年节约额",
    (R, "Yearly saving of the redesign"): "流程优化的年节约额",
    (R, "Cost per case, as-is"): "每笔业务成本（现有）",
    (R, "Cost per case, to-be"): "每笔业务成本（目标）",
    (R, "Saved per case"): "每笔业务节约",
    (R, "Hours saved per case"): "每笔业务节约小时数",
    (R, "Saving a year (saved per case × cases a year)"): "年节约额（每笔节约 × 年业务量）",
    (R, "Working hours freed a year"): "每年释放的工作小时数",
    (R, "The business case's benefit line %(line)s takes this saving (%(amount)s a year)."):
        "商业论证的收益项 %(line)s 已计入此节约额（每年 %(amount)s）。",
    (R, "The business case's benefit line %(line)s holds %(amount)s a year: the map has changed since the saving "
        "was taken."):
        "商业论证的收益项 %(line)s 为每年 %(amount)s：计入节约额之后流程图已有变更。",
    (R, "The saving feeds the business case's benefit line %(line)s, which has not taken it yet."):
        "此节约额对应商业论证的收益项 %(line)s，但尚未计入。",
    (R, "The saving is not in the business case yet; taken, it becomes a cost-reduction line from year 1 on."):
        "此节约额尚未计入商业论证；计入后将成为从第 1 年起的成本节约项。",
    (R, "The to-be map costs no less per case than the as-is map, so it feeds no cost saving into the business "
        "case."):
        "目标流程图的每笔业务成本不低于现有流程图，因此不向商业论证计入成本节约。",
    (R, "What-if simulation"): "假设模拟",
    (R, "Both maps run the what-if page's default scenario: %(cases)s cases arriving at %(rate)s an hour, working "
        "and waiting times varying by %(cv)s (coefficient of variation), seed %(seed)s."):
        "两张流程图都运行假设模拟页面的默认情景：%(cases)s 笔业务，每小时到达 %(rate)s 笔，"
        "工作和等待时间的变异系数为 %(cv)s，随机种子 %(seed)s。",
    (R, "Arrivals are random (Poisson)."): "到达是随机的（泊松分布）。",
    (R, "Arrivals are evenly spaced."): "到达间隔均匀。",
    (R, "Lanes without given people have as many as the cases need: their queues stay empty and their utilisation "
        "is not measured."):
        "未指定人数的泳道按业务需要配备人员：其队列始终为空，不计算利用率。",
    (R, "Simulated cycle time of the as-is and the to-be map"): "现有与目标流程图的模拟周期时间",
    (R, "Cycle time P50 (hours)"): "周期时间 P50（小时）",
    (R, "Cycle time P90 (hours)"): "周期时间 P90（小时）",
    (R, "Mean cycle time (hours)"): "平均周期时间（小时）",
    (R, "Mean queue wait per case (hours)"): "每笔业务平均排队等待（小时）",
    (R, "Cases completed"): "完成的业务数",
    (R, "Lanes in the simulation: people, utilisation and queue wait"): "模拟中的泳道：人数、利用率和排队等待",
    (R, "People"): "人数",
    (R, "Utilisation"): "利用率",
    (R, "Mean queue wait (hours)"): "平均排队等待（小时）",
    (R, "Hours worked"): "工作小时数",
    (R, "as needed"): "按需",
    (R, "Simulated cycle times of the as-is and the to-be map (P50 dashed, P90 dotted)"):
        "现有与目标流程图的模拟周期时间（虚线为 P50，点线为 P90）",
    (R, "The simulation could not run: %(reason)s"): "模拟无法运行：%(reason)s",
    (R, "Maps without a redesign"): "未优化的流程图",
    (R, "These maps have no partner (an as-is map not yet redesigned, or a to-be map linked to no as-is map): "
        "their metrics alone."):
        "这些流程图没有对应的流程图（尚未优化的现有流程图，或未关联现有流程图的目标流程图），仅列出其指标。",
    (R, "As-is map, not yet redesigned."): "现有流程图，尚未优化。",
    (R, "To-be map linked to no as-is map."): "未关联现有流程图的目标流程图。",
    (R, "Metrics of %(name)s"): "%(name)s 的指标",
    (None, "Candidate processes ranked with the scope quadrant, fishbone and Pareto analysis, and per redesigned "
           "process the as-is and to-be diagrams, differences, metrics, yearly saving and what-if simulation."):
        "候选流程排序与范围象限、鱼骨图与帕累托分析，以及每个优化流程的现有与目标流程图、差异、指标、年节约额和假设模拟。",
})
ZH[(R, "No task names a responsible role yet, so the weekly load of each role cannot be shown.")] = \
    "尚无任务指定负责角色，因此无法显示各角色的每周负荷。"
