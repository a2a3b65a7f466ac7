"""Simplified Chinese for the process engine, the BPMN format and the process charts (issue 11).

Apply with tools/fill_translations.py (see /work/notes/helper-common.md).
"""

ZH = {
    # validation of a process map (crm_impl/processes/validate.py)
    (None, "%(where)s: %(problem)s"): "%(where)s：%(problem)s",
    (None, "and %(count)s more problems"): "另有 %(count)s 个问题",
    (None, "%(field)s of %(node)s must be a number from 0 to %(limit)s, got %(value)r"):
        "%(node)s 的 %(field)s 必须是 0 到 %(limit)s 之间的数，实际为 %(value)r",
    (None, "the share of start event %(node)s must lie from 0 to 1, got %(value)r"):
        "开始事件 %(node)s 的占比必须在 0 到 1 之间，实际为 %(value)r",
    (None, "a probability must lie from 0 to 1, got %(value)r"): "概率必须在 0 到 1 之间，实际为 %(value)r",
    (None, "two lanes have the same key"): "两条泳道的键相同",
    (None, "%(field)s does not apply to %(node)s (%(kind)s)"): "%(field)s 不适用于%(kind)s %(node)s",
    (None, "a node has no id"): "有一个节点没有标识",
    (None, "the id %(node)s is used twice"): "标识 %(node)s 被使用了两次",
    (None, "%(node)s has an unknown kind %(kind)r"): "%(node)s 的类型 %(kind)r 无法识别",
    (None, "%(node)s is in lane %(lane)r, which the map does not have"): "%(node)s 位于泳道 %(lane)r，但流程图中没有这条泳道",
    (None, "the flow joins %(node)s, which the map does not have"): "该顺序流连接到 %(node)s，但流程图中没有这个节点",
    (None, "a sequence flow cannot join the data object %(node)s"): "顺序流不能连接数据对象 %(node)s",
    (None, "two flows join the same two nodes"): "两条顺序流连接相同的两个节点",
    (None, "%(node)s is not a data object of the map"): "%(node)s 不是流程图中的数据对象",
    (None, "%(node)s is not a flow node of the map"): "%(node)s 不是流程图中的流程节点",
    (None, "a data link is read (in) or written (out), not %(value)r"):
        "数据关联只能是读取（in）或写入（out），不能是 %(value)r",
    (None, "the map has no start event"): "流程图没有开始事件",
    (None, "the map has no end event"): "流程图没有结束事件",
    (None, "give every start event a share or none: %(nodes)s have none"):
        "请为所有开始事件都给出占比，或都不给：%(nodes)s 没有占比",
    (None, "the shares of the start events sum to %(total)s, not 1"): "各开始事件的占比之和为 %(total)s，而不是 1",
    (None, "start event %(node)s has an incoming flow"): "开始事件 %(node)s 有流入的顺序流",
    (None, "start event %(node)s needs one outgoing flow, has %(count)s"):
        "开始事件 %(node)s 需要一条流出的顺序流，实际有 %(count)s 条",
    (None, "end event %(node)s has an outgoing flow"): "结束事件 %(node)s 有流出的顺序流",
    (None, "%(node)s has %(count)s outgoing flows: branch with a gateway"):
        "%(node)s 有 %(count)s 条流出的顺序流：请用网关分支",
    (None, "the flows leaving gateway %(node)s need a probability (missing towards %(targets)s)"):
        "离开网关 %(node)s 的顺序流需要概率（通往 %(targets)s 的缺少概率）",
    (None, "the probabilities leaving gateway %(node)s sum to %(total)s, not 1"):
        "离开网关 %(node)s 的概率之和为 %(total)s，而不是 1",
    (None, "parallel gateway %(node)s both joins and splits: draw two gateways"):
        "并行网关 %(node)s 既汇合又分支：请画成两个网关",
    (None, "%(node)s has no outgoing flow"): "%(node)s 没有流出的顺序流",
    (None, "%(node)s has no incoming flow"): "%(node)s 没有流入的顺序流",
    (None, "%(node)s cannot be reached from a start event"): "从任何开始事件都无法到达 %(node)s",
    (None, "%(node)s never reaches an end event"): "%(node)s 永远无法到达结束事件",
    (None, "the branches of parallel gateway %(node)s do not all meet at one parallel join"):
        "并行网关 %(node)s 的各分支没有汇合到同一个并行汇合网关",
    (None, "a branch of parallel gateway %(node)s leads back to it before the join"):
        "并行网关 %(node)s 的某个分支在汇合之前又回到了该网关",
    (None, "%(node)s is entered from outside the parallel block of %(split)s"):
        "%(node)s 从 %(split)s 的并行块外部进入",
    (None, "parallel join %(node)s has no matching parallel split"): "并行汇合网关 %(node)s 没有对应的并行分支网关",
    (None, "the map has more than %(limit)s nodes"): "流程图的节点超过 %(limit)s 个",
    (None, "the map has more than %(limit)s flows"): "流程图的顺序流超过 %(limit)s 条",
    # selection, root cause, simulation
    (None, "must be a whole number from 1 to %(scale)s, got %(value)r"): "必须是 1 到 %(scale)s 的整数，实际为 %(value)r",
    (None, "must be a whole number of at least 0, got %(value)r"): "必须是不小于 0 的整数，实际为 %(value)r",
    (None, "unknown scoring method %(value)r"): "未知的评分方法 %(value)r",
    (None, "weights must be numbers of at least 0, not all 0"): "权重必须是不小于 0 的数，且不能全为 0",
    (None, "two candidates have the same key"): "两个候选流程的键相同",
    (None, "the cut must lie above 0 and at most 1, got %(value)r"): "分界值必须大于 0 且不超过 1，实际为 %(value)r",
    (None, "must be a number from 0 up, got %(value)r"): "必须是不小于 0 的数，实际为 %(value)r",
    (None, "must be a number above 0, got %(value)r"): "必须是大于 0 的数，实际为 %(value)r",
    (None, "must be a whole number from 1 to %(limit)s, got %(value)r"): "必须是 1 到 %(limit)s 的整数，实际为 %(value)r",
    (None, "must be a number from 0 to 5, got %(value)r"): "必须是 0 到 5 之间的数，实际为 %(value)r",
    (None, "the map has no lane %(lane)r"): "流程图中没有泳道 %(lane)r",
    (None, "the run would take about %(steps)s steps, more than %(limit)s: simulate fewer cases or check the "
           "loops' probabilities"): "本次模拟约需 %(steps)s 步，超过 %(limit)s 步：请减少案例数或检查循环的概率",
    (None, "the run took more than %(limit)s steps"): "本次模拟超过了 %(limit)s 步",
    (None, "people must be a whole number from 1 to 10000, got %(value)r"): "人数必须是 1 到 10000 的整数，实际为 %(value)r",
    (None, "working hours must start from 0 to 24 o'clock and last more than 0 and at most 24 hours"):
        "工作时间必须在 0 点到 24 点之间开始，时长大于 0 且不超过 24 小时",
    # BPMN files (crm_impl/formats/bpmn.py)
    (None, "not a BPMN 2.0 file: the root element is %(tag)s, not definitions in the BPMN 2.0 namespace"):
        "不是 BPMN 2.0 文件：根元素是 %(tag)s，而不是 BPMN 2.0 命名空间中的 definitions",
    (None, "the file has more than %(limit)s elements"): "文件中的元素超过 %(limit)s 个",
    (None, "the file nests elements more than %(limit)s deep"): "文件中元素的嵌套超过 %(limit)s 层",
    (None, "the file has more than %(limit)s nodes"): "文件中的节点超过 %(limit)s 个",
    (None, "the file has more than %(limit)s flows"): "文件中的顺序流超过 %(limit)s 条",
    (None, "the file has no process %(id)r"): "文件中没有流程 %(id)r",
    (None, "the file holds process %(found)r, not %(expected)r"): "文件中的流程是 %(found)r，而不是 %(expected)r",
    (None, "the map's structure differs from the file's at %(items)s"): "流程图的结构与文件在以下位置不同：%(items)s",
    (None, "the map cannot be written into this file as it is"): "无法将流程图按原样写入此文件",
    (None, "the file has no process with events, tasks or gateways"): "文件中没有包含事件、任务或网关的流程",
    (None, "a %(element)s has no id"): "有一个 %(element)s 没有标识",
    (None, "%(attribute)s is not a number: %(value)r"): "%(attribute)s 不是数字：%(value)r",
    (None, "%(attribute)s must be a number from 0 to %(limit)s, got %(value)r"):
        "%(attribute)s 必须是 0 到 %(limit)s 之间的数，实际为 %(value)r",
    (None, "%(attribute)s must be true or false, got %(value)r"): "%(attribute)s 必须是 true 或 false，实际为 %(value)r",
    # charts
    (None, "give from 1 to %(limit)s simulation runs"): "请给出 1 到 %(limit)s 次模拟运行",
    (None, "unknown process metric %(value)r"): "未知的流程指标 %(value)r",
    ("process node", "start event"): "开始事件",
    ("process node", "end event"): "结束事件",
    ("process node", "task"): "任务",
    ("process node", "exclusive gateway"): "排他网关",
    ("process node", "parallel gateway"): "并行网关",
    ("process node", "intermediate event"): "中间事件",
    ("process node", "data object"): "数据对象",
    ("chart", "Fishbone diagram"): "鱼骨图",
    ("chart", "Pareto analysis of causes"): "原因的帕累托分析",
    ("chart", "Cause"): "原因",
    ("chart", "Share of the problem (%)"): "占问题的比例（%）",
    ("chart", "Cumulative share (%)"): "累计比例（%）",
    ("chart", "Cut at %(share)s"): "分界线 %(share)s",
    ("chart", "Vital few"): "关键少数",
    ("chart", "Other causes"): "其他原因",
    ("chart", "As-is and to-be process"): "现有流程与目标流程",
    ("process", "As-is"): "现有流程",
    ("process", "To-be"): "目标流程",
    ("chart", "Simulated cycle time"): "模拟周期时间",
    ("chart", "Cases"): "案例数",
    ("chart", "Cycle time (hours)"): "周期时间（小时）",
    ("chart", "Process map"): "流程图",
    ("process diff", "Added"): "新增",
    ("process diff", "Changed"): "已修改",
    ("process diff", "Unchanged"): "未变",
    ("process diff", "Removed: %(items)s"): "已删除：%(items)s",
    ("process metric", "Steps"): "步骤数",
    ("process metric", "Hand-offs"): "交接次数",
    ("process metric", "Decision points"): "决策点",
    ("process metric", "Cycle time (hours)"): "周期时间（小时）",
    ("process metric", "Touch time (hours)"): "作业时间（小时）",
    ("process metric", "Waiting time (hours)"): "等待时间（小时）",
    ("process metric", "Cost per case"): "每案例成本",
    ("process metric", "Cost per successful outcome"): "每个成功结果的成本",
    ("process metric", "Value-added ratio (%)"): "增值比（%）",
    ("process metric", "Automation share (%)"): "自动化比例（%）",
    ("process metric", "Channels"): "渠道数",
    ("process metric", "Successful outcomes (%)"): "成功结果比例（%）",
}
