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
# The process redesign (BPR) report (crm_impl/reports/processes.py)
ZH.update({
    (R, "Process redesign"): "流程优化",
    (R, "The project holds %(maps)s process maps: %(pairs)s redesigned processes, each an as-is map with its to-be "
        "map, and %(single)s maps without a partner."):
        "本项目共有 %(maps)s 张流程图：%(pairs)s 个经过优化的流程（每个由现有流程图和目标流程图组成），"
        "以及 %(single)s 张没有对应流程图的流程图。",
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
